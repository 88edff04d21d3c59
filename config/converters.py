"""Path converters of the site's URLs."""

from pb_module.rules.text import is_db_id


class IdConverter:
    """A database id: ASCII digits whose number an id column can hold. A longer number matches no URL, so the
    answer is the 404 page (the database would refuse to look it up: a 500)."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)  # a ValueError (past 4300 digits) also means "no match"
        if not is_db_id(number):
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(value)
