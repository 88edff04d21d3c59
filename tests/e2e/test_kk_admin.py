"""The admin in Kazakh, in Chromium: an editor, a moderator, an operator and an administrator whose preference is
Kazakh walk their journeys, and no text they read (or their screen reader reads) is in Latin script or in Russian,
apart from what people wrote (titles, names, comments), proper names, addresses and code-like values; axe finds no
serious or critical violation on any admin page. The editor's day runs through it: a council news item from the
template, submitted to moderation, and the moderator's approval in two clicks from the dashboard."""

import json
import re
import time
from pathlib import Path

import polib
import pytest

from .conftest import ROOT, axe_violations, site_manage

PASSWORD = "kk-admin-e2e-17"

# Texts of the page a reader meets: visible text nodes and the labels a screen reader reads (aria-label, title,
# placeholder), not the content of editable fields or <option>s (values of the content, not of the interface).
TEXTS_JS = """() => {
  const out = [];
  const skip = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "TEXTAREA", "OPTION"]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue.replace(/\\s+/g, " ").trim();
    const el = node.parentElement;
    if (!text || !el) continue;
    let hidden = false;
    for (let e = el; e; e = e.parentElement) {
      if (skip.has(e.tagName) || e.hidden || e.isContentEditable) { hidden = true; break; }
    }
    if (hidden) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || el.getClientRects().length === 0) continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll("[aria-label],[title],[placeholder]")) {
    if (el.getClientRects().length === 0) continue;
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = (el.getAttribute(name) || "").trim();
      if (value) out.push(value);
    }
  }
  return out;
}"""

# Names and code-like words that stay in Latin script in a Kazakh interface.
PROPER_NAMES = {
    "Qatysu",
    "Wagtail",
    "Draftail",
    "URL",
    "ID",
    "PO",
    "PDF",
    "CSV",
    "XLSX",
    "JSON",
    "HTML",
    "SVG",
    "GIF",
    "JPG",
    "JPEG",
    "PNG",
    "WEBP",
    "AVIF",
    "ZIP",
    "API",
    "UTC",
    "Ctrl",
    "Cmd",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
}
# Language names as each language writes its own (the language switch), and the sizes of files.
ENDONYMS = {"English", "Русский", "Қазақша"}
CODE_LIKE = re.compile(
    r"https?://\S+|\S+@\S+|[\w.-]*\.(?:png|jpe?g|gif|webp|pdf|docx?|xlsx?|csv|txt|zip|po)\b|\b\w*[_\d./]\w*[_\d./]?\w*\b"
)
# Spaces and hyphens that do not break, soft hyphens, zero-width spaces: read as their plain forms.
INVISIBLE = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2011": "-", "\u00ad": None, "\u200b": None})
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{4,}")


def _msgstrs(path: Path) -> set[str]:
    words = set()
    for entry in polib.pofile(str(path)):
        texts = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in texts:
            words.update(w.lower() for w in WORD.findall(text))
    return words


@pytest.fixture(scope="module")
def russian_words():
    """Words of the Russian catalogues (the site's and Wagtail's) that no Kazakh catalogue uses."""
    import wagtail

    russian = set()
    for path in [
        *ROOT.glob("locales/ru/LC_MESSAGES/*.po"),
        *Path(wagtail.__file__).parent.glob("**/locale/ru/**/*.po"),
    ]:
        russian |= _msgstrs(path)
    kazakh = set()
    for path in [*ROOT.glob("locales/kk/LC_MESSAGES/*.po"), *ROOT.glob("locales/admin/kk/LC_MESSAGES/*.po")]:
        kazakh |= _msgstrs(path)
    return russian - kazakh


@pytest.fixture(scope="module")
def people(live_site):
    """The demo accounts with a known password and Kazakh preferred; what people wrote in the database (their
    content, shown as written); and the objects the journeys open."""
    script = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
from wagtail.models import Page, Collection
from wagtail.images.models import Image
from wagtail.documents.models import Document
from taggit.models import Tag
from demo.accounts import ensure_accounts
from demo.home import ensure_admin
from home.models import NewsPage, HomePage, PublicCouncil, PublicCentre
from pb_module.models import Proposal, Territory, ResponsibleBody, ProposalComment, MonitoringReport

