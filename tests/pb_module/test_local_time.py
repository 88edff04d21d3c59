"""Issue 14: every date and time shown to the public and in e-mails is the one of Asia/Almaty (TIME_ZONE).

An event at 23:30 UTC happened at 05:30 the next day in Kazakhstan: that is the day every page and e-mail gives.
The moments are real rows of the test database, with their stored timestamps set to that moment.
"""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import timezone

from pb_module import services
from pb_module.models import (
    Ballot,
    CycleScheduleChange,
    Milestone,
    MonitoringReport,
    PBCyclePage,
    ProposalComment,
    ProposalStatusChange,
    Receipt,
)
from pb_module.services import monitoring, notifications
from pb_module.services.implementation import save_milestone
from pb_module.services.voting import receipt_hash

from .. import factories as f
from .test_voting import knapsack_vote

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")
# 2021-03-01 05:30 in Almaty (UTC+6 until 1 March 2024, UTC+5 since: tzdata knows, the code never adds hours)
MOMENT = datetime(2021, 2, 28, 23, 30, tzinfo=UTC)
LOCAL_DAY = {"kk": "2021 жылғы 1 наурыз", "ru": "1 марта 2021", "en": "1 March 2021"}
UTC_DAY = {"kk": "2021 жылғы 28 ақпан", "ru": "28 февраля 2021", "en": "28 February 2021"}


@pytest.fixture
def funded(moderator):
    """A proposal the vote selected, moved into implementation by a moderator (the public log says so)."""
    return f.funded_proposal(user=moderator)


@pytest.fixture
def commented(ngo):
    """A proposal in discussion, public in every language, with a comment of an NGO representative."""
    proposal = f.ProposalFactory(cycle=f.cycle(schedule="discussion"), status="in_discussion")
    services.proposals.add_comment(proposal=proposal, user=ngo, body="Қолдаймыз.", language="kk")
    return proposal


@pytest.fixture
def reported(funded, moderator, ngo, official, responsible_body):
    """A monitoring report of an NGO representative on a milestone of `funded`, answered by the responsible body."""
    milestone = save_milestone(
        milestone=Milestone(
            proposal=funded, title_kk="Жобалау", status="in_progress", percent=40, responsible_body=responsible_body
        ),
        user=moderator,
    )
    report = monitoring.file_report(
        proposal=funded, milestone=milestone, rating="concern", body="Жұмыс баяу.", language="kk", user=ngo
    )
    return monitoring.answer_report(report=report, user=official, answer="Мердігер келесі аптада оралады.")


def assert_local(text: str, lang: str, *, time=False):
    assert LOCAL_DAY[lang] in text, lang
    assert UTC_DAY[lang] not in text, lang
    if time:
        assert "05:30" in text and "23:30" not in text, lang


def in_every_language(proposal) -> bool:
    return all(proposal.page_in(lang) is not None and proposal.page_in(lang).live for lang in LANGUAGES)


def test_the_decision_log_comments_and_reports_show_the_day_in_almaty(client, commented, reported):
    comment = ProposalComment.objects.get(proposal=commented, hidden=False)
    proposal = comment.proposal
    assert proposal.is_public and in_every_language(proposal)
    ProposalComment.objects.filter(pk=comment.pk).update(created_at=MOMENT)
    last = proposal.status_changes.order_by("-changed_at", "-pk").first()
    ProposalStatusChange.objects.filter(pk=last.pk).update(changed_at=MOMENT)
    report = MonitoringReport.objects.select_related("proposal").get(pk=reported.pk, hidden=False)
    assert in_every_language(report.proposal)
    MonitoringReport.objects.filter(pk=report.pk).update(created_at=MOMENT)

    for lang in LANGUAGES:
        html = client.get(proposal.page_in(lang).url).content.decode()
        assert_local(html, lang)
        assert html.count('datetime="2021-03-01"') >= 2, lang  # the decision log and the comment
        assert 'datetime="2021-02-28"' not in html
        html = client.get(report.proposal.page_in(lang).url).content.decode()
        assert_local(html, lang)
        assert 'datetime="2021-03-01"' in html
        # The proposal's feed dates the decision where it was taken.
        feed = client.get(f"/{lang}/feeds/proposal-{proposal.pk}.rss").content.decode()
        assert "<pubDate>Mon, 01 Mar 2021 05:30:00 +0600</pubDate>" in feed, lang


def test_the_schedule_log_and_a_receipt_check_show_the_day_in_almaty(client):
    cycle, _proposals = knapsack_vote()
    CycleScheduleChange.objects.create(
        cycle=cycle,
        phase="voting",
        kind="changed",
        old_starts_on=MOMENT.date(),
        old_ends_on=MOMENT.date(),
        new_starts_on=MOMENT.date(),
        new_ends_on=MOMENT.date(),
        reason="Сынақ.",
        reason_language="kk",
        changed_at=MOMENT,
        actor_name="Дана Сейітова",
    )
    ballot = Ballot.objects.filter(cycle=cycle).order_by("pk").first()
    code = "TEST-CODE-2330"
    Receipt.objects.create(code_hash=receipt_hash(code), ballot=ballot, issued_at=MOMENT)

    for lang in LANGUAGES:
        page = PBCyclePage.objects.get(translation_key=cycle.translation_key, locale__language_code=lang)
        log = client.get(page.url).content.decode().split('id="schedule-log-heading"', 1)[1]
        assert LOCAL_DAY[lang] in log and "05:30" in log, lang
        checked = client.get(f"/{lang}/pb/receipts/", {"code": code}).content.decode()
        assert_local(checked, lang)
    # The API gives the moment with the local offset: the date in it is the local one.
    answer = client.get(f"/api/v1/receipts/{code}").json()
    assert answer["cast_at"] == "2021-03-01T05:30:00+06:00"


def test_e_mails_give_the_day_and_time_in_almaty_whatever_time_zone_is_active(funded, reported):
    followers = {
        lang: services.proposals.follow_proposal(proposal=funded, email=f"{lang}@example.kz", language=lang)
        for lang in LANGUAGES
    }
    change = funded.status_changes.order_by("-changed_at", "-pk").first()
    ProposalStatusChange.objects.filter(pk=change.pk).update(changed_at=MOMENT)
    change.refresh_from_db()
    mail.outbox.clear()
    with timezone.override("UTC"):  # e-mails are rendered outside a request, under whatever was active
        notifications.notify_status_changed(change)
    bodies = {message.to[0]: message.body for message in mail.outbox}
    for lang in followers:
        assert_local(bodies[f"{lang}@example.kz"], lang, time=True)

    report = MonitoringReport.objects.filter(pk=reported.pk, hidden=False).exclude(answer="").get()
    MonitoringReport.objects.filter(pk=report.pk).update(answered_at=MOMENT)
    report.refresh_from_db()
    services.proposals.follow_proposal(proposal=report.proposal, email="report@example.kz", language="ru")
    mail.outbox.clear()
    with timezone.override("UTC"):
        notifications.notify_report_answered(report)
    (body,) = [message.body for message in mail.outbox if message.to == ["report@example.kz"]]
    assert_local(body, "ru", time=True)
