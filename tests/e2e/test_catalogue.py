"""The project catalogue in a real browser: filter by place and year with the keyboard, open a project."""

import re

import pytest

from .conftest import axe_violations
from .test_voting import tab_to


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_catalogue_pages_have_no_serious_accessibility_violations(live_site, page, lang):
    response = page.goto(f"{live_site}/{lang}/projects/")
    assert response.status == 200
    assert page.evaluate("document.documentElement.lang") == lang
    assert axe_violations(page) == []
    page.goto(f"{live_site}/{lang}/projects/?cost_min=10&cost_max=5&page=999")
    assert page.locator("[role=status]").count() == 1
    assert axe_violations(page) == []


def test_resident_finds_what_was_proposed_in_a_district_in_2024_and_opens_it(live_site, page):
    page.goto(f"{live_site}/en/projects/")
    total = int(re.sub(r"\D", "", page.locator("#found-heading").inner_text()))
    # The place, one level at a time: the region, the city, one of its microdistricts, each with its count.
    for name in ("Mangystau", "Aktau"):
        place = page.locator("#id_district option", has_text=name).first
        assert re.search(r"\(\d+\)$", place.inner_text())
        page.select_option("#id_district", value=place.get_attribute("value"))
        tab_to(page, "form.catalogue-form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"district=" + place.get_attribute("value")))
    in_city = int(re.sub(r"\D", "", page.locator("#found-heading").inner_text()))
    assert 0 < in_city < total
    micro = page.locator("#id_district option", has_text="12")
    expected = int(re.search(r"\((\d+)\)$", micro.first.inner_text()).group(1))
    page.select_option("#id_district", value=micro.first.get_attribute("value"))
    page.select_option("#id_year", value="2024")
    tab_to(page, "form.catalogue-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"year=2024"))
    assert int(re.sub(r"\D", "", page.locator("#found-heading").inner_text())) == expected
    assert axe_violations(page) == []
    # The address holds the whole state: opening it again shows the same.
    shared = page.url
    first = page.locator("#found-heading ~ ul h3 a").first
    title = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    page.goto(shared)
    assert page.locator("#found-heading ~ ul h3 a").first.inner_text() == title
