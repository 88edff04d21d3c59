"""The Kazakh individual identification number (IIN, ЖСН / ИИН), and the age rules that use a date of birth.

An IIN has 12 digits; the 12th is a check digit over the first 11. Under the 2007 formation rules the first
six digits are the date of birth (YYMMDD) and the 7th gives the century of birth and the sex. Since the 2013
amendment an IIN need not encode the date of birth, so a mismatch with the date the voter typed is shown as a
probable typo, never a refusal on its own. Eligibility, though, follows the encoded date whenever the digits hold
one (`eligibility_birth_date`): a typed date cannot make a minor old enough.
"""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

WEIGHTS_FIRST = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
WEIGHTS_SECOND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

# Dashes people paste from documents and messengers, besides the ASCII hyphen.
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")

# 7th digit -> (first year of the century, sex).
_CENTURY_SEX = {
    1: (1800, "male"),
    2: (1800, "female"),
    3: (1900, "male"),
    4: (1900, "female"),
    5: (2000, "male"),
    6: (2000, "female"),
}


@dataclass(frozen=True)
class IinInfo:
    birth_date: date
    sex: str  # "male" or "female"


def _is_ascii_digits(text: str, length: int) -> bool:
    # str.isdigit() alone accepts "²" or Arabic-Indic digits, which no IIN contains.
    return len(text) == length and text.isascii() and text.isdigit()


def normalize_iin(raw: str) -> str:
    """The IIN without the spaces, hyphens and other whitespace people type or paste into it."""
    return "".join(ch for ch in raw if not ch.isspace() and ch not in _HYPHENS)


def check_digit(first11: str) -> int | None:
    """The check digit for the first 11 digits of an IIN, or None when no 12th digit can make it valid.

    Weights 1..11, sum mod 11; a result of 10 is retried with weights 3..11, 1, 2; a second 10 means the
    number is never issued.
    """
    if not _is_ascii_digits(first11, 11):
        raise ValueError("the first 11 digits of an IIN are expected")
    digits = [int(ch) for ch in first11]
    for weights in (WEIGHTS_FIRST, WEIGHTS_SECOND):
        result = sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if result != 10:
            return result
    return None


def iin_problem(iin: str) -> str | None:
    """Why an IIN is refused ('not_12_digits', 'bad_check_digit'), or None when it is valid."""
    iin = normalize_iin(iin)
    if not _is_ascii_digits(iin, 12):
        return "not_12_digits"
    expected = check_digit(iin[:11])
    if expected is None or int(iin[11]) != expected:
        return "bad_check_digit"
    return None


def is_valid_iin(iin: str) -> bool:
    """Whether an IIN has 12 digits and a correct check digit."""
    return iin_problem(iin) is None


def decode(iin: str) -> IinInfo | None:
    """The date of birth and sex the digits encode under the 2007 rules, or None when they encode none.

    None is normal: since 2013 an IIN need not encode the date of birth. The check digit is not verified
    here (iin_problem does that); anything that is not 12 digits gives None.
    """
    iin = normalize_iin(iin)
    if not _is_ascii_digits(iin, 12):
        return None
    century_sex = _CENTURY_SEX.get(int(iin[6]))
    if century_sex is None:
        return None
    century, sex = century_sex
    try:
        birth_date = date(century + int(iin[0:2]), int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        return None
    return IinInfo(birth_date, sex)


def birth_date_mismatch(iin: str, birth_date: date) -> bool:
    """True only when the IIN encodes a date of birth and it differs from `birth_date`.

    The web layer then asks the voter to confirm a probable typo; it is never a refusal on its own.
    """
    info = decode(iin)
    return info is not None and info.birth_date != birth_date


def eligibility_birth_date(iin: str, typed: date, registry: date | None = None) -> date:
    """The date of birth that decides who may vote and the age band that is stored.

    A registry's date when an identity provider vouches for one; otherwise the date the IIN encodes, whenever it
    encodes one; the typed date only when the IIN encodes none. So typing an adult's date of birth (and confirming
    the mismatch warning) never makes a minor eligible: the typed date only ever produces the warning.
    """
    if registry is not None:
        return registry
    info = decode(iin)
    return info.birth_date if info is not None else typed


def age_on(birth_date: date, day: date) -> int:
    """Full years of age on `day` (negative when `day` is before `birth_date`).

    Someone born on 29 February turns a year older on 1 March in a non-leap year.
    """
    # Comparing (month, day) pairs gives the 1 March rule without special-casing leap years.
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def is_old_enough(birth_date: date, day: date, minimum: int) -> bool:
    """Whether someone is at least `minimum` full years old on `day` (the cycle's voting start date)."""
    return age_on(birth_date, day) >= minimum


# Statistics keep the age band only, never the date of birth.
AGE_BANDS = ("under-16", "16-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
_BAND_STARTS = (16, 18, 25, 35, 45, 55, 65)  # the lowest age of each band after the first


def age_band(age: int) -> str:
    """The statistics band of an age in full years, one of AGE_BANDS."""
    return AGE_BANDS[bisect_right(_BAND_STARTS, age)]


def make_iin(birth_date: date, sex: str, serial: int) -> str:
    """A valid IIN under the 2007 rules, for tests and demo data.

    The serial is taken modulo 10 000; when no check digit exists for it, serial + 1, serial + 2, ... is used.
    """
    sex_offset = {"male": 1, "female": 2}.get(sex)
    if sex_offset is None:
        raise ValueError(f"sex must be 'male' or 'female', not {sex!r}")
    if not 1800 <= birth_date.year <= 2099:
        raise ValueError("the 2007 rules encode births from 1800 to 2099 only")
    century_digit = (birth_date.year - 1800) // 100 * 2 + sex_offset
    prefix = f"{birth_date.year % 100:02d}{birth_date.month:02d}{birth_date.day:02d}{century_digit}"
    # When a serial has no check digit the next one has (its last digit weighs 11 = 0 mod 11 in the first pass
    # and 2 in the second), so the loop ends after a step, two when 9999 wraps to 0000.
    for step in range(10_000):
        first11 = f"{prefix}{(serial + step) % 10_000:04d}"
        digit = check_digit(first11)
        if digit is not None:
            return f"{first11}{digit}"
    raise RuntimeError("unreachable: some serial always has a check digit")
