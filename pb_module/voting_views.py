"""The voting flow on the site, without JavaScript: verify -> code -> ballot -> summary -> receipt.

The voter's verified identity (hashes and statistics only) is kept in the session for a while;
the raw IIN and phone number never are.
"""

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from pb_module import services
from pb_module.forms import CodeForm, ReceiptForm, VerifyVoterForm, ballot_items_from
from pb_module.models import ProposalPage
from pb_module.rules import ballots as ballot_rules
from pb_module.rules.phases import Phase
from pb_module.services.proposals import canonical_cycle
from pb_module.services.voting import VoterIdentity, ballot_costs, ballot_rules_of, voter_hash, voting_open
from pb_module.views import add_service_errors

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


def ballot_cards(page, source):
    """The proposals on the ballot with their page in the reader's language and their cost."""
    costs = ballot_costs(source)
    pages = {p.proposal_id: p for p in ProposalPage.objects.live().child_of(page).filter(proposal_id__in=costs)}
    return [
        {"id": pk, "page": pages.get(pk), "cost": cost}
        for pk, cost in sorted(costs.items(), key=lambda item: pages[item[0]].title if item[0] in pages else "")
    ]


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

    `render_step(step, extra context, status)` renders the "verify" or the "code" step."""
    pending = request.session.get(pending_key, {}).get(str(cycle.pk))
    if request.method == "POST" and request.POST.get("step") == "code" and pending:
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                voter = services.confirm_verification(cycle=cycle, hashed_iin=pending, code=form.cleaned_data["code"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                remember_voter(request, cycle, voter, key=session_key)
                return redirect(page.url + done)
        return render_step("code", {"form": form}, 400)
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
            request.session[pending_key] = {
                **request.session.get(pending_key, {}),
                str(cycle.pk): voter_hash(data["iin"]),
            }
            return render_step("code", {"form": CodeForm()}, 200)
    show_mismatch = any(e.code == "date_mismatch" for e in form.errors.as_data().get("birth_date", []))
    return render_step("verify", {"form": form, "show_mismatch": show_mismatch}, 400 if form.errors else 200)


def ballot_step(request, page, source, voter, context):
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
        return TemplateResponse(request, "pb_module/vote_ballot.html", context, status=400)
    request.session.get(SESSION_KEY, {}).pop(str(source.pk), None)
    request.session.modified = True
    return TemplateResponse(request, "pb_module/vote_receipt.html", {**context, "result": result}, status=201)


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
