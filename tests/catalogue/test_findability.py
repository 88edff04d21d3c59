"""Findability (issue 14): the catalogue's place filter offers every place grouped by region, a word query that
names a place finds that place's projects, and site search results show a proposal's place, year and status.

The places and projects are the catalogue of tests/catalogue/conftest.py: the city "Fx Талдықорған" in the
region "Fx Жетісу облысы" has projects of its own and of its microdistricts; "Fx Алматы" lies outside any region,
with five districts; "Fx Астана" has no project."""

import re

import pytest
from django.utils import translation

from pb_module.models import ProposalPage, Territory
from pb_module.rules.statuses import PUBLIC, Status
from pb_module.vocabulary import STATUS_LABELS
from search.catalogue import es
from search.catalogue.state import check_state, place_options
from search.models import CatalogueEntry

from . import _fx_catalogue as fx


def place(name, lang):
    return Territory.objects.get(name=name, locale__language_code=lang)


def public_pages(lang):
    return ProposalPage.objects.live().filter(
        locale__language_code=lang, proposal__status__in=[s.value for s in PUBLIC]
    )


def city_pages(lang):
    """The public pages of the projects of the city "Fx Талдықорған" and of its microdistricts."""
    city = place(fx.PLACES["taldy"][2]["kk"], "kk")
    return public_pages(lang).filter(proposal__district__translation_key__in=city.descendant_keys)


def found(body):
    return re.findall(r'<h3><a href="([^"]+)">', body)


def count(body):
    heading = re.search(r'<h2 id="found-heading">([^<]*)</h2>', body).group(1)
    return int(re.sub(r"\D", "", heading))


def place_select(body):
    return re.search(r'<select id="id_district" name="district">(.*?)</select>', body, re.S).group(1)


def groups(body):
    """The place filter's option groups: {group label: [(value, option text), ...]}."""
    return {
        label: re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', inner)
        for label, inner in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', place_select(body), re.S)
    }


def texts(options):
    return [re.sub(r" \([\d\u202f\u00a0,]+\)$", "", text) for _value, text in options]


# --- The place filter: region › city › district ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_place_filter_offers_regions_cities_and_districts_grouped(client, world, lang):
    region, city, district = (world.name(key, lang) for key in ("zhetysu", "taldy", "taldy5"))
    capital, capital_district = world.name("almaty", lang), world.name("bostandyq", lang)
    body = client.get(f"/{lang}/projects/").content.decode()
    grouped = groups(body)
    # A group per region (or city outside any region): the region itself, its city, the city's districts named
    # with their city, each with its number of projects.
    assert region in grouped and capital in grouped
    in_region = texts(grouped[region])
    assert in_region[:2] == [region, city]
    assert f"{district} — {city}" in in_region
    assert all(re.search(r"\(\d+\)$", text) for _value, text in grouped[region])
    assert f"{capital_district} — {capital}" in texts(grouped[capital])
    # Every option is a place of the page's language: choosing one gives its value.
    values = {int(value): text for options in grouped.values() for value, text in options}
    assert place(city, lang).pk in values and place(district, lang).pk in values
    assert {t.locale.language_code for t in Territory.objects.filter(pk__in=values)} == {lang}
    # The count beside a district is its number of projects.
    micro = place(district, lang)
    expected = public_pages(lang).filter(proposal__district__translation_key=micro.translation_key).count()
    assert values[micro.pk].endswith(f"({expected})") and expected > 0


def test_choosing_a_city_lists_the_projects_of_its_districts_and_keeps_it_chosen(client, world):
    city = world.place("taldy", "ru")
    body = client.get("/ru/projects/", {"district": city.pk}).content.decode()
    expected = city_pages("ru")
    assert count(body) == expected.count() > 0
    in_districts = expected.exclude(proposal__district__translation_key=city.translation_key)
    assert in_districts.exists()  # the districts' projects are among them, not only the city's own
    assert expected.filter(proposal__district__translation_key=city.translation_key).exists()
    assert public_pages("ru").exclude(pk__in=expected).exists()  # and the other places' projects are not
    urls = {page.url for page in expected}
    assert set(found(body)) <= urls
    assert re.search(rf'<option value="{city.pk}" selected>{city.name} \(', place_select(body))
    # The Kazakh id of the same place in the Russian catalogue: the Russian option is the chosen one.
    body = client.get("/ru/projects/", {"district": world.place("taldy", "kk").pk}).content.decode()
    assert count(body) == expected.count()
    assert re.search(rf'<option value="{city.pk}" selected>{city.name} \(', place_select(body))


def test_a_place_without_projects_under_the_other_filters_stays_chosen(client, world):
    astana = world.place("astana", "kk")
    assert not public_pages("kk").filter(proposal__district__translation_key__in=astana.descendant_keys).exists()
    body = client.get("/kk/projects/", {"district": astana.pk, "q": "Талдықорған"}).content.decode()
    assert count(body) == 0
    assert re.search(rf'<option value="{astana.pk}" selected>', place_select(body))


