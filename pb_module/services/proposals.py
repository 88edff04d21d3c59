import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.people_text import written
from pb_module import permissions
from pb_module.integrations import crypto
from pb_module.models import (
    Ballot,
    ExpertReview,
    PBCyclePage,
    Proposal,
    ProposalAttachment,
    ProposalComment,
    ProposalFollower,
    ProposalPage,
    ProposalStatusChange,
    TallyResult,
    Territory,
)
from pb_module.roles import display_name, role_of
from pb_module.rules import geo
from pb_module.rules.money import cost_problem, format_tenge
from pb_module.rules.phases import Phase
from pb_module.rules.statuses import PUBLIC, Status, TransitionError, Verdict, ballot_blockers, check_transition
from pb_module.selectors.proposals import comments_open
from pb_module.vocabulary import geo_message

from .notifications import notify_status_changed


@dataclass
class Submission:
    proposal: Proposal
    page: ProposalPage
    tracking_token: str


def tracking_hash(token: str) -> str:
    return crypto.keyed_hash(token, "tracking")


def cost_error(cost, cycle: PBCyclePage, language: str) -> str | None:
    """A translated message when `cost` is not acceptable in `cycle`."""
    problem = cost_problem(cost, cycle.proposal_cap_tenge)
    if problem == "not_positive":
        return _("Enter the estimated cost in tenge as a whole number greater than zero.")
    if problem == "above_cap":
        return _("The cost is above the cap for one proposal in this cycle (%(cap)s).") % {
            "cap": format_tenge(cycle.proposal_cap_tenge, language)
        }
    return None


@transaction.atomic
def submit_proposal(
    *,
    cycle: PBCyclePage,
    language: str,
    title: str,
    summary: str,
    description: str,
    district: Territory,
    estimated_cost: int,
    author_name: str,
    author_contact: str,
    location: str = "",
    geometry: dict | None = None,
    tags: list[str] | None = None,
    attachments: list[tuple] = (),
    external_id: str = "",
    historical: bool = False,
) -> Submission:
    """Create a proposal, unpublished, under `cycle` in the author's language; return its tracking token.

    `attachments` are (uploaded file, kind) pairs already checked for type and size by the form.
    `historical=True` imports a proposal of a past cycle as it was: no phase or cap check.
    """
    cycle = cycle.canonical()
    if not historical and not cycle.is_collecting:
        raise ValidationError(_("Proposals are not being collected in this cycle now."), code="closed")
    errors = {}
    if (message := cost_error(estimated_cost, cycle, language)) and not (historical and estimated_cost > 0):
        errors["estimated_cost"] = message
    if not cycle.territory.contains(district):
        errors["district"] = _("Choose a district within the territory of this cycle.")
    if not title.strip():
        errors["title"] = _("Enter a title.")
    errors |= place_errors(geometry)
    if errors:
        raise ValidationError(errors)

    token = secrets.token_urlsafe(24)
    proposal = Proposal.objects.create(
        cycle=cycle,
        district=district,
        estimated_cost=estimated_cost,
        author_name=author_name.strip(),
        author_contact_encrypted=crypto.encrypt(author_contact.strip()),
        language=language,
        tracking_token_hash=tracking_hash(token),
        external_id=external_id,
        geometry=geometry,
    )
    parent = cycle.get_translation(Locale.objects.get(language_code=language))
    page = ProposalPage(
        title=title.strip(),
        slug=f"{slugify(title, allow_unicode=True)[:50].strip('-') or 'proposal'}-{proposal.pk}",
        summary=summary.strip(),
        description=description.strip(),
        location=location.strip(),
        proposal=proposal,
        live=False,
    )
    page.tags.set(tags or [])
    parent.add_child(instance=page)
    page.save_revision()
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if cycle.get_translation_or_none(locale) is not None:
            page.copy_for_translation(locale, alias=True)
    for upload, kind in attachments:
        ProposalAttachment.objects.create(
            proposal=proposal, file=upload, original_name=upload.name[:255], kind=kind, size=upload.size
        )
    ProposalStatusChange.objects.create(
        proposal=proposal,
        from_status="",
        to_status=Status.SUBMITTED,
        actor_name=proposal.author_name,
        actor_role="author",
    )
    # An author who left an e-mail address hears of changes as followers do. Not for imports of past cycles:
    # their contacts never asked for mail.
    if not historical and is_email(author_contact.strip()):
        follow_proposal(proposal=proposal, email=author_contact, language=language, is_author=True)
    return Submission(proposal, page, token)


def place_errors(geometry: dict | None) -> dict:
    """{form field: message} when `geometry` is no acceptable place (rules.geo); {} for none or a good one."""
    if geometry is None:
        return {}
    try:
        geo.check_geometry(geometry)
    except geo.GeoError as error:
        return {"area" if geometry.get("type") == "Polygon" else "point": geo_message(error)}
    return {}


