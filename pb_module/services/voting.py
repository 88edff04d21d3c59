"""Verification of voters and casting of ballots.

Only keyed hashes of the IIN and the phone number are stored, with an age band, sex and district
for statistics. Counters for lockouts and rate limits live in the cache (Redis when configured,
so every app server sees the same counts).
"""

import hmac
import math
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pb_module import permissions
from pb_module.integrations import identity, sms
from pb_module.models import Ballot, BallotItem, Channel, PBCyclePage, Receipt, Territory
from pb_module.models import VerificationChallenge as Challenge
from pb_module.rules import ballots as ballot_rules
from pb_module.rules import iin as iin_rules
from pb_module.rules.money import format_tenge
from pb_module.selectors.voting import (
    ballot_costs,
    voting_open,
    voting_start,
)

RESEND_AFTER_SECONDS = 60  # the shortest wait between two codes for one pending verification


def _hash(value: str, purpose: str) -> str:
    key = f"qatysu-{purpose}:{settings.PB_VOTER_HASH_KEY}".encode()
    return hmac.new(key, value.encode(), "sha256").hexdigest()


def voter_hash(iin: str) -> str:
    """The only trace of an IIN that is stored: HMAC-SHA256 under PB_VOTER_HASH_KEY."""
    return _hash(iin_rules.normalize_iin(iin), "iin")


def mask_phone(phone_digits: str) -> str:
    """What the code step shows of the number the code went to: +7 7•• ••• •• 12 (country, first and last two
    digits). Only this is kept in the session, never the number."""
    digits = normalize_phone(phone_digits)
    if len(digits) == 11 and digits.startswith("7"):
        return f"+7 {digits[1]}•• ••• •• {digits[-2:]}"
    if len(digits) < 4:
        return ""
    return f"+{digits[0]}{'•' * (len(digits) - 3)}{digits[-2:]}"


def normalize_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]  # 8 7xx ... is the domestic form of +7 7xx ...
    return digits


@dataclass(frozen=True)
class VoterIdentity:
    voter_hash: str
    age_band: str
    sex: str
    district_id: int

    def as_session(self) -> dict:
        return {
            "voter_hash": self.voter_hash,
            "age_band": self.age_band,
            "sex": self.sex,
            "district_id": self.district_id,
        }


def _error(code: str, message, field: str | None = None):
    return ValidationError(
        {field: [ValidationError(message, code=code)]} if field else ValidationError(message, code=code)
    )


def check_voter(
    *, cycle: PBCyclePage, iin: str, birth_date: date, district: Territory, confirm_date_mismatch: bool = False
) -> VoterIdentity:
    """Who may vote: a real IIN, old enough on the first day of voting, living in the cycle's territory.

    Age is decided on the registry's date of birth, else on the date the IIN encodes, and only when it encodes none
    on the typed date (`iin_rules.eligibility_birth_date`): a typed date that differs only ever gives a warning.
    """
    iin = iin_rules.normalize_iin(iin)
    result = identity.get_backend().check(iin, birth_date)
    if result.problem:
        raise _error(
            result.problem, _("Check the IIN: it must be 12 digits and its last digit must match the others."), "iin"
        )
    born = iin_rules.eligibility_birth_date(iin, birth_date, result.registry_birth_date)
    first_day = voting_start(cycle)
    if not iin_rules.is_old_enough(born, first_day, cycle.min_voter_age):
        raise _error(
            "too_young",
            ngettext(
                "Residents aged %(age)s and over on the first day of voting can vote.",
                "Residents aged %(age)s and over on the first day of voting can vote.",
                cycle.min_voter_age,
            )
            % {"age": cycle.min_voter_age},
            "birth_date",
        )
    if result.date_mismatch and not confirm_date_mismatch:
        raise _error(
            "date_mismatch",
            _(
                "The IIN seems to encode another date of birth. If the IIN and the date "
                "are right, tick the box to confirm."
            ),
            "birth_date",
        )
    if not cycle.territory.contains(district):
        raise _error("district", _("Choose a district within the territory of this cycle."), "district")
    age = iin_rules.age_on(born, first_day)
    return VoterIdentity(voter_hash(iin), iin_rules.age_band(age), result.sex, district.pk)


def _locked(*hashes) -> bool:
    return any(cache.get(f"pb:lock:{h}") for h in hashes)