# --- A word query that names a place ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("ru", "Талдыкорган"),
        ("ru", "в Талдыкоргане"),
        ("ru", "ТАЛДЫКОРГАН"),
        ("kk", "Талдықорған"),
        ("kk", "Талдықорғанда"),
        ("kk", "Taldykorgan"),
    ],
)
def test_a_query_that_names_a_place_finds_its_projects_and_no_others(client, world, lang, query):
    expected = city_pages(lang)
    ids = set(CatalogueEntry.objects.filter(language=lang).values_list("page_id", flat=True))
    with translation.override(lang):
        _filterset, _clean, stems, _sort = check_state({"q": query}, lang)
    assert stems
    body = client.get(f"/{lang}/projects/", {"q": query, "sort": "newest"}).content.decode()
    assert count(body) == expected.filter(pk__in=ids).count() > 0
    assert set(found(body)) <= {page.url for page in expected}
    assert public_pages(lang).exclude(pk__in=expected).exists()  # there are others to leave out


def test_a_place_query_in_another_alphabet_and_the_region_name(client, world):
    # "Талдықорған" (Kazakh spelling) on the Russian catalogue, "Taldykorgan" on the English one, the region by
    # its name.
    for lang, query in (("ru", "Талдықорған"), ("en", "Taldykorgan"), ("en", "in Taldykorgan")):
        body = client.get(f"/{lang}/projects/", {"q": query}).content.decode()
        assert count(body) == city_pages(lang).count() > 0
    region = world.place("zhetysu", "ru")
    body = client.get("/ru/projects/", {"q": region.name}).content.decode()
    in_region = public_pages("ru").filter(proposal__district__translation_key__in=region.descendant_keys)
    assert count(body) == in_region.count() > city_pages("ru").count()  # the region's other city's too


def test_a_place_query_combines_with_other_words(client, world):
    both = client.get("/ru/projects/", {"q": "Талдыкорган освещение"}).content.decode()
    lighting = client.get("/ru/projects/", {"q": "освещение"}).content.decode()
    assert 0 < count(both) < count(lighting)
    assert set(found(both)) <= {page.url for page in city_pages("ru")}


def test_the_elasticsearch_query_asks_for_the_place_words(world):
    with translation.override("ru"):
        _filterset, clean, _stems, _sort = check_state({"q": "в Талдыкоргане"}, "ru")
    query = es.build_search({**clean, "page": 1}, "ru").to_dict()["query"]
    assert query["bool"]["must"] == [{"term": {"search_text": "талдыкорг"}}]  # the preposition asks for nothing
    # The document of a project in one of the city's districts holds the names of the district, the city and the
    # region, in every language, as each reader's query reads them.
    page = city_pages("kk").exclude(proposal__district__translation_key=world.place("taldy").translation_key).first()
    words = set(es.document_body(page)["search_text"].split())
    assert {"талдықорған", "талдыкорган", "талдыкорг", "taldykorgan", "жетісу", "жетысуск", "zhetysu"} <= words
    assert {"шақ", "микрорайон", "microdistrict"} <= words  # the district's own names
    row = CatalogueEntry.objects.get(page=page)
    assert words == set(row.search_text.split())


def test_renaming_a_place_changes_what_finds_its_projects(client, world):
    city = world.place("taldy", "ru")
    assert count(client.get("/ru/projects/", {"q": "Сити"}).content.decode()) == 0
    city.name = "Fx Талдыкорган-Сити"
    city.save()
    body = client.get("/ru/projects/", {"q": "Сити"}).content.decode()
    assert count(body) == city_pages("ru").count() > 0


# --- Site search results ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_site_search_shows_a_proposals_place_year_and_status_in_the_readers_language(client, world, lang):
    page = world.page("park5", lang)  # in microdistrict 5, moved into implementation after the 2024 vote
    place_name = world.name("taldy5", lang)
    assert page.proposal.status == Status.IN_IMPLEMENTATION and page.proposal.cycle.year == fx.PUBLISHED_YEAR
    body = client.get(f"/{lang}/search/", {"q": page.title}).content.decode()
    results = body.split('class="search-results"')[1].split("</ol>")[0]
    item = next(item for item in re.findall(r"<li>(.*?)</li>", results, re.S) if f">{page.title}</a>" in item)
    with translation.override(lang):
        label = str(STATUS_LABELS[Status.IN_IMPLEMENTATION])
    facts = re.sub(r"<[^>]+>", "", re.search(r'</h2><p class="meta">(.*?)</p>', item, re.S).group(1))
    assert place_name in facts and str(fx.PUBLISHED_YEAR) in facts and label in facts
    # Other kinds of page have no such line.
    news = client.get(f"/{lang}/search/", {"q": page.title, "type": "news"}).content.decode()
    assert "status-in_implementation" not in news


def test_places_come_in_the_alphabetical_order_of_the_readers_language(client, world):
    options = [place.option_label for place in place_options("kk")]
    almaty = options[: options.index("Fx Астана")]
    assert almaty == ["Fx Алматы"] + [
        f"Fx {name} ауданы — Fx Алматы" for name in ("Алатау", "Алмалы", "Әуезов", "Бостандық", "Медеу")
    ]
    grouped = groups(client.get("/kk/projects/").content.decode())
    # "Ұ" comes after "Ж" and before "Ш" in the Kazakh alphabet (in Unicode, after every Russian letter).
    assert list(grouped) == ["Fx Алматы", "Fx Жетісу облысы", "Fx Ұлытау облысы", "Fx Шымкент"]  # Астана: no project
