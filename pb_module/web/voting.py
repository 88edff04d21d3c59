"""The voting flow on the site, without JavaScript: verify -> code -> ballot -> summary -> receipt.

The voter's verified identity (hashes and statistics only) is kept in the session for a while;
the raw IIN and phone number never are.
"""

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pb_module import services
from pb_module.models import ProposalPage
from pb_module.rules import ballots as ballot_rules
from pb_module.rules.phases import Phase
from pb_module.services.proposals import canonical_cycle
from pb_module.services.voting import (
    VoterIdentity,
    ballot_costs,
    ballot_rules_of,
    earlier_ballot,
    format_wait,
    mask_phone,
    resend_code,
    resend_wait,
    voter_hash,
    voting_open,
)
from pb_module.web.forms import CodeForm, ReceiptForm, ResendCodeForm, VerifyVoterForm, ballot_items_from
from pb_module.web.proposals import add_service_errors

SESSION_KEY = "pb_voters"
PENDING_KEY = "pb_pending"


def session_voter(request, cycle, key: str = SESSION_KEY) -> VoterIdentity | None:
    """The identity verified in this session for `cycle` (under `key`: voting and monitoring keep their own)."""
    entry = request.session.get(key, {}).get(str(cycle.pk))
    if not entry or entry["verified_at"] + settings.PB_VOTER_SESSION_SECONDS < time.time():
        return None
    return VoterIdentity(entry["voter_hash"], entry["age_band"], entry["sex"], entry["district_id"])


def remember_voter(request, cycle, voter: VoterIdentity, key: str = SESSION_KEY):
    voters = request.session.get(key, {})
    voters[str(cycle.pk)] = {**voter.as_session(), "verified_at": time.time()}
    request.session[key] = voters
    request.session.cycle_key()  # a new session id once the voter is verified


def forget_voter(request, cycle, key: str = SESSION_KEY):
    """End the verified session for `cycle` (after a ballot is cast), so the next person on the device cannot use it."""
    if request.session.get(key, {}).pop(str(cycle.pk), None) is not None:
        request.session.modified = True


def pending_verification(request, cycle, key: str = PENDING_KEY) -> dict | None:
    """The verification waiting for its SMS code in this session: {"voter_hash", "phone", "started_at"}.

    "phone" is only the masked number (+7 7•• ••• •• 12); neither the IIN nor the phone number is kept. It lasts
    PB_VOTER_SESSION_SECONDS from the check of the resident's details, resends included.
    """
    entry = request.session.get(key, {}).get(str(cycle.pk))
    if isinstance(entry, str):  # kept by the flow before the code step could be resumed: the hash only
        entry = {"voter_hash": entry, "phone": "", "started_at": time.time()}
    if not entry or entry["started_at"] + settings.PB_VOTER_SESSION_SECONDS < time.time():
        return None
    return entry


def _keep_pending(request, cycle, key: str, entry: dict | None):
    pending = request.session.get(key, {})
    if entry is None:
        pending.pop(str(cycle.pk), None)
    else:
        pending[str(cycle.pk)] = entry
    request.session[key] = pending


def ballot_cards(page, source):
    """The proposals on the ballot with their page in the reader's language and their cost."""
    costs = ballot_costs(source)
    pages = {p.proposal_id: p for p in ProposalPage.objects.live().child_of(page).filter(proposal_id__in=costs)}
    return [
        {"id": pk, "page": pages.get(pk), "cost": cost}
        for pk, cost in sorted(costs.items(), key=lambda item: pages[item[0]].title if item[0] in pages else "")
    ]


@never_cache
def vote_view(request, page):
    source = canonical_cycle(page)
    context = {"page": page, "self": page, "cycle": source}
    if not voting_open(source):
        context["voting"] = next((p for p in source.phase_dates if p.phase == Phase.VOTING), None)
        return TemplateResponse(request, "pb_module/vote_closed.html", context)
    voter = session_voter(request, source)
    if voter is None:
        return verify_step(request, page, source, context)
    return ballot_step(request, page, source, voter, context)


def verify_step(request, page, source, context):
    def render_step(step, extra, status):
        template = "pb_module/vote_code.html" if step == "code" else "pb_module/vote_verify.html"
        return TemplateResponse(request, template, {**context, **extra}, status=status)

    return verification_step(request, page, source, render_step, done="vote/")


