"""The editor's day in the admin: a public-council news item started from a template, and the editor's drafts on
the dashboard.

The template fills what every council news item has (the council, the date, the tags, a title and an introduction
in the language of the news list it goes to) and saves a draft, never a live page: the editor writes the rest in the
page editor and submits it to moderation there; a moderator approves it from the dashboard (Wagtail's "Awaiting your
review" panel: the actions button, then "Approve").
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from words.formatting import format_date

from .models import NewsIndexPage, NewsPage, PublicCouncil

# The tag every council news item carries, in the news list's language.
COUNCIL_TAG = gettext_lazy("public council")


def news_lists_for(user) -> list[NewsIndexPage]:
    """The news lists (one per language) under which `user` may add a page."""
    return [
        index
        for index in NewsIndexPage.objects.select_related("locale").order_by("locale__language_code")
        if index.permissions_for_user(user).can_add_subpage()
    ]


@transaction.atomic
def draft_council_news(*, news_list: NewsIndexPage, council: PublicCouncil, day, user) -> NewsPage:
    """A draft news item about `council`'s session on `day`, in the language of `news_list`, owned by `user`."""
    language = news_list.locale.language_code
    with translation.override(language):
        title = gettext("%(council)s: session of %(date)s") % {
            "council": council.name,
            "date": format_date(day, language),
        }
        intro = gettext("The public council “%(council)s” met on %(date)s.") % {
            "council": council.name,
            "date": format_date(day, language),
        }
        tags = [str(COUNCIL_TAG), council.territory]
    page = NewsPage(
        title=title,
        slug=find_available_slug(news_list, slugify(title, allow_unicode=True)[:80].strip("-") or day.isoformat()),
        date=day,
        council=council,
        intro=intro,
        live=False,
        owner=user,
    )
    page.tags.add(*[tag for tag in tags if tag])
    news_list.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


class CouncilNewsForm(forms.Form):
    """Which news list (language), which council, which day: all else comes from the template. `lists`: the news
    lists the user may add to (`news_lists_for`)."""

    news_list = forms.ModelChoiceField(label=gettext_lazy("News list"), queryset=NewsIndexPage.objects.none())
    council = forms.ModelChoiceField(label=gettext_lazy("Public council"), queryset=PublicCouncil.objects.all())
    date = forms.DateField(
        label=gettext_lazy("Date of the session"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, lists: list[NewsIndexPage], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["news_list"].queryset = NewsIndexPage.objects.filter(pk__in=[index.pk for index in lists])
        self.fields["news_list"].label_from_instance = lambda page: f"{page.title} ({page.locale.get_display_name()})"
        admin_language = translation.get_language()
        preferred = next((index for index in lists if index.locale.language_code == admin_language), None)
        if preferred or lists:
            self.fields["news_list"].initial = (preferred or lists[0]).pk
        councils = PublicCouncil.objects.select_related("locale").order_by("locale__language_code", "name")
        self.fields["council"].queryset = councils
        if preferred or lists:
            first = councils.filter(locale=(preferred or lists[0]).locale).first()
            self.fields["council"].initial = first.pk if first else None
        self.fields["council"].label_from_instance = lambda c: f"{c.name} ({c.locale.get_display_name()})"

    def clean(self):
        data = super().clean()
        news_list, council = data.get("news_list"), data.get("council")
        if news_list and council and council.locale_id != news_list.locale_id:
            translated = council.get_translation_or_none(news_list.locale)
            if translated is None:
                self.add_error("council", gettext("This council has no name in the language of the news list yet."))
            else:
                data["council"] = translated
        return data


class DraftsPanel(Component):
    """The editor's drafts: pages they own or last edited whose latest changes are not live."""

    name = "qatysu_drafts"
    template_name = "home/admin/drafts_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        drafts = (
            Page.objects.filter(has_unpublished_changes=True)
            .filter(Q(owner=user) | Q(latest_revision__user=user))
            .select_related("locale", "latest_revision")
            .order_by("-latest_revision_created_at")[:10]
        )
        in_moderation = set(
            Page.objects.filter(pk__in=[p.pk for p in drafts], _workflow_states__status="in_progress").values_list(
                "pk", flat=True
            )
        )
        return {
            "drafts": [(page, page.pk in in_moderation) for page in drafts],
            "can_start_news": bool(news_lists_for(user)),
            "request": self.request,
        }


def council_news_view(request):
    """Start a council news item from the template, then edit it in the page editor."""
    lists = news_lists_for(request.user)
    if not lists:
        raise PermissionDenied
    form = CouncilNewsForm(request.POST or None, lists=lists)
    if request.method == "POST" and form.is_valid():
        page = draft_council_news(
            news_list=form.cleaned_data["news_list"],
            council=form.cleaned_data["council"],
            day=form.cleaned_data["date"],
            user=request.user,
        )
        messages.success(request, gettext("A draft is ready: write the news, then submit it to moderation."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request, "home/admin/council_news.html", {"form": form, "page_title": gettext("Council news from a template")}
    )
