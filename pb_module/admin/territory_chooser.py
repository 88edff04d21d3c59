"""The admin's territory chooser: each place with the places above it, in the editor's admin language.

Wagtail's snippet chooser titles a place with `str()` (its name in the language it was entered in) and builds
its button from "Choose %(object)s" and the verbose name, which gives "Выбрать территория" in Russian. Here the
button texts are whole sentences of their own, and the chooser's results, the chosen value and the widget show
"12-й микрорайон — Актау — Мангистауская область": the translation of each place in the admin language when
there is one (the snippet is translatable), else the place as entered.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

SEPARATOR = " — "


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def territory_label(territory, locale=None) -> str:
    """The place and every place above it, nearest first, each in `locale` (default: the active language)."""
    locale = locale or _active_locale()
    names = []
    seen = set()
    place = territory
    while place is not None and place.pk not in seen:
        seen.add(place.pk)
        shown = place
        if locale is not None and place.locale_id != locale.pk:
            shown = place.get_translation_or_none(locale) or place
        names.append(shown.name)
        place = place.parent
    return SEPARATOR.join(names)


class TerritoryChooser(AdminSnippetChooser):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Lazy, so the button speaks the language of the request that renders it.
        self.choose_one_text = _("Choose a territory")
        self.choose_another_text = _("Choose another territory")
        self.link_to_chosen_text = _("Edit this territory")

    def get_display_title(self, instance):
        return territory_label(instance)


class TerritoryTitleMixin:
    @property
    def title_column(self):
        column = super().title_column
        column.accessor = territory_label
        return column


class TerritoryChooseView(TerritoryTitleMixin, ChooseView):
    pass


class TerritoryChooseResultsView(TerritoryTitleMixin, ChooseResultsView):
    pass


class TerritoryChosenView(SnippetChosenView):
    def get_display_title(self, instance):
        return territory_label(instance)


class TerritoryChosenMultipleView(SnippetChosenMultipleView):
    def get_display_title(self, instance):
        return territory_label(instance)


class TerritoryChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TerritoryChooseView
    choose_results_view_class = TerritoryChooseResultsView
    chosen_view_class = TerritoryChosenView
    chosen_multiple_view_class = TerritoryChosenMultipleView
    base_widget_class = TerritoryChooser
