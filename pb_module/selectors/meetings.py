"""What meeting pages and lists read: a cycle's meetings, the catalogue of meetings by place and date, the
meetings a proposal was discussed at."""

from django.utils import timezone

from home.routing import public
from pb_module.models import MeetingPage, MeetingProposal, Territory


def live_meetings(locale_id):
    return public(MeetingPage.objects.live()).filter(locale_id=locale_id).select_related("territory", "centre")


def split_by_time(meetings) -> tuple[list, list]:
    """(upcoming, soonest first; past, latest first)."""
    now = timezone.now()
    meetings = list(meetings)
    upcoming = sorted((m for m in meetings if (m.ends_at or m.starts_at) >= now), key=lambda m: m.starts_at)
    past = sorted((m for m in meetings if (m.ends_at or m.starts_at) < now), key=lambda m: m.starts_at, reverse=True)
    return upcoming, past


def meetings_of_cycle(cycle) -> tuple[list, list]:
    return split_by_time(live_meetings(cycle.locale_id).child_of(cycle))


def within(place: Territory) -> list[int]:
    """`place` and every place below it (territory pks, same language), for the catalogue's place filter."""
    found, level = [place.pk], [place.pk]
    while level:
        level = list(Territory.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        found += level
    return found


def catalogue(locale_id, place: Territory | None = None, year: int | None = None) -> tuple[list, list]:
    """Every live meeting in this language, filtered by place (with the places in it) and year."""
    meetings = live_meetings(locale_id)
    if place is not None:
        meetings = meetings.filter(territory_id__in=within(place))
    if year is not None:
        meetings = meetings.filter(starts_at__year=year)
    return split_by_time(meetings)


def meeting_places(locale_id) -> list[Territory]:
    """The places that have a meeting in this language (the catalogue's place choices; a meeting names the place in
    the source language, shown translated)."""
    pks = live_meetings(locale_id).values_list("territory_id", flat=True)
    return list(Territory.objects.filter(pk__in=pks).order_by("name"))


def discussions_of(proposal, locale_id) -> list[dict]:
    """The meetings `proposal` was on the agenda of, latest first, each once and in the reader's language where it
    is translated: {"meeting", "outcome", "note", "note_language"} (a translation keeps its own copy of the agenda
    rows; the row of the reader's language is taken when there is one)."""
    rows = MeetingProposal.objects.filter(proposal=proposal, page__live=True).select_related("page", "page__locale")
    chosen = {}
    for row in rows:
        key = row.page.translation_key
        if key not in chosen or row.page.locale_id == locale_id:
            chosen[key] = row
    found = [
        {"meeting": row.page, "outcome": row.outcome, "note": row.note, "note_language": row.page.locale.language_code}
        for row in chosen.values()
    ]
    return sorted(found, key=lambda r: r["meeting"].starts_at, reverse=True)


def meeting_years(locale_id) -> list[int]:
    """The years that have a meeting in this language, latest first (the catalogue's year choices)."""
    return sorted(
        {moment.year for moment in live_meetings(locale_id).values_list("starts_at", flat=True)}, reverse=True
    )
