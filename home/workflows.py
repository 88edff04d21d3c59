"""The moderation workflow for public-council news: an editor submits, a moderator publishes; and the names the
admin shows as stored, read in the editor's language.

Wagtail shows the `name` of a workflow, a task, a group or a collection as stored, in dozens of places (the workflow
pages, the status side panel, the action menu's "Submit to …", the dashboard, notification e-mails, the groups and
collections). The names the site and Wagtail's migrations create are stored as English msgids of the catalogue, and
`install_translated_names()` (called from `HomeConfig.ready`) makes `name` read in the active language: a
Kazakh-preference editor reads «Жаңалықтарды модерациялау», a Russian one "Модерация новостей", an English one "News
moderation". Writing a translation back (an administrator saves the form in Russian) stores the msgid again, and the
database always keeps what was written (`stored_name`). A name an editor types that is not one of these msgids is
stored and shown as typed.
"""

from functools import cache

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import Collection, GroupApprovalTask, Task, Workflow, WorkflowPage, WorkflowTask

NEWS_WORKFLOW_NAME = gettext_noop("News moderation")
NEWS_TASK_NAME = gettext_noop("Approval of news by a moderator")
MODERATORS_GROUP = gettext_noop("Moderators")  # created by Wagtail's own migrations, with publish permission
EDITORS_GROUP = gettext_noop("Editors")  # likewise

# Wagtail's own workflow and task, made by its migrations.
WAGTAIL_WORKFLOW_NAME = gettext_noop("Moderators approval")
# Names that are read in the reader's language (apps add theirs with `translate_names`): the workflows and tasks
# above, the groups (roles) and collections the site makes.
TRANSLATED_NAMES = {
    NEWS_WORKFLOW_NAME,
    NEWS_TASK_NAME,
    WAGTAIL_WORKFLOW_NAME,
    MODERATORS_GROUP,
    EDITORS_GROUP,
    gettext_noop("Root"),  # Wagtail's root collection
}


def translate_names(*msgids: str) -> None:
    """Have these stored names read in the reader's language too."""
    TRANSLATED_NAMES.update(msgids)
    _msgid_of.cache_clear()


@cache
def _msgid_of() -> dict[str, str]:
    """Every translation of a translated name (in each site language) -> its msgid."""
    found = {}
    for msgid in TRANSLATED_NAMES:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found.setdefault(gettext(msgid), msgid)
    return found


class TranslatedName(DeferredAttribute):
    """A `name` that reads in the active language when it is one of TRANSLATED_NAMES."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or value not in TRANSLATED_NAMES:
            return value
        return gettext(value)

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = _msgid_of().get(value, value) if isinstance(value, str) else value


def stored_name(obj) -> str:
    """The name as the database keeps it (the msgid for the site's own workflows and tasks)."""
    if "name" not in obj.__dict__:
        obj.refresh_from_db(fields=["name"])
    return obj.__dict__["name"]


def _pre_save_stored(field):
    def pre_save(model_instance, add):
        return model_instance.__dict__.get(field.attname)

    return pre_save


def install_translated_names() -> None:
    for model in (Workflow, Task, Group, Collection):
        field = model._meta.get_field("name")
        if not isinstance(field.model.__dict__.get("name"), TranslatedName):
            field.model.name = TranslatedName(field)
            # Saved as stored, never as read (the field's class is unchanged, so migrations see no change).
            field.pre_save = _pre_save_stored(field)


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