def _count(key: str, window: int) -> int:
    """Increment a counter that lives `window` seconds from its first use (`<key>:ends` says until when)."""
    if cache.add(key, 0, window):
        cache.set(f"{key}:ends", time.time() + window, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        cache.set(f"{key}:ends", time.time() + window, window)
        return 1


def start_verification(
    *,
    cycle: PBCyclePage,
    iin: str,
    birth_date: date,
    district: Territory,
    phone: str,
    ip: str = "",
    confirm_date_mismatch: bool = False,
    purpose: str = "voting",
) -> Challenge:
    """Check the voter and send a one-time code to their phone.

    `purpose="monitoring"`: the same checks of a resident who files a monitoring report, at any time (voting need
    not be open); the SMS says what the code is for.
    """
    cycle = cycle.canonical()
    if purpose not in ("voting", "monitoring"):
        raise ValueError(f"unknown purpose {purpose!r}")
    if purpose == "voting" and not voting_open(cycle):
        raise _error("voting_closed", _("Voting in this cycle is not open now."))
    phone_digits = normalize_phone(phone)
    if not 10 <= len(phone_digits) <= 15:
        raise _error("phone", _("Enter a mobile phone number with its code, e.g. +7 701 234 56 78."), "phone")
    voter = check_voter(
        cycle=cycle, iin=iin, birth_date=birth_date, district=district, confirm_date_mismatch=confirm_date_mismatch
    )
    return _send_code(cycle=cycle, voter=voter, phone_digits=phone_digits, ip=ip, purpose=purpose)


def _send_code(*, cycle, voter: VoterIdentity, phone_digits: str, ip: str, purpose: str) -> Challenge:
    """A new one-time code for a checked voter, within the locks and the per-phone and per-address limits."""
    phone_hash = _hash(phone_digits, "phone")
    if _locked(voter.voter_hash, phone_hash):
        raise _error("locked", _("Too many wrong codes. Try again in 15 minutes."))
    per_phone, phone_window = settings.PB_SMS_PER_PHONE
    per_ip, ip_window = settings.PB_SMS_PER_IP
    if _count(f"pb:sms:phone:{phone_hash}", phone_window) > per_phone or (
        ip and _count(f"pb:sms:ip:{_hash(ip, 'ip')}", ip_window) > per_ip
    ):
        raise _error("rate_limited", _("Too many codes were requested. Wait a few minutes and try again."))
    backend = sms.get_backend()
    code = backend.generate_code()
    now = timezone.now()
    challenge = Challenge.objects.create(
        cycle=cycle,
        voter_hash=voter.voter_hash,
        phone_hash=phone_hash,
        code_hash=_hash(f"{voter.voter_hash}:{code}", "otp"),
        age_band=voter.age_band,
        sex=voter.sex,
        district_id=voter.district_id,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.PB_OTP_TTL_SECONDS),
    )
    if purpose == "monitoring":
        message = _("Qatysu: your code for a monitoring report is %(code)s. It is valid for 5 minutes.")
    else:
        message = _("Qatysu: your voting code is %(code)s. It is valid for 5 minutes.")
    backend.send(phone_digits, message % {"code": code})
    return challenge


