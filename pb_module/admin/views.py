"""Admin screens for the moderator, the expert and comment moderation; each calls one service."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from pb_module import permissions, services
from pb_module.models import MonitoringReport, PBCyclePage, Proposal, ProposalComment
from pb_module.models.stories import reader_pages
from pb_module.rules import geo
from pb_module.rules.statuses import allowed_next
from pb_module.selectors.voting import ballot_costs, voting_open
from pb_module.vocabulary import STATUS_LABELS
from pb_module.web.forms import (
    AnswerReportForm,
    AssistedBallotForm,
    CloseVotingForm,
    ExpertReviewForm,
    HideCommentForm,
    HideReportForm,
    PlaceForm,
    PublishResultsForm,
    StatusChangeForm,
    add_service_errors,
    ballot_items_from,
)


def _render(request, template, context, status=200):
    return TemplateResponse(request, f"pb_module/admin/{template}", context, status=status)


def change_status_view(request, pk):
    if not permissions.may_change_status(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, pk=pk)
    choices = [(s.value, STATUS_LABELS[s]) for s in allowed_next(proposal.status)]
    form = StatusChangeForm(request.POST or None, proposal=proposal, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposals.change_status(
                proposal=proposal,
                new_status=form.cleaned_data["new_status"],
                user=request.user,
                merged_into=form.cleaned_data["merged_into"],
                language=get_language(),
                **form.reasons,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Status changed to “%(status)s”.") % {"status": STATUS_LABELS[form.cleaned_data["new_status"]]},
            )
            return redirect("pb_proposals:index")
    return _render(
        request,
        "change_status.html",
        {
            "proposal": proposal,
            "form": form,
            "log": proposal.status_changes.all(),
            "contact": proposal.author_contact if permissions.may_see_author_contact(request.user) else None,
            "header_title": _("Change status"),
        },
        status=400 if form.errors else 200,
    )


def place_view(request, pk):
    """A moderator corrects a proposal's place on the map (or removes it)."""
    if not permissions.may_change_status(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, pk=pk)
    point, area = geo.as_text(proposal.geometry)
    form = PlaceForm(request.POST or None, initial={"point": point, "area": area})
    if request.method == "POST" and form.is_valid():
        try:
            services.proposals.correct_place(
                proposal=proposal, geometry=form.cleaned_data["geometry"], user=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The place on the map is saved."))
            return redirect("pb_proposals:index")
    page = proposal.source_page
    return _render(
        request,
        "place.html",
        {
            "proposal": proposal,
            "form": form,
            "location": page.location if page else "",
            "header_title": _("Place on the map"),
        },
        status=400 if form.errors else 200,
    )


def expert_review_view(request, pk):
    if not permissions.may_review_as_expert(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, pk=pk)
    form = ExpertReviewForm(request.POST or None, initial={"validated_cost": proposal.estimated_cost})
    if request.method == "POST" and form.is_valid():
        try:
            services.proposals.record_expert_review(proposal=proposal, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The expert conclusion is recorded and published."))
            return redirect("pb_proposals:index")
    return _render(
        request,
        "expert_review.html",
        {
            "proposal": proposal,
            "form": form,
            "reviews": proposal.reviews.all(),
            "header_title": _("Expert review"),
        },
        status=400 if form.errors else 200,
    )


def hide_comment_view(request, pk):
    if not permissions.may_hide_comments(request.user):
        raise PermissionDenied
    comment = get_object_or_404(ProposalComment, pk=pk)
    form = HideCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposals.hide_comment(comment=comment, user=request.user, language=get_language(), **form.reasons)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The comment is hidden; the reason is shown in its place."))
            return redirect("pb_comments:index")
    return _render(request, "hide_comment.html", {"comment": comment, "form": form, "header_title": _("Hide comment")})


def hide_report_view(request, pk):
    """A moderator hides a monitoring report with a public reason (or, once hidden, publishes it again)."""
    if not permissions.may_hide_reports(request.user):
        raise PermissionDenied
    report = get_object_or_404(MonitoringReport.objects.select_related("milestone", "proposal"), pk=pk)
    if report.hidden:
        if request.method == "POST":
            services.monitoring.unhide_report(report=report, user=request.user)
            messages.success(request, _("The report is published again."))
            return redirect("pb_reports:index")
        return _render(request, "unhide_report.html", {"report": report, "header_title": _("Publish report again")})
    form = HideReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.monitoring.hide_report(report=report, user=request.user, language=get_language(), **form.reasons)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report is hidden; the date and the reason are shown in its place."))
            return redirect("pb_reports:index")
    return _render(
        request,
        "report_action.html",
        {"report": report, "form": form, "header_title": _("Hide report"), "submit_label": _("Hide report")},
        status=400 if form.errors else 200,
    )


def answer_report_view(request, pk):
    """A member of the body responsible for the report's milestone publishes the official answer."""
    report = get_object_or_404(MonitoringReport.objects.select_related("milestone", "proposal"), pk=pk)
    if not permissions.may_answer_report(request.user, report):
        raise PermissionDenied
    form = AnswerReportForm(request.POST or None, initial={"answer": report.answer})
    if request.method == "POST" and form.is_valid():
        try:
            services.monitoring.answer_report(
                report=report, user=request.user, answer=form.cleaned_data["answer"], language=get_language()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The answer is published under the report."))
            return redirect("pb_reports:index")
    return _render(
        request,
        "report_action.html",
        {"report": report, "form": form, "header_title": _("Answer report"), "submit_label": _("Publish answer")},
        status=400 if form.errors else 200,
    )


def _reading_language(request) -> str:
    """The language the operator reads the ballot aloud in: `lang` chosen on the screen (the resident's), else the
    operator's admin language."""
    codes = [code for code, _name in settings.LANGUAGES]
    chosen = (request.POST.get("lang") or request.GET.get("lang") or "")[:2]
    if chosen in codes:
        return chosen
    admin = (get_language() or "")[:2]
    return admin if admin in codes else settings.LANGUAGE_CODE


def _in_language(page, language):
    """The translation of `page` in `language` when there is a live one, else `page`."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated if translated is not None and translated.live else page


def _ballot_lines(proposals, costs, language) -> list[dict]:
    """The ballot's proposals as the operator reads them: title and summary from the proposal's page in
    `language`, else from the page in the language it was written in (with that language, for `lang` and a note)."""
    proposals = list(proposals)
    pages = reader_pages(proposals, language)
    lines = []
    for proposal in proposals:
        page = pages.get(proposal.pk)
        text_language = page.text_language if page else proposal.language
        lines.append(
            {
                "proposal": proposal,
                "cost": costs[proposal.pk],
                "title": page.title if page else str(proposal),
                "summary": page.summary if page else "",
                "lang": text_language,
                "other_language": text_language != language,
            }
        )
    return lines


def assisted_ballot_view(request):
    """A public-centre operator records the ballot of a resident who came in person."""
    if not permissions.may_cast_assisted_ballots(request.user):
        raise PermissionDenied
    cycles = [
        c for c in PBCyclePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE) if voting_open(c)
    ]
    cycle = next((c for c in cycles if str(c.pk) == (request.POST.get("cycle") or request.GET.get("cycle"))), None)
    reading = _reading_language(request)
    if cycle is None:
        for c in cycles:
            c.shown_title = _in_language(c, reading).title
        return _render(
            request,
            "assisted_choose.html",
            {"cycles": cycles, "header_title": _("Assisted ballot"), "reading": reading},
        )
    form = AssistedBallotForm(request.POST or None, cycle=cycle)
    costs = ballot_costs(cycle)
    proposals = _ballot_lines(Proposal.objects.filter(pk__in=costs).order_by("pk"), costs, reading)
    context = {
        "cycle": cycle,
        "cycle_title": _in_language(cycle, reading).title,
        "form": form,
        "proposals": proposals,
        "header_title": _("Assisted ballot"),
        "chosen": {},
        "reading": reading,
        "reading_choices": [
            {"code": code, "name": name, "url": f"?cycle={cycle.pk}&lang={code}"} for code, name in settings.LANGUAGES
        ],
    }
    if request.method == "POST" and form.is_valid():
        items = ballot_items_from(request.POST, set(costs), cycle.ballot_type)
        context["chosen"] = items
        try:
            result = services.voting.cast_assisted_ballot(
                cycle=cycle,
                operator=request.user,
                iin=form.cleaned_data["iin"],
                birth_date=form.cleaned_data["birth_date"],
                district=form.cleaned_data["district"],
                items=items,
                confirm_date_mismatch=form.cleaned_data["confirm_date_mismatch"],
                language=get_language(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _render(
                request,
                "assisted_done.html",
                {"result": result, "cycle": cycle, "header_title": _("Assisted ballot")},
                status=201,
            )
    return _render(request, "assisted_ballot.html", context, status=400 if form.errors else 200)


def results_index_view(request):
    """The cycles whose results can be published, are published, or cannot be yet (and why)."""
    if not permissions.may_publish_results(request.user):
        raise PermissionDenied
    cycles = PBCyclePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-year", "title")
    can_close = permissions.may_close_voting_early(request.user)
    rows = [
        {
            "cycle": c,
            "published": hasattr(c, "tally_result"),
            "problem": services.results.publish_problem(c),
            "can_close": can_close and voting_open(c),
        }
        for c in cycles
    ]
    return _render(request, "results_index.html", {"rows": rows, "header_title": _("Publish results")})


def publish_results_view(request, pk):
    """A preview of the count, then publication once the moderator confirms."""
    if not permissions.may_publish_results(request.user):
        raise PermissionDenied
    cycle = get_object_or_404(PBCyclePage, pk=pk, locale__language_code=settings.LANGUAGE_CODE)
    problem = services.results.publish_problem(cycle)
    form = PublishResultsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            services.results.publish_results(cycle=cycle, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The results are published. The ballots of this cycle are now frozen."))
            return redirect("pb_results")
    context = {
        "cycle": cycle,
        "problem": problem,
        "form": None if problem else form,
        "header_title": _("Publish results"),
    }
    if not problem:
        context["preview"] = services.results.preview_results(cycle, get_language())
    return _render(request, "publish_results.html", context, status=400 if form.errors else 200)


def close_voting_view(request, pk):
    """Close voting early, for good, with a public reason (logged on the cycle page)."""
    if not permissions.may_close_voting_early(request.user):
        raise PermissionDenied
    cycle = get_object_or_404(PBCyclePage, pk=pk, locale__language_code=settings.LANGUAGE_CODE)
    problem = services.cycles.close_problem(cycle)
    form = CloseVotingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            services.cycles.close_voting_early(cycle=cycle, user=request.user, language=get_language(), **form.reasons)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Voting is closed. The count can now be checked and published."))
            return redirect("pb_results")
    context = {
        "cycle": cycle,
        "problem": problem,
        "form": None if problem else form,
        "header_title": _("Close voting early"),
    }
    return _render(request, "close_voting.html", context, status=400 if form.errors else 200)
