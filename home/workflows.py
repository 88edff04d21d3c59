"""The moderation workflow for public-council news: an editor submits, a moderator publishes."""

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

NEWS_WORKFLOW_NAME = "News moderation"
NEWS_TASK_NAME = "Approval of news by a moderator"
MODERATORS_GROUP = "Moderators"  # created by Wagtail's own migrations, with publish permission


def news_workflow() -> Workflow:
    """The news workflow, created on first use with one approval task for the Moderators group."""
    workflow, created = Workflow.objects.get_or_create(name=NEWS_WORKFLOW_NAME, defaults={"active": True})
    if created or not workflow.workflow_tasks.exists():
        task, _ = GroupApprovalTask.objects.get_or_create(name=NEWS_TASK_NAME)
        task.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_news_workflow(news_index) -> None:
    """Put every page under a news index through the news workflow (idempotent)."""
    WorkflowPage.objects.get_or_create(page=news_index, defaults={"workflow": news_workflow()})
