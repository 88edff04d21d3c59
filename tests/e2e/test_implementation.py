"""The implementation section of a funded proposal's page in a real browser: the progress bar, the timeline and the
photos, in each language, with no serious accessibility violations."""

import pytest

from .conftest import axe_violations, site_manage

FIND_PAGES = """
from pb_module.models import ImplementationPhoto
photo = ImplementationPhoto.objects.filter(milestone__isnull=False, report__isnull=True).order_by("proposal_id").first()
for page in photo.proposal.pages.filter(live=True):
    print(page.locale.language_code, page.url)
"""


@pytest.fixture(scope="module")
def implementation_pages(live_site):
    """kk/ru/en -> the page of a demo proposal whose milestones have photos."""
    lines = [line.split(" ", 1) for line in site_manage("shell", "-c", FIND_PAGES).splitlines()]
    return {words[0]: words[1] for words in lines if words[0] in ("kk", "ru", "en")}


# What a reader sees in each language: the section's heading and the label of the bar.
HEADINGS = {
    "kk": ("Іске асыру", "Жалпы орындалу барысы"),
    "ru": ("Реализация", "Общий ход реализации"),
    "en": ("Implementation", "Overall progress"),
}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_implementation_section_is_accessible(live_site, page, implementation_pages, lang):
    response = page.goto(live_site + implementation_pages[lang])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    section = page.locator("#implementation")
    assert section.is_visible()
    heading, bar_label = HEADINGS[lang]
    assert section.locator("h2").inner_text() == heading
    assert page.get_by_label(bar_label).count() == 1  # the bar is named by its label in the reader's language
    bar = section.locator("progress")
    value = int(bar.get_attribute("value"))
    assert 0 <= value <= 100
    assert f"{value}\u00a0%" in section.locator(".implementation-percent").inner_text()
    assert section.locator(".implementation-timeline > li").count() >= 1
    assert section.locator(".implementation-photos img").count() >= 1
    assert page.evaluate("[...document.querySelectorAll('#implementation img')].every(i => i.alt.trim())")
    assert axe_violations(page) == []
