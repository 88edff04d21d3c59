from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pb_module.rules.iin import (
    AGE_BANDS,
    IinInfo,
    age_band,
    age_on,
    birth_date_mismatch,
    check_digit,
    decode,
    iin_problem,
    is_old_enough,
    is_valid_iin,
    make_iin,
    normalize_iin,
)

# 900515300127: digits 9 0 0 5 1 5 3 0 0 1 2 with weights 1..11
#   9*1 + 0*2 + 0*3 + 5*4 + 1*5 + 5*6 + 3*7 + 0*8 + 0*9 + 1*10 + 2*11
#   = 9 + 0 + 0 + 20 + 5 + 30 + 21 + 0 + 0 + 10 + 22 = 117; 117 mod 11 = 7 -> check digit 7.
VALID = "900515300127"  # a man born 15 May 1990
# 900515300908: first pass 9 + 20 + 5 + 30 + 21 + 9*10 = 175, 175 mod 11 = 10, so the second pass decides:
#   weights 3..11,1,2: 9*3 + 5*6 + 1*7 + 5*8 + 3*9 + 9*1 = 27 + 30 + 7 + 40 + 27 + 9 = 140; 140 mod 11 = 8.
SECOND_PASS = "900515300908"
# 90051530091: first pass 175 + 1*11 = 186, 186 mod 11 = 10; second pass 140 + 1*2 = 142, 142 mod 11 = 10.
NO_CHECK_DIGIT = "90051530091"


def reference_check_digit(first11: str) -> int | None:
    """The algorithm written out once more, independently of the module, as the oracle for hypothesis."""
    d = [int(c) for c in first11]
    first = sum((i + 1) * d[i] for i in range(11)) % 11
    if first != 10:
        return first
    second = sum(((i + 2) % 11 + 1) * d[i] for i in range(11)) % 11
    return None if second == 10 else second


def with_check_digit(first11: str) -> str:
    digit = check_digit(first11)
    assert digit is not None
    return first11 + str(digit)


# --- check digit -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iin", "digit"),
    [
        (VALID, 7),
        ("851202400053", 3),  # 8 + 10 + 3 + 8 + 0 + 12 + 28 + 0 + 0 + 0 + 55 = 124 = 11*11 + 3
        ("010101500033", 3),  # 0 + 2 + 0 + 4 + 0 + 6 + 35 + 0 + 0 + 0 + 33 = 80 = 7*11 + 3
    ],
)
def test_known_valid_iins(iin, digit):
    assert check_digit(iin[:11]) == digit == reference_check_digit(iin[:11])
    assert is_valid_iin(iin)
    assert iin_problem(iin) is None


def test_second_pass_decides_when_the_first_gives_10():
    assert check_digit(SECOND_PASS[:11]) == 8
    assert is_valid_iin(SECOND_PASS)
    # 10 is not a digit, and the first pass's 10 is never taken as 0 or 1.
    assert not is_valid_iin(SECOND_PASS[:11] + "0")
    assert not is_valid_iin(SECOND_PASS[:11] + "1")


def test_no_check_digit_when_both_passes_give_10():
    assert check_digit(NO_CHECK_DIGIT) is None
    for last in "0123456789":
        assert iin_problem(NO_CHECK_DIGIT + last) == "bad_check_digit"


@pytest.mark.parametrize("last", [d for d in "0123456789" if d != "7"])
def test_every_other_12th_digit_is_refused(last):
    assert iin_problem(VALID[:11] + last) == "bad_check_digit"


@pytest.mark.parametrize("bad", ["1234567890", "900515300127", "9005153001271", "90051530012a", "", "ИИН90051530"])
def test_check_digit_wants_11_ascii_digits(bad):
    with pytest.raises(ValueError):
        check_digit(bad)


# --- format --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "900515300127",
        " 900515300127 ",
        "900 515 300 127",
        "900515-300127",
        "9005\t1530\n0127",
        "900\u00a0515\u2011300127",  # a no-break space and a non-breaking hyphen, as pasted from a document
    ],
)
def test_spaces_and_hyphens_are_ignored(raw):
    assert normalize_iin(raw) == VALID
    assert iin_problem(raw) is None
    assert decode(raw) == IinInfo(date(1990, 5, 15), "male")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "90051530012",  # 11 digits
        "9005153001270",  # 13 digits
        "90051530012O",  # a letter O for a zero
        "9005153001.7",
        "+900515300127",
        "٩٠٠٥١٥٣٠٠١٢٧",  # Arabic-Indic digits: str.isdigit() is True, but not an IIN
        "90051530012²",
    ],
)
def test_not_12_digits(raw):
    assert iin_problem(raw) == "not_12_digits"
    assert not is_valid_iin(raw)
    assert decode(raw) is None


digits = st.text(alphabet="0123456789", min_size=11, max_size=11)


@given(prefix=digits, last=st.sampled_from("0123456789"))
def test_exactly_the_right_12th_digit_is_accepted(prefix, last):
    expected = reference_check_digit(prefix)
    assert check_digit(prefix) == expected
    assert is_valid_iin(prefix + last) == (expected is not None and int(last) == expected)
    # So for each prefix at most one IIN is valid, and none when the check digit is None.
    valid = [d for d in "0123456789" if is_valid_iin(prefix + d)]
    assert valid == ([] if expected is None else [str(expected)])


