"""The template tags of the PB pages (and of the home page's block of current cycles): money, roles, cycles."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from home import page_cache
from home.routing import locale_for, public, with_translations
from home.templatetags.people_text import text_language_of
from pb_module.models import Outcome, PBCyclePage
from pb_module.rules.money import format_tenge
from pb_module.vocabulary import PLACE_KIND_LABELS, ROLE_LABELS

register = template.Library()


@register.filter
def tenge(value):
    """55 380 000 ₸ in kk and ru, KZT 55,380,000 in en."""
    if value in (None, ""):
        return ""
    return format_tenge(int(value), get_language())


@register.filter
def meeting_outcome(outcome):
    """What a meeting decided about a proposal, in the reader's language."""
    return Outcome(outcome).label if outcome in Outcome.values else outcome


@register.filter
def role_label(role):
    return ROLE_LABELS.get(role, role)


@register.simple_tag
def current_cycles():
    """Participatory-budget cycles in the reader's language that are running or about to (kept for the day with
    the home page: a change to any cycle purges the routes above it, the home page's included)."""

    def read():
        cycles = public(PBCyclePage.objects.live()).filter(locale=locale_for(get_language()))
        cycles = cycles.select_related("territory").prefetch_related("phases").order_by("-year", "title")
        current = [cycle for cycle in cycles if cycle.is_current]
        with_translations([cycle.territory for cycle in current])
        return current

    return page_cache.kept_one("current-cycles", f"/{get_language()}/", read, dated=True)


@register.simple_tag
def map_settings(territory=None) -> dict:
    """What a map needs from the settings (the tile server and its credit) and where it opens: the centre of
    `territory` or of the nearest place above it with one (else the map fits what it shows, or the country)."""
    return {
        "tiles": settings.PB_MAP_TILES_URL,
        "attribution": settings.PB_MAP_TILES_ATTRIBUTION,
        "centre": getattr(territory, "map_centre", None),
    }


@register.simple_tag
def map_places(pages) -> list[dict]:
    """The proposals of these pages that have a place, as map.js and the list beside the map read them: the page's
    title and address, its district (`district_name` or `place_name`, as the listing set it), status and geometry.
    Reads nothing more than the pages and their proposals. One page (with its `proposal`) is a list of one."""
    pages = [pages] if hasattr(pages, "proposal_id") else pages
    places = []
    for page in pages:
        proposal = page.proposal
        if not proposal.geometry:
            continue
        place = getattr(page, "district_name", None) or getattr(page, "place_name", None) or ""
        places.append(
            {
                "title": page.title,
                "lang": text_language_of(page),  # the title's own language (an untranslated alias: the author's)
                "url": page.url,
                "place": str(place),
                "status": str(proposal.status_label),
                "geometry": proposal.geometry,
                "centre": proposal.centre,
                "kind_label": str(PLACE_KIND_LABELS[proposal.geometry["type"]]),
            }
        )
    return places
