"""The maps in a real browser: a resident marks a place with the keyboard and the mouse, a visitor reaches every
proposal on a cycle's map with Tab and Enter; axe clean; on a phone the map fits. Tiles come from the site's own
stub (config/tiles.py): nothing is asked of another server."""

import json
import re

from .conftest import axe_violations, site_manage

VOTING_CYCLE = "/kk/participatory-budget/almaty-bostandyq-2027/"
PAST_CYCLE = "/kk/participatory-budget/aktau-2024/"
NUMBERS = re.compile(r"^\d{2}\.\d+, \d{2}\.\d+$")


def test_a_resident_marks_a_point_with_the_keyboard_and_an_area_with_the_mouse(live_site, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    missing = []
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page.goto(live_site + VOTING_CYCLE + "submit/")
    the_map = page.locator("#place-map")
    the_map.wait_for(state="visible")
    page.wait_for_selector("#place-map .leaflet-tile-loaded")  # the stub's tiles
    assert axe_violations(page) == []

    # The keyboard: the map takes focus, the arrows move it, Enter marks the place under the cross.
    the_map.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    point = page.get_by_label(re.compile("^Картадағы нүкте"))
    assert NUMBERS.match(point.input_value()), point.input_value()
    lat, lon = (float(n) for n in point.input_value().split(", "))
    assert 43.0 < lat < 43.5 and 76.7 < lon < 77.1  # the map opened on the cycle's district, in Almaty
    assert page.locator("#place-map-status").inner_text().startswith("Нүкте белгіленді:")
    assert page.locator("#place-map .map-pin").count() == 1

    # The mouse: an area, corner by corner; a corner undone; the point gives way to the area.
    page.get_by_label("аумақ", exact=True).check()
    box = the_map.bounding_box()
    for dx, dy in ((-60, -40), (60, -40), (60, 40), (-60, 40)):
        page.mouse.click(box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy)
    area = page.get_by_label(re.compile("^Картадағы аумақ"))
    assert len(area.input_value().splitlines()) == 4 and point.input_value() == ""
    page.get_by_role("button", name="Соңғы бұрышты алып тастау").click()
    corners = area.input_value().splitlines()
    assert len(corners) == 3 and all(NUMBERS.match(corner) for corner in corners)
    assert page.locator("#place-map path.leaflet-interactive, #place-map path").count() >= 1  # the outline

    # Typing redraws; clearing empties both fields.
    page.get_by_role("button", name="Орнын тазарту").click()
    assert area.input_value() == "" and point.input_value() == ""

    page.get_by_label(re.compile("^Картадағы аумақ")).fill("\n".join(corners))
    page.get_by_label(re.compile("^Атауы")).fill("Fx картадағы саябақ")
    page.get_by_label(re.compile("^Қысқаша")).fill("Ағаштар мен орындықтар.")
    page.get_by_label(re.compile("^Сипаттамасы")).fill("Бос алаңда шағын саябақ.")
    page.get_by_label(re.compile("^Аудан")).select_option(index=1)
    page.get_by_label(re.compile("^Болжамды құны")).fill("9 000 000")
    page.get_by_label(re.compile("^Атыңыз")).fill("Айгүл С.")
    page.get_by_label(re.compile("^Телефон немесе")).fill("+7 701 555 44 33")
    page.get_by_role("button", name="Жіберу").click()
    page.wait_for_url(re.compile(r"/kk/pb/track/[\w-]+/$"))
    stored = site_manage(
        "shell",
        "-c",
        "import json; from pb_module.models import Proposal; "
        "print(json.dumps(Proposal.objects.get(pages__title='Fx картадағы саябақ', pages__alias_of=None).geometry))",
    )
    geometry = json.loads(stored.strip().splitlines()[-1])  # after what the shell says it imported
    assert geometry["type"] == "Polygon" and len(geometry["coordinates"][0]) == 4
    assert [round(c, 6) for c in geometry["coordinates"][0][0][::-1]] == [float(n) for n in corners[0].split(", ")]
    assert all(url.startswith(live_site) for url in requests), [u for u in requests if not u.startswith(live_site)]
    assert missing == []


def test_a_visitor_reaches_each_proposal_on_the_map_with_the_keyboard(live_site, page):
    page.goto(live_site + PAST_CYCLE)
    the_map = page.locator("#cycle-map")
    the_map.wait_for(state="visible")
    places = json.loads(page.locator("#cycle-map-data").inner_text())
    pins = page.locator("#cycle-map .map-pin")
    assert pins.count() == len(places) > 3
    assert axe_violations(page) == []

    pins.first.focus()
    label = pins.first.get_attribute("aria-label")
    page.keyboard.press("Enter")
    link = page.locator("#cycle-map .leaflet-popup-content a")
    link.wait_for(state="visible")
    assert label.startswith(link.inner_text())
    assert link.evaluate("a => a === document.activeElement")  # the popup's link takes the focus
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(live_site + PAST_CYCLE) + r".+/$"))
    assert page.locator("h1").inner_text() == link_title(places, label)
    # The proposal page shows its own place.
    page.locator("#proposal-map").wait_for(state="visible")
    assert page.locator("#proposal-map .map-pin").count() == 1
    assert axe_violations(page) == []


def link_title(places, label) -> str:
    return next(p["title"] for p in places if label.startswith(p["title"]))


def test_the_map_and_its_list_fit_a_phone(live_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(live_site + PAST_CYCLE)
        page.locator("#cycle-map").wait_for(state="visible")
        page.locator(".map-list summary").click()
        assert page.locator(".map-list li").count() > 3
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.goto(live_site + VOTING_CYCLE + "submit/")
        page.locator("#place-map").wait_for(state="visible")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert axe_violations(page) == []
    finally:
        context.close()
