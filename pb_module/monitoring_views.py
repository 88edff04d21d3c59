"""Filing a monitoring report on the site: NGO representatives go straight to the form; other residents first
verify themselves as voters do (IIN, date of birth, district, phone, then the code from the SMS).

The session remembers a verified resident for the proposal's cycle (hashes and statistics only, under its own key,
for PB_VOTER_SESSION_SECONDS); the raw IIN and phone number never are kept.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pb_module import services
from pb_module.forms import CodeForm, MonitoringReportForm, VerifyVoterForm
from pb_module.services import monitoring
from pb_module.services.voting import voter_hash
from pb_module.views import add_service_errors
from pb_module.voting_views import remember_voter, session_voter

SESSION_KEY = "pb_monitors"
PENDING_KEY = "pb_monitor_pending"


def file_report_view(request, page):
    proposal = page.proposal
    if not proposal.is_public:
        raise Http404
    cycle = proposal.cycle.specific
    context = {"page": page, "self": page, "proposal": proposal, "cycle": cycle}
    if not monitoring.reports_open(proposal):
        context["closed_message"] = monitoring.closed_message()
        return TemplateResponse(request, "pb_module/report_closed.html", context)
    if not proposal.milestones.exists():
        context["closed_message"] = _("The work has no milestones yet: a report is filed about a milestone.")
        return TemplateResponse(request, "pb_module/report_closed.html", context)
    user = request.user
    if user.is_authenticated and user.has_perm("pb_module.add_monitoringreport"):
        return report_step(request, page, context, citizen=None)
    citizen = session_voter(request, cycle, key=SESSION_KEY)
    if citizen is None:
        return verify_step(request, page, cycle, context)
    return report_step(request, page, context, citizen=citizen)


def verify_step(request, page, cycle, context):
    """Who the resident is, then the code from the SMS (as for voting, whether or not voting is open)."""
    pending = request.session.get(PENDING_KEY, {}).get(str(cycle.pk))
    if request.method == "POST" and request.POST.get("step") == "code" and pending:
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                citizen = services.confirm_verification(cycle=cycle, hashed_iin=pending, code=form.cleaned_data["code"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                remember_voter(request, cycle, citizen, key=SESSION_KEY)
                return redirect(page.url + "report/")
        return TemplateResponse(
            request, "pb_module/report_verify.html", {**context, "form": form, "step": "code"}, status=400
        )
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
                purpose="monitoring",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            request.session[PENDING_KEY] = {
                **request.session.get(PENDING_KEY, {}),
                str(cycle.pk): voter_hash(data["iin"]),
            }
            return TemplateResponse(
                request, "pb_module/report_verify.html", {**context, "form": CodeForm(), "step": "code"}
            )
    show_mismatch = any(e.code == "date_mismatch" for e in form.errors.as_data().get("birth_date", []))
    return TemplateResponse(
        request,
        "pb_module/report_verify.html",
        {**context, "form": form, "step": "verify", "show_mismatch": show_mismatch},
        status=400 if form.errors else 200,
    )


def report_step(request, page, context, *, citizen):
    proposal = context["proposal"]
    posted = request.method == "POST" and request.POST.get("step") == "report"
    form = MonitoringReportForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        proposal=proposal,
        citizen=citizen is not None,
    )
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            report = monitoring.file_report(
                proposal=proposal,
                milestone=data["milestone"],
                rating=data["rating"],
                body=data["body"],
                language=get_language(),
                user=None if citizen else request.user,
                citizen=citizen,
                author_name=data.get("author_name", ""),
                organisation=data.get("organisation", ""),
                photos=data["photos"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your monitoring report is published."))
            return redirect(f"{page.url}#report-{report.pk}")
    return TemplateResponse(
        request,
        "pb_module/report_form.html",
        {**context, "form": form, "citizen": citizen},
        status=400 if form.errors else 200,
    )
