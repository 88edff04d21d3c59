"""E-mails to a proposal's author and followers: status changes, milestones that moved, answered reports.

Each is sent after the transaction that made the change commits, in the language the person followed in, with a
one-link unsubscribe. (Issue 7: the milestone and report messages are being written; status changes are sent by
`proposals.notify_followers` meanwhile.)
"""


def notify_milestone_moved(milestone, old_status, old_percent) -> None:
    """Tell the author and followers that a milestone's status or percentage changed."""


def notify_report_answered(report) -> None:
    """Tell the author and followers that the responsible body answered a monitoring report."""
