"""The facets shown beside the results, built the same from either backend's counts (`build_facets`)."""

from dataclasses import dataclass, field

from taggit.models import Tag

from pb_module.models import Territory
from pb_module.vocabulary import STATUS_LABELS
from search.catalogue.state import FACETS, PUBLIC_STATUSES, Lookups


@dataclass
class Facet:
    key: str
    label: str
    values: list[dict] = field(default_factory=list)  # {"value", "label", "count", "current"}
    groups: list[dict] = field(default_factory=list)  # the place facet's values by top place: {"label", "values"}


def _place_values(found: dict, chosen: Territory | None, lookups: Lookups) -> tuple[list[dict], list[dict]]:
    """The place facet's values (every place with hits, and the chosen one) and the same values grouped by top
    place. The chosen place is marked in the reader's language, whichever language's id the address holds."""
    values, groups = [], {}
    chosen_key = chosen.translation_key if chosen else None
    for place in lookups.options:
        count, current = found.get(place.key, 0), place.translation_key == chosen_key
        if not (count or current):
            continue
        value = {"value": place.pk, "label": place.option_label, "count": count, "current": current}
        values.append(value)
        groups.setdefault(place.root.pk, {"label": place.root.name, "values": []})["values"].append(value)
    return values, list(groups.values())


def build_facets(counts: dict, filterset, data, chosen: Territory | None, language: str) -> list[Facet]:
    """The facets shown, from the counts of each facet's values (by facet key: places and cycles by the string of
    their translation key, years by number, statuses and topics by value, funded by "yes"/"no")."""
    facets, lookups = [], filterset.lookups
    for key in FACETS:
        found = counts.get(key, {})
        facet = Facet(key, str(filterset.filters[key].label))
        if key == "district":
            facet.values, facet.groups = _place_values(found, chosen, lookups)
        elif key == "year":
            facet.values = [{"value": y, "label": str(y), "count": n} for y, n in sorted(found.items(), reverse=True)]
        elif key == "cycle":  # every cycle of the language, a few hundred (an IN of their keys misled PostgreSQL)
            facet.values = [
                {"value": pk, "label": title, "count": found[str(key)]}
                for pk, title, key, _path in lookups.cycles
                if str(key) in found
            ]
        elif key == "status":
            facet.values = [
                {"value": s.value, "label": STATUS_LABELS[s], "count": found[s.value]}
                for s in PUBLIC_STATUSES
                if found.get(s.value)
            ]
        elif key == "tag":
            names = dict(Tag.objects.filter(slug__in=found).values_list("slug", "name"))
            facet.values = [
                {"value": slug, "label": names[slug], "count": n} for slug, n in found.items() if slug in names
            ]
        else:
            facet.values = [
                {"value": v, "label": label, "count": found.get(v, 0)}
                for v, label in filterset.filters[key].extra["choices"]
            ]
        current = str(data.get(key, ""))
        for value in facet.values:
            value.setdefault("current", str(value["value"]) == current)
        facets.append(facet)
    return facets
