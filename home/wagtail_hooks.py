from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
