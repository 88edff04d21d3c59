"""E-mails to authors and followers: in their language, one per person, with a one-click unsubscribe that works."""

import logging
import re
from smtplib import SMTPException
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Locale

from pb_module import services
from pb_module.models import Milestone, MonitoringReport, PBCyclePage, Proposal, ProposalFollower
from pb_module.selectors.implementation import progress_of
from pb_module.services import notifications
from pb_module.services.implementation import save_milestone

from .. import factories as f

pytestmark = pytest.mark.django_db
UNSUBSCRIBE = re.compile(r"http://\S+/(kk|ru|en)/pb/unsubscribe/([0-9a-f-]+)/")
CONFIRM = re.compile(r"http://\S+/(kk|ru|en)/pb/follow/confirm/([A-Za-z0-9_-]+)/")


@pytest.fixture(scope="module")
def open_cycle_id(module_db):
    with module_db():
        return f.cycle(schedule="collecting").pk


@pytest.fixture
def open_cycle(db, open_cycle_id):
    """A cycle collecting proposals now, in a translated territory of its own (built once for the module)."""
    return PBCyclePage.objects.get(pk=open_cycle_id)


@pytest.fixture
def funded(db, funded_once):
    """A proposal the vote selected, moved into implementation by a moderator of its own (the public log says so);
    built once for the module (`funded_once`), read afresh for each test."""
    return Proposal.objects.get(pk=funded_once)


def in_language(lang, value):
    with translation.override(lang):
        return str(value)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def unsubscribe_link(message):
    match = UNSUBSCRIBE.search(message.body)
    assert match, message.body
    return match


def check_headers(message):
    link = unsubscribe_link(message).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert len(message.to) == 1 and not message.cc and not message.bcc


