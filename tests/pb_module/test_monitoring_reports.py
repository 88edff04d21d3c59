"""Monitoring reports: filed by NGO representatives and verified residents, moderated in the open, answered by the
responsible body, and listed on the proposal page."""

import io
import os
import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from pb_module.integrations.sms import LocmemBackend
from pb_module.models import ImplementationPhoto, Milestone, MonitoringReport, Proposal, ResponsibleBody
from pb_module.rules.iin import make_iin
from pb_module.selectors.monitoring import reports_context
from pb_module.services import monitoring
from pb_module.services.voting import voter_hash

from .. import factories as f

pytestmark = pytest.mark.django_db
BORN = date(1988, 3, 9)
IIN = make_iin(BORN, "male", 2718)
PHONE = "+7 702 555 12 34"


@pytest.fixture(autouse=True)
def clean_outbox_and_counters():
    from django.core.cache import cache

    LocmemBackend.outbox.clear()
    cache.clear()


@pytest.fixture
def funded(db, funded_once):
    """A proposal the vote selected, moved into implementation by a moderator (the public log says so): made once
    for the module, read afresh for each test."""
    return Proposal.objects.get(pk=funded_once)


@pytest.fixture
def milestone(funded, responsible_body):
    return Milestone.objects.create(
        proposal=funded,
        title_kk="Жабдық орнату",
        title_en="Installing the equipment",
        responsible_body=responsible_body,
        status="in_progress",
        percent=30,
    )


def url_of(proposal, lang="kk"):
    return proposal.page_in(lang).url


def photo(name="photo.jpg", size=(40, 30), kind="JPEG", noise=False):
    out = io.BytesIO()
    width, height = size
    picture = PILImage.frombytes("RGB", size, os.urandom(width * height * 3)) if noise else None
    (picture or PILImage.new("RGB", size, (200, 120, 40))).save(out, format=kind)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def stored_images():
    return get_image_model().objects.count(), ImplementationPhoto.objects.count()


def file_as_ngo(proposal, milestone, user, **extra):
    return monitoring.file_report(
        proposal=proposal,
        milestone=milestone,
        rating=extra.pop("rating", "concern"),
        body=extra.pop("body", "Жұмыс тоқтап тұр, алаң қоршалмаған."),
        language="kk",
        user=user,
        **extra,
    )


def test_ngo_files_a_report_with_a_photo_and_it_shows_on_the_page_in_kk_and_en(client, funded, milestone, ngo):
    url = url_of(funded) + "report/"
    client.force_login(ngo)
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="iin"' not in html and "<fieldset" in html and 'name="rating"' in html
    response = client.post(
        url,
        {
            "step": "report",
            "milestone": milestone.pk,
            "rating": "concern",
            "body": "Орындықтар әлі орнатылмаған.",
            "organisation": "«Ашық қала» қоғамдық бірлестігі",
            "photos": [photo()],
        },
    )
    report = MonitoringReport.objects.get(proposal=funded)
    assert response.status_code == 302 and response["Location"].endswith(f"#report-{report.pk}")
    assert (report.author, report.author_kind, report.reporter_hash) == (ngo, "ngo", "")
    assert report.photos.count() == 1 and report.photos.get().image.collection.name == "Monitoring reports"

    kk_page = client.get(url_of(funded)).content.decode()
    assert f'id="report-{report.pk}"' in kk_page
    assert "Орындықтар әлі орнатылмаған." in kk_page and "«Ашық қала» қоғамдық бірлестігі" in kk_page
    assert 'class="status rating-concern"' in kk_page and "Жабдық орнату" in kk_page
    assert re.search(r'<img [^>]*alt="[^"]+"', kk_page.split('id="reports"')[1])
    en_page = client.get(url_of(funded, "en")).content.decode()
    assert "Installing the equipment" in en_page and "NGO representative" in en_page
    assert '<div lang="kk">' in en_page  # the report keeps the language it was written in


