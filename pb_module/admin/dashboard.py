"""The PB panels of the admin dashboard, in the staff member's language: what waits for them in their territory."""

from django.template.loader import render_to_string
from wagtail.admin.ui.components import Component

from pb_module import permissions, services
from pb_module.selectors import dashboard


class WaitingPanel(Component):
    """Proposals waiting for moderation and expert review, stalled projects, reports awaiting an answer."""

    name = "pb_waiting"
    template_name = "pb_module/admin/dashboard_panel.html"
    order = 60

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        territory = dashboard.territory_of(user)
        queues = dashboard.proposals_waiting(user, territory)
        return {
            "territory": territory,
            "moderation": queues.get("moderation"),
            "expert_review": queues.get("expert_review"),
            "stalled": dashboard.stalled(user, territory),
            "reports": dashboard.reports_awaiting_answer(user, territory, services.monitoring.answerable_by(user)),
            "may_change_status": permissions.may_change_status(user),
            "may_review": permissions.may_review_as_expert(user),
            "may_plan": permissions.may_change_any_milestone(user),
            "request": self.request,
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if all(context[key] is None for key in ("moderation", "expert_review", "stalled", "reports")):
            return ""  # nothing of the PB process is this user's concern
        return render_to_string(self.template_name, context, request=self.request)
