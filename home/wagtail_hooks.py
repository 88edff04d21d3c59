from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import editorial
from .models import PublicCentre, PublicCouncil


class PublicCouncilViewSet(SnippetViewSet):
    model = PublicCouncil
    icon = "group"
    menu_label = _("Public councils")
    list_display = ["name", "territory", "level", "members_count"]
    list_filter = ["level", "locale"]
    search_fields = ["name", "territory"]


class PublicCentreViewSet(SnippetViewSet):
    model = PublicCentre
    icon = "home"
    menu_label = _("Public centres")
    list_display = ["name", "region", "address", "phone"]
    list_filter = ["locale"]
    search_fields = ["name", "region", "address"]


class CivicSnippetsGroup(SnippetViewSetGroup):
    items = (PublicCouncilViewSet, PublicCentreViewSet)
    menu_icon = "group"
    menu_label = _("Councils and centres")
    menu_name = "civic"


register_snippet(CivicSnippetsGroup)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [path("news/council/", editorial.council_news_view, name="home_council_news")]


@hooks.register("construct_homepage_panels")
def add_drafts_panel(request, panels):
    panels.append(editorial.DraftsPanel(request))


@hooks.register("insert_global_admin_js")
def admin_i18n_js():
    """What the admin's scripts leave in English, put into the editor's language (home/static/home/admin_i18n.js)."""
    return format_html('<script src="{}"></script>', static("home/admin_i18n.js"))


@hooks.register("insert_global_admin_css")
def admin_css():
    """Contrast the admin's add-ons lack (home/static/home/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin.css"))