def test_resident_verifies_by_sms_and_files_a_report_keeping_only_the_hash(client, funded, milestone):
    url = url_of(funded, "en") + "report/"
    first = client.get(url).content.decode()
    assert 'name="iin"' in first and 'name="body"' not in first
    cycle = funded.cycle.specific
    response = client.post(
        url,
        {
            "step": "verify",
            "iin": IIN,
            "birth_date": str(BORN),
            "district": cycle.territory.get_translation(Locale.objects.get(language_code="en")).pk,
            "phone": PHONE,
        },
    )
    assert response.status_code == 200 and 'name="code"' in response.content.decode()
    phone, message = LocmemBackend.outbox[-1]
    assert phone == "77025551234" and "monitoring report" in message
    code = re.search(r"\b(\d{6})\b", message).group(1)
    assert client.post(url, {"step": "code", "code": code}).status_code == 302
    form = client.get(url).content.decode()
    assert 'name="body"' in form and 'name="author_name"' in form and 'name="organisation"' not in form
    response = client.post(
        url,
        {
            "step": "report",
            "milestone": milestone.pk,
            "rating": "on_track",
            "body": "Всё по плану.",
            "author_name": "Ерлан",
        },
    )
    assert response.status_code == 302
    report = MonitoringReport.objects.get(proposal=funded)
    assert (report.author_kind, report.author, report.reporter_hash) == ("citizen", None, voter_hash(IIN))
    row = " ".join(str(v) for v in MonitoringReport.objects.filter(pk=report.pk).values().get().values())
    assert IIN not in row and IIN[:6] not in row and "5551234" not in row
    page = client.get(url_of(funded, "en")).content.decode()
    assert "Всё по плану." in page and "Ерлан" in page and "verified resident" in page


def test_voting_need_not_be_open_but_the_territory_is_checked(funded):
    cycle = funded.cycle.specific
    other = f.TerritoryFactory()  # a place outside the cycle's territory
    assert not cycle.territory.contains(other)
    with pytest.raises(ValidationError) as error:
        monitoring_verification(cycle, other)
    assert "district" in error.value.message_dict
    assert not LocmemBackend.outbox


def monitoring_verification(cycle, district):
    from pb_module import services

    return services.voting.start_verification(
        cycle=cycle, iin=IIN, birth_date=BORN, district=district, phone=PHONE, purpose="monitoring"
    )


def test_report_on_a_proposal_not_in_implementation_is_refused_and_nothing_saved(client, ngo):
    proposal = f.selected_proposal()
    milestone = Milestone.objects.create(proposal=proposal, title_kk="Жоба", status="planned")
    with pytest.raises(ValidationError) as error:
        file_as_ngo(proposal, milestone, ngo)
    assert error.value.code == "not_in_implementation"
    client.force_login(ngo)
    url = url_of(proposal) + "report/"
    for response in (client.get(url), client.post(url, {"step": "report", "milestone": milestone.pk, "body": "x"})):
        html = response.content.decode()
        assert response.status_code == 200 and 'name="body"' not in html and 'class="notice"' in html
    assert not MonitoringReport.objects.filter(proposal=proposal).exists()


def test_milestone_of_another_proposal_is_refused(client, funded, milestone, ngo, moderator):
    other = f.selected_proposal()
    foreign = Milestone.objects.create(proposal=other, title_kk="Басқа", status="planned")
    with pytest.raises(ValidationError) as error:
        file_as_ngo(funded, foreign, ngo)
    assert "milestone" in error.value.message_dict
    client.force_login(ngo)
    response = client.post(
        url_of(funded) + "report/", {"step": "report", "milestone": foreign.pk, "rating": "problem", "body": "Мәтін"}
    )
    assert response.status_code == 400 and 'id="id_milestone_errors"' in response.content.decode()
    assert not MonitoringReport.objects.filter(proposal__in=[funded, other]).exists()