@transaction.atomic
def correct_place(*, proposal: Proposal, geometry: dict | None, user) -> Proposal:
    """A moderator sets (or removes) the proposal's place on the map; the page says it was corrected, and when."""
    if not permissions.may_change_status(user):
        raise PermissionDenied
    if errors := place_errors(geometry):
        raise ValidationError(errors)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.geometry == geometry:
        return proposal
    proposal.geometry = geometry
    proposal.place_corrected_at, proposal.place_corrected_by = timezone.now(), user
    proposal.save(update_fields=["geometry", "place_corrected_at", "place_corrected_by"])
    return proposal


def is_email(contact: str) -> bool:
    try:
        validate_email(contact)
    except ValidationError:
        return False
    return True


def ballot_problems(proposal: Proposal) -> list[str]:
    """Translated reasons why `proposal` may not go on the ballot (empty when it may)."""
    cycle = proposal.cycle.specific
    review = proposal.latest_review
    codes = ballot_blockers(
        cost=proposal.cost,
        cap_tenge=cycle.proposal_cap_tenge,
        expert_review_required=cycle.has_phase(Phase.EXPERT_REVIEW),
        verdict=review.verdict if review else None,
    )
    messages = {
        "cost_missing": _("The proposal has no cost."),
        "above_cap": _("The cost is above the cap for one proposal in this cycle."),
        "no_compliant_verdict": _("This cycle has an expert review: the proposal needs a “compliant” verdict."),
    }
    return [messages[code] for code in codes]


def transition_message(error: TransitionError) -> str:
    from pb_module.vocabulary import STATUS_LABELS

    if error.code == "reason_required":
        return _("Give a public reason for this decision.")
    return _("A proposal cannot go from “%(current)s” to “%(new)s”.") % {
        "current": STATUS_LABELS[error.current],
        "new": STATUS_LABELS[error.new],
    }


@transaction.atomic
def change_status(
    *,
    proposal: Proposal,
    new_status: str,
    user,
    reason: str = "",
    merged_into=None,
    reason_kk: str = "",
    reason_ru: str = "",
    language: str | None = None,
):
    """Move `proposal` to `new_status`, record it in the public log, publish it when it becomes public.

    The public reason: `reason_kk` and/or `reason_ru` (the moderator's form), or one `reason` written in `language`
    (None: the language its letters are in); see home/people_text.py."""
    permissions.require(user, permissions.may_change_status)
    reasons = written("reason", {"": reason, "kk": reason_kk, "ru": reason_ru}, language)
    reason = reasons.pop("reason")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    check_ballot_list(proposal, new_status)
    if new_status == Status.ON_BALLOT and (problems := ballot_problems(proposal)):
        check_status_transition(proposal.status, new_status, reason)
        raise ValidationError(problems, code="not_ready_for_ballot")
    if new_status == Status.MERGED:
        check_status_transition(proposal.status, new_status, reason)
        if merged_into is None or merged_into.pk == proposal.pk or merged_into.cycle_id != proposal.cycle_id:
            raise ValidationError(
                _("Choose the proposal of the same cycle that this one is merged into."), code="merge_target"
            )
        proposal.merged_into = merged_into
    return record_status_change(proposal, new_status, reason=reason, user=user, reasons=reasons)


def check_status_transition(current, new_status, reason):
    try:
        check_transition(current, new_status, reason)
    except TransitionError as error:
        raise ValidationError(transition_message(error), code=error.code) from error


SYSTEM_ROLE = "system"


def check_ballot_list(proposal: Proposal, new_status: str) -> None:
    """Once ballots are cast, nothing goes on or off the ballot until publication (which moves them all)."""
    cycle_id = proposal.cycle_id
    if (
        Status.ON_BALLOT in (proposal.status, new_status)
        and Ballot.objects.filter(cycle_id=cycle_id).exists()
        and not TallyResult.objects.filter(cycle_id=cycle_id).exists()
    ):
        raise ValidationError(
            _(
                "Ballots have been cast in this cycle: the list of proposals on the ballot cannot change until the "
                "results are published."
            ),
            code="ballot_frozen",
        )


