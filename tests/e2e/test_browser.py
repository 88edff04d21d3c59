"""The public pages in a real browser: language, accessibility, the language switcher, the keyboard."""

import re

import pytest

from .conftest import axe_violations

LANGS = ["kk", "ru", "en"]
PAGES = [
    "",
    "about/",
    "news/",
    "news/218-public-councils-3915-members/",
    "documents/",
    "documents/concept-local-self-government-2025/",
    "public-centres/",
    "search/?q=2025",
]


@pytest.mark.parametrize("lang", LANGS)
def test_pages_render_in_each_language_with_no_serious_accessibility_violations(live_site, page, lang):
    for path in PAGES:
        response = page.goto(f"{live_site}/{lang}/{path}")
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.lang") == lang, path
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path


def test_untranslated_and_missing_pages_are_accessible(live_site, page):
    response = page.goto(f"{live_site}/en/news/aktau-collection-of-proposals-starts/")
    assert response.status == 200
    assert page.locator("p.notice").is_visible()
    assert axe_violations(page) == []
    response = page.goto(f"{live_site}/ru/no-such-page/")
    assert response.status == 404
    assert axe_violations(page) == []


def test_language_switcher_keeps_the_reader_on_the_same_page(live_site, page):
    page.goto(f"{live_site}/kk/documents/concept-local-self-government-2025/")
    page.get_by_role("navigation", name=re.compile(".")).first.wait_for()
    page.locator(".lang-switch a[hreflang=ru]").click()
    page.wait_for_url(f"{live_site}/ru/documents/concept-local-self-government-2025/")
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert "Концепция" in page.locator("h1").inner_text()
    page.locator(".lang-switch a[hreflang=en]").click()
    page.wait_for_url(f"{live_site}/en/documents/concept-local-self-government-2025/")
    assert "Concept" in page.locator("h1").inner_text()


def test_keyboard_reader_can_skip_to_content_and_follow_the_table_of_contents(live_site, page):
    page.goto(f"{live_site}/en/documents/concept-local-self-government-2025/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    first_entry = page.locator(".toc a").first
    target = first_entry.get_attribute("href")
    first_entry.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert page.locator(target).is_visible()


def test_root_sends_the_browser_to_its_language(live_site, browser):
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    page.goto(live_site + "/")
    assert page.url == f"{live_site}/ru/"
    context.close()


def test_following_from_a_proposal_page_that_carries_no_token_of_its_own(live_site, page):
    """Proposal pages are shared by every anonymous visitor through the page cache, so the follow form has no CSRF
    token in the HTML; the page's script fetches this visitor's when the form is sent (home/page_cache.py)."""
    page.goto(f"{live_site}/kk/participatory-budget/aksu-2025/9/")
    form = page.locator("#follow form")
    assert form.locator("input[name=csrfmiddlewaretoken]").get_attribute("value") == ""
    form.locator("input[name=email]").fill("reader@example.kz")
    with page.expect_response(lambda response: response.url.endswith("/csrf/")) as token:
        form.get_by_role("button").click()
    assert token.value.status == 200
    page.wait_for_url(re.compile(r"/kk/participatory-budget/aksu-2025/9/#follow$"))
    assert page.locator("#follow [role=status]").is_visible()
    assert axe_violations(page) == []
