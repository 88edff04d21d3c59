"""The voting flow on the site, without JavaScript: verify -> code -> ballot -> summary -> receipt.

The voter's verified identity (hashes and statistics only) is kept in the session for a while;
the raw IIN and phone number never are.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pb_module import services
from pb_module.models import ProposalPage
from pb_module.rules import ballots as ballot_rules
from pb_module.rules.phases import Phase
from pb_module.selectors.voting import ballot_costs, earlier_ballot, voting_open
from pb_module.web.forms import ReceiptForm, ballot_items_from
from pb_module.web.verification import forget_voter, session_voter, verification_step


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
    source = page.canonical()
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


def ballot_step(request, page, source, voter, context):
    earlier = earlier_ballot(source, voter)
    if earlier is not None:
        # Said right after the verification, not after the ballot is filled in; never what the ballot says.
        context["voted_on"] = timezone.localtime(earlier.cast_at).date()
        if not earlier.replaceable:
            status = 409 if request.method == "POST" else 200
            return TemplateResponse(request, "pb_module/vote_already.html", context, status=status)
    cards = ballot_cards(page, source)
    rules = services.voting.ballot_rules_of(source)
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
        result = services.voting.cast_ballot(cycle=source, voter=voter, items=items, language=get_language())
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
        found = services.voting.check_receipt(form.cleaned_data["code"])
    return render(
        request,
        "pb_module/receipt_check.html",
        {"form": form, "found": found, "checked": form.is_bound and form.is_valid()},
    )
