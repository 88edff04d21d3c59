"""Routing a public request in a fixed number of queries, whatever the depth of the page (issue 15).

Wagtail routes /kk/a/b/c/ one level at a time: each level reads its child by slug, then the child's specific row (two
queries a level), and the page's ancestors are read again later for the breadcrumbs and the view-restriction check,
and the home page's children for the main menu. Here the home page reads them all at once (`read_route`): the pages
whose `url_path` is a prefix of the requested path, and the menu pages, as deferred specific instances (one query).
Each level's `route` (routable pages included) takes its child from that set, and the page finally served is read
whole once, with what its view needs (`routed_pages`). The set stays on the request for the breadcrumbs, the main
menu and the view restrictions. A path the set cannot answer falls back to Wagtail's own routing.
"""

from contextvars import ContextVar
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db.models import Exists, Q
from django.http import Http404
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import WAGTAIL_APPEND_SLASH
from wagtail.url_routing import RouteResult

ROUTE_ATTRIBUTE = "qatysu_route"

# What one request reads once however often it is asked (the page view restrictions): empty at the start of each
# request, gone at its end, None outside requests (management commands, tests calling models), which read every time.
_request_memo: ContextVar[dict | None] = ContextVar("qatysu_request_memo", default=None)


def _start_memo(**kwargs):
    _request_memo.set({})


def _end_memo(**kwargs):
    _request_memo.set(None)


request_started.connect(_start_memo, dispatch_uid="qatysu_request_memo_start")
request_finished.connect(_end_memo, dispatch_uid="qatysu_request_memo_end")


def view_restrictions() -> list:
    """Every PageViewRestriction with its page: read once a request."""
    memo = _request_memo.get()
    if memo is None:
        return list(PageViewRestriction.objects.select_related("page"))
    if "restrictions" not in memo:
        memo["restrictions"] = list(PageViewRestriction.objects.select_related("page"))
    return memo["restrictions"]


def public(pages):
    """`pages.public()`, with the restrictions read once a request: not in a private section nor below one."""
    private = Q()
    for restriction in view_restrictions():
        private |= Q(path__startswith=restriction.page.path, depth__gte=restriction.page.depth)
    return pages.exclude(private) if private else pages


_SERVE_PREFIXES: dict = {}


def _serve_prefix(language_code: str) -> str | None:
    """What `reverse("wagtail_serve")` puts before a page's path in a language ("kk/"), after the script prefix."""
    key = (language_code, get_urlconf())
    if key not in _SERVE_PREFIXES:
        try:
            with translation.override(language_code):
                url = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            url = None
        script = get_script_prefix()
        _SERVE_PREFIXES[key] = url[len(script) :] if url is not None and url.startswith(script) else None
    return _SERVE_PREFIXES[key]


@dataclass
class Route:
    home: Page
    pages: dict = field(default_factory=dict)  # url_path -> page (deferred specific; the served one whole)
    menu: list = field(default_factory=list)  # the live menu pages under `home`, in tree order
    translations: dict = field(default_factory=dict)  # translation_key -> its pages in every language (base rows)

    def chain(self, page) -> list | None:
        """The ancestors of `page` from the home page down, as routed (None when `page` was not routed here)."""
        ancestors = sorted(
            (p for p in self.pages.values() if p.depth < page.depth and page.path.startswith(p.path)),
            key=lambda p: p.depth,
        )
        if page.pk == self.home.pk:
            return []
        if len(ancestors) != page.depth - self.home.depth or ancestors[0].pk != self.home.pk:
            return None
        return ancestors


def route_of(request) -> Route | None:
    return getattr(request, ROUTE_ATTRIBUTE, None) if request is not None else None


