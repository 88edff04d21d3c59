"""The PB module's vocabulary: every translated label and message of its domain words in one place (statuses,
phases, verdicts, milestones, roles...), keyed by the values the rules and models use. The words follow
../shared/GLOSSARY.md; kk and ru are in locales/. Plain data: it imports only the rules' values and the roles."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from pb_module import roles
from pb_module.rules.implementation import MilestoneStatus
from pb_module.rules.phases import Phase
from pb_module.rules.statuses import Status, Verdict

# --- phases of a cycle and its schedule -------------------------------------------------------------------
PHASE_LABELS = {
    Phase.COLLECTION: _("Collection of proposals"),
    Phase.MODERATION: _("Moderation"),
    Phase.DISCUSSION: _("Discussion"),
    Phase.EXPERT_REVIEW: _("Expert review"),
    Phase.VOTING: _("Voting"),
    Phase.RESULTS: _("Results"),
    Phase.IMPLEMENTATION: _("Implementation"),
}

FROZEN_MESSAGE = _(
    "Ballots have been cast in this cycle: this setting is frozen until the end of the vote, so every ballot is "
    "counted under the rules it was cast under."
)

SCHEDULE_PROBLEMS = {
    "voting_removed": _("Ballots have been cast in this cycle: the voting phase cannot be removed."),
    "voting_closed": _(
        "Voting in this cycle has closed and ballots were cast: its dates can no longer change, and it never reopens."
    ),
    "voting_start_moved": _("Ballots have been cast in this cycle: the first day of voting cannot move."),
    "voting_shortened": _(
        "Ballots have been cast in this cycle: voting can only be extended. To end it before its last day, use "
        "“Close voting early” under Participatory budget › Publish results; it asks for a public reason."
    ),
}

PHASE_PROBLEMS = {
    "duplicate": _("This phase is given twice."),
    "ends_before_start": _("The phase ends before it starts."),
    "out_of_order": _(
        "Phases must follow the order collection, moderation, discussion, expert review, voting, "
        "results, implementation."
    ),
    "overlap": _("This phase starts before the previous one ends."),
}

# --- proposals: statuses, expert verdicts, the platform's own reasons -----------------------------------------
STATUS_LABELS = {
    Status.SUBMITTED: _("submitted"),
    Status.IN_MODERATION: _("in moderation"),
    Status.IN_DISCUSSION: _("in discussion"),
    Status.IN_EXPERT_REVIEW: _("in expert review"),
    Status.ON_BALLOT: _("on the ballot"),
    Status.REJECTED: _("rejected"),
    Status.MERGED: _("merged"),
    Status.SELECTED: _("selected"),
    Status.NOT_SELECTED: _("not selected"),
    Status.IN_IMPLEMENTATION: _("in implementation"),
    Status.COMPLETED: _("completed"),
    Status.STALLED: _("stalled"),
}

VERDICT_CHOICES = [
    (Verdict.COMPLIANT.value, _("compliant")),
    (Verdict.NEEDS_CHANGES.value, _("needs changes")),
    (Verdict.NON_COMPLIANT.value, _("non-compliant")),
]

# Reasons the platform itself gives for a status change (implementation tracking), shown in the reader's language.
AUTOMATIC_REASONS = {
    "all_done": _("Every milestone is done."),
    "no_movement": ngettext_lazy(
        "No milestone has moved for more than %(days)s day.",
        "No milestone has moved for more than %(days)s days.",
        "days",
    ),
    "moved_again": _("A milestone has moved again."),
}

# --- implementation: milestones and photos ---------------------------------------------------------------------
MILESTONE_STATUS_LABELS = {
    MilestoneStatus.PLANNED: _("planned"),
    MilestoneStatus.IN_PROGRESS: _("in progress"),
    MilestoneStatus.DONE: _("done"),
    MilestoneStatus.DELAYED: _("delayed"),
}

MILESTONE_MESSAGES = {
    ("percent", "out_of_range"): _("Enter a percentage from 0 to 100."),
    ("weight", "not_positive"): _("The weight must be a whole number of at least 1."),
    ("planned_end", "before_start"): _("The planned end cannot be before the planned start."),
    ("actual_end", "before_start"): _("The actual end cannot be before the actual start."),
    ("percent", "done_below_100"): _("A milestone that is done is complete: 100 percent."),
    ("status", "complete_not_done"): _("A milestone at 100 percent is done: choose “done”."),
    ("actual_end", "not_done"): _("Only a milestone that is done has an actual end."),
}

PHOTO_ALT = {
    "before": _("Photo before the work: %(title)s"),
    "progress": _("Photo during the work: %(title)s"),
    "after": _("Photo after the work: %(title)s"),
}

# --- people: voters' statistics and the roles of accounts ------------------------------------------------------
SEX_LABELS = {"female": _("women"), "male": _("men"), "": _("not stated")}

ROLE_LABELS = {
    "author": _("author"),
    roles.EDITORS: _("editor"),
    roles.MODERATORS: _("moderator"),
    roles.EXPERTS: _("expert council"),
    roles.NGO_REPRESENTATIVES: _("NGO representative"),
    roles.OPERATORS: _("public-centre operator"),
    roles.RESPONSIBLE_BODIES: _("responsible body"),
    "staff": _("administrator"),
    "system": _("automatic check"),
}

# --- the national overview --------------------------------------------------------------------------------
CATEGORY_LABELS = {
    "republican": _("Cities of republican significance"),
    "oblast": _("Cities of regional significance"),
    "district": _("Cities of district significance"),
}
COUNCIL_SECTOR_LABELS = {
    "ngo": _("NGOs"),
    "business": _("Business"),
    "experts": _("Science and education"),
    "media": _("Media"),
    "citizens": _("Other citizens"),
}

# --- a place on the map (pb_module.rules.geo) -----------------------------------------------------------------
GEO_MESSAGES = {
    "format": _("Write the latitude and the longitude as two numbers, e.g. 43.2389, 76.8897."),
    "outside": _("This place is not in Kazakhstan: check the numbers (the latitude comes first)."),
    "too_few": _("An area needs at least 3 different corners."),
    "too_many": _("An area can have at most 50 corners."),
    "both": _("Mark either a point or an area, not both."),
}
PLACE_KIND_LABELS = {"Point": _("point"), "Polygon": _("area, its centre")}
GEO_LINE_MESSAGE = _("Line %(line)s: %(message)s")


def geo_message(error) -> str:
    """The message of a pb_module.rules.geo.GeoError, naming the line of an area's corner when it has one."""
    message = str(GEO_MESSAGES[error.code])
    return GEO_LINE_MESSAGE % {"line": error.line, "message": message} if error.line else message