ensure_admin(password={PASSWORD!r})
ensure_accounts(password={PASSWORD!r})
for user in get_user_model().objects.all():
    UserProfile.objects.update_or_create(user=user, defaults={{"preferred_language": "kk"}})
content = set()
for user in get_user_model().objects.all():
    content.update([user.username, user.get_full_name(), user.first_name, user.last_name, user.email])
content.update(Page.objects.values_list("title", flat=True))
content.update(Page.objects.values_list("draft_title", flat=True))
for model in (Territory, PublicCouncil, PublicCentre):
    content.update(model.objects.values_list("name", flat=True))
content.update(PublicCouncil.objects.values_list("territory", flat=True))
content.update(PublicCentre.objects.values_list("address", flat=True))
for field in ("name_kk", "name_ru", "name_en"):
    content.update(ResponsibleBody.objects.values_list(field, flat=True))
content.update(Image.objects.values_list("title", flat=True))
content.update(Document.objects.values_list("title", flat=True))
content.update(Tag.objects.values_list("name", flat=True))
for model in (ProposalComment, MonitoringReport):
    content.update(model.objects.values_list("body", flat=True))
    content.update(model.objects.values_list("author_name", flat=True))
content.update(MonitoringReport.objects.values_list("answer", flat=True))
content.update(Proposal.objects.values_list("author_name", flat=True))
from wagtail_localize.models import String, StringTranslation
content.update(String.objects.values_list("data", flat=True))
content.update(StringTranslation.objects.values_list("data", flat=True))
kk_home = HomePage.objects.get(locale__language_code="kk")
ru_news = NewsPage.objects.filter(locale__language_code="ru").first()
kk_news = NewsPage.objects.get(translation_key=ru_news.translation_key, locale__language_code="kk")
print(json.dumps({{
    "content": sorted(c for c in content if c),
    "kk_home": kk_home.pk,
    "kk_news": kk_news.pk,
    "ru_news": ru_news.pk,
    "image": Image.objects.first().pk,
    "document": Document.objects.first().pk,
    "council": PublicCouncil.objects.filter(locale__language_code="kk").first().pk,
    "in_review": Proposal.objects.filter(status="in_expert_review").first().pk,
    "funded": Proposal.objects.filter(status__in=["in_implementation", "stalled"]).first().pk,
    "report": MonitoringReport.objects.first().pk,
    "editors": Group.objects.get(name="Editors").pk,
    "editor_kk": get_user_model().objects.get(username="editor_kk").pk,
}}))
"""
    return json.loads(_shell(script))


def _shell(code: str) -> str:
    """The last line `manage.py shell -c CODE` prints against the e2e server's database."""
    return site_manage("shell", "-c", code).strip().splitlines()[-1]


def _foreign(texts, content, russian_words):
    """The texts that are not Kazakh: a Latin-script word or a Russian word left once what people wrote, proper
    names, addresses, file names and code-like values are set aside."""
    found = []
    for text in texts:
        text = text.translate(INVISIBLE)
        rest = text
        for piece in text.split("…")[:-1]:  # content cut short ("…"): the piece is the start of a value
            piece = piece.strip(" :—")
            if len(piece) > 10 and any(value.startswith(piece) for value in content):
                rest = rest.replace(piece, " ")
        for value in content:
            if len(value) > 2 and value in rest:
                rest = rest.replace(value, " ")
        rest = CODE_LIKE.sub(" ", rest)
        for name in PROPER_NAMES | ENDONYMS:
            rest = rest.replace(name, " ")
        latin = LATIN_WORD.search(rest)
        russian = [w for w in WORD.findall(rest) if w.lower() in russian_words]
        if latin or russian:
            found.append(text)
    return sorted(set(found))


