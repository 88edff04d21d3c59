"""The public proposal form in a real browser: labels, error messages, kept typing, the tracking page."""

import re

from .conftest import axe_violations

CYCLE = "/ru/participatory-budget/almaty-bostandyq-2027/"


def test_citizen_submits_a_proposal_with_the_keyboard_and_the_labels(live_site, page):
    page.goto(live_site + CYCLE)
    assert page.locator('li.phase-current[aria-current="step"]').count() == 1
    assert axe_violations(page) == []
    page.locator(f'a[href="{CYCLE}submit/"]').click()
    page.wait_for_url(live_site + CYCLE + "submit/")
    assert axe_violations(page) == []

    page.get_by_label(re.compile("^Название")).fill("Фонтан <b>у школы</b>")
    page.get_by_label(re.compile("^Краткое описание")).fill("Питьевой фонтанчик во дворе школы № 120.")
    page.get_by_label(re.compile("^Описание")).fill("Летом детям негде попить воды.\n\nНужен один фонтанчик.")
    page.get_by_label(re.compile("^Темы")).fill("вода, школа")
    page.get_by_label(re.compile("^Район")).select_option(index=1)
    page.get_by_label(re.compile("^Предполагаемая стоимость")).fill("ноль")
    page.get_by_label(re.compile("^Ваше имя")).fill("Ольга П.")
    page.get_by_label(re.compile("^Телефон или")).fill("olga@example.kz")
    page.get_by_role("button", name="Подать").click()

    # The error is in Russian, tied to the field, and everything typed is still there.
    page.wait_for_selector(".error-summary")
    cost = page.get_by_label(re.compile("^Предполагаемая стоимость"))
    assert cost.get_attribute("aria-invalid") == "true"
    assert "больше нуля" in page.locator("#id_estimated_cost_errors").inner_text()
    assert page.get_by_label(re.compile("^Название")).input_value() == "Фонтан <b>у школы</b>"
    assert "Нужен один фонтанчик." in page.get_by_label(re.compile("^Описание")).input_value()
    assert axe_violations(page) == []

    cost.fill("1 200 000")
    cost.press("Enter")
    page.wait_for_url(re.compile(r"/ru/pb/track/[\w-]+/$"))
    assert page.locator("h2", has_text="Фонтан <b>у школы</b>").count() == 1  # shown as text, not markup
    assert "подано" in page.locator(".status").first.inner_text()
    assert axe_violations(page) == []


def test_proposal_page_with_log_and_comments_is_accessible(live_site, page):
    page.goto(live_site + "/kk/participatory-budget/aksu-2025/")
    first = page.locator(".card h3 a").first
    first.click()
    page.wait_for_load_state()
    assert page.locator("table.log tbody tr").count() >= 2
    assert axe_violations(page) == []
