"""Following a proposal by e-mail is double opt-in: a link confirms it, nothing else is mailed before; rate-limited."""

import importlib
import io
import re
from datetime import timedelta
from smtplib import SMTPException
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from pb_module import services
from pb_module.models import Milestone, MonitoringReport, PBCyclePage, Proposal, ProposalFollower
from pb_module.services import notifications
from pb_module.services.implementation import save_milestone
from pb_module.services.proposals import follower_hash

from .. import factories as f

pytestmark = pytest.mark.django_db
CONFIRM = re.compile(r"http://\S+/(kk|ru|en)/pb/follow/confirm/([A-Za-z0-9_-]+)/")
CHECK_INBOX = (
    "Check your inbox: we sent a link to confirm that you want e-mails about this proposal. "
    "Nothing is sent until you open it. If this address already follows the proposal, nothing changes."
)
TOO_MANY_FOR_ADDRESS = "Too many confirmation links were requested for this address. Try again tomorrow."


@pytest.fixture(scope="module")
def open_cycle_once(module_db):
    with module_db():
        return f.cycle(schedule="collecting").pk


@pytest.fixture
def open_cycle(db, open_cycle_once):
    """A cycle collecting proposals now, in a translated territory of its own (built once for the module)."""
    return PBCyclePage.objects.get(pk=open_cycle_once)


@pytest.fixture
def funded(db, funded_once):
    """A proposal the vote selected, moved into implementation by a moderator (the public log says so): made once
    for the module, read afresh for each test."""
    return Proposal.objects.get(pk=funded_once)


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()  # the rate-limit counters live in the cache
    yield
    cache.clear()


