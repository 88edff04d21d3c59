"""The verbs of the PB module that change the database; each owns its transaction."""

from .proposals import (
    Submission,
    add_comment,
    change_status,
    follow_proposal,
    hide_comment,
    record_expert_review,
    submit_proposal,
)

__all__ = [
    "Submission",
    "add_comment",
    "change_status",
    "follow_proposal",
    "hide_comment",
    "record_expert_review",
    "submit_proposal",
]