def record_status_change(
    proposal: Proposal,
    new_status: str,
    *,
    reason: str = "",
    user=None,
    system=False,
    reason_code="",
    reason_days=None,
    reasons: dict | None = None,
):
    """Write a checked status change of a locked `proposal` to the public log; publish pages that become public and
    tell the author and followers after the commit. `system=True`: the platform's own checks made the change."""
    check_status_transition(proposal.status, new_status, reason)
    check_ballot_list(proposal, new_status)
    old = proposal.status
    proposal.status = new_status
    proposal.save(update_fields=["status", "merged_into"])
    change = ProposalStatusChange.objects.create(
        proposal=proposal,
        from_status=old,
        to_status=new_status,
        reason=reason.strip(),
        **(reasons or {"reason_language": settings.LANGUAGE_CODE if reason.strip() else ""}),
        reason_code=reason_code,
        reason_days=reason_days,
        changed_by=None if system else user,
        actor_name="Qatysu" if system else display_name(user),
        actor_role=SYSTEM_ROLE if system else role_of(user),
    )
    if new_status in PUBLIC:
        for page in proposal.pages.filter(alias_of__isnull=True, live=False):
            page.save_revision(user=user).publish(user=user)
    transaction.on_commit(lambda: notify_followers(change))
    return change


@transaction.atomic
def record_expert_review(*, proposal: Proposal, user, verdict: str, validated_cost: int, conclusion: str):
    """The expert council's verdict, validated cost and public conclusion; the validated cost becomes the cost."""
    permissions.require(user, permissions.may_review_as_expert)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Status.IN_EXPERT_REVIEW:
        raise ValidationError(_("Only a proposal in expert review can be reviewed."), code="not_in_review")
    errors = {}
    if validated_cost is None or validated_cost <= 0:
        errors["validated_cost"] = _("Enter the validated cost in tenge as a whole number greater than zero.")
    if not conclusion.strip():
        errors["conclusion"] = _("Write the public conclusion.")
    if errors:
        raise ValidationError(errors)
    review = ExpertReview.objects.create(
        proposal=proposal,
        expert=user,
        expert_name=display_name(user),
        verdict=Verdict(verdict),
        validated_cost=validated_cost,
        conclusion=conclusion.strip(),
    )
    proposal.validated_cost = validated_cost
    proposal.save(update_fields=["validated_cost"])
    return review


@transaction.atomic
def add_comment(
    *, proposal: Proposal, user, body: str, language: str, organisation: str = "", historical: bool = False
) -> ProposalComment:
    """A public comment by an NGO or public-council representative during the discussion phase."""
    permissions.require(user, permissions.may_comment)
    if not historical and not comments_open(proposal):
        raise ValidationError(_("Comments are open only during the discussion phase."), code="closed")
    if not body.strip():
        raise ValidationError({"body": _("Write a comment.")})
    return ProposalComment.objects.create(
        proposal=proposal,
        author=user,
        author_name=display_name(user),
        organisation=organisation,
        body=body.strip(),
        language=language,
    )


@transaction.atomic
def hide_comment(
    *,
    comment: ProposalComment,
    user,
    reason: str = "",
    reason_kk: str = "",
    reason_ru: str = "",
    language: str | None = None,
) -> ProposalComment:
    """Hide a comment; the public sees that it was hidden, by whom and why (the reason in kk and/or ru, or one
    `reason` in `language`: see `change_status`)."""
    permissions.require(user, permissions.may_hide_comments)
    reasons = written("hidden_reason", {"": reason, "kk": reason_kk, "ru": reason_ru}, language)
    if not reasons["hidden_reason"]:
        raise ValidationError({"reason": _("Give a public reason for hiding the comment.")})
    comment.hide(by=user, reasons=reasons)
    return comment


def follower_hash(email: str) -> str:
    """The keyed hash that finds a follower's address (the address itself is stored only encrypted)."""
    return crypto.keyed_hash(email.strip().lower(), "follower")


def follow_proposal(*, proposal: Proposal, email: str, language: str, is_author: bool = False) -> ProposalFollower:
    """Subscribe `email`, as confirmed, to status changes, milestones and answered reports of `proposal` (idempotent).

    For an address that needs no confirmation link: the author's own, given in the submission form for this proposal
    (the private tracking page says mails will come, and each has an unsubscribe link). A visitor who follows from
    the public page goes through `following.request_follow` and its confirmation link instead.
    """
    email = email.strip().lower()
    digest = follower_hash(email)
    existing = ProposalFollower.objects.filter(proposal=proposal, email_hash=digest).first()
    if existing:
        if existing.confirmed_at is None:
            existing.confirmed_at = timezone.now()
            existing.save(update_fields=["confirmed_at"])
        return existing
    try:
        with transaction.atomic():
            return ProposalFollower.objects.create(
                proposal=proposal,
                email_hash=digest,
                email_encrypted=crypto.encrypt(email),
                language=language,
                is_author=is_author,
                confirmed_at=timezone.now(),
            )
    except IntegrityError:  # a parallel request subscribed the same address
        return ProposalFollower.objects.get(proposal=proposal, email_hash=digest)


def notify_followers(change: ProposalStatusChange) -> None:
    """E-mail the author and every follower, in the language they followed in, about a status change."""
    notify_status_changed(change)
