from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pb_module.rules import geo


class Territory(TranslatableMixin, index.Indexed, models.Model):
    """A place in the tree region -> city/district -> village/microdistrict."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        CITY = "city", _("City")
        DISTRICT = "district", _("District")
        VILLAGE = "village", _("Village or rural district")
        MICRODISTRICT = "microdistrict", _("Microdistrict")

    class Category(models.TextChoices):
        REPUBLICAN = "republican", _("City of republican significance")
        OBLAST = "oblast", _("City of regional significance")
        DISTRICT = "district", _("City of district significance")
        RURAL = "rural", _("Rural settlement")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    settlement_category = models.CharField(
        _("settlement category"),
        max_length=16,
        choices=Category.choices,
        blank=True,
        help_text=_("Sets the cap for one proposal. Leave empty to use the category of the place above."),
    )
    population_16_plus = models.PositiveIntegerField(
        _("residents aged 16 and over"), null=True, blank=True, help_text=_("From the statistics office.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The territory this one belongs to."),
    )

    # Where the map of the place opens (its centre); empty: the place above's, else the whole country.
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(geo.SOUTH), MaxValueValidator(geo.NORTH)],
        help_text=_("Of the centre of the place, in degrees, e.g. 43.2389: where its maps open."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(geo.WEST), MaxValueValidator(geo.EAST)],
        help_text=_("Of the centre of the place, in degrees, e.g. 76.8897."),
    )

    override_translatable_fields = [
        TranslatableField("parent"),
        SynchronizedField("population_16_plus"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("settlement_category"),
        FieldPanel("population_16_plus"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A territory cannot be part of itself.")})
            ancestor = ancestor.parent

    @property
    def effective_category(self) -> str:
        """The settlement category of this place or of the nearest place above that has one."""
        place = self
        while place is not None:
            if place.settlement_category:
                return place.settlement_category
            place = place.parent
        return ""

    @property
    def map_centre(self) -> tuple[float, float] | None:
        """(latitude, longitude) where this place's maps open: its own centre or that of the nearest place above."""
        place, seen = self, set()
        while place is not None and place.pk not in seen:
            seen.add(place.pk)
            if place.latitude is not None and place.longitude is not None:
                return place.latitude, place.longitude
            place = place.parent
        return None

    def descendants(self, include_self=True) -> list["Territory"]:
        """Every territory below this one (same language), breadth first."""
        found = [self] if include_self else []
        level = [self.pk]
        while level:
            children = list(Territory.objects.filter(parent_id__in=level))
            found.extend(children)
            level = [c.pk for c in children]
        return found

    @cached_property
    def descendant_keys(self) -> frozenset:
        return frozenset(t.translation_key for t in self.descendants())

    def contains(self, other: "Territory") -> bool:
        """True when `other` (in any language) is this territory or lies within it."""
        return other.translation_key in self.descendant_keys


class MrpRate(models.Model):
    """The monthly calculation index (MRP) of a year, set by the republican budget law."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    tenge = models.PositiveIntegerField(_("MRP, tenge"), help_text=_("Monthly calculation index for the year."))

    panels = [FieldPanel("year"), FieldPanel("tenge")]

    class Meta:
        verbose_name = _("MRP rate")
        verbose_name_plural = _("MRP rates")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}: {self.tenge}"

    @classmethod
    def as_dict(cls) -> dict[int, int]:
        return dict(cls.objects.values_list("year", "tenge"))


class StaffTerritory(models.Model):
    """The territory an admin user works for: their dashboard lists the proposals and reports of this place and of
    every place below it. Without one, a user sees those of the whole country."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="pb_territory"
    )
    territory = models.ForeignKey(Territory, verbose_name=_("territory"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("territory of a staff member")
        verbose_name_plural = _("territories of staff members")

    def __str__(self):
        return f"{self.user}: {self.territory}"
