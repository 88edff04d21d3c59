"""Voting with the keyboard only, in English, with axe-core checking every step."""

import re

from playwright.sync_api import expect

from pb_module.rules.iin import make_iin

from .conftest import E2E_SMS_CODE, axe_violations, site_manage

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


def test_coming_back_to_the_code_step_resumes_it(live_site, page):
    """A resident who reloads or comes back while the SMS code is pending is not asked for the IIN again."""
    from datetime import date

    def send_code():
        page.fill("#id_iin", make_iin(date(1975, 2, 3), "female", 77))
        page.fill("#id_birth_date", "1975-02-03")
        page.select_option("#id_district", index=1)
        page.fill("#id_phone", "+7 705 333 44 12")
        page.get_by_role("button", name="Send me a code").click()
        page.wait_for_selector("#id_code")

    page.goto(live_site + VOTE)
    send_code()
    page.goto(live_site + VOTE)  # coming back: the code step, not the form with the IIN
    expect(page.locator("#id_code")).to_be_focused()
    main = page.locator("main")
    expect(main).to_contain_text("We sent a code to +7 7•• ••• •• 12.")
    assert page.locator("#id_iin").count() == 0
    wait = page.locator("#resend-wait")
    first = wait.inner_text()
    assert re.search(r"You can ask for a new code in [01]:\d\d\.", first)
    expect(page.locator("#resend-form button[type=submit]")).to_be_disabled()  # until the countdown ends
    expect(wait).not_to_have_text(first)  # it counts down
    assert axe_violations(page) == []

    page.get_by_role("button", name="Change details").click()
    page.wait_for_selector("#id_iin")
    send_code()
    page.goto(live_site + VOTE)
    expect(page.locator("#id_code")).to_be_focused()  # autofocus: the browser gives it the focus; type once it has
    page.keyboard.type(E2E_SMS_CODE)
    page.keyboard.press("Enter")
    page.wait_for_selector("#ballot")  # verified; this test casts no ballot


def assert_fits_and_is_accessible(page, step):
    """The page in the phone's window: no sideways scrolling, no serious or critical axe violation."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{step}: {width} px wide on a {page.viewport_size['width']} px phone"
    assert axe_violations(page) == [], step


def test_resident_votes_on_a_phone_in_russian(live_site, browser):
    """The whole journey on a 375 px phone in Russian, from the cycle page to the receipt check, each step checked."""
    from datetime import date

    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_site}/ru/participatory-budget/shymkent-2027/")
    assert page.evaluate("document.documentElement.lang") == "ru"
    assert_fits_and_is_accessible(page, "cycle page")
    page.locator("main a[href$='/shymkent-2027/vote/']").first.click()
    page.wait_for_selector("#id_iin")
    assert_fits_and_is_accessible(page, "who you are")
    page.fill("#id_iin", make_iin(date(1990, 5, 17), "female", 3131))
    page.fill("#id_birth_date", "1990-05-17")
    page.select_option("#id_district", index=1)
    page.fill("#id_phone", "+7 701 555 66 77")
    page.locator("main form button[type=submit]").click()

    page.wait_for_selector("#id_code")
    assert_fits_and_is_accessible(page, "code from the SMS")
    page.fill("#id_code", E2E_SMS_CODE)
    page.keyboard.press("Enter")

    page.wait_for_selector("#ballot")
    assert_fits_and_is_accessible(page, "ballot")
    status = page.locator("#ballot-status")
    assert status.get_attribute("aria-live") == "polite"
    before = status.inner_text()
    boxes = page.locator("input[name=proposal]")
    boxes.nth(1).check()
    boxes.nth(3).check()
    assert status.inner_text() != before and "2" in status.inner_text()

    def status_in_view():
        box = status.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 812

    # The live count stays on the screen wherever the resident is in the list of proposals.
    for y in (0, 600, 1200):
        page.evaluate(f"window.scrollTo(0, {y})")
        assert status_in_view(), f"the ballot's live count scrolled out of view at {y} px"
    page.locator("#ballot button[type=submit]").click()

    page.wait_for_selector("form input[value=cast]", state="attached")
    assert page.locator("table.log tbody tr").count() == 2
    assert_fits_and_is_accessible(page, "summary")
    page.locator("form input[value=cast] ~ button").click()

    page.wait_for_selector(".receipt-code")
    code = page.locator(".receipt-code").inner_text()
    assert_fits_and_is_accessible(page, "receipt")
    page.goto(f"{live_site}/ru/pb/receipts/?code={code}")
    assert page.locator("[role=status]").count() == 1
    assert_fits_and_is_accessible(page, "receipt check")
    context.close()


# After the vote above (tests in a module run in order): the moderator closes the vote and publishes the result.
MODERATOR = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user, _ = get_user_model().objects.get_or_create(username="e2e_moderator", defaults={"first_name": "Дана"})
user.set_password("e2e-moderator-pw")
user.save()
user.groups.add(Group.objects.get(name="Moderators"))
from wagtail.users.models import UserProfile
profile = UserProfile.get_for_user(user)
profile.preferred_language = "en"
profile.save()
"""


