"""Numbers and dates written the way each language writes them (see GLOSSARY.md).

Plain Python, no Django: kk and ru group thousands with a narrow no-break space and use a
decimal comma; en uses commas and a decimal point.
"""

from datetime import date
from decimal import Decimal

NARROW_NBSP = "\u202f"

MONTHS = {
    "kk": [
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def _base_language(language: str | None) -> str:
    code = (language or "kk").split("-")[0].lower()
    return code if code in MONTHS else "en"


def format_number(value: int | float | Decimal, language: str | None, decimals: int = 0) -> str:
    """Group thousands and write decimals as `language` does: 3 915 (kk, ru), 3,915 (en)."""
    text = f"{value:,.{decimals}f}"
    if _base_language(language) == "en":
        return text
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def format_date(value: date, language: str | None) -> str:
    """A date in words: `2021 жылғы 18 тамыз`, `18 августа 2021 г.`, `18 August 2021`."""
    lang = _base_language(language)
    month = MONTHS[lang][value.month - 1]
    if lang == "kk":
        return f"{value.year} жылғы {value.day} {month}"
    if lang == "ru":
        return f"{value.day} {month} {value.year}\u00a0г."
    return f"{value.day} {month} {value.year}"


# Kazakh letters sort after the Russian letter they follow in the Kazakh alphabet (Ә after А, І after Ы), not
# after Я as their code points would.
_KAZAKH_ORDER = str.maketrans(
    {k: base + "\u04ff" for k, base in zip("әғқңөұһі", "агкноухы", strict=True)} | {"ү": "у\u04ff\u04ff"}
)


def name_key(name: str) -> str:
    """A sort key for a place name in Kazakh, Russian or English alphabetical order."""
    return name.casefold().translate(_KAZAKH_ORDER)
