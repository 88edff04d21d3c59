"""Whole numbers and ids as people type them (pb_module/rules/text.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pb_module.rules.text import MAX_DB_INTEGER, is_db_id, whole_number


@pytest.mark.parametrize("text, number", [("0", 0), ("7", 7), ("0012", 12), ("12500000", 12_500_000)])
def test_ascii_digits_are_a_whole_number(text, number):
    assert whole_number(text) == number


@pytest.mark.parametrize(
    "text", ["", " 1", "-1", "+1", "1.0", "1e3", "1_000", "²", "1²", "①", "١٢", "١", "𝟙", "9" * 101, None, 12]
)
def test_anything_else_is_none(text):
    # "²", "①": str.isdigit() says digits, int() refuses them; "١٢", "𝟙": int() reads them, nobody types them.
    assert whole_number(text) is None


@given(st.text(max_size=120))
def test_whole_number_never_raises_and_agrees_with_int_on_ascii_digits(text):
    number = whole_number(text)
    if number is not None:
        assert number == int(text) and text.isascii()


def test_a_database_id_fits_a_bigint():
    assert is_db_id(1) and is_db_id(MAX_DB_INTEGER)
    assert not any(is_db_id(v) for v in (0, -1, MAX_DB_INTEGER + 1, 10**20, True, "1", 1.0, None))
