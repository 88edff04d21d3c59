"""Who may do what in the PB module, as named predicates over an account: the one place that reads Django's
permissions (granted to the role groups by `pb_module.roles.ROLE_PERMISSIONS`). Views, admin hooks and services ask
these; a service that refuses raises PermissionDenied through `require`."""

from django.core.exceptions import PermissionDenied


def _has(user, codename: str) -> bool:
    """Whether an active account has the PB module's permission `codename` (never for no account)."""
    return user is not None and user.is_active and user.has_perm(f"pb_module.{codename}")


def require(user, predicate, *args) -> None:
    """Raise PermissionDenied unless `predicate(user, *args)`."""
    if not predicate(user, *args):
        raise PermissionDenied


# --- proposals: moderation, expert review, discussion ----------------------------------------------------------------
def may_change_status(user) -> bool:
    """Moderators move proposals between statuses (with a public reason)."""
    return _has(user, "change_proposal_status")


def may_view_proposals(user) -> bool:
    """Editors, moderators and experts see the proposals in the admin (their dashboard lists those waiting)."""
    return _has(user, "view_proposal")


def may_see_author_contact(user) -> bool:
    """Moderators read the author's contact details, which are never public."""
    return _has(user, "view_author_contact")


def may_review_as_expert(user) -> bool:
    """The expert council gives its verdict and the validated cost."""
    return _has(user, "add_expertreview")


def may_comment(user) -> bool:
    """NGO and public-council representatives comment in the discussion phase."""
    return _has(user, "add_proposalcomment")


def may_hide_comments(user) -> bool:
    return _has(user, "moderate_proposalcomment")


# --- voting and results ----------------------------------------------------------------------------------------------
def may_cast_assisted_ballots(user) -> bool:
    """Public-centre operators record a ballot for a resident in person."""
    return _has(user, "add_assisted_ballot")


def may_publish_results(user) -> bool:
    return _has(user, "publish_results")


def may_close_voting_early(user) -> bool:
    return _has(user, "close_voting_early")


# --- implementation and monitoring -----------------------------------------------------------------------------------
def may_change_any_milestone(user) -> bool:
    """Moderators and editors update every milestone (a responsible body only its own: `may_update_milestone`)."""
    return _has(user, "change_milestone")


def may_view_milestones(user) -> bool:
    return _has(user, "view_milestone")


def may_plan_milestones(user) -> bool:
    """Only those with the permission (moderators) plan new milestones; a responsible body updates its own."""
    return _has(user, "add_milestone")


def is_in_responsible_body(user) -> bool:
    """A member of a body (akimat department, contractor) that carries out funded proposals."""
    return user is not None and user.is_active and user.responsible_bodies.exists()


def _in_body(user, body_id) -> bool:
    """Whether an active account is a member of the responsible body `body_id` (none: no)."""
    return (
        body_id is not None
        and user is not None
        and user.is_active
        and user.responsible_bodies.filter(pk=body_id).exists()
    )


def may_update_milestone(user, milestone=None) -> bool:
    """Moderators and editors with the permission update any milestone; members of a responsible body theirs."""
    return may_change_any_milestone(user) or _in_body(user, milestone.responsible_body_id if milestone else None)


def may_report_for_organisation(user) -> bool:
    """NGO representatives file monitoring reports signed by their organisation, without verifying an IIN."""
    return _has(user, "add_monitoringreport")


def may_hide_reports(user) -> bool:
    return _has(user, "moderate_monitoringreport")


def may_answer_reports(user) -> bool:
    """Holders of the permission answer the reports on their body's milestones (`may_answer_report`)."""
    return _has(user, "answer_monitoringreport")


def may_answer_report(user, report) -> bool:
    """Members of the body responsible for the report's milestone answer it (superusers any report)."""
    if not may_answer_reports(user):
        return False
    return user.is_superuser or _in_body(user, report.milestone.responsible_body_id)


def may_propose_meeting(user) -> bool:
    """NGO and public-council representatives propose meetings; a moderator publishes them."""
    return _has(user, "add_proposalcomment")


def may_publish_meeting(user) -> bool:
    """Who approves a proposed meeting: the moderators (they publish pages under the PB section)."""
    return _has(user, "change_proposal_status")