# --- decode ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("century_sex", "birth_date", "sex"),
    [
        ("1", date(1890, 5, 15), "male"),
        ("2", date(1890, 5, 15), "female"),
        ("3", date(1990, 5, 15), "male"),
        ("4", date(1990, 5, 15), "female"),
        ("5", date(2090, 5, 15), "male"),
        ("6", date(2090, 5, 15), "female"),
    ],
)
def test_decode_century_and_sex(century_sex, birth_date, sex):
    assert decode(with_check_digit(f"900515{century_sex}0001")) == IinInfo(birth_date, sex)


@pytest.mark.parametrize("seventh", ["0", "7", "8", "9"])
def test_decode_none_when_the_7th_digit_encodes_no_century(seventh):
    iin = with_check_digit(f"900515{seventh}0002")
    assert is_valid_iin(iin)  # a valid IIN that simply encodes no date of birth
    assert decode(iin) is None


@pytest.mark.parametrize("yymmdd", ["900231", "010229", "901301", "900001", "900500", "900532"])
def test_decode_none_when_the_date_does_not_exist(yymmdd):
    iin = with_check_digit(f"{yymmdd}30003")
    assert is_valid_iin(iin)
    assert decode(iin) is None


def test_decode_29_february_of_a_leap_year():
    assert decode(with_check_digit("000229" + "60004")) == IinInfo(date(2000, 2, 29), "female")
    # 1900 was not a leap year, so with the 1900s digit there is no such date.
    assert decode(with_check_digit("000229" + "40004")) is None


# --- birth date mismatch ---------------------------------------------------------------------------------------


def test_birth_date_mismatch():
    assert not birth_date_mismatch(VALID, date(1990, 5, 15))
    assert birth_date_mismatch(VALID, date(1990, 5, 16))
    assert birth_date_mismatch(VALID, date(1909, 5, 15))  # the typed century differs
    assert birth_date_mismatch(" 900515 300127 ", date(1990, 1, 5))


def test_no_mismatch_when_the_iin_encodes_no_date():
    assert not birth_date_mismatch(with_check_digit("90051500005"), date(1975, 1, 1))  # 7th digit 0
    assert not birth_date_mismatch(with_check_digit("90023130005"), date(1975, 1, 1))  # 31 February
    assert not birth_date_mismatch("not an IIN", date(1975, 1, 1))


# --- make_iin --------------------------------------------------------------------------------------------------


@given(
    birth_date=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)),
    sex=st.sampled_from(["male", "female"]),
    serial=st.integers(min_value=0, max_value=20_000),
)
def test_make_iin_is_valid_and_decodes_back(birth_date, sex, serial):
    iin = make_iin(birth_date, sex, serial)
    assert len(iin) == 12 and iin.isdigit()
    assert iin_problem(iin) is None
    assert decode(iin) == IinInfo(birth_date, sex)
    assert not birth_date_mismatch(iin, birth_date)
    # The serial is used as given, or the next one when it has no check digit.
    assert (int(iin[7:11]) - serial) % 10_000 in (0, 1)


def test_make_iin_skips_a_serial_without_check_digit():
    # 900515 3 0091 has no check digit (see NO_CHECK_DIGIT), so serial 92 is used.
    assert make_iin(date(1990, 5, 15), "male", 91) == with_check_digit("90051530092")
    assert make_iin(date(1990, 5, 15), "male", 12) == VALID


def test_make_iin_refuses_what_it_cannot_encode():
    with pytest.raises(ValueError):
        make_iin(date(1990, 5, 15), "m", 1)
    with pytest.raises(ValueError):
        make_iin(date(2100, 1, 1), "male", 1)


# --- age -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth_date", "day", "age"),
    [
        (date(2008, 6, 10), date(2026, 6, 9), 17),
        (date(2008, 6, 10), date(2026, 6, 10), 18),
        (date(2008, 6, 10), date(2026, 6, 11), 18),
        (date(2008, 6, 10), date(2026, 12, 31), 18),
        (date(2008, 6, 10), date(2027, 1, 1), 18),
        (date(2008, 6, 10), date(2008, 6, 10), 0),
        # Born 29 February: a year older on 1 March in non-leap years, on 29 February in leap years.
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 28), 19),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
        (date(2008, 2, 29), date(2027, 3, 1), 19),
    ],
)
def test_age_on(birth_date, day, age):
    assert age_on(birth_date, day) == age


def test_is_old_enough_on_the_voting_start_date():
    voting_starts = date(2026, 3, 1)
    assert is_old_enough(date(2008, 3, 1), voting_starts, 18)
    assert is_old_enough(date(2008, 2, 29), voting_starts, 18)
    assert not is_old_enough(date(2008, 3, 2), voting_starts, 18)
    assert is_old_enough(date(2010, 3, 2), voting_starts, 15)
    assert not is_old_enough(date(2010, 3, 2), voting_starts, 16)


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "under-16"),
        (15, "under-16"),
        (16, "16-17"),
        (17, "16-17"),
        (18, "18-24"),
        (24, "18-24"),
        (25, "25-34"),
        (34, "25-34"),
        (35, "35-44"),
        (44, "35-44"),
        (45, "45-54"),
        (54, "45-54"),
        (55, "55-64"),
        (64, "55-64"),
        (65, "65+"),
        (120, "65+"),
    ],
)
def test_age_band_boundaries(age, band):
    assert age_band(age) == band


def test_age_bands_in_order_and_short_enough_for_the_database():
    assert [age_band(a) for a in (10, 16, 18, 25, 35, 45, 55, 65)] == list(AGE_BANDS)
    assert max(len(b) for b in AGE_BANDS) <= 8  # Ballot.age_band is a CharField(max_length=8)
