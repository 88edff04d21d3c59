from datetime import date

from words.formatting import NARROW_NBSP, format_date, format_number


def test_numbers_group_thousands_per_language():
    assert format_number(3915, "kk") == f"3{NARROW_NBSP}915"
    assert format_number(55_380_000, "ru") == f"55{NARROW_NBSP}380{NARROW_NBSP}000"
    assert format_number(55_380_000, "en") == "55,380,000"
    assert format_number(218, "en") == "218"


def test_decimals_use_a_comma_in_kazakh_and_russian():
    assert format_number(0.0372, "ru", decimals=4) == "0,0372"
    assert format_number(1234.5, "kk", decimals=1) == f"1{NARROW_NBSP}234,5"
    assert format_number(1234.5, "en", decimals=1) == "1,234.5"


def test_dates_in_words():
    adopted = date(2021, 8, 18)
    assert format_date(adopted, "kk") == "2021 жылғы 18 тамыз"
    assert format_date(adopted, "ru") == "18 августа 2021\u00a0г."
    assert format_date(adopted, "en") == "18 August 2021"
    assert format_date(date(2024, 1, 5), "ru-RU") == "5 января 2024\u00a0г."
