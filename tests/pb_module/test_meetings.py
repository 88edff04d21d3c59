"""Public meetings (issue 18): a meeting under a cycle, registration without an account with its limits and waiting
list, cancelling, the .ics file, the minutes and "discussed at" on the proposals, and the catalogue of meetings."""

import re
from datetime import UTC, timedelta

import pytest
import wagtail_factories
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.documents.models import Document

from pb_module import services
from pb_module.integrations import crypto
from pb_module.integrations.sms import LocmemBackend
from pb_module.models import (
    MeetingDocument,
    MeetingIndexPage,
    MeetingPage,
    MeetingPhoto,
    MeetingProposal,
    PBCyclePage,
    Registration,
)
from pb_module.rules.statuses import Status
from tests.factories import ProposalFactory, cycle, home_page, translate

pytestmark = pytest.mark.django_db
State = Registration.State


def make_meeting(parent, *, days=7, capacity=None, proposals=(), outcome="", **fields):
    """A live meeting `days` from now (negative: past) under `parent`, translated to ru and en."""
    starts = timezone.now().replace(microsecond=0) + timedelta(days=days)
    territory = fields.pop("territory", None) or getattr(parent, "territory", None)
    meeting = MeetingPage(
        title=fields.pop("title", "Fx тұрғындармен кездесу"),
        slug=fields.pop("slug", f"fx-meeting-{days}"),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        territory=territory,
        address="Fx көшесі, 1",
        capacity=capacity,
        agenda="<p>Fx күн тәртібі</p>",
        **fields,
    )
    for proposal in proposals:
        meeting.discussed.add(MeetingProposal(proposal=proposal, outcome=outcome, note="Fx ескерту"))
    parent.add_child(instance=meeting)
    meeting.save_revision().publish()
    translate(meeting, {"ru": "Fx встреча с жителями", "en": "Fx residents' meeting"})
    return MeetingPage.objects.get(pk=meeting.pk)


@pytest.fixture(scope="module")
def collecting_id(module_db):
    with module_db():
        return cycle(schedule="discussion").pk


@pytest.fixture
def collecting(db, collecting_id):
    """A cycle in discussion, built once for the module (see `module_db`), read afresh for each test."""
    return PBCyclePage.objects.get(pk=collecting_id)


def in_language(lang, text) -> str:
    """`text` as the interface says it in `lang`; never the English in kk or ru (a missing translation fails)."""
    with translation.override(lang):
        said = gettext(text)
    assert lang == "en" or said != text, f"{text!r} has no {lang} translation"
    return escape(said)


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """Register as the service does; the messages go out when the registration commits, as after a request."""
    LocmemBackend.outbox.clear()

    def call(meeting, contact, name="Fx Айгүл", language="kk"):
        with django_capture_on_commit_callbacks(execute=True):
            return services.meetings.register(meeting=meeting, name=name, contact=contact, language=language)

    return call


@pytest.fixture
def cancel(django_capture_on_commit_callbacks):
    def call(meeting, token):
        with django_capture_on_commit_callbacks(execute=True):
            return services.meetings.cancel(meeting=meeting, token=token)

    return call


def test_places_then_the_waiting_list_and_a_freed_place_goes_to_the_first_waiting(collecting, register, cancel):
    meeting = make_meeting(collecting, capacity=2)
    first = register(meeting, "first@example.kz")
    second = register(meeting, "+7 701 111 22 33")
    third = register(meeting, "third@example.kz", language="en")
    fourth = register(
        meeting.get_translation(meeting.locale.__class__.objects.get(language_code="ru")),
        "8 702 444 55 66",
        language="ru",
    )
    states = [r.registration.state for r in (first, second, third, fourth)]
    assert states == [State.CONFIRMED, State.CONFIRMED, State.WAITING, State.WAITING]
    assert services.meetings.places_left(meeting) == 0
    # Nothing readable is stored: the name and contact are encrypted, the cancel token only hashed.
    row = Registration.objects.get(pk=second.registration.pk)
    assert "Айгүл" not in row.name_encrypted and "701" not in row.contact_encrypted and row.contact == "77011112233"
    assert second.token not in row.cancel_token_hash and row.cancel_token_hash == crypto.keyed_hash(
        second.token, "meeting-cancel"
    )
    # The confirmations: an e-mail with the cancel link and the .ics, an SMS with the cancel link.
    confirmation = [m for m in mail.outbox if m.to == ["first@example.kz"]][0]
    assert first.token in confirmation.body and confirmation.attachments[0][0] == "meeting.ics"
    assert any(phone == "77011112233" and second.token in text for phone, text in LocmemBackend.outbox)
    mail.outbox.clear()
    cancel(meeting, first.token)
    assert Registration.objects.get(pk=third.registration.pk).state == State.CONFIRMED  # the first one waiting
    assert Registration.objects.get(pk=fourth.registration.pk).state == State.WAITING
    assert [m.to for m in mail.outbox] == [["third@example.kz"]] and "free" in mail.outbox[0].body.lower()


