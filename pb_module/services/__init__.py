"""The verbs of the PB module that change the database; each owns its transaction.

One import style: `from pb_module import services`, then `services.<module>.<verb>(...)`, e.g.
`services.voting.cast_ballot(...)`, so a call says which service it belongs to. What pages only read lives in
`pb_module.selectors`.
"""

from . import cycles, following, implementation, monitoring, notifications, pabulib_io, proposals, results, voting
from .cycles import close_voting_early
from .proposals import (
    Submission,
    add_comment,
    change_status,
    follow_proposal,
    hide_comment,
    record_expert_review,
    submit_proposal,
)
from .results import publish_problem, publish_results
from .voting import (
    CastResult,
    VoterIdentity,
    cast_assisted_ballot,
    cast_ballot,
    check_receipt,
    confirm_verification,
    start_verification,
)

__all__ = [
    "following",
    "implementation",
    "monitoring",
    "notifications",
    "pabulib_io",
    "proposals",
    "results",
    "voting",
    "CastResult",
    "VoterIdentity",
    "cast_assisted_ballot",
    "cast_ballot",
    "check_receipt",
    "confirm_verification",
    "start_verification",
    "Submission",
    "add_comment",
    "change_status",
    "close_voting_early",
    "cycles",
    "follow_proposal",
    "hide_comment",
    "publish_problem",
    "publish_results",
    "record_expert_review",
    "submit_proposal",
]
