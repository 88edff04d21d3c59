"""A visitor submits a proposal through the public form; bad input is explained and kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from wagtail.models import Locale

from pb_module.models import PBCyclePage, Proposal, ProposalAttachment, ProposalPage

from .. import factories as f

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%demo\n"


@pytest.fixture(scope="module")
def open_cycle_once(module_db):
    with module_db():
        cycle = f.cycle(schedule="collecting")
        f.TerritoryFactory(parent=cycle.territory, kind="district", settlement_category="", translations=True)
        return cycle.pk


@pytest.fixture
def open_cycle(db, open_cycle_once):
    """A cycle collecting proposals now: a city of republican significance with one district, in three languages
    (built once for the module; fresh rows for each test)."""
    return PBCyclePage.objects.get(pk=open_cycle_once)


def submit_url(cycle, lang):
    return cycle.get_translation(Locale.objects.get(language_code=lang)).url + "submit/"


def district_in(cycle, lang):
    root = cycle.territory.get_translation(Locale.objects.get(language_code=lang))
    return root.descendants()[-1]


def form_data(cycle, lang, **overrides):
    data = {
        "title": "Веложол Тимирязев көшесінде",
        "summary": "Тимирязев көшесі бойымен қауіпсіз веложол салу.",
        "description": "Жол бойында 2 км велосипед жолағы.\n\nБалалар мектепке велосипедпен бара алады.",
        "tags": "велосипед, жол",
        "district": district_in(cycle, lang).pk,
        "location": "Тимирязев көшесі",
        "estimated_cost": "12 500 000",
        "author_name": "Айгүл С.",
        "author_contact": "+7 701 555 44 33",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_visitor_submits_a_proposal_in_each_language(client, open_cycle, lang):
    before = Proposal.objects.count()
    response = client.post(submit_url(open_cycle, lang), form_data(open_cycle, lang, title=f"Веложол {lang}"))
    assert response.status_code == 302
    track_url = response.headers["Location"]
    assert track_url.startswith(f"/{lang}/pb/track/")
    assert Proposal.objects.count() == before + 1
    proposal = Proposal.objects.latest("pk")
    assert (proposal.status, proposal.language, proposal.estimated_cost) == ("submitted", lang, 12_500_000)
    page = proposal.pages.get(alias_of__isnull=True)
    assert page.locale.language_code == lang and not page.live
    # Every other language gets an (unpublished) alias of it in its own tree.
    assert sorted(proposal.pages.values_list("locale__language_code", flat=True)) == ["en", "kk", "ru"]
    assert sorted(page.tags.names()) == ["велосипед", "жол"]
    # The tracking link shows the status; the public page is not there before moderation.
    tracking = client.get(track_url)
    assert tracking.status_code == 200
    assert f"Веложол {lang}" in tracking.content.decode()
    assert client.get(page.url).status_code == 404


def test_contact_is_never_stored_in_clear_nor_shown(client, open_cycle):
    response = client.post(submit_url(open_cycle, "kk"), form_data(open_cycle, "kk", author_contact="+7 701 555 44 33"))
    assert response.status_code == 302
    proposal = Proposal.objects.latest("pk")
    assert proposal.author_contact == "+7 701 555 44 33"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM pb_module_proposal WHERE id = %s", [proposal.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    # Neither the number as typed nor its digits (7 of them are enough: a hash or a timestamp in the row may hold
    # a short run such as "701" by chance).
    assert "701 555 44 33" not in row and "5554433" not in row
    page_html = client.get(proposal.pages.get(alias_of__isnull=True).url, follow=True).content.decode()
    assert "555 44 33" not in page_html


def test_attachments_are_kept_with_their_kind(client, open_cycle):
    data = form_data(open_cycle, "ru")
    data["sketch"] = SimpleUploadedFile("sketch.png", PNG, content_type="image/png")
    data["estimate"] = SimpleUploadedFile("smeta.pdf", PDF, content_type="application/pdf")
    assert client.post(submit_url(open_cycle, "ru"), data).status_code == 302
    kinds = dict(
        ProposalAttachment.objects.filter(proposal=Proposal.objects.latest("pk")).values_list("kind", "original_name")
    )
    assert kinds == {"sketch": "sketch.png", "estimate": "smeta.pdf"}


BAD_INPUT = [
    ("estimated_cost", "999 999 999 999", "estimated_cost", {"kk": "шекті", "ru": "предельн", "en": "above the cap"}),
    ("estimated_cost", "0", "estimated_cost", {"kk": "нөлден", "ru": "больше нуля", "en": "greater than zero"}),
    ("estimated_cost", "көп ақша", "estimated_cost", {"kk": "нөлден", "ru": "больше нуля", "en": "greater than zero"}),
    ("title", "", "title", {"kk": "атау", "ru": "название", "en": "Enter a title"}),
]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize(("field", "value", "error_field", "words"), BAD_INPUT)
def test_bad_input_is_explained_in_the_readers_language_and_typing_kept(
    client, open_cycle, lang, field, value, error_field, words
):
    before = Proposal.objects.count()
    data = form_data(open_cycle, lang, **{field: value})
    response = client.post(submit_url(open_cycle, lang), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert f'id="id_{error_field}_errors"' in body
    errors = body.split(f'id="id_{error_field}_errors"')[1].split("</ul>")[0]
    assert words[lang].lower() in errors.lower(), errors
    assert 'aria-invalid="true"' in body
    assert "Тимирязев көшесі бойымен қауіпсіз веложол салу." in body  # the summary the visitor typed
    assert Proposal.objects.count() == before


def test_district_outside_the_cycles_territory_is_refused(client, open_cycle):
    aktau = f.TerritoryFactory(translations=True).get_translation(Locale.objects.get(language_code="en"))
    response = client.post(submit_url(open_cycle, "en"), form_data(open_cycle, "en", district=aktau.pk))
    assert response.status_code == 400
    assert "Choose a district within the territory of this cycle." in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content"),
    [("virus.exe", b"MZ\x90\x00"), ("fake.pdf", b"MZ\x90\x00 not a pdf"), ("photo.png", PDF)],
)
def test_attachment_of_the_wrong_type_is_refused(client, open_cycle, name, content):
    data = form_data(open_cycle, "ru")
    data["sketch"] = SimpleUploadedFile(name, content)
    before = Proposal.objects.count()
    response = client.post(submit_url(open_cycle, "ru"), data)
    assert response.status_code == 400
    assert "PDF, JPEG, PNG, DOCX или XLSX" in response.content.decode()
    assert Proposal.objects.count() == before


def test_attachment_over_10_mb_is_refused(client, open_cycle):
    data = form_data(open_cycle, "en")
    big = io.BytesIO(PDF + b"0" * (10 * 1024 * 1024))
    data["estimate"] = SimpleUploadedFile("estimate.pdf", big.getvalue(), content_type="application/pdf")
    response = client.post(submit_url(open_cycle, "en"), data)
    assert response.status_code == 400
    assert "at most 10.0\u00a0MB" in response.content.decode()
    assert (
        not ProposalAttachment.objects.exists()
        or ProposalAttachment.objects.filter(original_name="estimate.pdf").count() == 0
    )


def test_outside_collection_the_form_explains_and_saves_nothing(client):
    aktau = f.cycle(schedule="past").get_translation(Locale.objects.get(language_code="ru"))
    page = client.get(aktau.url + "submit/")
    assert page.status_code == 200
    assert "Сбор проектных предложений завершился" in page.content.decode()
    before = Proposal.objects.count()
    client.post(aktau.url + "submit/", {"title": "x"})
    assert Proposal.objects.count() == before


def test_script_payload_is_stored_inert_and_shown_escaped(client, open_cycle, moderator):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = client.post(
        submit_url(open_cycle, "en"), form_data(open_cycle, "en", title=payload, description=payload)
    )
    assert response.status_code == 302
    proposal = Proposal.objects.latest("pk")
    page = ProposalPage.objects.get(proposal=proposal, alias_of__isnull=True)
    assert page.title == payload  # stored as typed
    tracking = client.get(response.headers["Location"]).content.decode()
    assert "<script>alert" not in tracking and "&lt;script&gt;alert" in tracking
    from pb_module import services

    services.proposals.change_status(proposal=proposal, new_status="in_moderation", user=moderator)
    public = client.get(ProposalPage.objects.get(pk=page.pk).url).content.decode()
    assert "<script>alert" not in public and "<img src=x" not in public
    assert "&lt;script&gt;alert" in public
