"""Issue 14: the facts of a cycle are the same in every language, whatever is edited where."""

import re
from datetime import date, timedelta
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.users.models import UserProfile
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from pb_module import services
from pb_module.models import CyclePhase, PBCyclePage, ProposalPage
from pb_module.models.cycle import SHARED_FACTS
from pb_module.rules.statuses import Status

from .. import factories as f
from .test_cycle_freeze import edit_form, publish, voting_row
from .test_voting import knapsack_vote

pytestmark = pytest.mark.django_db

LANGUAGES = ("kk", "ru", "en")


def versions(cycle) -> dict[str, PBCyclePage]:
    return {
        lang: PBCyclePage.objects.get(translation_key=cycle.translation_key, locale__language_code=lang)
        for lang in LANGUAGES
    }


def facts(page: PBCyclePage) -> dict:
    """Everything a cycle says that is not words: its fields and its phases, as the database has them."""
    page = PBCyclePage.objects.get(pk=page.pk)
    values = {name: getattr(page, PBCyclePage._meta.get_field(name).attname) for name in SHARED_FACTS}
    values["phases"] = sorted(
        CyclePhase.objects.filter(cycle=page).values_list("phase", "starts_on", "ends_on"), key=lambda p: p[1]
    )
    return values


def shown_phases(html: str) -> list[tuple[str, ...]]:
    """The dates of the timeline as the page shows them (machine-readable, the same in every language)."""
    timeline = BeautifulSoup(html, "html.parser").find("ol", class_="timeline")
    return [tuple(t["datetime"] for t in item.find_all("time")) for item in timeline.find_all("li")]


@pytest.fixture
def editor(client):
    """A superuser in the admin, which speaks English to them."""
    user = get_user_model().objects.create_superuser("root", "root@example.kz", "pw", first_name="Әсел")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return user


