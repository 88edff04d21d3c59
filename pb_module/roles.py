"""The roles of the PB process and the groups that carry them."""

from django.utils.translation import gettext_noop

from pb_module.rules.text import strip_bidi

# Group names are stored in the database as these English msgids; the admin shows them in the reader's language
# (home/workflows.py `translate_names`).
EDITORS = gettext_noop("Editors")  # made by Wagtail's migrations
MODERATORS = gettext_noop("Moderators")  # made by Wagtail's migrations
EXPERTS = gettext_noop("Experts")
NGO_REPRESENTATIVES = gettext_noop("NGO representatives")
OPERATORS = gettext_noop("Public-centre operators")
RESPONSIBLE_BODIES = gettext_noop("Responsible bodies")  # akimat departments and contractors doing the work
GROUPS = (EDITORS, MODERATORS, EXPERTS, NGO_REPRESENTATIVES, OPERATORS, RESPONSIBLE_BODIES)
# The image collection of implementation photos (its name, like the groups', reads in the editor's language).
PHOTO_COLLECTION = gettext_noop("Implementation")


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
        "view_registration",
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
        "view_registration",
        "add_councilcomposition",
        "change_councilcomposition",
        "view_councilcomposition",
    ],
    OPERATORS: ["add_assisted_ballot"],
    # Members of a ResponsibleBody update that body's milestones and answer reports on them (checked per body).
    RESPONSIBLE_BODIES: ["view_milestone", "view_monitoringreport", "answer_monitoringreport"],
}
# What each role may do with the site's snippets (app label "home"): editors keep the public councils and centres
# their news is about.
SITE_PERMISSIONS = {
    EDITORS: [
        "add_publiccouncil",
        "change_publiccouncil",
        "view_publiccouncil",
        "add_publiccentre",
        "change_publiccentre",
        "view_publiccentre",
    ],
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
