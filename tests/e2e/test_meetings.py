"""A resident registers for the upcoming demo meeting in Almaty in a real browser, without an account, and cancels
with the link: labels, a translated error that keeps the typing, the confirmation, axe clean throughout."""

import re

from .conftest import axe_violations

MEETING = "/ru/participatory-budget/almaty-bostandyq-2027/residents-meeting-bostandyq/"


def test_a_resident_registers_and_cancels_with_the_keyboard(live_site, page):
    page.goto(live_site + MEETING)
    assert page.locator("h2#register-heading").inner_text() == "Регистрация"
    assert axe_violations(page) == []

    name = page.get_by_label(re.compile("^Ваше имя"))
    name.fill("Ольга П.")
    contact = page.get_by_label(re.compile("^Мобильный телефон или"))
    contact.fill("12345")
    contact.press("Enter")
    page.wait_for_selector(".error-summary")
    assert "Укажите номер мобильного телефона" in page.locator(".error-summary").inner_text()
    assert page.get_by_label(re.compile("^Ваше имя")).input_value() == "Ольга П."  # the typing is kept
    assert axe_violations(page) == []

    page.get_by_label(re.compile("^Мобильный телефон или")).fill("olga.meeting@example.kz")
    page.get_by_role("button", name="Зарегистрироваться").click()
    page.wait_for_selector(".message-success")
    assert "Место за вами закреплено" in page.locator(".message-success").inner_text()
    assert page.get_by_role("link", name=re.compile(r"\.ics")).count() == 1
    assert axe_violations(page) == []

    page.get_by_role("link", name="Отменить регистрацию").click()
    page.wait_for_url(re.compile(re.escape(live_site + MEETING) + r"cancel/[\w-]+/$"))
    assert axe_violations(page) == []
    page.get_by_role("button", name="Отменить регистрацию").click()
    page.wait_for_selector('.messages[role="status"]')
    assert "отменена" in page.locator(".messages").inner_text()