def follow(client, proposal, email, lang="en", ip="192.0.2.1"):
    return client.post(proposal.page_in(lang).url + "follow/", {"email": email}, REMOTE_ADDR=ip)


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def confirm_path(message):
    match = CONFIRM.search(message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


def follower_of(proposal, email):
    return ProposalFollower.objects.filter(proposal=proposal, email_hash=follower_hash(email)).first()


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


def move(milestone, moderator, percent, capture):
    milestone.percent = percent
    with capture(execute=True):
        save_milestone(milestone=milestone, user=moderator)


def test_follow_mails_one_link_in_the_readers_language_and_nothing_else_before_it_is_confirmed(
    client, funded, milestone, moderator, responsible_body, django_capture_on_commit_callbacks
):
    response = follow(client, funded, " Resident@Example.kz ", lang="ru")
    assert response.status_code == 302 and response["Location"].endswith("#follow")
    follower = follower_of(funded, "resident@example.kz")
    assert follower.confirmed_at is None and follower.language == "ru" and follower.email == "resident@example.kz"

    [message] = mail.outbox
    assert message.to == ["resident@example.kz"]
    ru_title = funded.page_in("ru").title
    assert ru_title in message.subject and ru_title in message.body
    path = confirm_path(message)
    assert path.startswith("/ru/pb/follow/confirm/")
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in follower.confirm_token_hash  # only a keyed hash of the token is stored
    with translation.override("ru"):
        assert translation.gettext("To confirm, open this link and press the button on the page:") in message.body
    assert "List-Unsubscribe" not in message.extra_headers

    # The answer is shown beside the form the visitor used.
    page = client.get(response["Location"]).content.decode()
    with translation.override("ru"):
        assert page.index(translation.gettext(CHECK_INBOX)) > page.index('id="follow"')

    # Not confirmed: the status change, the milestone and the answered report mail nobody.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposals.change_status(proposal=funded, new_status="stalled", user=moderator, reason="Тоқтап тұр.")
    move(milestone, moderator, 60, django_capture_on_commit_callbacks)  # moves it back to in implementation too
    report = MonitoringReport.objects.create(
        proposal=funded,
        milestone=milestone,
        author_kind="ngo",
        author_name="Асель ҮЕҰ",
        rating="concern",
        body="Жұмыс тоқтап тұр.",
        language="kk",
        answer="Мердігер келесі аптада оралады.",
        answered_by_name="Нұрлан Әкімдік",
        answered_for=responsible_body,
        answered_at=timezone.now(),
    )
    notifications.notify_report_answered(report)
    assert mails_to("resident@example.kz") == []

    # Confirmed: the next ones come.
    assert client.post(path).status_code == 200
    move(milestone, moderator, 70, django_capture_on_commit_callbacks)
    notifications.notify_report_answered(report)
    assert len(mails_to("resident@example.kz")) == 2


def test_get_of_the_link_changes_nothing_and_the_button_confirms(client, funded, moderator):
    follow(client, funded, "kk@example.kz", lang="kk")
    path = confirm_path(mail.outbox[0])
    assert path.startswith("/kk/")
    visitor = Client(enforce_csrf_checks=True)

    asked = visitor.get(path)  # a mail scanner prefetching the link confirms nothing
    html = asked.content.decode()
    assert asked.status_code == 200 and '<form method="post"' in html and "<button" in html
    assert funded.page_in("kk").title in html and 'name="robots" content="noindex"' in html
    assert visitor.head(path).status_code == 200
    assert follower_of(funded, "kk@example.kz").confirmed_at is None

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    done = visitor.post(path, {"csrfmiddlewaretoken": token})
    assert done.status_code == 200 and 'role="status"' in done.content.decode()
    assert follower_of(funded, "kk@example.kz").confirmed_at is not None

    again = visitor.get(path)  # a second click says it is done, without a button
    assert again.status_code == 200 and 'role="status"' in again.content.decode()
    assert '<form method="post"' not in again.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_expired_link_is_refused_with_a_translated_page(client, funded, method):
    follow(client, funded, "late@example.kz", lang="kk")
    path = confirm_path(mail.outbox[0])
    hours = settings.PB_FOLLOW_CONFIRM_HOURS
    ProposalFollower.objects.filter(pk=follower_of(funded, "late@example.kz").pk).update(
        confirm_sent_at=timezone.now() - timedelta(hours=hours, minutes=1)
    )

    response = getattr(client, method)(path)
    assert response.status_code == 410
    with translation.override("kk"):
        expired = translation.ngettext(
            "This confirmation link has expired: links work for %(hours)s hour.",
            "This confirmation link has expired: links work for %(hours)s hours.",
            hours,
        ) % {"hours": hours}
    assert expired in response.content.decode()
    assert follower_of(funded, "late@example.kz").confirmed_at is None
    english = client.get(path.replace("/kk/", "/en/", 1)).content.decode()
    assert f"This confirmation link has expired: links work for {hours} hours." in english


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_link_is_a_friendly_404(client, method):
    response = getattr(client, method)("/en/pb/follow/confirm/not-a-token/")
    assert response.status_code == 404
    assert "This confirmation link is not valid" in response.content.decode()


def test_asking_again_sends_a_fresh_link_and_the_old_one_stops_working(client, funded):
    follow(client, funded, "twice@example.kz", lang="en")
    follow(client, funded, "twice@example.kz", lang="ru", ip="192.0.2.2")
    first, second = (confirm_path(message) for message in mails_to("twice@example.kz"))
    assert client.get(first).status_code == 404
    assert second.startswith("/ru/") and client.post(second).status_code == 200
    follower = follower_of(funded, "twice@example.kz")
    assert follower.confirmed_at is not None and follower.language == "ru"


def test_the_answer_is_the_same_whether_or_not_the_address_already_follows(client, funded):
    already = services.proposals.follow_proposal(proposal=funded, email="old@example.kz", language="en")
    before = (str(already.unsubscribe_token), already.confirmed_at)
    mail.outbox.clear()

    answers = []
    for address, ip in [("old@example.kz", "192.0.2.10"), ("new@example.kz", "192.0.2.11")]:
        response = follow(client, funded, address, ip=ip)
        page = client.get(response["Location"]).content.decode()
        answers.append((response.status_code, response["Location"], CHECK_INBOX in page))
    assert answers[0] == answers[1] == (302, funded.page_in("en").url + "#follow", True)

    assert mails_to("old@example.kz") == []  # nothing to confirm, no mail
    assert len(mails_to("new@example.kz")) == 1
    already.refresh_from_db()
    assert (str(already.unsubscribe_token), already.confirmed_at) == before


def test_confirmation_links_to_one_address_are_limited(client, funded):
    per_address, _window = settings.PB_FOLLOW_MAILS_PER_ADDRESS
    for n in range(per_address):
        assert follow(client, funded, "target@example.kz", ip=f"192.0.2.{n + 1}").status_code == 302
    assert len(mails_to("target@example.kz")) == per_address
    other = f.selected_proposal()

    refused = follow(client, other, "target@example.kz", ip="198.51.100.7")  # another proposal, another IP
    html = refused.content.decode()
    assert refused.status_code == 429
    assert TOO_MANY_FOR_ADDRESS in html
    assert 'value="target@example.kz"' in html  # the typing is kept
    assert len(mails_to("target@example.kz")) == per_address and follower_of(other, "target@example.kz") is None
    with translation.override("kk"):
        message = translation.gettext(TOO_MANY_FOR_ADDRESS)
    assert message in follow(client, other, "target@example.kz", lang="kk", ip="198.51.100.8").content.decode()


def test_follow_requests_from_one_ip_are_limited(client, funded):
    per_ip, _window = settings.PB_FOLLOW_MAILS_PER_IP
    for n in range(per_ip):
        assert follow(client, funded, f"r{n}@example.kz", ip="203.0.113.5").status_code == 302
    assert len(mail.outbox) == per_ip

    refused = follow(client, funded, "one-more@example.kz", ip="203.0.113.5")
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Too many requests to follow proposals came from your connection. Try again later." in html
    assert 'value="one-more@example.kz"' in html
    assert len(mail.outbox) == per_ip and follower_of(funded, "one-more@example.kz") is None
    assert follow(client, funded, "one-more@example.kz", ip="203.0.113.6").status_code == 302  # another connection


def test_a_mail_that_cannot_be_sent_saves_nothing_and_says_so(client, funded, monkeypatch):
    def refuse(self, messages):
        raise SMTPException("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    response = follow(client, funded, "down@example.kz")
    assert response.status_code == 400
    assert "We could not send the confirmation e-mail just now." in response.content.decode()
    assert follower_of(funded, "down@example.kz") is None


def test_a_proposal_that_is_not_public_cannot_be_followed(client, funded):
    page_url = funded.page_in("en").url
    Proposal.objects.filter(pk=funded.pk).update(status="submitted")
    assert client.post(page_url + "follow/", {"email": "x@example.kz"}).status_code == 404
    assert mail.outbox == [] and not funded.followers.filter(confirmed_at__isnull=True).exists()


def test_the_daily_check_deletes_only_unconfirmed_follows_whose_link_expired(client, funded):
    hours = settings.PB_FOLLOW_CONFIRM_HOURS
    confirmed = services.proposals.follow_proposal(proposal=funded, email="kept@example.kz", language="kk")
    for address in ("stale@example.kz", "fresh@example.kz"):
        follow(client, funded, address)
    long_ago = timezone.now() - timedelta(hours=hours + 1)
    ProposalFollower.objects.filter(pk=confirmed.pk).update(created_at=long_ago)
    ProposalFollower.objects.filter(pk=follower_of(funded, "stale@example.kz").pk).update(
        created_at=long_ago, confirm_sent_at=long_ago
    )
    ProposalFollower.objects.filter(pk=follower_of(funded, "fresh@example.kz").pk).update(
        created_at=long_ago,
        confirm_sent_at=timezone.now() - timedelta(hours=hours - 1),  # asked again lately
    )

    out = io.StringIO()
    call_command("pb_check_implementation", stdout=out)
    assert "1 unconfirmed follows deleted" in out.getvalue()
    assert follower_of(funded, "stale@example.kz") is None
    assert follower_of(funded, "fresh@example.kz") is not None
    assert ProposalFollower.objects.filter(pk=confirmed.pk).exists()


def test_the_author_who_left_an_email_follows_without_a_link(open_cycle):
    proposal = services.proposals.submit_proposal(
        cycle=open_cycle,
        language="kk",
        title="Аулаға орындықтар",
        summary="Қысқаша.",
        description="Толық.",
        district=open_cycle.territory,
        estimated_cost=1_000_000,
        author_name="Айгүл С.",
        author_contact="author@example.kz",
    ).proposal
    author = proposal.followers.get()
    assert author.is_author and author.confirmed_at is not None and mail.outbox == []


def test_the_migration_keeps_everyone_already_subscribed(funded):
    follower = services.proposals.follow_proposal(proposal=funded, email="before@example.kz", language="kk")
    ProposalFollower.objects.filter(pk=follower.pk).update(confirmed_at=None)  # as the row was before 0011
    migration = importlib.import_module("pb_module.migrations.0011_follow_confirmation")
    migration.confirm_existing_followers(apps, None)
    follower.refresh_from_db()
    assert follower.confirmed_at == follower.created_at