def test_one_registration_per_contact_and_bad_input_saves_nothing(collecting, register):
    meeting = make_meeting(collecting)
    register(meeting, "Someone@Example.kz")
    for contact, code in (("someone@example.kz", "duplicate"), ("12345", "contact"), ("not-an@email", "contact")):
        with pytest.raises(ValidationError) as error:
            register(meeting, contact)
        assert error.value.error_dict["contact"][0].code == code
    with pytest.raises(ValidationError) as error:
        register(meeting, "new@example.kz", name="   ")
    assert "name" in error.value.error_dict
    assert Registration.objects.count() == 1


def test_registration_closes_after_the_meeting_and_when_the_organiser_closes_it(collecting, register):
    past = make_meeting(collecting, days=-3)
    closed = make_meeting(collecting, days=5, registration_open=False)
    for meeting in (past, closed):
        with pytest.raises(ValidationError) as error:
            register(meeting, "x@example.kz")
        assert error.value.code == "closed"
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "lang, title", [("kk", "Fx тұрғындармен кездесу"), ("ru", "Fx встреча с жителями"), ("en", "Fx residents' meeting")]
)
def test_a_resident_registers_on_the_page_and_cancels_with_the_link(client, collecting, lang, title):
    meeting = make_meeting(collecting, capacity=1)
    page = MeetingPage.objects.get(translation_key=meeting.translation_key, locale__language_code=lang)
    html = client.get(page.url).content.decode()
    assert escape(title) in html and in_language(lang, "Registration") in html
    bad = client.post(page.url + "register/", {"name": "Fx Дана", "contact": "nope"})
    assert (
        bad.status_code == 400 and 'value="Fx Дана"' in bad.content.decode() and 'value="nope"' in bad.content.decode()
    )
    done = client.post(page.url + "register/", {"name": "Fx Дана", "contact": "dana@example.kz"})
    assert done.status_code == 201
    cancel_url = re.search(r'href="([^"]+/cancel/[^"]+/)"', done.content.decode()).group(1)
    assert Registration.objects.get().state == State.CONFIRMED
    assert client.get(cancel_url).status_code == 200 and Registration.objects.get().state == State.CONFIRMED
    assert client.post(cancel_url).status_code == 200
    assert Registration.objects.get().state == State.CANCELLED
    assert client.get(page.url + "cancel/not-a-token/").status_code == 404


def test_the_ics_file_has_the_meeting_in_utc(client, collecting):
    meeting = make_meeting(collecting)
    response = client.get(f"/kk/meetings/{meeting.pk}.ics")
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART:{meeting.starts_at.astimezone(UTC):%Y%m%dT%H%M%SZ}" in text
    assert 'filename="fx-meeting-7.ics"' in response["Content-Disposition"]
    assert "SUMMARY:Fx тұрғындармен кездесу" in text and "LOCATION:Fx көшесі\\, 1" in text


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_minutes_and_discussed_at_on_the_proposal(client, collecting, lang):
    outcome, heading = in_language(lang, "to be revised"), in_language(lang, "Discussed at meetings")
    proposal = ProposalFactory(cycle=collecting, status=Status.IN_DISCUSSION)
    meeting = make_meeting(
        collecting, days=-2, proposals=[proposal], outcome="revised", attendance=42, minutes="<p>Fx шешім</p>"
    )
    meeting_page = MeetingPage.objects.get(translation_key=meeting.translation_key, locale__language_code=lang)
    html = client.get(meeting_page.url).content.decode()
    assert re.search(r">\s*42\b", html)
    assert outcome in html
    page = proposal.page_in(lang) or proposal.source_page
    html = client.get(page.url).content.decode()
    assert heading in html and meeting_page.url in html and outcome in html


def test_the_cycle_page_and_the_catalogue_list_upcoming_and_past_meetings(client, collecting):
    upcoming = make_meeting(collecting, days=10, title="Fx алдағы кездесу", slug="fx-next")
    past = make_meeting(collecting, days=-10, title="Fx өткен кездесу", slug="fx-before")
    html = client.get(collecting.url).content.decode()
    assert html.index("Fx алдағы кездесу") < html.index("Fx өткен кездесу")
    index = MeetingIndexPage(title="Fx кездесулер", slug="fx-meetings")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    council = make_meeting(
        index, days=3, title="Fx кеңес отырысы", slug="fx-council", territory=collecting.territory, kind="council"
    )
    html = client.get(index.url).content.decode()
    for title in ("Fx алдағы кездесу", "Fx өткен кездесу", "Fx кеңес отырысы"):
        assert title in html
    filtered = client.get(index.url, {"year": past.starts_at.year - 1}).content.decode()
    assert "Fx кеңес отырысы" not in filtered
    assert client.get(index.url, {"place": "x' OR 1=1", "year": "２０２６"}).status_code == 200
    assert upcoming.pk and council.pk


