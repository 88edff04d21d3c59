"""The proposals on a cycle page, sorted and filtered by a small GET form (sort, status, district).

Everything is done on the list `PBCyclePage.public_proposals` already reads (its three queries, whatever the number
of proposals): sorting and filtering add no query, and the state lives in the address (so a page cached by its query
string is cached per choice). A value the form does not offer (a typo, an old link, a hand-made address) is ignored:
the default is shown instead, never an error.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from pb_module.rules.statuses import Status
from pb_module.vocabulary import STATUS_LABELS
from words.formatting import name_key

WINNERS = "winners"
SORTS = {
    WINNERS: _("winners first"),
    "title": _("title"),
    "cost": _("cost, lowest first"),
    "status": _("status"),
}
# Funded by the vote: the winners, whatever has happened to them since.
WINNING = frozenset({Status.SELECTED, Status.IN_IMPLEMENTATION, Status.COMPLETED, Status.STALLED})
STATUS_ORDER = {status.value: n for n, status in enumerate(Status)}


@dataclass
class Listing:
    proposals: list  # the proposal pages shown, in order
    total: int  # every public proposal of the cycle
    sorts: list[tuple[str, str]]
    sort: str
    statuses: list[tuple[str, str]] = field(default_factory=list)
    status: str = ""
    districts: list[tuple[str, str]] = field(default_factory=list)
    district: str = ""

    @property
    def filtered(self) -> bool:
        return bool(self.status or self.district)


def _title(page) -> str:
    return page.title.casefold()


def _key(sort: str):
    if sort == "cost":
        return lambda page: (page.proposal.cost, _title(page))
    if sort == "status":
        return lambda page: (STATUS_ORDER.get(page.proposal.status, len(STATUS_ORDER)), _title(page))
    if sort == WINNERS:  # the winners, most votes first; then the others, most votes first
        return lambda page: (
            page.proposal.status not in WINNING,
            -(page.proposal.published_votes or 0),
            _title(page),
        )
    return _title


def cycle_listing(cycle, params, pages=None) -> Listing:
    """The cycle's public proposals as the GET parameters `params` ask: "sort" (winners first is offered, and the
    default, once the results are published; otherwise by title), "status" (a status value) and "district" (the id
    of a proposal's place, the same in every language). `pages`: the cycle's `public_proposals` when read."""
    pages = cycle.public_proposals if pages is None else pages
    published = cycle.results_published
    sorts = [(value, label) for value, label in SORTS.items() if published or value != WINNERS]
    default = WINNERS if published else "title"
    sort = params.get("sort", "")
    sort = sort if sort in dict(sorts) else default

    present = {page.proposal.status for page in pages}
    statuses = [(s.value, STATUS_LABELS[s]) for s in Status if s.value in present]
    status = params.get("status", "")
    status = status if status in present else ""

    names = {str(page.proposal.district_id): page.district_name for page in pages}
    districts = sorted(names.items(), key=lambda item: name_key(item[1]))
    district = params.get("district", "").strip()
    district = district if district in names else ""

    shown = [
        page
        for page in pages
        if (not status or page.proposal.status == status)
        and (not district or str(page.proposal.district_id) == district)
    ]
    shown.sort(key=_key(sort))
    return Listing(shown, len(pages), sorts, sort, statuses, status, districts, district)
