"""The verbs of the PB module that change the database; each owns its transaction."""

from . import cycles
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
