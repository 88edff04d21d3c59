"""A resident files a monitoring report in a real browser: verification, an error kept in the form, the report on
the proposal page; axe-core checks every step."""

import re
from datetime import date

from pb_module.rules.iin import make_iin

from .conftest import E2E_SMS_CODE, axe_violations, site_manage

FIND_PROPOSAL = """
from pb_module.models import Proposal
from pb_module.services.implementation import TRACKED
p = Proposal.objects.filter(status__in=TRACKED, milestones__isnull=False).distinct().order_by("pk").first()
print(p.page_in("en").url)
"""


def test_resident_files_a_report_and_it_is_listed(live_site, page):
    proposal_url = site_manage("shell", "-c", FIND_PROPOSAL).strip().splitlines()[-1]
    page.goto(live_site + proposal_url + "report/")
    assert page.locator("#id_iin").count() == 1
    assert axe_violations(page) == []
    page.get_by_label(re.compile("^IIN")).fill(make_iin(date(1985, 2, 3), "female", 1357))
    page.get_by_label(re.compile("^Date of birth")).fill("1985-02-03")
    page.get_by_label(re.compile("^District")).select_option(index=1)
    page.get_by_label(re.compile("^Mobile phone")).fill("+7 701 333 44 55")
    page.get_by_role("button", name="Send me a code").click()

    page.wait_for_selector("#id_code")
    assert axe_violations(page) == []
    page.get_by_label(re.compile("^Code from the SMS")).fill(E2E_SMS_CODE)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_selector("#id_body")
    assert axe_violations(page) == []
    page.get_by_label(re.compile("^What you saw")).fill("The lamps on the second street do not work yet.")
    page.get_by_role("button", name="Publish report").click()
    page.wait_for_selector(".error-summary")
    assert page.get_by_label(re.compile("^What you saw")).input_value().startswith("The lamps")
    assert page.locator("#id_milestone").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []

    page.get_by_label(re.compile("^Milestone")).select_option(index=1)
    page.get_by_label("concern").check()
    page.get_by_label(re.compile("^Name to show")).fill("Dana")
    page.get_by_role("button", name="Publish report").click()
    page.wait_for_url(re.compile(r"#report-\d+$"))
    report = page.locator("article.report").first
    assert "The lamps on the second street" in report.inner_text() and "Dana" in report.inner_text()
    assert axe_violations(page) == []