@pytest.mark.parametrize("case", ["oversized", "not_an_image"])
def test_bad_photo_saves_nothing_and_keeps_the_typed_text(client, settings, funded, milestone, ngo, case):
    if case == "oversized":
        settings.PB_MAX_ATTACHMENT_BYTES = 2_000
        bad = photo(size=(100, 100), kind="PNG", noise=True)
        bad.name = "big.png"
        assert bad.size > 2_000
    else:
        bad = SimpleUploadedFile("scan.jpg", b"%PDF-1.4 not a photo at all", content_type="image/jpeg")
    before = stored_images()
    client.force_login(ngo)
    response = client.post(
        url_of(funded) + "report/",
        {
            "step": "report",
            "milestone": milestone.pk,
            "rating": "problem",
            "body": "Асфальт <b>жарылған</b>",
            "organisation": "ҮЕҰ",
            "photos": [photo(), bad],
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html and 'id="id_photos_errors"' in html and "JPEG, PNG" in html
    assert "Асфальт &lt;b&gt;жарылған&lt;/b&gt;</textarea>" in html  # kept, as text
    assert re.search(r'value="problem"[^>]*checked', html)
    assert 'aria-describedby="id_photos_help id_photos_errors"' in html
    assert not MonitoringReport.objects.filter(proposal=funded).exists()
    assert stored_images() == before


def test_empty_text_and_bad_rating_are_refused_by_field(funded, milestone, ngo):
    with pytest.raises(ValidationError) as error:
        file_as_ngo(funded, milestone, ngo, body="  ", rating="great")
    assert set(error.value.message_dict) == {"body", "rating"}


def test_more_than_three_photos_are_refused(funded, milestone, ngo):
    before = stored_images()
    with pytest.raises(ValidationError) as error:
        file_as_ngo(funded, milestone, ngo, photos=[photo() for _ in range(4)])
    assert "photos" in error.value.message_dict and stored_images() == before


def test_only_ngo_representatives_file_without_verification(funded, milestone, make_user):
    with pytest.raises(PermissionDenied):
        file_as_ngo(funded, milestone, make_user("someone"))


# Moderation


def test_hiding_requires_a_public_reason(funded, milestone, ngo, moderator):
    report = file_as_ngo(funded, milestone, ngo)
    with pytest.raises(ValidationError) as error:
        monitoring.hide_report(report=report, user=moderator, reason="  ")
    assert "reason" in error.value.message_dict
    report.refresh_from_db()
    assert not report.hidden and report.hidden_at is None


def test_hidden_report_shows_the_reason_and_date_not_its_text(client, funded, milestone, ngo, moderator):
    report = file_as_ngo(funded, milestone, ngo, body="Құпия телефон нөмірі бар мәтін")
    client.force_login(moderator)
    url = reverse("pb_report_hide", args=[report.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Жеке деректер жарияланған."}).status_code == 302
    report.refresh_from_db()
    assert report.hidden and report.hidden_by == moderator and report.hidden_at is not None
    client.logout()
    page = client.get(url_of(funded)).content.decode()
    assert "Жеке деректер жарияланған." in page and "Құпия телефон" not in page
    en = client.get(url_of(funded, "en")).content.decode()
    assert "A moderator hid this report on" in en  # the reason is marked as Kazakh on the English page
    assert 'Reason: <span lang="kk">Жеке деректер жарияланған.</span> <span class="meta language-note">' in en


def test_a_moderator_can_publish_a_hidden_report_again(funded, milestone, ngo, moderator):
    report = file_as_ngo(funded, milestone, ngo)
    monitoring.hide_report(report=report, user=moderator, reason="Қате")
    monitoring.unhide_report(report=report, user=moderator)
    report.refresh_from_db()
    assert not report.hidden and report.hidden_reason == ""


def test_non_moderator_cannot_hide(client, funded, milestone, ngo, official, responsible_body):
    report = file_as_ngo(funded, milestone, ngo)
    for user in (ngo, official):
        with pytest.raises(PermissionDenied):
            monitoring.hide_report(report=report, user=user, reason="Ұнамады")
    client.force_login(official)
    denied = client.post(reverse("pb_report_hide", args=[report.pk]), {"reason": "Ұнамады"})
    assert denied.status_code == 302 and denied.headers["Location"] == "/admin/"  # Wagtail's "permission denied"
    report.refresh_from_db()
    assert not report.hidden


# Official answers


def test_member_of_the_responsible_body_answers_and_it_shows_on_the_page(
    client, funded, milestone, ngo, official, responsible_body, django_capture_on_commit_callbacks
):
    report = file_as_ngo(funded, milestone, ngo)
    client.force_login(official)
    listing = client.get(reverse("pb_reports:index")).content.decode()
    assert reverse("pb_report_answer", args=[report.pk]) in listing
    url = reverse("pb_report_answer", args=[report.pk])
    assert client.post(url, {"answer": " "}).status_code == 400
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(url, {"answer": "Мердігер келесі аптада оралады."}).status_code == 302
    assert len(callbacks) == 1  # the author and followers are told after the commit
    report.refresh_from_db()
    assert (report.answered_for, report.answered_by) == (responsible_body, official)
    page = client.get(url_of(funded, "en")).content.decode()
    assert "Мердігер келесі аптада оралады." in page and "Aktau housing and utilities department" in page


def test_member_of_another_body_cannot_answer_nor_see_the_report(client, funded, milestone, ngo, make_user):
    from pb_module import roles

    stranger = make_user("other-akimat", roles.RESPONSIBLE_BODIES)
    ResponsibleBody.objects.create(name_kk="Басқа бөлім").members.add(stranger)
    report = file_as_ngo(funded, milestone, ngo, body="Тексеріңіз")
    with pytest.raises(PermissionDenied):
        monitoring.answer_report(report=report, user=stranger, answer="Біз емес")
    client.force_login(stranger)
    denied = client.post(reverse("pb_report_answer", args=[report.pk]), {"answer": "Біз емес"})
    assert denied.status_code == 302 and denied.headers["Location"] == "/admin/"
    assert "Тексеріңіз" not in client.get(reverse("pb_reports:index")).content.decode()
    report.refresh_from_db()
    assert report.answer == ""


def test_moderators_list_and_filter_reports(client, funded, milestone, ngo, moderator):
    file_as_ngo(funded, milestone, ngo, body="Бірінші есеп", rating="problem")
    answered = file_as_ngo(funded, milestone, ngo, body="Екінші есеп", rating="on_track")
    MonitoringReport.objects.filter(pk=answered.pk).update(answer="Жауап")
    client.force_login(moderator)
    index = reverse("pb_reports:index")
    listing = client.get(index).content.decode()
    assert "Бірінші есеп" in listing and reverse("pb_report_hide", args=[answered.pk]) in listing
    unanswered = client.get(index, {"answered": "false"}).content.decode()
    assert "Бірінші есеп" in unanswered and "Екінші есеп" not in unanswered
    by_rating = client.get(index, {"rating": "on_track"}).content.decode()
    assert "Екінші есеп" in by_rating and "Бірінші есеп" not in by_rating


def test_page_counts_published_reports_by_rating(client, funded, milestone, ngo, moderator):
    file_as_ngo(funded, milestone, ngo, rating="problem")
    hidden = file_as_ngo(funded, milestone, ngo, rating="problem")
    file_as_ngo(funded, milestone, ngo, rating="on_track")
    monitoring.hide_report(report=hidden, user=moderator, reason="Қайталанған")
    counts = {value: n for value, _label, n in reports_context(funded)["report_counts"]}
    assert counts == {"on_track": 1, "concern": 0, "problem": 1}
