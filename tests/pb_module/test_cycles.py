"""Cycle pages: the cap computed from the territory and the year, the phases, the proposals."""

import re
from datetime import date

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from pb_module.models import CyclePhase, MrpRate, PBCyclePage, PBIndexPage, ProposalPage, Territory
from pb_module.rules.statuses import Status

from .. import factories as f

pytestmark = pytest.mark.django_db
Kind, Category = Territory.Kind, Territory.Category


def oblast_city(name="Fx Ақтау", translations=True, **kwargs) -> Territory:
    """A translated city of regional (oblast) significance: its proposals are capped at 15 000 MRP."""
    return f.TerritoryFactory(name=name, settlement_category=Category.OBLAST, translations=translations, **kwargs)


def aktau_2024() -> PBCyclePage:
    """A finished cycle of 2024 in a city of oblast significance (the MRP of 2024, 3 692 tenge, is set)."""
    return f.cycle(schedule="past", territory=oblast_city(), year=2024, title="Fx Ақтау 2024", slug="fx-aktau-2024")


def without_later_rates() -> MrpRate:
    """This year's MRP, as the admin sets it, and none for the years after it (whatever years the migrations set):
    a cycle of next year is capped with this year's MRP."""
    this_year = timezone.localdate().year
    MrpRate.objects.filter(year__gt=this_year).delete()
    return f.MrpRateFactory(year=this_year)


@pytest.fixture(scope="module")
def cycles_ids(module_db):
    """The module's two cycles, built once (see `module_db`): Aktau's of 2024 (`aktau_2024`) and `open_cycle`."""
    with module_db():
        aktau = aktau_2024()
        without_later_rates()
        year = timezone.localdate().year + 1
        open_cycle = f.cycle(schedule="collecting", year=year, title="Fx ашық цикл", slug="fx-open")
        return {"aktau": aktau.pk, "open": open_cycle.pk}


@pytest.fixture
def aktau(db, cycles_ids):
    """The finished cycle of 2024 in Aktau, a city of oblast significance (`aktau_2024`), read afresh."""
    return PBCyclePage.objects.get(pk=cycles_ids["aktau"])


@pytest.fixture
def open_cycle(db, cycles_ids):
    """A cycle of next year collecting proposals, in a city of republican significance; next year has no MRP yet
    (`without_later_rates`: no MRP of a year after this one, for every test of the module)."""
    return PBCyclePage.objects.get(pk=cycles_ids["open"])


@pytest.mark.parametrize(
    ("lang", "cap"),
    [("kk", "55\u202f380\u202f000\u00a0₸"), ("ru", "55\u202f380\u202f000\u00a0₸"), ("en", "KZT 55,380,000")],
)
def test_an_oblast_city_2024_cycle_shows_the_cap_in_each_language(client, aktau, lang, cap):
    page = aktau.get_translation(f.locale(lang))
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert cap in body
    assert "15\u202f000" in body or "15,000" in body  # 15 000 MRP


def test_cap_follows_the_settlement_category_and_the_mrp_year(aktau):
    assert aktau.territory.effective_category == "oblast"
    assert aktau.proposal_cap_tenge == 15_000 * 3_692
    aksu = f.cycle(schedule="past", territory=oblast_city("Fx Ақсу"), year=2025, slug="fx-aksu-2025")
    assert aksu.proposal_cap_tenge == 15_000 * 3_932
    MrpRate.objects.filter(year=2025).update(tenge=4_000)
    assert PBCyclePage.objects.get(pk=aksu.pk).proposal_cap_tenge == 60_000_000  # edited in the admin, used at once
    rate = without_later_rates()
    almaty = f.TerritoryFactory(name="Fx Алматы", settlement_category=Category.REPUBLICAN, translations=True)
    district = f.TerritoryFactory(
        name="Fx Бостандық ауданы", kind=Kind.DISTRICT, settlement_category="", parent=almaty, translations=True
    )
    next_year = rate.year + 1
    bostandyq = f.cycle(schedule="collecting", territory=district, year=next_year, slug="fx-bostandyq")
    # A district of a city takes the city's category (republican); next year has no MRP yet: this year's is used,
    # and said.
    assert bostandyq.territory.effective_category == "republican"
    assert bostandyq.mrp_rate.year == rate.year and not bostandyq.mrp_rate.exact
    assert bostandyq.proposal_cap_tenge == 25_000 * rate.tenge


def test_open_cycle_highlights_the_current_phase_and_offers_the_form(client, open_cycle):
    body = client.get(open_cycle.url).content.decode()
    current = re.search(r'<li class="phase phase-current" aria-current="step">\s*<strong>([^<]+)</strong>', body)
    assert current is not None
    assert f'href="{open_cycle.url}submit/"' in body
    # The note that next year's MRP is not set yet names the year used.
    assert str(open_cycle.year - 1) in body
    en = client.get(open_cycle.get_translation(f.locale("en")).url).content.decode()
    assert f"the MCI of {open_cycle.year - 1}" in en and f"the MCI of {open_cycle.year} is not set yet" in en


