"""The gettext catalogues in locales/, with polib (no GNU gettext needed).

python locales/po.py compile   # every locales/**/LC_MESSAGES/*.po -> .mo
python locales/po.py check     # exit 1 when a kk or ru entry is empty or fuzzy
python locales/po.py admin     # exit 1 when an admin msgid an editor meets has no Kazakh translation

`locales/<lang>/` holds the site's own catalogue (`make po` extracts it); `locales/admin/kk/` the Kazakh catalogue of
the admin: the msgids of Wagtail, wagtail-localize, django-taggit and Django that ship no Kazakh (or an incomplete
one). Django reads both (`LOCALE_PATHS`, the site's first). `admin` compares them with the msgids the installed
packages ship (their English catalogues), so that an upgrade of Wagtail shows what is new: the apps of the editors'
journeys must have none missing; the count for the other catalogues is printed.
"""

import importlib.util
import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
ADMIN = HERE / "admin"

# The catalogues an editor, a moderator or an administrator meets in the admin: the dashboard, pages and their
# editor, workflows, images, documents, snippets, search promotions, users and groups, reports, translations, and
# the messages of Django's forms, validation and authentication.
JOURNEYS = (
    "wagtail",
    "wagtail.admin",
    "wagtail.users",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.snippets",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail_localize",
    "wagtail_localize.locales",
    "taggit",
    "django.conf",
    "django.contrib.auth",
    "django.contrib.contenttypes",
)
# Where the rest are looked for (catalogues of apps the site does not use, or that editors never see).
PACKAGES = ("wagtail", "wagtail_localize", "taggit", "django.contrib")
DOMAINS = ("django", "djangojs")


def catalogues():
    return sorted(HERE.glob("**/LC_MESSAGES/*.po"))


def compile_all():
    for po_path in catalogues():
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(HERE)}")


def untranslated(po_path):
    po = polib.pofile(str(po_path))
    return [e.msgid for e in po if not e.obsolete and ("fuzzy" in e.flags or not e.translated())]


def check():
    bad = 0
    for po_path in catalogues():
        if po_path.parts[-3] not in ("kk", "ru"):
            continue
        missing = untranslated(po_path)
        for msgid in missing:
            print(f"{po_path.relative_to(HERE)}: untranslated: {msgid!r}")
        bad += len(missing)
    return 1 if bad else 0


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    return Path(next(iter(spec.submodule_search_locations)))


def app_catalogues() -> dict[str, Path]:
    """Each installed app that ships an English catalogue (its msgids) -> its directory."""
    found = {}
    for package in PACKAGES:
        root = _package_dir(package)
        for locale_dir in root.glob("**/locale"):
            if (locale_dir / "en" / "LC_MESSAGES").is_dir():
                parts = locale_dir.parent.relative_to(root).parts
                found[".".join((package, *parts))] = locale_dir.parent
    found["django.conf"] = _package_dir("django.conf")
    return found


def _translated(po_path: Path) -> set:
    if not po_path.exists():
        return set()
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if e.translated() and "fuzzy" not in e.flags}


def missing_kk(app_dir: Path, domain: str) -> list[str]:
    """The msgids an app ships in `domain` that neither the app's own nor the site's Kazakh catalogues translate."""
    source = app_dir / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    if not source.exists():
        return []
    known = set()
    for po_path in (
        app_dir / "locale" / "kk" / "LC_MESSAGES" / f"{domain}.po",
        HERE / "kk" / "LC_MESSAGES" / f"{domain}.po",
        ADMIN / "kk" / "LC_MESSAGES" / f"{domain}.po",
    ):
        known |= _translated(po_path)
    return [e.msgid for e in polib.pofile(str(source)) if not e.obsolete and (e.msgctxt, e.msgid) not in known]


def admin_check() -> int:
    """Print the admin msgids without Kazakh: all of them for the journeys (exit 1 when any), a count for the rest."""
    in_journeys = rest = 0
    for app, app_dir in sorted(app_catalogues().items()):
        for domain in DOMAINS:
            missing = missing_kk(app_dir, domain)
            if app in JOURNEYS:
                for msgid in missing:
                    print(f"{app} ({domain}): no Kazakh: {msgid!r}")
                in_journeys += len(missing)
            elif missing:
                print(f"  outside the journeys: {app} ({domain}): {len(missing)} without Kazakh")
                rest += len(missing)
    print(f"kk admin: {in_journeys} msgids without Kazakh in the editors' journeys; {rest} in other catalogues")
    return 1 if in_journeys else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "compile":
        compile_all()
    elif command == "check":
        sys.exit(check())
    elif command == "admin":
        sys.exit(admin_check())
    else:
        sys.exit(__doc__)
