"""Forms a native-speaker review corrected (../shared/GLOSSARY.md) do not come back: in the kk and ru catalogues, in
the demo content's sources, and on rendered pages (those a test builds here, the demo's in
tests/test_demo_translation_terms.py).

- kk «партисипаторлық», never the paper's misspelling «патисипатор-»;
- kk eligibility «16 жасқа толған»: «жастан асқан» means *older than*;
- kk one term «ашкөз алгоритм» for the greedy rule, never «ашкөз әдіс»;
- kk «жиектас», not the Russian «бордюр»;
- no "add-one" in Kazakh or Russian text (the Method of Equal Shares' completion step is said in words);
- ru real plurals (ngettext), never the abbreviation «дн.»;
- ru dates end in «г.»: a sentence that ends with one gets no second full stop («1 марта 2025 г..»).
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "kk": {
        "атисипатор": "партисипаторлық",
        "жастан асқан": "16 жасқа толған (eligibility)",
        "ашкөз әдіс": "ашкөз алгоритм",
        "бордюр": "жиектас",
        "add-one": "say the completion step in words",
    },
    "ru": {
        "add-one": "say the completion step in words",
        "дн.": "a real plural (ngettext)",
    },
}
DEMO_SOURCES = [
    "demo/home_content.py",
    "demo/home.py",
    "demo/pb_content.py",
    "demo/pb.py",
    "demo/implementation.py",
    "demo/results.py",
]
KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def _pattern(form):
    if form == "дн.":  # only as a word of its own
        return re.compile(r"(?<![а-яё])дн\.", re.I)
    return re.compile(re.escape(form), re.I)


def _found(text, lang):
    return [form for form in FORBIDDEN[lang] if _pattern(form).search(text)]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalogue_has_none_of_the_corrected_forms(lang):
    po = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "django.po"))
    bad = []
    for entry in po:
        if entry.obsolete:
            continue
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if found := _found(text, lang):
                bad.append((entry.msgid, text, found))
    assert bad == []


def test_russian_catalogue_has_three_plural_forms_in_every_plural_entry():
    po = polib.pofile(str(ROOT / "locales" / "ru" / "LC_MESSAGES" / "django.po"))
    assert "nplurals=3" in po.metadata["Plural-Forms"]
    short = [e.msgid for e in po if e.msgid_plural and sorted(e.msgstr_plural) != [0, 1, 2]]
    assert short == []


def _texts_by_language(path):
    """The string constants of a demo source, by the language they are in: those under a "kk"/"ru" key, and any
    other with a Kazakh-only letter (Kazakh page bodies)."""
    texts = {"kk": [], "ru": []}

    def strings(node):
        return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]

    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    keyed = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value in texts:
                    found = strings(value)
                    texts[key.value].extend(found)
                    keyed.update(map(id, found))
    texts["kk"].extend(s for s in strings(tree) if KAZAKH_LETTERS.search(s))
    return texts


@pytest.mark.parametrize("path", DEMO_SOURCES)
def test_demo_content_has_none_of_the_corrected_forms(path):
    bad = []
    for lang, texts in _texts_by_language(path).items():
        for text in texts:
            if found := _found(text, lang):
                bad.append((lang, text[:120], found))
    assert bad == []


def test_the_scan_finds_what_it_forbids():
    assert _found("Патисипаторлық бюджеттеу", "kk") == ["атисипатор"]
    assert _found("16 жастан асқан тұрғындар", "kk") == ["жастан асқан"]
    assert _found("Бордюрі түсірілген", "kk") == ["бордюр"]
    assert _found("более 30 дн.", "ru") == ["дн."]
    assert _found("Сегодня. Метод равных долей", "ru") == []
    assert _found("Партисипаторлық бюджеттеу, 16 жасқа толған", "kk") == []
    page = '<html lang="ru"><p>Голосование до <time>1 марта 2025 г.</time>.</p><p lang="kk">бордюр</p></html>'
    assert _visible_text(page, "ru") == "Голосование до 1 марта 2025 г.."
    kazakh = '<html lang="kk"><p>Жиектас. <q lang="ru">У школы бордюр опущен</q></p></html>'
    assert _visible_text(kazakh, "kk") == "Жиектас. "  # a resident's Russian words are theirs


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TextIn(HTMLParser):
    """The text of a page that is in `lang` (people's text in another language carries its own `lang`)."""

    def __init__(self, lang):
        super().__init__(convert_charrefs=True)
        self.stack = [(None, lang)]
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang") or self.stack[-1][1]))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        tag, lang = self.stack[-1]
        if tag not in ("script", "style") and lang[:2] == self.stack[0][1]:
            self.parts.append(data)  # no space for a tag: «г.</time>.» reads «г..»


def _visible_text(html, lang):
    parser = _TextIn(lang)
    parser.feed(html)
    return "".join(parser.parts)


def rendered_pages(lang):
    """The addresses of every live public page in `lang`, and of the results and analytics of each cycle."""
    from wagtail.models import Page

    from pb_module.models import PBCyclePage

    pages = Page.objects.live().public().filter(locale__language_code=lang).specific()
    urls = [page.url for page in pages if page.url]
    for cycle in PBCyclePage.objects.live().filter(locale__language_code=lang):
        urls += [cycle.url + "results/", cycle.url + "analytics/"]
    return urls


def corrected_forms_on(urls, lang):
    """(url, forms) for each page at `urls` whose text in `lang` has a corrected form (a page that fails is skipped:
    other tests' business); returns also how many pages were read."""
    from django.test import Client

    bad, read = [], 0
    client = Client(raise_request_exception=False)
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        read += 1
        text = _visible_text(response.content.decode(), lang)
        found = _found(text, lang)
        if lang == "ru" and re.search(r"г\.\s?\.", text):
            found.append("г..")
        if found:
            bad.append((url, found))
    return bad, read


@pytest.fixture
def site(db):
    """The site's pages and a cycle in each state (tests/pages.py `site_with_cycles`), built for the test."""
    from tests import pages as fx

    pages = fx.site_with_cycles()
    yield pages
    fx.remove_files(pages)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_rendered_pages_have_none_of_the_corrected_forms(site, lang):
    """What the site writes around the content (headings, dates, counts, results and analytics of cycles in each
    state) has none of the corrected forms. (The demo's own pages: tests/test_demo_translation_terms.py.)"""
    from wagtail.models import Locale

    urls = rendered_pages(lang)
    published = site["published"].get_translation(Locale.objects.get(language_code=lang))
    assert published.url in urls and published.url + "results/" in urls  # the cycles built here are read
    bad, read = corrected_forms_on(urls, lang)
    assert read > 20
    assert bad == []


@pytest.mark.parametrize(
    ("age", "words"), [(16, "исполнилось 16 лет"), (21, "исполнился 21 год"), (22, "исполнилось 22 года")]
)
def test_russian_minimum_age_agrees_with_its_number(age, words):
    from django.template import Context, Template
    from django.utils import translation

    dd = Template(
        "{% load i18n %}{% blocktranslate count age=age %}Residents aged {{ age }} and over{% plural %}"
        "Residents aged {{ age }} and over{% endblocktranslate %}"
    )
    too_young = "Residents aged %(age)s and over on the first day of voting can vote."
    with translation.override("ru"):
        assert dd.render(Context({"age": age})) == f"Жители, которым {words}"
        assert words in translation.ngettext(too_young, too_young, age) % {"age": age}