def _pending_challenge(cycle, hashed_iin: str) -> Challenge | None:
    """The latest code sent to this voter in `cycle` and not used yet."""
    return (
        Challenge.objects.filter(cycle=cycle, voter_hash=hashed_iin, confirmed_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def _window_wait(key: str, limit: int, now: float) -> int:
    """Seconds until the counter `key` (see `_count`) lets one more send through; 0 when it does now."""
    if (cache.get(key) or 0) < limit:
        return 0
    ends = cache.get(f"{key}:ends")
    return max(0, math.ceil(ends - now)) if ends else 0


def resend_wait(*, cycle: PBCyclePage, hashed_iin: str, ip: str = "") -> int:
    """Seconds before a new code can be sent to the voter whose code is pending: at least RESEND_AFTER_SECONDS
    after the last one, and within the limits per phone (of the last code) and per address; 0 when it can now."""
    cycle = cycle.canonical()
    challenge = _pending_challenge(cycle, hashed_iin)
    now = timezone.now()
    waits = [0]
    if challenge is not None:
        waits.append(math.ceil(RESEND_AFTER_SECONDS - (now - challenge.created_at).total_seconds()))
        waits.append(
            _window_wait(f"pb:sms:phone:{challenge.phone_hash}", settings.PB_SMS_PER_PHONE[0], now.timestamp())
        )
    if ip:
        waits.append(_window_wait(f"pb:sms:ip:{_hash(ip, 'ip')}", settings.PB_SMS_PER_IP[0], now.timestamp()))
    return max(waits)


def format_wait(seconds: int) -> str:
    """A wait as minutes and seconds, 0:45 or 9:05: read the same in every language, no plural forms."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def resend_code(*, cycle: PBCyclePage, hashed_iin: str, phone: str, ip: str = "", purpose: str = "voting") -> Challenge:
    """A new code for a voter whose details were checked (`start_verification`) and whose code is pending.

    The voter types the phone number again: it is never kept, not even in the session (so it may also be another
    number, when the first one was mistyped). The IIN is not asked again: the pending code's hash and statistics are.
    """
    cycle = cycle.canonical()
    if purpose not in ("voting", "monitoring"):
        raise ValueError(f"unknown purpose {purpose!r}")
    if purpose == "voting" and not voting_open(cycle):
        raise _error("voting_closed", _("Voting in this cycle is not open now."))
    challenge = _pending_challenge(cycle, hashed_iin)
    if challenge is None:
        raise _error("no_code", _("Request a code first."))
    phone_digits = normalize_phone(phone)
    if not 10 <= len(phone_digits) <= 15:
        raise _error("phone", _("Enter a mobile phone number with its code, e.g. +7 701 234 56 78."), "phone")
    wait = resend_wait(cycle=cycle, hashed_iin=hashed_iin, ip=ip)
    if wait:
        raise _error(
            "resend_too_soon", _("You can ask for a new code in %(time)s.") % {"time": format_wait(wait)}, "phone"
        )
    voter = VoterIdentity(hashed_iin, challenge.age_band, challenge.sex, challenge.district_id)
    return _send_code(cycle=cycle, voter=voter, phone_digits=phone_digits, ip=ip, purpose=purpose)


def confirm_verification(*, cycle: PBCyclePage, hashed_iin: str, code: str) -> VoterIdentity:
    """Check the one-time code; after 5 wrong codes the IIN and the phone are locked for 15 minutes.

    `hashed_iin` is `voter_hash(iin)`: the web flow keeps only that between the two steps.
    """
    cycle = cycle.canonical()
    hashed = hashed_iin
    challenge = _pending_challenge(cycle, hashed)
    if challenge is None:
        raise _error("no_code", _("Request a code first."), "code")
    if _locked(hashed, challenge.phone_hash):
        raise _error("locked", _("Too many wrong codes. Try again in 15 minutes."), "code")
    if challenge.expires_at < timezone.now():
        raise _error("code_expired", _("The code has expired. Request a new one."), "code")
    given = _hash(f"{hashed}:{(code or '').strip()}", "otp")
    if not hmac.compare_digest(given, challenge.code_hash):
        lock = settings.PB_OTP_LOCK_SECONDS
        wrong = max(_count(f"pb:wrong:{hashed}", lock), _count(f"pb:wrong:{challenge.phone_hash}", lock))
        if wrong >= settings.PB_OTP_MAX_WRONG:
            for h in (hashed, challenge.phone_hash):
                cache.set(f"pb:lock:{h}", 1, lock)
            raise _error("locked", _("Too many wrong codes. Try again in 15 minutes."), "code")
        raise _error(
            "wrong_code",
            _("The code is not right. Attempts left: %(left)s.") % {"left": settings.PB_OTP_MAX_WRONG - wrong},
            "code",
        )
    Challenge.objects.filter(pk=challenge.pk).update(confirmed_at=timezone.now())
    cache.delete_many([f"pb:wrong:{hashed}", f"pb:wrong:{challenge.phone_hash}"])
    return VoterIdentity(hashed, challenge.age_band, challenge.sex, challenge.district_id)


def ballot_rules_of(cycle: PBCyclePage) -> ballot_rules.BallotRules:
    return ballot_rules.BallotRules(
        ballot_type=cycle.ballot_type,
        min_choices=cycle.ballot_min_choices,
        max_choices=cycle.ballot_max_choices,
        budget=cycle.total_budget,
        max_points=cycle.ballot_max_points,
        max_points_per_proposal=cycle.ballot_max_points_per_proposal,
    )


def problem_message(problem: ballot_rules.BallotProblem, language: str | None = None) -> str:
    """A translated sentence naming the rule a ballot breaks."""
    messages = {
        "empty": _("Choose at least one proposal."),
        "unknown_proposal": _("Some of the chosen proposals are not on this ballot."),
        "points_not_positive": _("Points must be whole numbers greater than zero."),
        "one_point_each": _("On this ballot each chosen proposal gets exactly one vote."),
        "too_few": _("Choose at least %(min)s proposals (you chose %(given)s)."),
        "too_many": _("Choose at most %(max)s proposals (you chose %(given)s)."),
        "choose_exactly_one": _("Choose exactly one proposal."),
        "over_budget": _("The chosen proposals cost %(total)s, more than the budget of %(budget)s."),
        "too_many_points": _("You can give at most %(max)s points in all (you gave %(given)s)."),
        "too_many_points_for_one": _("You can give at most %(max)s points to one proposal."),
    }
    values = {k: (format_tenge(v, language) if k in ("total", "budget") else v) for k, v in problem.params.items()}
    return messages[problem.code] % values


RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a public centre
# Cyrillic letters that look like Latin ones, typed when the keyboard is left in Kazakh or Russian.
_RECEIPT_LOOKALIKES = str.maketrans("АВЕКМНРСТХ", "ABEKMHPCTX")


def new_receipt_code() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalize_receipt_code(code: str) -> str:
    """A receipt code however it was typed: abcd efgh jklm, ABCDEFGHJKLM, Abcd–efgh–jklm -> ABCD-EFGH-JKLM.

    Everything but the letters and digits of the code alphabet is dropped and the dashes go back in the canonical
    4-4-4 form; what is not 12 such characters is returned as it is left (it matches no receipt).
    """
    text = unicodedata.normalize("NFKC", code or "").upper().translate(_RECEIPT_LOOKALIKES)
    raw = "".join(ch for ch in text if ch in RECEIPT_ALPHABET)
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else raw


def receipt_hash(code: str) -> str:
    return _hash(normalize_receipt_code(code), "receipt")


@dataclass
class CastResult:
    ballot: Ballot
    receipt: str
    replaced: bool


def cast_ballot(
    *,
    cycle: PBCyclePage,
    voter: VoterIdentity,
    items: dict[int, int],
    channel: str = Channel.ONLINE,
    operator=None,
    language: str | None = None,
) -> CastResult:
    """Record the voter's ballot: one per voter per cycle; replaced only where the cycle allows it."""
    cycle = cycle.canonical()
    if not voting_open(cycle):
        raise _error("voting_closed", _("Voting in this cycle is not open now."))
    costs = ballot_costs(cycle)
    problems = ballot_rules.validate_ballot(items, costs, ballot_rules_of(cycle))
    if problems:
        raise ValidationError([ValidationError(problem_message(p, language), code=p.code) for p in problems])
    now = timezone.now()
    code = new_receipt_code()
    with transaction.atomic():
        replaced = False
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(
                    cycle=cycle,
                    voter_hash=voter.voter_hash,
                    age_band=voter.age_band,
                    sex=voter.sex,
                    district_id=voter.district_id,
                    channel=channel,
                    operator=operator,
                    cast_at=now,
                )
        except IntegrityError:
            ballot = Ballot.objects.select_for_update().get(cycle=cycle, voter_hash=voter.voter_hash)
            if cycle.ballot_final:
                raise _error("already_voted", _("A ballot from this voter is already counted in this cycle.")) from None
            ballot.items.all().delete()
            ballot.receipts.filter(superseded_at=None).update(superseded_at=now)
            ballot.cast_at, ballot.channel, ballot.operator = now, channel, operator
            ballot.times_replaced += 1
            ballot.save(update_fields=["cast_at", "channel", "operator", "times_replaced"])
            replaced = True
        BallotItem.objects.bulk_create(
            [BallotItem(ballot=ballot, proposal_id=pk, points=points) for pk, points in items.items()]
        )
        Receipt.objects.create(code_hash=receipt_hash(code), ballot=ballot, issued_at=now)
    return CastResult(ballot, code, replaced)


def cast_assisted_ballot(
    *, cycle, operator, iin, birth_date, district, items, confirm_date_mismatch=False, language=None
) -> CastResult:
    """A public-centre operator records a ballot for a resident in person (IIN and birth date checked alike)."""
    if not permissions.may_cast_assisted_ballots(operator):
        raise PermissionDenied
    cycle = cycle.canonical()
    voter = check_voter(
        cycle=cycle, iin=iin, birth_date=birth_date, district=district, confirm_date_mismatch=confirm_date_mismatch
    )
    return cast_ballot(
        cycle=cycle, voter=voter, items=items, channel=Channel.ASSISTED, operator=operator, language=language
    )


def check_receipt(code: str) -> dict | None:
    """What a receipt says publicly: the cycle and when it was cast, and whether it still counts."""
    receipt = (
        Receipt.objects.filter(code_hash=receipt_hash(code or "")).select_related("ballot", "ballot__cycle").first()
    )
    if receipt is None:
        return None
    return {
        "counted": receipt.superseded_at is None,
        "cast_at": receipt.issued_at,
        "superseded_at": receipt.superseded_at,
        "cycle": receipt.ballot.cycle,
    }
