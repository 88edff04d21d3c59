"""The national picture: the page that computes the seed paper's Table 4 from the territory tree and the MRP table,
next to the real figures of published cycles by region, and the composition of the public councils."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from home.routing import RoutedPageMixin
from pb_module.rules.money import SettlementCategory
from pb_module.rules.overview import AVERAGE_PROJECTS, MAX_AVERAGE_PROJECTS
from words.indexing import WORD_FORMS, WordFormsMixin

from .territory import Territory


def _average_field(category: SettlementCategory, label):
    return models.PositiveSmallIntegerField(
        label,
        default=AVERAGE_PROJECTS[category],
        validators=[MaxValueValidator(MAX_AVERAGE_PROJECTS)],
        help_text=_("The assumed average number of projects such a city funds in a year."),
    )


class NationalOverviewPage(WordFormsMixin, RoutablePageMixin, RoutedPageMixin, Page):
    """How much participatory budgeting is at stake in the country: Table 4 of the seed paper for a chosen year,
    computed from the cities in the territory tree and the MRP table (visitors may try other averages), the real
    figures of the published cycles by region, and the composition of the public councils."""

    parent_page_types = ["pb_module.PBIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    average_republican = _average_field(SettlementCategory.REPUBLICAN, _("average projects, republican cities"))
    average_oblast = _average_field(SettlementCategory.OBLAST, _("average projects, cities of regional significance"))
    average_district = _average_field(
        SettlementCategory.DISTRICT, _("average projects, cities of district significance")
    )
    default_year = models.PositiveSmallIntegerField(
        _("year shown first"),
        null=True,
        blank=True,
        help_text=_("Leave empty to show the latest year of the MRP table."),
    )
    note = RichTextField(
        _("note below the table"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Sources, and how the figures compare with published ones."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("average_republican"), FieldPanel("average_oblast")]),
                FieldPanel("average_district"),
                FieldPanel("default_year"),
            ],
            heading=_("Assumptions"),
        ),
        FieldPanel("note"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("note"), WORD_FORMS]
    word_form_sources = ("title", "intro")
    # The assumptions are facts: one value in every language.
    override_translatable_fields = [
        SynchronizedField("average_republican"),
        SynchronizedField("average_oblast"),
        SynchronizedField("average_district"),
        SynchronizedField("default_year"),
    ]

    class Meta:
        verbose_name = _("national overview")

    @property
    def averages(self) -> dict[str, int]:
        return {
            SettlementCategory.REPUBLICAN: self.average_republican,
            SettlementCategory.OBLAST: self.average_oblast,
            SettlementCategory.DISTRICT: self.average_district,
        }

    @path("")
    def index_route(self, request):
        from pb_module.web.overview import overview_view

        return overview_view(request, self)


def top_places() -> dict:
    """The places a composition belongs to: the top places of the source language (a translation is the same
    place)."""
    return {"parent__isnull": True, "locale__language_code": settings.LANGUAGE_CODE}


class CouncilComposition(models.Model):
    """Who sits in the public councils of a region in a year (the seed paper's Figure 1: the civil sector of the
    regional public councils, from the Ministry of Culture and Information). Numbers are facts, stored once; the
    region's name is shown in the reader's language."""

    region = models.ForeignKey(
        Territory,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="council_compositions",
        # One row per place: the top places of the source language (translations are the same places).
        limit_choices_to=top_places,
        help_text=_("A region or a city of republican significance."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    councils = models.PositiveSmallIntegerField(_("public councils"), default=0)
    ngo = models.PositiveIntegerField(_("members from NGOs"), default=0)
    business = models.PositiveIntegerField(_("members from business"), default=0)
    experts = models.PositiveIntegerField(_("members from science and education"), default=0)
    media = models.PositiveIntegerField(_("members from the media"), default=0)
    citizens = models.PositiveIntegerField(_("other citizens"), default=0)
    source = models.CharField(_("source"), max_length=255, blank=True)

    panels = [
        FieldPanel("region"),
        FieldPanel("year"),
        FieldPanel("councils"),
        FieldRowPanel([FieldPanel("ngo"), FieldPanel("business"), FieldPanel("experts")]),
        FieldRowPanel([FieldPanel("media"), FieldPanel("citizens")]),
        FieldPanel("source"),
    ]

    SECTORS = ("ngo", "business", "experts", "media", "citizens")

    class Meta:
        verbose_name = _("composition of public councils")
        verbose_name_plural = _("compositions of public councils")
        ordering = ["-year", "region__name"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="one_composition_per_region_year")]

    def __str__(self):
        return f"{self.region} {self.year}"

    @property
    def members(self) -> int:
        return sum(getattr(self, sector) for sector in self.SECTORS)