class Reader:
    """One person with Kazakh preferred, signed in to the admin in their own browser context."""

    def __init__(self, browser, live_site, username, people, russian_words):
        self.context = browser.new_context(locale="en-US")  # the browser's language must not matter
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        # Requests the page has started and not finished (its own, its scripts' fetches): see `settle`.
        self.in_flight = set()
        self.page.on("request", lambda request: self.in_flight.add(request))
        self.page.on("requestfinished", lambda request: self.in_flight.discard(request))
        self.page.on("requestfailed", lambda request: self.in_flight.discard(request))
        self.base = live_site
        self.content = [c.translate(INVISIBLE) for c in people["content"]]
        self.content.sort(key=len, reverse=True)
        self.russian_words = russian_words
        self.problems = []
        self.page.goto(f"{live_site}/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(re.compile(r".*/admin/$"))

    def settle(self):
        """Wait until the page has loaded and no request it started is still open (what the admin's scripts fetch
        included). Playwright's "networkidle" waits for this too, and then 500 ms more on every page."""
        self.page.wait_for_load_state("load")
        deadline = time.monotonic() + 20
        while self.in_flight:
            assert time.monotonic() < deadline, f"requests still open: {[r.url for r in self.in_flight]}"
            self.page.wait_for_timeout(50)

    def check(self, where: str, axe: bool = True):
        page = self.page
        self.settle()
        # A tooltip the pointer left behind fades out (axe would measure its contrast mid-fade): move away, and wait
        # for the fade when there is a tooltip (Wagtail's, tippy.js) on the page.
        page.mouse.move(0, 0)
        if page.locator("[data-tippy-root]").count():
            page.wait_for_timeout(400)
        assert page.evaluate("document.documentElement.lang") == "kk", where
        foreign = _foreign(page.evaluate(TEXTS_JS), self.content, self.russian_words)
        if foreign:
            self.problems.append(f"{where}: not Kazakh: {foreign[:12]}")
        if axe:
            violations = axe_violations(page)
            if violations:
                self.problems.append(f"{where}: axe: {violations}")

    def visit(self, path: str, axe: bool = True):
        response = self.page.goto(self.base + path)
        assert response.status == 200, f"{path}: {response.status}"
        self.check(path, axe)

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, live_site, people, russian_words):
    made = []

    def sign_in(username):
        made.append(Reader(browser, live_site, username, people, russian_words))
        return made[-1]

    yield sign_in
    for r in made:
        r.close()


def test_the_detector_sees_english_and_russian_and_lets_names_through(russian_words):
    content = [
        "Public Council of Aktau City",
        "editor_kk",
        "Almaty",
        "Almaty Region public council discusses the budget",
        "concept-2025",
    ]
    texts = [
        "Жариялау",
        "Publish",
        "Опубликовать страницу",
        "«Public Council of Aktau City» өңдеу",
        "editor_kk",
        "concept-2025.pdf",
        "Wagtail 8.0.1: нұсқаулық",
        "Қазақша",
    ]
    assert _foreign(texts, content, russian_words) == ["Publish", "Опубликовать страницу"]