def submit_with_email(client, cycle, lang, contact):
    """Submit through the public form, as a visitor does; the tracking page says e-mails will come."""
    locale = Locale.objects.get(language_code=lang)
    district = cycle.territory.get_translation(locale).descendants()[-1]
    response = client.post(
        cycle.get_translation(locale).url + "submit/",
        {
            "title": "Аулаға орындықтар",
            "summary": "Аулаға он орындық қою.",
            "description": "Қарттар демалатын орын керек.",
            "district": district.pk,
            "estimated_cost": "3 000 000",
            "author_name": "Айгүл С.",
            "author_contact": contact,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "pb/track/" in response.redirect_chain[-1][0]
    return Proposal.objects.latest("pk"), response.content.decode()


@pytest.fixture
def milestone(funded, moderator, responsible_body):
    return save_milestone(
        milestone=Milestone(
            proposal=funded,
            title_kk="Жобалау",
            title_ru="Проектирование",
            title_en="Design",
            status="in_progress",
            percent=40,
            responsible_body=responsible_body,
        ),
        user=moderator,
    )


def test_author_and_follower_hear_of_a_status_change_each_in_their_language(
    client, open_cycle, moderator, django_capture_on_commit_callbacks
):
    proposal, _tracking = submit_with_email(client, open_cycle, "ru", " Author@Example.kz ")
    author = ProposalFollower.objects.get(proposal=proposal)
    assert (author.is_author, author.language, author.email) == (True, "ru", "author@example.kz")
    assert "author@example.kz" not in author.email_encrypted

    with django_capture_on_commit_callbacks(execute=True):
        services.proposals.change_status(proposal=proposal, new_status="in_moderation", user=moderator)
    assert [m.to for m in mail.outbox] == [["author@example.kz"]]  # only the author follows yet

    kk_page = proposal.page_in("kk")
    cache.clear()  # the follow form's rate-limit counters
    assert client.post(kk_page.url + "follow/", {"email": "resident@example.kz"}).status_code == 302
    [confirmation] = mails_to("resident@example.kz")  # double opt-in: a link to confirm first, nothing else before it
    assert client.post(urlsplit(CONFIRM.search(confirmation.body).group(0)).path).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposals.change_status(proposal=proposal, new_status="rejected", user=moderator, reason="Қайталау.")

    assert len(mail.outbox) == 2
    proposal.refresh_from_db()
    for address, lang in [("author@example.kz", "ru"), ("resident@example.kz", "kk")]:
        [message] = mails_to(address)
        page = proposal.page_in(lang)
        status = in_language(lang, proposal.status_label)
        assert page.title in message.subject and status in message.subject
        assert status in message.body and "Қайталау." in message.body
        assert unsubscribe_link(message).group(1) == lang
        check_headers(message)
    author_mail = mails_to("author@example.kz")[0].body
    with translation.override("ru"):
        reason = translation.gettext(
            "You receive this e-mail because you submitted this proposal and left your e-mail address."
        )
    assert reason in author_mail


def test_phone_contacts_and_imports_make_no_subscription(client, open_cycle):
    proposal, _tracking = submit_with_email(client, open_cycle, "kk", "+7 701 555 44 33")
    assert not proposal.followers.exists()
    imported = services.proposals.submit_proposal(
        cycle=open_cycle,
        language="kk",
        title="Өткен циклдің ұсынысы",
        summary="Қысқаша.",
        description="Толық.",
        district=open_cycle.territory,
        estimated_cost=1_000_000,
        author_name="Ескі автор",
        author_contact="old@example.kz",
        historical=True,
    ).proposal
    assert not imported.followers.exists()


def test_tracking_page_says_the_author_will_be_emailed(client, open_cycle):
    _proposal, tracking = submit_with_email(client, open_cycle, "en", "author@example.kz")
    assert "We will also e-mail you" in tracking
    _proposal, tracking = submit_with_email(client, open_cycle, "en", "+7 701 555 44 33")
    assert "We will also e-mail you" not in tracking


def test_followers_hear_that_a_milestone_moved(funded, milestone, moderator, django_capture_on_commit_callbacks):
    services.proposals.follow_proposal(proposal=funded, email="ru@example.kz", language="ru")
    services.proposals.follow_proposal(proposal=funded, email="en@example.kz", language="en")
    mail.outbox.clear()
    milestone.percent = 60
    with django_capture_on_commit_callbacks(execute=True):
        save_milestone(milestone=milestone, user=moderator)

    overall = progress_of(funded).percent
    assert len(mail.outbox) == 2
    for address, lang, title in [("ru@example.kz", "ru", "Проектирование"), ("en@example.kz", "en", "Design")]:
        [message] = mails_to(address)
        assert funded.page_in(lang).title in message.subject and title in message.subject
        assert title in message.body and in_language(lang, milestone.status_label) in message.body
        assert all(re.search(rf"{n}\s?%", message.body) for n in (60, 40, overall))  # "40 %" in kk and ru
        assert funded.page_in(lang).full_url in message.body
        check_headers(message)


def test_a_save_that_moves_nothing_sends_nothing(funded, milestone, moderator, django_capture_on_commit_callbacks):
    services.proposals.follow_proposal(proposal=funded, email="ru@example.kz", language="ru")
    mail.outbox.clear()
    milestone.spent = 1_000_000
    with django_capture_on_commit_callbacks(execute=True):
        save_milestone(milestone=milestone, user=moderator)
    assert mail.outbox == []


def test_followers_hear_that_a_report_was_answered(funded, milestone, responsible_body):
    services.proposals.follow_proposal(proposal=funded, email="ru@example.kz", language="ru")
    report = MonitoringReport.objects.create(
        proposal=funded,
        milestone=milestone,
        author_kind="ngo",
        author_name="Асель ҮЕҰ",
        rating="concern",
        body="Жұмыс екі аптадан бері тоқтап тұр.",
        language="kk",
        answer="Мердігер келесі аптада оралады.",
        answered_by_name="Нұрлан Әкімдік",
        answered_for=responsible_body,
        answered_at=timezone.now(),
    )
    mail.outbox.clear()
    notifications.notify_report_answered(report)
    [message] = mail.outbox
    assert message.to == ["ru@example.kz"]
    assert funded.page_in("ru").title in message.subject
    for text in ["Отдел ЖКХ города Актау", "Нұрлан Әкімдік", "Мердігер келесі аптада оралады.", "Проектирование"]:
        assert text in message.body
    check_headers(message)

    report.hidden = True
    mail.outbox.clear()
    notifications.notify_report_answered(report)
    assert mail.outbox == []


def test_unsubscribe_asks_on_get_and_ends_on_post(
    client, funded, milestone, moderator, django_capture_on_commit_callbacks
):
    follower = services.proposals.follow_proposal(proposal=funded, email="ru@example.kz", language="ru")
    milestone.percent = 50
    with django_capture_on_commit_callbacks(execute=True):
        save_milestone(milestone=milestone, user=moderator)
    link = unsubscribe_link(mails_to("ru@example.kz")[0])
    path = urlsplit(link.group(0)).path
    assert path == f"/ru/pb/unsubscribe/{follower.unsubscribe_token}/"

    page = client.get(path)  # a mail scanner prefetching the link changes nothing
    assert page.status_code == 200
    html = page.content.decode()
    assert funded.page_in("ru").title in html and '<form method="post"' in html
    assert ProposalFollower.objects.filter(pk=follower.pk).exists()

    done = client.post(path)
    assert done.status_code == 200 and 'role="status"' in done.content.decode()
    assert not ProposalFollower.objects.filter(pk=follower.pk).exists()
    mail.outbox.clear()
    milestone.percent = 70
    with django_capture_on_commit_callbacks(execute=True):
        save_milestone(milestone=milestone, user=moderator)
    assert mails_to("ru@example.kz") == []

    again = client.post(path)  # a second click: friendly, not an error
    assert again.status_code == 404 and "<h1>" in again.content.decode()


def test_one_click_unsubscribe_from_a_mail_client_needs_no_csrf_token(funded):
    follower = services.proposals.follow_proposal(proposal=funded, email="kk@example.kz", language="kk")
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        f"/kk/pb/unsubscribe/{follower.unsubscribe_token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not ProposalFollower.objects.filter(pk=follower.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_unknown_unsubscribe_token_is_a_friendly_404(client, method):
    response = getattr(client, method)("/en/pb/unsubscribe/not-a-token/")
    assert response.status_code == 404
    assert "This unsubscribe link is not valid any more" in response.content.decode()


def test_a_failed_send_is_logged_and_the_change_stands(
    monkeypatch, caplog, funded, milestone, moderator, django_capture_on_commit_callbacks
):
    services.proposals.follow_proposal(proposal=funded, email="ru@example.kz", language="ru")

    def refuse(self, messages):
        raise SMTPException("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    milestone.percent = 80
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        save_milestone(milestone=milestone, user=moderator)
    assert Milestone.objects.get(pk=milestone.pk).percent == 80
    assert "Could not e-mail follower" in caplog.text and "ru@example.kz" not in caplog.text