def test_finished_cycle_lists_its_public_proposals_but_not_unmoderated_ones(client):
    finished = f.cycle(schedule="past", territory=oblast_city("Fx Ақсу"), year=2025, slug="fx-aksu-2025")
    moderator = f.make_moderator()
    for status in (Status.SUBMITTED, Status.IN_MODERATION, Status.REJECTED, Status.ON_BALLOT, Status.SUBMITTED):
        f.ProposalFactory(cycle=finished, status=status, moderator=moderator)
    aksu = finished.get_translation(f.locale("en"))
    body = client.get(aksu.url).content.decode()
    assert 'aria-current="step"' in body or "phase-past" in body
    pages = list(ProposalPage.objects.child_of(aksu).select_related("proposal"))
    assert len(pages) == 5
    for page in pages:
        assert (page.title in body) == (page.proposal.status != "submitted")
    assert "submit/" not in body.split("<main")[1]


def home_listing_cycles():
    """The home page with its block of current cycles (the factories' home page has none), added to the Kazakh page
    by an editor; a translator then brings its translations up to date with wagtail-localize."""
    home = f.home_page()
    home.cycles = [("current_cycles", {"heading": "Fx қазіргі циклдер", "note": "Fx қазір ашық цикл жоқ."})]
    home.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(home)
    source.update_from_db()
    for translation in Translation.objects.filter(source=source):
        translation.save_target(publish=False)
        home.get_translation(translation.target_locale).get_latest_revision().publish()
    return home


def test_home_page_lists_current_cycles_instead_of_the_placeholder(client, open_cycle, aktau):
    en = Locale.objects.get(language_code="en")
    home = home_listing_cycles().get_translation(en)
    finished = aktau.get_translation(en)
    body = client.get(home.url).content.decode()
    en_cycle = open_cycle.get_translation(en)
    assert f'href="{en_cycle.url}"' in body
    assert "Fx қазір ашық цикл жоқ." not in body  # the note shown while no cycle is open
    assert f'href="{finished.url}"' not in body  # long finished


def test_pb_section_lists_all_cycles(client, cycles_ids):
    for schedule in ("collecting", "voting", "past"):
        f.cycle(schedule=schedule, slug=f"fx-section-{schedule}")
    index = PBIndexPage.objects.get(locale__language_code="ru")
    body = client.get(index.url).content.decode()
    cycles = list(PBCyclePage.objects.child_of(index))
    assert len(cycles) == 3 + len(cycles_ids)  # and the module's own
    for cycle in cycles:
        assert cycle.title in body


def test_territory_tree():
    region = f.TerritoryFactory(name="Fx Маңғыстау облысы", kind=Kind.REGION, settlement_category="", translations=True)
    city = oblast_city(parent=region, population_16_plus=142_549, translations={"en": "Fx Aktau"})
    for n in range(1, 5):
        f.TerritoryFactory(
            name=f"Fx {n}-шағын аудан", kind=Kind.MICRODISTRICT, settlement_category="", parent=city, translations=True
        )
    f.TerritoryFactory(name="Fx Алматы", settlement_category=Category.REPUBLICAN, translations={"en": "Fx Almaty"})
    aktau = Territory.objects.get(locale__language_code="en", name="Fx Aktau")
    microdistricts = [t for t in aktau.descendants() if t.pk != aktau.pk]
    assert len(microdistricts) >= 4
    assert all(aktau.contains(m) for m in microdistricts)
    kk_micro = microdistricts[0].get_translation(Locale.objects.get(language_code="kk"))
    assert aktau.contains(kk_micro)  # across languages
    almaty = Territory.objects.get(locale__language_code="en", name="Fx Almaty")
    assert not almaty.contains(microdistricts[0])
    assert microdistricts[0].effective_category == "oblast"
    assert aktau.population_16_plus == 142_549


def test_cycle_form_refuses_overlapping_or_disordered_phases(client, aktau):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    admin = get_user_model().objects.create_superuser("fx-root", "fx-root@example.kz", "pw")
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    client.force_login(admin)
    page = aktau
    url = f"/admin/pages/{page.pk}/edit/"
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value
    data.update(
        {
            "title": page.title,
            "slug": page.slug,
            "territory": page.territory_id,
            "year": 2024,
            "total_budget": page.total_budget,
            "intro": page.intro,
            "ballot_type": "approval",
            "ballot_min_choices": 1,
            "ballot_max_choices": 3,
            "tally_rule": "greedy",
            "min_voter_age": 16,
            "phases-TOTAL_FORMS": 2,
            "phases-INITIAL_FORMS": 0,
            "phases-MIN_NUM_FORMS": 0,
            "phases-MAX_NUM_FORMS": 1000,
            "phases-0-phase": "collection",
            "phases-0-starts_on": "2024-02-01",
            "phases-0-ends_on": "2024-03-15",
            "phases-0-ORDER": 1,
            "phases-1-phase": "moderation",
            "phases-1-starts_on": "2024-03-01",
            "phases-1-ends_on": "2024-04-15",
            "phases-1-ORDER": 2,
            "comment_notifications": "",
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
            "comments-MIN_NUM_FORMS": 0,
            "comments-MAX_NUM_FORMS": 1000,
        }
    )
    data = {k: v for k, v in data.items() if not isinstance(v, (list, dict))}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "This phase starts before the previous one ends." in response.content.decode()
    assert list(CyclePhase.objects.filter(cycle=page).values_list("starts_on", flat=True))[1] != date(2024, 3, 1)
