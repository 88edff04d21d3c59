"""The verbs of the PB module that change the database; each owns its transaction.

One import style: `from pb_module import services`, then `services.<module>.<verb>(...)`, e.g.
`services.voting.cast_ballot(...)`, so a call says which service it belongs to. What pages only read lives in
`pb_module.selectors`.
"""

from . import (
    cycles,
    following,
    implementation,
    meetings,
    monitoring,
    notifications,
    pabulib_io,
    proposals,
    results,
    voting,
)

__all__ = [
    "cycles",
    "following",
    "implementation",
    "meetings",
    "monitoring",
    "notifications",
    "pabulib_io",
    "proposals",
    "results",
    "voting",
]
