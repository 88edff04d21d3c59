"""Compile the gettext catalogues in locales/ into .mo files, with polib (no GNU gettext needed).

python locales/po.py compile   # every locales/<lang>/LC_MESSAGES/*.po -> .mo
python locales/po.py check     # exit 1 when a kk or ru entry is empty or fuzzy
"""

import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent


def catalogues():
    return sorted(HERE.glob("*/LC_MESSAGES/*.po"))


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


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "compile":
        compile_all()
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
