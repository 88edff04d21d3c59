"""Comments and monitoring reports share one moderated shape (models.moderation.ModeratedPost), and who may do what
is read through named predicates (pb_module.permissions), the only place that asks Django's permissions."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pb_module import permissions, services
from pb_module.models import Milestone, MonitoringReport, Proposal, ProposalComment
from pb_module.models.moderation import ModeratedPost
from pb_module.rules.statuses import Status

from .. import factories as f

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
MODERATION_FIELDS = {field.name for field in ModeratedPost._meta.get_fields()}


@pytest.fixture
def comment(ngo):
    """A public comment by an NGO representative on a proposal in discussion."""
    talk = f.cycle(schedule="discussion", title="Fx пікірлер циклі", slug="fx-comments")
    proposal = f.ProposalFactory(cycle=talk, status=Status.IN_DISCUSSION, title="Fx саябақтағы орындықтар")
    return services.proposals.add_comment(
        proposal=proposal, user=ngo, body="Fx: орындықтар көлеңкеде болсын.", language="kk"
    )


@pytest.fixture
def funded(funded_once):
    """A proposal the vote selected, moved into implementation by a moderator (built once for the module)."""
    return Proposal.objects.get(pk=funded_once)


def test_comments_and_reports_have_the_same_moderation_fields():
    assert MODERATION_FIELDS == {
        "hidden",
        "hidden_reason",
        "hidden_reason_language",
        "hidden_reason_kk",
        "hidden_reason_ru",
        "hidden_by",
        "hidden_at",
    }
    for model in (ProposalComment, MonitoringReport):
        assert MODERATION_FIELDS <= {field.name for field in model._meta.get_fields()}


def test_a_hidden_comment_says_when_and_why_in_each_language(client, comment, moderator, settings):
    pages = {page.locale.language_code: page for page in comment.proposal.pages.select_related("locale")}
    assert comment.body in client.get(pages["kk"].url).content.decode()  # shown until a moderator hides it
    moment = datetime(2027, 3, 9, 22, 30, tzinfo=ZoneInfo("UTC"))  # 10 March in Almaty
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: moment)
        services.proposals.hide_comment(comment=comment, user=moderator, reason_kk="Жеке дерек жарияланған.")
    comment.refresh_from_db()
    assert (comment.hidden, comment.hidden_by, comment.hidden_at) == (True, moderator, moment)
    kk = client.get(pages["kk"].url).content.decode()
    assert "Модератор бұл пікірді 2027 жылғы 10 наурыз күні жасырды." in kk and comment.body not in kk
    ru = client.get(pages["ru"].url).content.decode()
    assert "Модератор скрыл этот комментарий 10 марта 2027" in ru and "Жеке дерек жарияланған." in ru
    en = client.get(pages["en"].url).content.decode()
    assert "A moderator hid this comment on 10 March 2027." in en


def test_a_comment_hidden_before_its_date_was_kept_still_says_why(client, comment, moderator):
    services.proposals.hide_comment(comment=comment, user=moderator, reason_kk="Жеке дерек жарияланған.")
    ProposalComment.objects.filter(pk=comment.pk).update(hidden_at=None)  # as a comment hidden before 0015
    page = comment.proposal.pages.get(locale__language_code="kk")
    body = client.get(page.url).content.decode()
    assert "Модератор бұл пікірді жасырды. Себебі: Жеке дерек жарияланған." in body


def test_a_report_shown_again_keeps_no_trace_of_its_hiding(funded, responsible_body, ngo, moderator):
    milestone = Milestone.objects.create(proposal=funded, title_kk="Жабдық", responsible_body=responsible_body)
    report = services.monitoring.file_report(
        proposal=funded, milestone=milestone, user=ngo, rating="concern", body="Жұмыс тоқтап тұр.", language="kk"
    )
    services.monitoring.hide_report(report=report, user=moderator, reason_kk="Жеке дерек.")
    report.refresh_from_db()
    assert report.hidden and report.hidden_at and report.hidden_reason_kk == "Жеке дерек."
    services.monitoring.unhide_report(report=report, user=moderator)
    report.refresh_from_db()
    assert not report.hidden and report.hidden_by is None and report.hidden_at is None
    assert [getattr(report, name) for name in ("hidden_reason", "hidden_reason_kk", "hidden_reason_language")] == [
        "",
        "",
        "",
    ]


def test_each_role_may_do_what_its_group_grants(moderator, expert, ngo, official, make_user):
    assert permissions.may_change_status(moderator) and permissions.may_hide_comments(moderator)
    assert not permissions.may_change_status(expert) and permissions.may_review_as_expert(expert)
    assert permissions.may_comment(ngo) and permissions.may_report_for_organisation(ngo)
    assert not permissions.may_hide_comments(ngo) and not permissions.may_publish_results(ngo)
    assert not permissions.may_cast_assisted_ballots(official)
    for nobody in (None, make_user("plain")):
        assert not any(
            predicate(nobody)
            for predicate in (permissions.may_change_status, permissions.may_comment, permissions.may_publish_results)
        )
    moderator.is_active = False
    assert not permissions.may_change_status(moderator)
    with pytest.raises(PermissionDenied):
        permissions.require(moderator, permissions.may_change_status)


def test_a_responsible_body_updates_its_own_milestones_only(funded, responsible_body, official, make_user):
    own = Milestone.objects.create(proposal=funded, title_kk="Өз кезеңі", responsible_body=responsible_body)
    other = Milestone.objects.create(proposal=funded, title_kk="Басқа кезең")
    assert permissions.may_update_milestone(official, own) and not permissions.may_update_milestone(official, other)
    assert permissions.is_in_responsible_body(official) and not permissions.may_plan_milestones(official)
    official.is_active = False
    assert not permissions.may_update_milestone(official, own)


def test_only_the_permissions_module_reads_django_permissions():
    """A new check goes into pb_module/permissions.py under a name, not as a has_perm call in a view or service."""
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in (ROOT / "pb_module").rglob("*.py")
        if path.name != "permissions.py" and "migrations" not in path.parts
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\.has_perms?\(", line)
    ]
    assert found == []


def test_product_code_calls_services_in_one_style():
    """`from pb_module import services` and `services.<module>.<verb>`: never a service imported by its name."""
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for folder in ("pb_module", "home", "search", "demo")
        for path in (ROOT / folder).rglob("*.py")
        if "services" not in path.relative_to(ROOT).parts[1:2] and "migrations" not in path.parts
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.match(r"\s*from pb_module\.services(\.\w+)? import", line)
    ]
    assert found == []
