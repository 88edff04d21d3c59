"""Bidirectional control characters (which make text show in another order than it is stored, "Trojan Source")
are stripped from the titles and names people type: proposal titles, authors' and reporters' names, topics."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from pb_module import services
from pb_module.models import Proposal
from pb_module.rules.text import BIDI_CONTROLS, strip_bidi
from pb_module.web.forms import MonitoringReportForm

from .. import factories as f
from .test_monitoring_reports import milestone  # noqa: F401 -- a fixture
from .test_submission import form_data, submit_url

RLO, LRI, PDI, RLM, ALM = "\u202e", "\u2066", "\u2069", "\u200f", "\u061c"
EVERY_CONTROL = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.fixture
def open_cycle(db):
    """A cycle collecting proposals now, with one published proposal."""
    cycle = f.cycle(schedule="collecting")
    f.ProposalFactory(cycle=cycle, status="in_moderation")
    return cycle


@pytest.fixture
def funded(moderator):
    """A proposal the vote selected, moved into implementation by a moderator."""
    return f.funded_proposal(user=moderator)


def test_every_bidirectional_control_is_stripped_and_nothing_else():
    assert strip_bidi(f"Саябақ{RLO}gpj.exe") == "Саябақgpj.exe"
    assert strip_bidi(f"{LRI}Park{PDI} {RLM}{ALM}2025") == "Park 2025"
    assert strip_bidi(EVERY_CONTROL) == ""
    assert set(EVERY_CONTROL) == BIDI_CONTROLS
    # Zero-width joiners and the like, which Arabic or emoji need, are not direction controls.
    assert strip_bidi("a\u200db\u200cc 👩\u200d👩") == "a\u200db\u200cc 👩\u200d👩"
    assert strip_bidi("") == ""


@given(st.text())
def test_stripping_keeps_every_other_character_in_order(text):
    stripped = strip_bidi(text)
    assert not BIDI_CONTROLS & set(stripped)
    assert stripped == "".join(c for c in text if c not in BIDI_CONTROLS)
    assert strip_bidi(stripped) == stripped


@pytest.mark.django_db
def test_a_submitted_title_name_and_topics_lose_their_controls(client, open_cycle):
    data = form_data(
        open_cycle,
        "en",
        title=f"Bike lane {RLO}evol{PDI}",
        author_name=f"{LRI}Aigul S.{PDI}",
        tags=f"bikes{RLM}, {RLO}road",
    )
    response = client.post(submit_url(open_cycle, "en"), data)
    assert response.status_code == 302
    proposal = Proposal.objects.latest("pk")
    page = proposal.pages.get(alias_of__isnull=True)
    assert page.title == "Bike lane evol"
    assert proposal.author_name == "Aigul S."
    assert sorted(page.tags.names()) == ["bikes", "road"]


@pytest.mark.django_db
@pytest.mark.parametrize("field, message", [("title", "Enter a title."), ("author_name", "Enter your name.")])
def test_a_title_or_name_of_controls_only_is_missing(client, open_cycle, field, message):
    before = Proposal.objects.count()
    response = client.post(submit_url(open_cycle, "en"), form_data(open_cycle, "en", **{field: f"{RLO}{PDI} "}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Proposal.objects.count() == before


@pytest.mark.django_db
def test_a_monitoring_reports_names_lose_their_controls(funded, milestone):  # noqa: F811 -- the fixture
    data = {"milestone": milestone.pk, "rating": "concern", "body": "Орындықтар жоқ.", "author_name": f"Ерлан{RLO}"}
    citizen = MonitoringReportForm(data, proposal=funded, citizen=True)
    assert citizen.is_valid(), citizen.errors
    assert citizen.cleaned_data["author_name"] == "Ерлан"
    ngo = MonitoringReportForm({**data, "organisation": f"{LRI}«Ашық қала»{PDI}"}, proposal=funded, citizen=False)
    assert ngo.is_valid(), ngo.errors
    assert ngo.cleaned_data["organisation"] == "«Ашық қала»"
    empty = MonitoringReportForm({**data, "author_name": RLO}, proposal=funded, citizen=True)
    with translation.override("en"):
        assert not empty.is_valid()
        assert empty.errors["author_name"] == ["Enter the name to show with your report."]


@pytest.mark.django_db
def test_the_name_shown_with_a_comment_loses_its_controls(funded, make_user):
    from pb_module import roles

    ngo = make_user("ngo2", roles.NGO_REPRESENTATIVES, first_name=f"Асель{RLO}", last_name=f"{LRI}ҮЕҰ{PDI}")
    comment = services.proposals.add_comment(proposal=funded, user=ngo, body="Пікір", language="kk", historical=True)
    assert comment.author_name == "Асель ҮЕҰ"


@pytest.mark.django_db
def test_a_title_edited_in_the_admin_loses_its_controls(open_cycle):
    page = Proposal.objects.filter(cycle=open_cycle).exclude(status="submitted").first().source_page
    page.title = f"Саябақ {RLO}3202{PDI}"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Саябақ 3202"
