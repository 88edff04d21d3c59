"""The catalogue of proposals: filters, full-text query, facet counts, sorting; on the database.

The filter state is read and checked by a django-filter FilterSet (`CatalogueFilter`); `run_catalogue`
answers it with one page of results and the count of each facet value, each facet counted under all the
other filters. Vote counts come only from `Proposal.published_votes` (set when results are published).
"""

from dataclasses import dataclass, field

import django_filters
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pb_module.models import PBCyclePage, ProposalPage, Territory
from pb_module.models.proposal import STATUS_LABELS
from pb_module.rules.statuses import PUBLIC, Status

from .text import normalise_query

PER_PAGE = 20
FUNDED = [Status.SELECTED, Status.IN_IMPLEMENTATION, Status.COMPLETED, Status.STALLED]
PUBLIC_STATUSES = [s for s in Status if s in PUBLIC]
SORTS = {
    "relevance": _("relevance"),
    "votes": _("most votes"),
    "cost": _("lowest cost"),
    "-cost": _("highest cost"),
    "newest": _("newest"),
    "oldest": _("oldest"),
}
FACETS = ["district", "year", "cycle", "status", "tag", "funded"]


class CatalogueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words to look for"), method="filter_text")
    district = django_filters.NumberFilter(label=_("Place"), method="filter_district")
    year = django_filters.NumberFilter(label=_("Year"), field_name="proposal__cycle__year")
    cycle = django_filters.NumberFilter(label=_("Cycle"), method="filter_cycle")
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="proposal__status", choices=[(s.value, STATUS_LABELS[s]) for s in PUBLIC_STATUSES]
    )
    tag = django_filters.CharFilter(label=_("Topic"), field_name="tags__slug", max_length=100)
    cost_min = django_filters.NumberFilter(
        label=_("Cost from, tenge"), field_name="cost", lookup_expr="gte", min_value=0
    )
    cost_max = django_filters.NumberFilter(
        label=_("Cost up to, tenge"), field_name="cost", lookup_expr="lte", min_value=0
    )
    funded = django_filters.ChoiceFilter(
        label=_("Funded"), method="filter_funded", choices=[("yes", _("funded")), ("no", _("not funded"))]
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), method="filter_nothing", choices=list(SORTS.items()))

    class Meta:
        model = ProposalPage
        fields = []

    def filter_text(self, queryset, name, value):
        for stem in normalise_query(value, get_language()).split():
            queryset = queryset.filter(search_text__contains=f" {stem} ")
        return queryset

    def filter_district(self, queryset, name, value):
        territory = Territory.objects.filter(pk=value).first()
        if territory is None:
            return queryset
        return queryset.filter(proposal__district__translation_key__in=territory.descendant_keys)

    def filter_cycle(self, queryset, name, value):
        cycle = PBCyclePage.objects.filter(pk=value).first()
        return queryset.filter(proposal__cycle__translation_key=cycle.translation_key) if cycle else queryset.none()

    def filter_funded(self, queryset, name, value):
        funded = Q(proposal__status__in=FUNDED)
        return queryset.filter(funded if value == "yes" else ~funded)

    def filter_nothing(self, queryset, name, value):
        return queryset  # the sort is applied by `run_catalogue`

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        low, high = data.get("cost_min"), data.get("cost_max")
        if low is not None and high is not None and low > high:
            self.form.add_error("cost_max", _("The upper cost is below the lower one; the cost range is ignored."))
            data.pop("cost_min", None)  # add_error has taken cost_max out of cleaned_data
        if data.get("district") is not None and not Territory.objects.filter(pk=data["district"]).exists():
            self.form.add_error("district", _("There is no such place; all places are shown."))
        if data.get("cycle") is not None and not PBCyclePage.objects.filter(pk=data["cycle"]).exists():
            self.form.add_error("cycle", _("There is no such cycle; all cycles are shown."))
        return super().filter_queryset(queryset)


def base_queryset(language: str):
    """Live public proposal pages in `language` (translations and aliases), with the cost that counts."""
    return (
        ProposalPage.objects.live()
        .public()
        .filter(locale=Locale.objects.get(language_code=language), proposal__status__in=PUBLIC_STATUSES)
        .annotate(cost=Coalesce("proposal__validated_cost", "proposal__estimated_cost"))
        .select_related("proposal", "proposal__district")
    )


@dataclass
class Facet:
    key: str
    label: str
    values: list[dict] = field(default_factory=list)  # {"value", "label", "count", "current"}


@dataclass
class CatalogueResult:
    filterset: CatalogueFilter
    page_obj: object
    facets: list[Facet]
    sort: str
    notices: list[str]
    district: Territory | None = None


