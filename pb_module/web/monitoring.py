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
from django.views.decorators.cache import never_cache

from pb_module import permissions, services
from pb_module.selectors.monitoring import closed_message, reports_open
from pb_module.web.forms import MonitoringReportForm, add_service_errors
from pb_module.web.verification import session_voter, verification_step

SESSION_KEY = "pb_monitors"
PENDING_KEY = "pb_monitor_pending"


@never_cache
def file_report_view(request, page):
    proposal = page.proposal
    if not proposal.is_public:
        raise Http404
    cycle = proposal.cycle.specific
    context = {"page": page, "self": page, "proposal": proposal, "cycle": cycle}
    if not reports_open(proposal):
        context["closed_message"] = closed_message()
        return TemplateResponse(request, "pb_module/report_closed.html", context)
    if not proposal.milestones.exists():
        context["closed_message"] = _("The work has no milestones yet: a report is filed about a milestone.")
        return TemplateResponse(request, "pb_module/report_closed.html", context)
    user = request.user
    if user.is_authenticated and permissions.may_report_for_organisation(user):
        return report_step(request, page, context, citizen=None)
    citizen = session_voter(request, cycle, key=SESSION_KEY)
    if citizen is None:
        return verify_step(request, page, cycle, context)
    return report_step(request, page, context, citizen=citizen)


def verify_step(request, page, cycle, context):
    """Who the resident is, then the code from the SMS (as for voting, whether or not voting is open)."""

    def render_step(step, extra, status):
        return TemplateResponse(
            request, "pb_module/report_verify.html", {**context, **extra, "step": step}, status=status
        )

    return verification_step(
        request,
        page,
        cycle,
        render_step,
        done="report/",
        purpose="monitoring",
        session_key=SESSION_KEY,
        pending_key=PENDING_KEY,
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
            report = services.monitoring.file_report(
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