def test_an_editor_works_in_kazakh_and_a_moderator_approves_in_two_clicks(request, reader, people):
    editor = reader("editor_kk")
    page = editor.page
    editor.check("/admin/ (dashboard)")
    assert page.get_by_role("heading", name="Сіздің жоба нұсқаларыңыз").is_visible()
    assert page.get_by_text("Модерацияны күтіп тұрған жобалық ұсыныстар").is_visible()
    editor.visit(f"/admin/pages/{people['kk_home']}/")

    # A council news item from the template: council, date and tags filled in, a draft in the page editor.
    page.goto(f"{editor.base}/admin/")
    page.get_by_role("link", name="Кеңес жаңалығы үлгі бойынша").click()
    editor.check("/admin/news/council/")
    page.get_by_role("button", name="Жоба нұсқасын жасау").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    news_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))
    # The news goes again at the end, with its aliases, so that the other browser tests crawl the demo as it was.
    request.addfinalizer(
        lambda: _shell(
            "from wagtail.models import Page\n"
            f"for p in Page.objects.filter(alias_of_id={news_id}): p.delete()\n"
            f"Page.objects.filter(pk={news_id}).delete(); print('deleted')"
        )
    )
    assert "отырыс" in page.locator("#id_title").input_value()
    assert page.locator("#id_tags").input_value() != ""
    editor.check("page editor (StreamField, rich text)")
    page.locator("button[title='Блокты енгізу'], button.c-sf-add-button").first.click()
    editor.check("page editor: the block picker", axe=False)
    page.keyboard.press("Escape")
    page.locator("[data-chooser-action-choose]:visible").first.click()  # the image chooser
    page.locator(".modal-content").wait_for()
    page.wait_for_load_state("networkidle")
    editor.check("page editor: the image chooser")
    page.keyboard.press("Escape")
    page.locator(".modal-content").wait_for(state="hidden")
    page.locator("[data-side-panel-toggle='status']").click()  # publishing and scheduling
    page.locator("[data-side-panel='status']").wait_for()
    editor.check("page editor: status and scheduling")
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    page.locator("#schedule-publishing-dialog").wait_for()
    editor.check("page editor: the schedule dialog")
    page.keyboard.press("Escape")

    # Submitted to moderation from the action menu.
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state("networkidle")
    editor.check("page editor in moderation")
    page.goto(f"{editor.base}/admin/pages/{people['ru_news']}/edit/")  # wagtail-localize's translation editor
    editor.check("translation editor")
    for path in (
        f"/admin/pages/{news_id}/history/",
        f"/admin/pages/{news_id}/workflow_history/",
        "/admin/images/",
        f"/admin/images/{people['image']}/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        f"/admin/documents/edit/{people['document']}/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/",
        "/admin/snippets/home/publiccouncil/",
        f"/admin/snippets/home/publiccouncil/edit/{people['council']}/",
        "/admin/snippets/pb_module/territory/",
        "/admin/pages/search/?q=кеңес",
        f"/admin/localize/update/{people['kk_news']}/",  # and its sync screen
        "/admin/pb/proposals/",
        "/admin/account/",
    ):
        editor.visit(path)

    # The moderator: the news waits on the dashboard; "actions", then "approve": published.
    moderator = reader("moderator_demo")
    page = moderator.page
    moderator.check("/admin/ (moderator's dashboard)")
    actions = page.locator("button[aria-label='Әрекеттер']")
    row = page.locator("tr").filter(has=page.locator(f"a[href='/admin/pages/{news_id}/edit/']")).filter(has=actions)
    row.locator(actions).click()  # 1
    row.get_by_role("button", name="Мақұлдау", exact=True).click()  # 2
    page.wait_for_load_state("networkidle")
    assert _shell(f"from wagtail.models import Page; print(Page.objects.get(pk={news_id}).live)") == "True"
    revision = _shell(f"from wagtail.models import Page; print(Page.objects.get(pk={news_id}).latest_revision_id)")
    moderator.visit(f"/admin/pages/{news_id}/revisions/compare/earliest...{revision}/")
    for path in (
        f"/admin/pb/proposals/{people['in_review']}/status/",
        f"/admin/pb/proposals/inspect/{people['in_review']}/",
        "/admin/pb/comments/",
        "/admin/pb/reports/",
        f"/admin/pb/reports/{people['report']}/hide/",
        "/admin/pb/implementation/",
        f"/admin/pb/proposals/{people['funded']}/implementation/",
        "/admin/pb/results/",
        "/admin/pb/bodies/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ):
        moderator.visit(path)

    expert = reader("expert_demo")
    expert.visit(f"/admin/pb/proposals/{people['in_review']}/review/")
    operator = reader("operator_demo")
    operator.visit("/admin/pb/assisted/")

    admin = reader("admin")
    for path in (
        "/admin/users/",
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/locales/",
        "/admin/collections/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/pb/staff-territories/",
        f"/admin/groups/edit/{people['editors']}/",
        f"/admin/users/edit/{people['editor_kk']}/",
        "/admin/reports/aging-pages/",
        "/admin/searchpicks/",
        "/admin/searchpicks/add/",
    ):
        admin.visit(path)

    problems = editor.problems + moderator.problems + expert.problems + operator.problems + admin.problems
    assert not problems, "\n".join(problems)