@pytest.fixture
def section():
    index = MeetingIndexPage(title="Fx кездесулер", slug="fx-meetings")
    home_page().add_child(instance=index)
    index.save_revision().publish()
    translate(index, {"ru": "Fx встречи", "en": "Fx meetings"})
    return index


def test_meetings_are_in_the_feed_and_in_site_search_in_the_readers_language(client, collecting, section):
    make_meeting(
        section, days=4, title="Fx жағалау туралы кездесу", slug="fx-embankment", territory=collecting.territory
    )
    feed = client.get(f"/en/feeds/meetings-{section.pk}.rss").content.decode()
    assert "<title>Fx residents&#x27; meeting</title>" in feed or "Fx residents' meeting" in feed
    assert client.get(f"/kk/feeds/meetings-{section.pk}.atom").status_code == 200
    found = client.get("/kk/search/", {"q": "жағалау", "type": "meetings"}).content.decode()
    assert "Fx жағалау туралы кездесу" in found


def test_an_ngo_proposes_a_meeting_that_waits_for_a_moderator(client, collecting, section, ngo, moderator):
    url = section.url + "propose/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(moderator.__class__.objects.create_user("fx-citizen", "c@example.kz", "pw"))
    assert client.get(url).status_code == 403  # only NGO and public-council representatives
    client.force_login(ngo)
    day = (timezone.localdate() + timedelta(days=9)).isoformat()
    data = {
        "title": "Fx аулалар туралы",
        "kind": "residents",
        "day": day,
        "time": "18:30",
        "place": collecting.territory.pk,
        "cycle": collecting.pk,
        "agenda": "Fx бірінші\nFx екінші",
    }
    past = client.post(url, {**data, "day": "2020-01-01"})
    assert past.status_code == 200 and 'value="Fx аулалар туралы"' in past.content.decode()
    assert not MeetingPage.objects.filter(title="Fx аулалар туралы").exists()
    assert client.post(url, data).status_code == 302
    meeting = MeetingPage.objects.get(title="Fx аулалар туралы")
    assert not meeting.live and meeting.owner == ngo and meeting.get_parent().pk == collecting.pk
    assert meeting.starts_at.astimezone(UTC).hour == 13  # 18:30 in Almaty (UTC+5)
    assert meeting.agenda == "<p>Fx бірінші</p><p>Fx екінші</p>"
    assert "Fx аулалар туралы" not in client.get(section.url).content.decode()


def test_the_minutes_carry_their_documents_and_photos_in_every_language(client, collecting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the files it writes go with the test
    minutes, slides = Document(title="Fx хаттама"), Document(title="Fx таныстырылым файлы")
    for document, name in ((minutes, "fx-minutes.pdf"), (slides, "fx-slides.pdf")):
        document.file.save(name, ContentFile(b"%PDF-1.4\n%fx\n"), save=False)
        document.save()
    image = wagtail_factories.ImageFactory(title="Fx сурет")
    meeting = make_meeting(
        collecting,
        days=-3,
        minutes_document=minutes,
        documents=[
            MeetingDocument(document=slides, label="Fx ұсыныстар таныстырылымы"),
            MeetingDocument(document=minutes),
        ],
        photos=[MeetingPhoto(image=image, caption="Fx тұрғындар талқылап жатыр")],
    )
    html = client.get(meeting.url).content.decode()
    section = re.search(r'<section aria-labelledby="minutes-heading">(.*?)</section>', html, re.S).group(1)
    assert f'<a href="{slides.url}">Fx ұсыныстар таныстырылымы</a>' in section
    assert f'<a href="{minutes.url}">Fx хаттама</a>' in section  # no label: the document's title
    assert "<figcaption>Fx тұрғындар талқылап жатыр</figcaption>" in section and 'alt=""' in section
    # The Russian page has the same files (its labels are translated in wagtail-localize's editor).
    russian = MeetingPage.objects.get(translation_key=meeting.translation_key, locale__language_code="ru")
    assert [d.document_id for d in russian.documents.all()] == [slides.pk, minutes.pk]
    assert f'href="{slides.url}"' in client.get(russian.url).content.decode()
