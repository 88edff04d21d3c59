"""The template tags of the PB pages (and of the home page's block of current cycles): money, roles, cycles."""

from django import template
from django.utils.translation import get_language

from home import page_cache
from home.routing import locale_for, public, with_translations
from pb_module.models import Outcome, PBCyclePage
from pb_module.rules.money import format_tenge
from pb_module.vocabulary import ROLE_LABELS

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