def verification_step(
    request, page, cycle, render_step, *, done, purpose="voting", session_key=SESSION_KEY, pending_key=PENDING_KEY
):
    """Who the resident is (IIN, date of birth, district, phone), then the code from the SMS; once confirmed, the
    identity is remembered under `session_key` and the resident is sent to `page.url + done`.

    `render_step(step, extra context, status)` renders the "verify" or the "code" step.

    While a code is pending, coming back (GET) shows the code step again, with the masked number, a form to send a
    new code (the phone number typed again: it is not kept; the IIN is not asked again) with the wait before it is
    allowed, and "Change details" (POST step=restart), which forgets the pending verification."""
    pending = pending_verification(request, cycle, pending_key)
    ip = request.META.get("REMOTE_ADDR", "")
    step = request.POST.get("step") if request.method == "POST" else None

    def code_step(form=None, resend_form=None, status=200, resent=False):
        wait = resend_wait(cycle=cycle, hashed_iin=pending["voter_hash"], ip=ip)
        extra = {
            "form": form or CodeForm(),
            "resend_form": resend_form or ResendCodeForm(),
            "masked_phone": pending["phone"],
            "resend_wait": wait,
            "resend_wait_text": format_wait(wait),
            "resent": resent,
        }
        return render_step("code", extra, status)

    if step == "restart":
        _keep_pending(request, cycle, pending_key, None)
        return redirect(page.url + done)
    if pending and step == "code":
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                voter = services.confirm_verification(
                    cycle=cycle, hashed_iin=pending["voter_hash"], code=form.cleaned_data["code"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _keep_pending(request, cycle, pending_key, None)
                remember_voter(request, cycle, voter, key=session_key)
                return redirect(page.url + done)
        return code_step(form=form, status=400)
    if pending and step == "resend":
        resend_form = ResendCodeForm(request.POST)
        if resend_form.is_valid():
            phone = resend_form.cleaned_data["phone"]
            try:
                resend_code(cycle=cycle, hashed_iin=pending["voter_hash"], phone=phone, ip=ip, purpose=purpose)
            except ValidationError as error:
                add_service_errors(resend_form, error)
            else:
                pending = {**pending, "phone": mask_phone(phone)}
                _keep_pending(request, cycle, pending_key, pending)
                return code_step(resent=True)
        return code_step(resend_form=resend_form, status=400)
    if pending and request.method != "POST":
        return code_step()
    form = VerifyVoterForm(request.POST if request.method == "POST" else None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.start_verification(
                cycle=cycle,
                iin=data["iin"],
                birth_date=data["birth_date"],
                district=data["district"],
                phone=data["phone"],
                ip=request.META.get("REMOTE_ADDR", ""),
                confirm_date_mismatch=data["confirm_date_mismatch"],
                purpose=purpose,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            pending = {
                "voter_hash": voter_hash(data["iin"]),
                "phone": mask_phone(data["phone"]),
                "started_at": time.time(),
            }
            _keep_pending(request, cycle, pending_key, pending)
            return code_step()
    show_mismatch = any(e.code == "date_mismatch" for e in form.errors.as_data().get("birth_date", []))
    return render_step("verify", {"form": form, "show_mismatch": show_mismatch}, 400 if form.errors else 200)


def ballot_step(request, page, source, voter, context):
    earlier = earlier_ballot(source, voter)
    if earlier is not None:
        # Said right after the verification, not after the ballot is filled in; never what the ballot says.
        context["voted_on"] = timezone.localtime(earlier.cast_at).date()
        if not earlier.replaceable:
            status = 409 if request.method == "POST" else 200
            return TemplateResponse(request, "pb_module/vote_already.html", context, status=status)
    cards = ballot_cards(page, source)
    rules = ballot_rules_of(source)
    context.update(cards=cards, rules=rules, voter=voter)
    if request.method != "POST":
        return TemplateResponse(request, "pb_module/vote_ballot.html", context)
    items = ballot_items_from(request.POST, {c["id"] for c in cards}, source.ballot_type)
    context["chosen"] = items
    step = request.POST.get("step")
    if step == "review":
        problems = ballot_rules.validate_ballot(items, {c["id"]: c["cost"] for c in cards}, rules)
        if problems:
            context["errors"] = [services.voting.problem_message(p, get_language()) for p in problems]
            context["errors_heading"] = _("Your choices do not fit the rules of this ballot yet")
            return TemplateResponse(request, "pb_module/vote_ballot.html", context, status=400)
        context["summary"] = [dict(card, points=items[card["id"]]) for card in cards if card["id"] in items]
        context["total_cost"] = sum(c["cost"] for c in context["summary"])
        return TemplateResponse(request, "pb_module/vote_summary.html", context)
    if step != "cast":  # "edit": back to the ballot with the choices kept
        return TemplateResponse(request, "pb_module/vote_ballot.html", context)
    try:
        result = services.cast_ballot(cycle=source, voter=voter, items=items, language=get_language())
    except ValidationError as error:
        context["errors"] = error.messages
        context["errors_heading"] = _("Your ballot was not cast")
        return TemplateResponse(request, "pb_module/vote_ballot.html", context, status=400)
    forget_voter(request, source)
    return TemplateResponse(request, "pb_module/vote_receipt.html", {**context, "result": result}, status=201)


@never_cache
def receipt_view(request):
    form = ReceiptForm(request.GET or None)
    found = None
    if form.is_valid():
        found = services.check_receipt(form.cleaned_data["code"])
    return render(
        request,
        "pb_module/receipt_check.html",
        {"form": form, "found": found, "checked": form.is_bound and form.is_valid()},
    )
