"""Voting with the keyboard only, in English, with axe-core checking every step."""

import re

from pb_module.rules.iin import make_iin

from .conftest import E2E_SMS_CODE, axe_violations

VOTE = "/en/participatory-budget/shymkent-2027/vote/"


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with Tab")


def test_resident_votes_with_the_keyboard_only(live_site, page):
    from datetime import date

    page.goto(live_site + VOTE)
    assert axe_violations(page) == []
    tab_to(page, "#id_iin")
    page.keyboard.type(make_iin(date(1988, 4, 9), "male", 2024))
    tab_to(page, "#id_birth_date")
    page.keyboard.type("04091988")
    tab_to(page, "#id_district")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_phone")
    page.keyboard.type("+7 701 222 33 44")
    page.keyboard.press("Enter")

    page.wait_for_selector("#id_code")
    assert axe_violations(page) == []
    tab_to(page, "#id_code")
    page.keyboard.type(E2E_SMS_CODE)
    page.keyboard.press("Enter")
    page.wait_for_selector("#ballot")
    assert axe_violations(page) == []
    status = page.locator("#ballot-status")
    assert "Chosen: 0" in status.inner_text()
    boxes = page.locator("input[name=proposal]")
    tab_to(page, f"#{boxes.nth(1).get_attribute('id')}")
    page.keyboard.press("Space")
    tab_to(page, f"#{boxes.nth(3).get_attribute('id')}")
    page.keyboard.press("Space")
    assert "Chosen: 2" in status.inner_text() and "Budget left" in status.inner_text()
    tab_to(page, "#ballot button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_selector("text=Check your ballot")
    assert page.locator("table.log tbody tr").count() == 2
    assert axe_violations(page) == []
    tab_to(page, "form input[value=cast] ~ button")
    page.keyboard.press("Enter")

    page.wait_for_selector(".receipt-code")
    code = page.locator(".receipt-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert axe_violations(page) == []
    page.goto(f"{live_site}/en/pb/receipts/?code={code}")
    assert "Counted: cast on" in page.locator("[role=status]").inner_text()
    assert axe_violations(page) == []