CYCLE_ID = """
from pb_module.models import PBCyclePage
print(PBCyclePage.objects.get(slug="shymkent-2027", locale__language_code="kk").pk)
"""


def test_moderator_closes_the_vote_and_publishes_a_result_anyone_can_check(live_site, page):
    import hashlib
    from datetime import date, timedelta

    from pb_module.rules import pabulib, tally

    site_manage("shell", "-c", MODERATOR)
    page.goto(f"{live_site}/admin/login/")
    page.fill("#id_username", "e2e_moderator")
    page.fill("#id_password", "e2e-moderator-pw")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")

    # Before: no result, no counts, no ballots to download.
    page.goto(f"{live_site}/en/participatory-budget/shymkent-2027/results/")
    assert "not published yet" in page.locator("main").inner_text()
    assert page.request.get(f"{live_site}/en/participatory-budget/shymkent-2027/results/ballots/").status == 404

    # Moving the end of voting into the past to peek at the count is refused: ballots are cast.
    cycle_id = site_manage("shell", "-c", CYCLE_ID).split()[-1]
    page.goto(f"{live_site}/admin/pages/{cycle_id}/edit/")
    voting_row = page.evaluate(
        "() => [...document.querySelectorAll('select[name^=phases-][name$=-phase]')]"
        ".find(s => s.value === 'voting').name.replace('-phase', '')"
    )
    yesterday = date.today() - timedelta(days=1)
    page.fill(f"input[name={voting_row}-ends_on]", yesterday.isoformat())
    page.fill("textarea[name=phase_change_reason]", "peek")
    page.evaluate("() => document.querySelector('button[name=action-publish]').click()")
    expect(page.locator("body")).to_contain_text("voting can only be extended")
    page.goto(f"{live_site}/admin/pb/results/{cycle_id}/")
    assert page.locator("table.listing").count() == 0  # no count while voting runs

    # Closing the vote early: an explicit action with a public reason.
    page.goto(f"{live_site}/admin/pb/results/")
    assert "has not closed yet" in page.locator("main").inner_text()
    page.get_by_role("link", name="Close voting early").click()
    page.get_by_label("Why voting closes early").first.fill("The public council decided so on 1 December.")
    page.get_by_label("Close voting now, for good").check()
    page.get_by_role("button", name="Close voting early").click()
    page.wait_for_url("**/admin/pb/results/")
    page.goto(f"{live_site}/en/participatory-budget/shymkent-2027/vote/")
    assert "closed early" in page.locator("main").inner_text()
    page.goto(f"{live_site}/en/participatory-budget/shymkent-2027/")
    assert "The public council decided so on 1 December." in page.locator("main").inner_text()

    # Publishing: the moderator checks the count, then confirms.
    page.goto(f"{live_site}/admin/pb/results/{cycle_id}/")
    assert page.locator("table.listing tbody tr").count() >= 2
    page.get_by_role("button", name="Publish the results").click()
    expect(page.locator("main")).to_contain_text("Tick the box")  # waits for the refused form to come back
    page.check("#id_confirm")
    page.get_by_role("button", name="Publish the results").click()
    page.wait_for_url("**/admin/pb/results/")
    assert "The results are published" in page.locator("body").inner_text()

    # The public result in three languages, accessible, with the proof.
    for lang in ("kk", "ru", "en"):
        response = page.goto(f"{live_site}/{lang}/participatory-budget/shymkent-2027/results/")
        assert response.status == 200
        assert page.evaluate("document.documentElement.lang") == lang
        assert axe_violations(page) == [], lang
    sha = page.locator("code.hash").inner_text()
    download = page.request.get(f"{live_site}/en/participatory-budget/shymkent-2027/results/ballots/")
    assert download.status == 200
    assert hashlib.sha256(download.body()).hexdigest() == sha
    # Anyone recomputes the winners from the download; they are the ones the page lists first.
    election = pabulib.read(download.body().decode("utf-8"))
    recount = tally.tally(election)
    winner_rows = page.locator("section[aria-labelledby=winners-heading] tbody tr")
    assert winner_rows.count() == len(recount["selected"]) > 0
    # The ballot cast by the browser in the test above is among the counted ballots.
    assert len(election.votes) == 5  # the demo's three, the keyboard voter's and the phone voter's above

    for lang in ("kk", "ru", "en"):
        page.goto(f"{live_site}/{lang}/participatory-budget/shymkent-2027/analytics/")
        assert page.locator("table.data").count() >= 3
        assert axe_violations(page) == [], lang
        page.goto(f"{live_site}/{lang}/participatory-budget/analytics/")
        assert "Шымкент" in page.locator("main").inner_text() or "Shymkent" in page.locator("main").inner_text()
        assert axe_violations(page) == [], lang
