"""Pluggable identity check of a voter (settings.PB_IDENTITY_BACKEND).

The built-in backend checks the IIN itself (check digit) and reads what the digits may tell;
an eGov or digital-signature backend can replace it and supply the registry's date of birth and sex.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string

from pb_module.rules import iin as iin_rules


@dataclass(frozen=True)
class IdentityResult:
    problem: str | None  # "not_12_digits", "bad_check_digit", or a backend's own code
    registry_birth_date: date | None = None  # when a registry vouches for it, eligibility uses this date
    sex: str = ""
    date_mismatch: bool = False  # the IIN digits encode another date: probably a typo; the voter may confirm


class BuiltinIdentityBackend:
    name = "builtin"

    def check(self, iin: str, birth_date: date) -> IdentityResult:
        if problem := iin_rules.iin_problem(iin):
            return IdentityResult(problem)
        info = iin_rules.decode(iin)
        return IdentityResult(
            None,
            sex=info.sex if info else "",
            date_mismatch=iin_rules.birth_date_mismatch(iin, birth_date),
        )


def get_backend():
    return import_string(settings.PB_IDENTITY_BACKEND)()