def read_route(home, path_components) -> Route:
    """The pages on the way to the requested path, the main menu, the translations of both (for the language
    switcher) and whether any view restriction exists, in one query."""
    prefixes = [home.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
    # url_path has no index (slug has): with 100 000 pages, a query by url_path alone read every page (65 ms).
    on_the_way = Q(slug__in=set(path_components), url_path__in=prefixes) | Q(pk=home.pk)
    menu = Q(depth=home.depth + 1, path__startswith=home.path, live=True, show_in_menus=True)
    pages = Page.objects.annotate(any_restriction=Exists(PageViewRestriction.objects.all())).order_by()
    # Three parts of one query, each read through an index (joined by OR, SQLite and PostgreSQL read every page).
    rows = (
        pages.filter(on_the_way)
        .union(
            pages.filter(menu),
            pages.filter(translation_key__in=Page.objects.filter(on_the_way).values("translation_key")),
        )
        .order_by("path")
    )
    route = Route(home=home, pages={home.url_path: home})
    memo = _request_memo.get()
    for row in rows:
        if memo is not None and not row.any_restriction:
            memo["restrictions"] = []  # none anywhere: no page of this request needs to read them
        route.translations.setdefault(row.translation_key, []).append(row)
        if row.pk == home.pk:
            continue
        page = row.specific_deferred
        if row.url_path in prefixes and row.path.startswith(home.path):
            route.pages[row.url_path] = page
        if row.depth == home.depth + 1 and row.live and row.show_in_menus and row.path.startswith(home.path):
            route.menu.append(page)
    return route


def _whole(route: Route, result):
    """The routed page with all its fields (and its view bound to it), read once."""
    page, args, kwargs = result
    if not page.get_deferred_fields():
        return result
    whole = type(page).routed_pages().get(pk=page.pk)
    parent = getattr(page, "_cached_parent_obj", None)
    if parent is not None:
        whole._cached_parent_obj = parent
    route.pages[whole.url_path] = whole
    if args and callable(args[0]) and getattr(args[0], "__self__", None) is page:  # a routable page's view
        view = args[0].__func__.__get__(whole, type(whole))
        args = (view, *args[1:])
    return RouteResult(whole, args=args, kwargs=kwargs)


class RoutedPageMixin:
    """Takes the child for the next path component from the pages the home page read for this request."""

    @classmethod
    def routed_pages(cls):
        """The queryset the page is read from when it is served (a subclass adds what its view needs)."""
        return cls.objects.all()

    def route(self, request, path_components):
        route = route_of(request)
        if path_components and route is not None:
            child = route.pages.get(self.url_path + path_components[0] + "/")
            if child is not None and child.depth == self.depth + 1 and child.path.startswith(self.path):
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_url_parts(self, request=None):
        """Wagtail's, with its `reverse` done once per language and process instead of once per link (a cycle's
        60 proposal cards took 15 ms of links). The same URL: the language prefix, then the path below the
        site's root, quoted as `reverse` quotes it."""
        possible = self._get_relevant_site_root_paths(request)
        if len(possible) != 1 or not settings.WAGTAIL_I18N_ENABLED or not WAGTAIL_APPEND_SLASH:
            return super().get_url_parts(request)
        site_id, root_path, root_url, language_code = possible[0]
        try:
            if get_supported_content_language_variant(translation.get_language()) == language_code:
                language_code = translation.get_language()
        except LookupError:
            pass
        prefix = _serve_prefix(language_code)
        if prefix is None:
            return super().get_url_parts(request)
        rest = self.url_path[len(root_path) :]
        return (site_id, root_url, get_script_prefix() + quote(prefix + rest, safe=RFC3986_SUBDELIMS + "/~:@"))

    def kept(self, name: str, compute, *, vary: str = "", dated: bool = False):
        """`compute()`, kept with this page (`page_cache.kept_one`): purged whenever the page is."""
        from home import page_cache

        parts = self.get_url_parts()
        if not parts or not parts[2]:
            return compute()
        return page_cache.kept_one(name, parts[2], compute, vary=vary, dated=dated)

    def get_view_restrictions(self):
        """The view restrictions of this page and its ancestors (an alias has its source's), in one query when the
        page was routed here."""
        chain = self._routed_chain()
        if chain is None:
            return super().get_view_restrictions()
        ids = {page.alias_of_id or page.pk for page in [*chain, self]}
        root_path = self.path[: self.steplen]
        return [r for r in view_restrictions() if r.page_id in ids or r.page.path == root_path]

    def _routed_chain(self):
        route = getattr(self, "_qatysu_route", None)
        return route.chain(self) if route is not None else None


class RoutedHomeMixin(RoutedPageMixin):
    """The home page of a language: where Wagtail starts routing, so where the pages of the request are read."""

    def route(self, request, path_components):
        if request is None or route_of(request) is not None:
            return super().route(request, path_components)
        route = read_route(self, path_components)
        setattr(request, ROUTE_ATTRIBUTE, route)
        result = _whole(route, super().route(request, path_components))
        result.page._qatysu_route = route
        return result


# Routes kept across requests -----------------------------------------------------------------------------------


def locale_for(code):
    """The Locale of a language code, read once per process (a handful of rows fixed by WAGTAIL_CONTENT_LANGUAGES)."""
    if code not in _LOCALES:
        _LOCALES.update((locale.language_code, locale) for locale in Locale.objects.all())
    return _LOCALES.get(code)


def locale_code(locale_id) -> str:
    code = next((code for code, locale in _LOCALES.items() if locale.pk == locale_id), None)
    if code is None:
        _LOCALES.update((locale.language_code, locale) for locale in Locale.objects.all())
        code = next((code for code, locale in _LOCALES.items() if locale.pk == locale_id), "")
    return code


_LOCALES: dict[str, Locale] = {}


def translated(obj):
    """The version of a translatable snippet (a territory, a council) in the reader's language, else itself: as
    `obj.localized`, without reading the Locale again, and from `with_translations` when it was read there."""
    if obj is None:
        return None
    locale = locale_for(get_language())
    if locale is None or locale.pk == obj.locale_id:
        return obj
    known = getattr(obj, "_qatysu_translations", None)
    if known is not None and locale.pk in known:
        return known[locale.pk]
    return obj.get_translation_or_none(locale) or obj


def with_translations(objects) -> None:
    """Read the reader's-language versions of these snippets (one model) in one query, for `translated`."""
    objects = [obj for obj in objects if obj is not None]
    locale = locale_for(get_language())
    if not objects or locale is None:
        return
    model = type(objects[0])
    found = {
        row.translation_key: row
        for row in model.objects.filter(translation_key__in={obj.translation_key for obj in objects}, locale=locale)
    }
    for obj in objects:
        obj._qatysu_translations = {locale.pk: found.get(obj.translation_key, obj)}


def home_for(request):
    """The home page in the language of the request, with its own fields: the live translation of the site's root
    page, else the root page itself (as Wagtail's `site.root_page.localized.specific`, in one query)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    model = root.specific_class
    if model is None:
        return root.localized.specific
    locale = locale_for(get_language())
    ids = {root.locale_id} | ({locale.pk} if locale is not None else set())
    pages = model.objects.filter(translation_key=root.translation_key, locale_id__in=ids)
    rows = {page.locale_id: page for page in pages}
    translation = rows.get(locale.pk) if locale is not None else None
    return translation if translation is not None and translation.live else rows.get(root.locale_id, root.specific)


def route_request(request, path):
    """`Page.route_for_request`, with the home page of the language read in one query (`home_for`): the result stays
    on the request, where Wagtail's `serve` finds it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        home = home_for(request)
        try:
            result = home.route(request, [part for part in path.split("/") if part]) if home is not None else None
        except Http404:
            result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


def _route_now(request, path):
    """Route the request (through `RoutedHomeMixin`), and say what to keep: None for a 404."""
    result = route_request(request, path)
    route = route_of(request)
    if result is None or route is None:
        return None
    return {"site": request._wagtail_site, "route": route, "result": result, "restrictions": view_restrictions()}


def _chrome_now(request):
    """What a view that is not a page shows of the site (the home page of the language and its menu)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = home_for(request)
    menu = list(home.get_children().live().in_menu().specific(defer=True))
    return {"site": site, "route": Route(home=home, pages={home.url_path: home}, menu=menu), "restrictions": None}


class KeptRouteMiddleware:
    """Routes the requests for pages (`route_request`), and reads a page's route, the site and the menu from the
    parts kept for its path (`page_cache.kept_one`, purged with the page) instead of the four queries that find them:
    the site, the home page of the language, `read_route` and the page's own row. A 404 is not kept; neither is
    anything but a GET or HEAD."""

    def __init__(self, get_response):
        from wagtail.views import serve  # not importable before the models are loaded

        self.get_response = get_response
        self.serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from home import page_cache

        path = (view_args[0] if view_args else view_kwargs.get("path", "")) if view_func is self.serve else None
        language = page_cache.language_prefix(request.path)
        if request.method not in ("GET", "HEAD") or not page_cache.parts_enabled() or language is None:
            if path is not None:
                route_request(request, path)
            return None
        vary = f"{request.get_host()}\n{language}"
        if path is not None:
            kept = page_cache.kept_one("route", request.path, lambda: _route_now(request, path), vary=vary)
        else:
            kept = page_cache.kept_one("chrome", f"/{language}/", lambda: _chrome_now(request), vary=vary)
        if kept is not None:
            request._wagtail_site = kept["site"]
            setattr(request, ROUTE_ATTRIBUTE, kept["route"])
            if "result" in kept:
                kept["result"].page._qatysu_route = kept["route"]
                request._wagtail_route_for_request = kept["result"]
            memo = _request_memo.get()
            if memo is not None and kept["restrictions"] is not None:
                memo["restrictions"] = kept["restrictions"]
        return None
