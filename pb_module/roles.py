"""The roles of the PB process and the groups that carry them."""

from pb_module.rules.text import strip_bidi

# Group names are stored in the database; labels are shown to people.
EDITORS = "Editors"  # made by Wagtail's migrations
MODERATORS = "Moderators"  # made by Wagtail's migrations
EXPERTS = "Experts"
NGO_REPRESENTATIVES = "NGO representatives"
OPERATORS = "Public-centre operators"
RESPONSIBLE_BODIES = "Responsible bodies"  # akimat departments and contractors doing the work


# What each role may do in the PB module: app label "pb_module", codenames.
ROLE_PERMISSIONS = {
    MODERATORS: [
        "change_proposal_status",
        "view_proposal",
        "view_author_contact",
        "moderate_proposalcomment",
        "view_proposalcomment",
        "view_territory",
        "view_expertreview",
        "publish_results",
        "close_voting_early",
        "add_milestone",
        "change_milestone",
        "view_milestone",
        "moderate_monitoringreport",
        "view_monitoringreport",
        "add_responsiblebody",
        "change_responsiblebody",
        "view_responsiblebody",
    ],
    EXPERTS: ["add_expertreview", "view_expertreview", "view_proposal"],
    NGO_REPRESENTATIVES: ["add_proposalcomment", "add_monitoringreport"],
    EDITORS: [
        "view_proposal",
        "add_territory",
        "change_territory",
        "view_territory",
        "add_mrprate",
        "change_mrprate",
        "view_mrprate",
    ],
    OPERATORS: ["add_assisted_ballot"],
    # Members of a ResponsibleBody update that body's milestones and answer reports on them (checked per body).
    RESPONSIBLE_BODIES: ["view_milestone", "view_monitoringreport", "answer_monitoringreport"],
}
# Roles that work in the Wagtail admin (NGO representatives use the public site only).
ADMIN_ROLES = [MODERATORS, EXPERTS, EDITORS, OPERATORS, RESPONSIBLE_BODIES]


def role_of(user) -> str:
    """The role name shown next to a user's actions in public logs."""
    if user is None:
        return "author"
    names = set(user.groups.values_list("name", flat=True))
    for group in (MODERATORS, EXPERTS, NGO_REPRESENTATIVES, OPERATORS, RESPONSIBLE_BODIES, EDITORS):
        if group in names:
            return group
    return "staff" if user.is_staff or user.is_superuser else ""


def display_name(user) -> str:
    """The name shown with what a user writes in public (comments, reports, the status log), without
    bidirectional control characters."""
    return strip_bidi(user.get_full_name()).strip() or user.get_username()
