"""Every interface string exists in Kazakh and Russian, and no English one leaks onto their pages."""

import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalogue_has_no_empty_or_fuzzy_entry(lang):
    po = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    assert [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)] == []


def test_catalogues_cover_every_string_in_the_code():
    """`make po` would add nothing: each translatable string of the code is already in the catalogue."""
    po = polib.pofile(str(ROOT / "locales" / "kk" / "LC_MESSAGES" / "django.po"))
    known = {e.msgid for e in po}
    pattern = re.compile(r"""(?:\b_|gettext_lazy|gettext|translate)\(\s*"([^"\\]+)"\s*\)|{% translate "([^"]+)" %}""")
    missing = set()
    for path in list(ROOT.glob("*/**/*.py")) + list(ROOT.glob("*/**/*.html")):
        if any(part in {".venv", "node_modules", "tests", "migrations"} for part in path.parts):
            continue
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            msgid = match.group(1) or match.group(2)
            if msgid not in known:
                missing.add(f"{path.relative_to(ROOT)}: {msgid}")
    assert sorted(missing) == []


def _visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<[^>]+\blang="(?:en)"[^>]*>.*?</[^>]+>', " ", html, flags=re.S)  # the language switcher
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def site_ids(module_db):
    """The site's pages and a cycle in each state (tests/pages.py `site_with_cycles`), built once for the module
    (see `module_db`): their ids. The document's PDF, written under MEDIA_ROOT, is deleted when the module ends (the
    rollback removes its row, not its file)."""
    from tests import pages as fx

    with module_db():
        pages = fx.site_with_cycles()
    yield fx.ids(pages)
    with module_db():
        fx.remove_files(pages)


@pytest.fixture
def site(db, site_ids):
    """The pages of `site_ids` as `site_with_cycles` returns them, read afresh for the test: the Kazakh pages, the
    Kazakh public centres and the proposals an expert reviewed."""
    from tests import pages as fx

    return fx.from_ids(site_ids)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_interface_string_on_kazakh_and_russian_pages(client, site, lang):
    from wagtail.models import Locale

    from pb_module.models import ProposalPage

    po = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "django.po"))
    english = [e.msgid for e in po if e.msgstr and e.msgstr != e.msgid and len(e.msgid) > 4 and "%(" not in e.msgid]
    locale = Locale.objects.get(language_code=lang)

    def path(page, tail=""):
        return page.get_translation(locale).url.removeprefix(f"/{lang}/") + tail

    paths = [
        path(site["home"]),
        path(site["about"]),
        path(site["news_index"]),
        path(site["documents"]),
        path(site["centres_page"]),
        "search/?q=fx",
        path(site["news"][-1]),
        path(site["concept"]),
        path(site["pb"]),
        path(site["published"]),
        path(site["equal_shares"]),
        path(site["collecting"], "submit/"),
        path(site["published"], "submit/"),
        path(site["voting"]),
        path(site["voting"], "vote/"),
        "pb/receipts/?code=AAAA-BBBB-CCCC",
        "accounts/login/",
    ]
    reviewed = ProposalPage.objects.live().filter(locale=locale, proposal__reviews__isnull=False)
    assert reviewed.count() == len(site["reviewed"])
    paths += [page.url.removeprefix(f"/{lang}/") for page in reviewed[:3]]
    for where in [*paths, "no-such-page/"]:
        response = client.get(f"/{lang}/{where}")
        assert response.status_code == (404 if where == "no-such-page/" else 200), where
        text = _visible_text(response.content.decode())
        leaked = [msgid for msgid in english if re.search(r"(?<![\w@.-])" + re.escape(msgid) + r"(?![\w@.-])", text)]
        assert leaked == [], f"/{lang}/{where}: {leaked}"


def test_compiled_catalogues_translate_at_runtime():
    from django.utils import translation

    with translation.override("kk"):
        assert translation.gettext("Search") == "Іздеу"
    with translation.override("ru"):
        assert translation.gettext("Search") == "Поиск"
    assert [code for code, _ in settings.LANGUAGES] == ["kk", "ru", "en"]


def test_migrations_match_the_models():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_translations_keep_the_placeholders_of_their_message(lang):
    po = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "django.po"))
    placeholder = re.compile(r"%(?:\(\w+\))?[sd]|%%|%")
    for entry in po:
        if entry.obsolete or "python-format" not in entry.flags:
            continue
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(entry.msgid)) or (
                entry.msgid_plural and set(placeholder.findall(text)) <= set(placeholder.findall(entry.msgid_plural))
            ), f"{entry.msgid!r} -> {text!r}"
