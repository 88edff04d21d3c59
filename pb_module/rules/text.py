"""What people type, and what the site writes into files, made safe. Plain Python, no Django.

* Whole numbers: only ASCII digits count. `str.isdigit()` also accepts "²" and "①", which `int()` refuses (a
  crash), and `int()` reads Arabic-Indic digits or refuses more than 4300 digits; none of that is a cost or points.
* Ids and offsets: a database integer (bigint) holds at most 2**63 - 1; a larger number finds nothing.
* Bidirectional control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder the text
  around them on screen ("Trojan Source"): a title or a name could show something else than it says. They are
  stripped from titles and names people type.
* CSV cells: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a
  formula (OWASP "CSV injection"), so such text gets a leading apostrophe. Numbers stay numbers.
"""

import re

MAX_DB_INTEGER = 2**63 - 1
MAX_DIGITS = 100  # longer strings of digits are no number anyone means (and int() refuses past 4300)

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def whole_number(text) -> int | None:
    """The number `text` writes in ASCII digits only (no sign, no spaces), else None."""
    if isinstance(text, str) and 0 < len(text) <= MAX_DIGITS and text.isascii() and text.isdigit():
        return int(text)
    return None


def is_db_id(value) -> bool:
    """Whether `value` is an integer a database id column can hold (1 .. 2**63 - 1)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_DB_INTEGER


def strip_bidi(text: str) -> str:
    """`text` without bidirectional control characters."""
    return _BIDI_RE.sub("", text) if text else text


def csv_safe(value):
    """A cell for a CSV file: text a spreadsheet would read as a formula gets a leading apostrophe ("'=1+1");
    numbers (also negative ones), booleans, None and other text are returned unchanged."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_STARTS):
        return "'" + value
    return value
