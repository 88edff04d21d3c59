import hashlib
from datetime import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from home.routing import home_for, locale_code, route_of, translated
from words.formatting import format_date, format_number

register = template.Library()


@register.filter
def number(value, decimals=0):
    """3 915 in kk and ru, 3,915 in en."""
    if value in (None, ""):
        return ""
    return format_number(value, get_language(), int(decimals))


@register.filter(expects_localtime=True)
def human_date(value):
    """2021 жылғы 18 тамыз / 18 августа 2021 г. / 18 August 2021.

    A moment (an aware datetime) is dated where the site is, in TIME_ZONE (Asia/Almaty): 23:30 UTC is the next day.
    """
    if not value:
        return ""
    return format_date(local_day(value), get_language())


@register.filter(expects_localtime=True)
def human_datetime(value):
    """2026 жылғы 18 желтоқсан, 18:30 (the day and the 24-hour time where the site is, Asia/Almaty)."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{format_date(local.date(), get_language())}, {local:%H:%M}"


def local_day(value):
    """The calendar day of `value` in the current time zone (TIME_ZONE unless activated otherwise)."""
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per site language: where the same page is in that language.

    For a Wagtail page, its translation (or alias); when the page has none in a language,
    that language's home page, marked `missing`. For other views, the same URL with the
    other language prefix. The translations and the home pages are read in one query.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    is_page = isinstance(page, Page) and page.pk
    translations, homes = {}, {}
    if is_page:
        root = _site_root(request)
        keys = [page.translation_key] + ([root.translation_key] if root else [])
        route = route_of(request)
        if route is not None and all(key in route.translations for key in keys):
            rows = [p for key in keys for p in route.translations[key]]  # read with the page
        else:
            rows = Page.objects.filter(translation_key__in=keys)
        for p in rows:
            code = locale_code(p.locale_id)
            if p.translation_key == page.translation_key and p.live:
                translations[code] = p
            if root and p.translation_key == root.translation_key:
                homes[code] = p
    versions = []
    for code, name in settings.LANGUAGES:
        info = get_language_info(code)
        entry = {
            "code": code,
            "name": name,
            "name_local": info["name_local"],
            "current": code == current,
            "missing": False,
        }
        if is_page:
            target = translations.get(code)
            if target is None:
                entry["missing"] = True
                target = homes.get(code)
            entry["url"] = target.get_url(request) if target else f"/{code}/"
        elif request is not None:
            entry["url"] = translate_url(request.get_full_path(), code)
        else:
            entry["url"] = f"/{code}/"
        versions.append(entry)
    return versions


@register.simple_tag(takes_context=True)
def main_menu(context, home):
    """Menu pages under the home page of the current language (read with the page when it was routed)."""
    if home is None:
        return []
    route = route_of(context.get("request"))
    if route is not None and route.home.pk == home.pk:
        return route.menu
    return home.get_children().live().in_menu()


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the reader's language: the one the page was routed from, else the site root's translation."""
    request = context.get("request")
    route = route_of(request)
    if route is not None:
        return route.home
    return home_for(request) if request is not None else None


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """The ancestors shown in the breadcrumbs (from the home page down), as routed when they were."""
    route = route_of(context.get("request"))
    chain = route.chain(page) if route is not None and route.home.depth == 2 else None
    return chain if chain is not None else page.get_ancestors()[1:]


@register.filter
def untranslated_source(page):
    """The page this one mirrors when it is a not-yet-translated alias of another language."""
    if isinstance(page, Page) and page.alias_of_id:
        source = page.alias_of
        if source.locale_id != page.locale_id:
            return source
    return None


@register.filter
def localized(obj):
    """The version of a translatable object (a territory, a council) in the reader's language."""
    if obj is None or isinstance(obj, Page):
        return obj.localized if obj is not None else None
    return translated(obj)


@register.simple_tag
def field_widget(field):
    """A form field's widget tied to its help text and errors for screen readers."""
    described = [f"{field.auto_id}_help"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required:
        attrs["required"] = True
    return field.as_widget(attrs=attrs)


@register.simple_tag
def page_links(page_obj):
    """The page numbers to link: the first and last, two on each side of the current one, None for a gap (a
    catalogue of 100 000 proposals has 5 000 pages: all of them would be a page of links)."""
    ellipsis = page_obj.paginator.ELLIPSIS
    pages = page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    return [None if n == ellipsis else n for n in pages]


@register.simple_tag(takes_context=True)
def kept_cards(context, pages, template_name, listing):
    """The pages' cards (`template_name` with each page as `item`), each in a list item, kept with the listing page
    (`page_cache.kept_one`: purged with it, and so by any change to a page it lists) for these pages in this order (a
    filter or a sort keeps its own)."""
    from home import page_cache

    request = context.get("request")
    pages = list(pages)
    template = context.template.engine.get_template(template_name)

    def render():
        cards = []
        for page in pages:
            with context.push(item=page):  # as {% include %} does: the whole context, and the card
                cards.append(f"<li>{template.render(context)}</li>")
        return "".join(cards)

    parts = listing.get_url_parts(request) if request else None
    if not parts or not parts[2]:
        return mark_safe(render())  # noqa: S308 (rendered by the template)
    shown = ",".join(str(page.pk) for page in pages)
    vary = f"{template_name}\n{request.get_host()}\n{hashlib.sha256(shown.encode()).hexdigest()}"
    return mark_safe(page_cache.kept_one("cards", parts[2], render, vary=vary))  # noqa: S308 (as above)


class KeepNode(template.Node):
    def __init__(self, nodelist, page, name, dated):
        self.nodelist, self.page, self.name, self.dated = nodelist, page, name, dated

    def render(self, context):
        from home import page_cache

        request = context.get("request")
        page = self.page.resolve(context)
        parts = page.get_url_parts(request) if request is not None and isinstance(page, Page) else None
        if not parts or not parts[2]:
            return self.nodelist.render(context)
        # The page's own route or one of its subpages (a cycle's results): what the request asked, not its query.
        vary = f"{self.name}\n{request.scheme}://{request.get_host()}{request.path}"
        return mark_safe(  # noqa: S308 (rendered by the template)
            page_cache.kept_one("block", parts[2], lambda: self.nodelist.render(context), vary=vary, dated=self.dated)
        )


@register.tag
def keep(parser, token):
    """{% keep page "name" [dated] %}…{% endkeep %}: the part of a page that is the same for every visitor,
    kept with the page (`page_cache.kept_one`: purged with it; `dated`: for the local day only, as what shows the
    phases)."""
    bits = token.split_contents()
    if len(bits) not in (3, 4) or (len(bits) == 4 and bits[3] != "dated"):
        raise template.TemplateSyntaxError('usage: {% keep page "name" [dated] %}')
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(nodelist, parser.compile_filter(bits[1]), bits[2].strip("\"'"), len(bits) == 4)