def _ordered(queryset, sort: str, stems: list[str]):
    if sort == "votes":
        return queryset.order_by(F("proposal__published_votes").desc(nulls_last=True), "-proposal__created_at", "pk")
    if sort in ("cost", "-cost"):
        return queryset.order_by(sort, "pk")
    if sort == "oldest":
        return queryset.order_by("proposal__created_at", "pk")
    if sort == "relevance" and stems:
        in_title = Q()
        for stem in stems:
            in_title |= Q(title__icontains=stem)
        return queryset.alias(title_hit=Count("pk", filter=in_title)).order_by("-title_hit", "-proposal__created_at")
    return queryset.order_by("-proposal__created_at", "pk")


def _facet_counts(data, language, key):
    """Counts for facet `key` under every other filter of `data`."""
    others = {k: v for k, v in data.items() if k != key and k not in ("page", "sort")}
    qs = CatalogueFilter(others, queryset=base_queryset(language)).qs.order_by()  # no ordering in GROUP BY
    if key == "district":
        return dict(qs.values_list("proposal__district__translation_key").annotate(n=Count("pk", distinct=True)))
    if key == "year":
        return dict(qs.values_list("proposal__cycle__year").annotate(n=Count("pk", distinct=True)))
    if key == "cycle":
        return dict(qs.values_list("proposal__cycle__translation_key").annotate(n=Count("pk", distinct=True)))
    if key == "status":
        return dict(qs.values_list("proposal__status").annotate(n=Count("pk", distinct=True)))
    if key == "tag":
        rows = (
            qs.exclude(tags__slug=None).values_list("tags__slug", "tags__name").annotate(n=Count("pk", distinct=True))
        )
        return {(slug, name): n for slug, name, n in rows.order_by("-n", "tags__name")[:20]}
    funded = qs.filter(proposal__status__in=FUNDED).count()
    return {"yes": funded, "no": qs.count() - funded}


def _district_facet(counts, chosen, language):
    """The places one level below the chosen one (or the top places), each counting its whole subtree."""
    territories = Territory.objects.filter(locale__language_code=language)
    parent = territories.filter(translation_key=chosen.translation_key).first() if chosen else None
    shown = territories.filter(parent=parent) if parent else territories.filter(parent=None)
    values = []
    for territory in shown.order_by("name"):
        n = sum(counts.get(key, 0) for key in territory.descendant_keys)
        if n:
            values.append({"value": territory.pk, "label": territory.name, "count": n, "current": False})
    return values


def run_catalogue(data, language: str) -> CatalogueResult:
    from .es_catalogue import es_catalogue_or_none  # Elasticsearch when ELASTICSEARCH_URL is set and it answers

    if (answer := es_catalogue_or_none(data, language)) is not None:
        return answer
    filterset = CatalogueFilter(data, queryset=base_queryset(language))
    queryset = filterset.qs.distinct()
    clean = filterset.form.cleaned_data
    stems = normalise_query(clean.get("q") or "", language).split()
    sort = clean.get("sort") or ("relevance" if stems else "newest")
    notices = []
    paginator = Paginator(_ordered(queryset, sort, stems), PER_PAGE)
    asked = data.get("page") or "1"
    page_obj = paginator.get_page(asked)
    if str(page_obj.number) != str(asked).strip():
        notices.append(_("That page does not exist; here is page %(n)s.") % {"n": page_obj.number})
    valid = {k: v for k, v in data.items() if k not in filterset.form.errors}
    chosen_district = Territory.objects.filter(pk=clean["district"]).first() if clean.get("district") else None
    facets = []
    for key in FACETS:
        counts = _facet_counts(valid, language, key)
        facet = Facet(key, str(filterset.filters[key].label))
        if key == "district":
            facet.values = _district_facet(counts, chosen_district, language)
        elif key == "year":
            facet.values = [{"value": y, "label": str(y), "count": n} for y, n in sorted(counts.items(), reverse=True)]
        elif key == "cycle":
            cycles = PBCyclePage.objects.live().filter(locale__language_code=language, translation_key__in=counts)
            facet.values = [
                {"value": c.pk, "label": c.title, "count": counts[c.translation_key]} for c in cycles.order_by("-year")
            ]
        elif key == "status":
            facet.values = [
                {"value": s.value, "label": STATUS_LABELS[s], "count": counts[s.value]}
                for s in PUBLIC_STATUSES
                if counts.get(s.value)
            ]
        elif key == "tag":
            facet.values = [{"value": slug, "label": name, "count": n} for (slug, name), n in counts.items()]
        else:
            facet.values = [
                {"value": v, "label": label, "count": counts[v]} for v, label in filterset.filters[key].extra["choices"]
            ]
        current = str(data.get(key, ""))
        for value in facet.values:
            value["current"] = str(value["value"]) == current
        facets.append(facet)
    return CatalogueResult(filterset, page_obj, facets, sort, notices, chosen_district and chosen_district.localized)