def test_a_kk_edit_and_published_results_read_the_same_in_ru_and_en(client, editor, moderator):
    cycle, _proposals = knapsack_vote()
    before = {lang: facts(page) for lang, page in versions(cycle).items()}
    assert before["ru"] == before["en"] == before["kk"]

    # The admin moves the end of voting (and the results after it) on the Kazakh page and publishes.
    data = edit_form(client, cycle)
    row = voting_row(data)
    later = date.fromisoformat(data[f"{row}-ends_on"]) + timedelta(days=4)
    data[f"{row}-ends_on"] = later.isoformat()
    for key, value in list(data.items()):
        if re.fullmatch(r"phases-\d+-phase", key) and value == "results":
            prefix = key[: -len("-phase")]
            data[f"{prefix}-starts_on"] = (later + timedelta(days=1)).isoformat()
            data[f"{prefix}-ends_on"] = (later + timedelta(days=10)).isoformat()
    data["phase_change_reason"] = "Дауыс беру төрт күнге ұзартылды."
    response = publish(client, cycle, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    edited = {lang: facts(page) for lang, page in versions(cycle).items()}
    assert ("voting", edited["kk"]["phases"][-2][1], later) in edited["kk"]["phases"]
    assert edited["ru"] == edited["en"] == edited["kk"]  # at once, in the same publication
    unchanged = [name for name in SHARED_FACTS if name != "phase_change_reason"]
    assert {name: edited["ru"][name] for name in unchanged} == {name: before["kk"][name] for name in unchanged}

    # Voting is closed early and the results are published, the normal way.
    services.cycles.close_voting_early(cycle=cycle, user=editor, reason="Қоғамдық кеңестің шешімі.")
    services.results.publish_results(cycle=cycle, user=moderator)
    final = {lang: facts(page) for lang, page in versions(cycle).items()}
    assert final["kk"]["results_published_at"] is not None and final["kk"]["voting_closed_at"] is not None
    assert final["ru"] == final["en"] == final["kk"]

    client.logout()
    shown = {}
    for lang, page in versions(cycle).items():
        page = page.specific
        html = client.get(page.url).content.decode()
        assert f'href="{page.url}vote/"' not in html, lang  # no "Vote" button
        assert 'aria-current="step"' not in html, lang  # no phase "now": voting is over
        assert f'href="{page.url}results/"' in html, lang  # the results are there
        assert "status-selected" in html, lang  # with winner badges
        assert page.is_voting is False and page.results_published is True
        shown[lang] = shown_phases(html)
        for proposal_page in ProposalPage.objects.child_of(page).live().filter(proposal__cycle=cycle):
            text = client.get(proposal_page.url).content.decode()
            assert f"{page.url}vote/" not in text, proposal_page.url
    assert shown["ru"] == shown["en"] == shown["kk"]
    assert (later.isoformat() not in str(shown["kk"])) and timezone.localdate().isoformat() in str(shown["kk"])

    # The API says the same whichever language's id it is asked about, in whichever language.
    answers = {}
    for lang, page in versions(cycle).items():
        data = client.get(f"/api/v1/cycles/{page.pk}/", HTTP_ACCEPT_LANGUAGE=lang).json()
        answers[lang] = {key: value for key, value in data.items() if key not in ("title", "url", "districts")}
    assert answers["ru"] == answers["en"] == answers["kk"]
    assert answers["kk"]["results_published"] is True and answers["kk"]["voting_open"] is False
    assert answers["kk"]["phase"] is None and answers["kk"]["budget"] == final["kk"]["total_budget"]


def test_a_translation_never_keeps_facts_of_its_own(client, editor):
    """An old revision, the wagtail-localize editor or code: a translation's facts are its source's."""
    kk = f.cycle(schedule="collecting")
    ru = versions(kk)["ru"]
    stale = ru.save_revision()  # a Russian draft saved with the facts as they are now
    localize_source = TranslationSource.objects.get(object_id=kk.translation_key, specific_content_type__isnull=False)
    stalled_after, territory = kk.stalled_after_days, kk.territory_id

    kk = PBCyclePage.objects.get(pk=kk.pk)
    kk.total_budget += 25_000_000
    kk.tally_rule = "greedy-no-skip"
    phases = list(kk.phases.all())
    last = phases[-1]
    last.ends_on = (last.ends_on or last.starts_on) + timedelta(days=30)
    kk.phases = phases
    kk.save_revision().publish()
    assert facts(ru) == facts(kk)
    assert facts(ru)["total_budget"] == kk.total_budget and facts(ru)["tally_rule"] == "greedy-no-skip"

    stale.publish()  # the old Russian revision, published again
    assert facts(ru) == facts(kk)
    # The wagtail-localize editor, from a source snapshot taken before the change.
    translation = Translation.objects.get(source=localize_source, target_locale=ru.locale)
    translation.save_target(publish=True)
    assert facts(ru) == facts(kk)
    # Code that writes a translation directly.
    page = PBCyclePage.objects.get(pk=ru.pk)
    page.total_budget, page.min_voter_age = 1, 99
    page.save_revision().publish()
    page.save()
    assert facts(ru) == facts(kk)
    # A fact not changed on the Kazakh page is unchanged everywhere.
    assert (facts(ru)["stalled_after_days"], facts(ru)["territory"]) == (stalled_after, territory)
    # The admin's editor of a translation shows the facts read-only.
    response = client.get(f"/admin/pages/{ru.pk}/edit/")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        form = BeautifulSoup(response.content, "html.parser")
        budget = form.find(attrs={"name": "total_budget"})
        assert budget is None or budget.has_attr("disabled")
    # wagtail-localize offers no field of the facts to override.
    fields = {field.field_name: field for field in get_translatable_fields(PBCyclePage)}
    for name in (*SHARED_FACTS, "phases"):
        assert isinstance(fields[name], SynchronizedField) and not fields[name].overridable, name


def test_translations_made_stale_before_are_brought_in_line_by_the_command():
    kk, _proposals = f.voting_cycle([6_000_000, 5_000_000], ballots=[[0], [0, 1]], total_budget=10_000_000)
    f.publish_results(kk)  # a past vote, its results published
    kk, ru = versions(kk)["kk"], versions(kk)["ru"]
    assert kk.results_published_at is not None
    # As the old code left them: a row written behind the page's back.
    PBCyclePage.objects.filter(pk=ru.pk).update(results_published_at=None, total_budget=1)
    CyclePhase.objects.filter(cycle=ru, phase="voting").update(ends_on=timezone.localdate() + timedelta(days=9))
    assert facts(ru) != facts(kk)
    call_command("pb_share_cycle_facts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert facts(ru) == facts(kk)
    ru = PBCyclePage.objects.get(pk=ru.pk)
    assert ru.results_published and ru.live_revision.as_object().total_budget == kk.total_budget
    # The data migration does the same on a deployed database.
    PBCyclePage.objects.filter(pk=ru.pk).update(results_published_at=None, total_budget=1)
    CyclePhase.objects.filter(cycle=ru, phase="voting").delete()
    assert facts(ru) != facts(kk)
    import_module("pb_module.migrations.0014_share_cycle_facts").share(django_apps, None)
    assert facts(ru) == facts(kk)
    assert Status.SELECTED in set(ProposalPage.objects.child_of(ru).values_list("proposal__status", flat=True))
