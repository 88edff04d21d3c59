"""Following a proposal by e-mail from its public page, with double opt-in.

`request_follow` records an unconfirmed follow and mails the address a confirmation link; nothing else is mailed to
it until the link is opened and its button pressed (`confirm_follow`). The answer is the same whether or not the
address already follows, so the form tells nobody who follows what. Requests are rate-limited per address and per IP
with the cache counters of the SMS codes; links expire after PB_FOLLOW_CONFIRM_HOURS, and `delete_expired_follows`
(a step of the daily pb_check_implementation) deletes the follows never confirmed.
"""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pb_module.integrations import crypto
from pb_module.models import Proposal, ProposalFollower

from .notifications import send_follow_confirmation
from .proposals import follower_hash
from .voting import _count

logger = logging.getLogger(__name__)

UNKNOWN, EXPIRED, PENDING, CONFIRMED = "unknown", "expired", "pending", "confirmed"


@dataclass(frozen=True)
class FollowLink:
    """What a confirmation link names: its follow (None when unknown) and its state."""

    follower: ProposalFollower | None
    state: str


def confirm_token_hash(token: str) -> str:
    """The only trace of a confirmation link's token that is stored."""
    return crypto.keyed_hash(token, "follow-confirm")


def _expiry() -> timedelta:
    return timedelta(hours=settings.PB_FOLLOW_CONFIRM_HOURS)


def _expired(follower: ProposalFollower, now: datetime) -> bool:
    return (follower.confirm_sent_at or follower.created_at) < now - _expiry()


def _rate_limit_problem(address_hash: str, ip: str) -> str | None:
    """Count this request; a translated message when the IP or the address asked too often."""
    per_ip, ip_window = settings.PB_FOLLOW_MAILS_PER_IP
    if ip and _count(f"pb:follow:ip:{crypto.keyed_hash(ip, 'ip')}", ip_window) > per_ip:
        return _("Too many requests to follow proposals came from your connection. Try again later.")
    per_address, address_window = settings.PB_FOLLOW_MAILS_PER_ADDRESS
    if _count(f"pb:follow:address:{address_hash}", address_window) > per_address:
        return _("Too many confirmation links were requested for this address. Try again tomorrow.")
    return None


def request_follow(*, proposal: Proposal, email: str, language: str, ip: str = "") -> None:
    """Ask `email` to confirm that it follows `proposal`: one mail in `language` with a link (see the module).

    Raises ValidationError (on "email", code "rate_limited") over the limits, saving nothing; a mail that cannot be
    sent saves nothing either (code "mail_failed"). An address that already follows gets no mail and no error.
    """
    email = email.strip().lower()
    digest = follower_hash(email)
    problem = _rate_limit_problem(digest, ip)
    if problem:
        raise ValidationError({"email": [ValidationError(problem, code="rate_limited")]})
    token = secrets.token_urlsafe(32)
    fields = {"language": language, "confirm_token_hash": confirm_token_hash(token), "confirm_sent_at": timezone.now()}
    try:
        with transaction.atomic():
            follower = ProposalFollower.objects.select_for_update().filter(proposal=proposal, email_hash=digest).first()
            if follower is not None and follower.confirmed_at is not None:
                return  # follows already: nothing to confirm, and the visitor is told the same as anyone
            if follower is None:
                follower = ProposalFollower.objects.create(
                    proposal=proposal, email_hash=digest, email_encrypted=crypto.encrypt(email), **fields
                )
            else:  # asked again before confirming: a fresh link, the old one stops working
                for name, value in fields.items():
                    setattr(follower, name, value)
                follower.save(update_fields=list(fields))
            send_follow_confirmation(follower, token, settings.PB_FOLLOW_CONFIRM_HOURS)
    except IntegrityError:  # a parallel request for the same address made the follow; its mail is on its way
        return
    except Exception:
        logger.exception("Could not send the follow confirmation for proposal #%s", proposal.pk)
        raise ValidationError(
            _("We could not send the confirmation e-mail just now. Try again in a few minutes."), code="mail_failed"
        ) from None


def follow_link(token: str) -> FollowLink:
    """The state of the follow that a confirmation link names, changing nothing (mail scanners open links)."""
    follower = (
        ProposalFollower.objects.select_related("proposal").filter(confirm_token_hash=confirm_token_hash(token)).first()
    )
    if follower is None:
        return FollowLink(None, UNKNOWN)
    if follower.confirmed_at is not None:
        return FollowLink(follower, CONFIRMED)
    if _expired(follower, timezone.now()):
        return FollowLink(follower, EXPIRED)
    return FollowLink(follower, PENDING)


@transaction.atomic
def confirm_follow(*, token: str) -> FollowLink:
    """Confirm the follow that `token` names, unless the link is unknown or expired (then nothing changes)."""
    follower = (
        ProposalFollower.objects.select_for_update()
        .select_related("proposal")
        .filter(confirm_token_hash=confirm_token_hash(token))
        .first()
    )
    if follower is None:
        return FollowLink(None, UNKNOWN)
    now = timezone.now()
    if follower.confirmed_at is None:
        if _expired(follower, now):
            return FollowLink(follower, EXPIRED)
        follower.confirmed_at = now
        follower.save(update_fields=["confirmed_at"])
    return FollowLink(follower, CONFIRMED)


def delete_expired_follows(*, now: datetime | None = None) -> int:
    """Delete the follows whose confirmation link expired unused; the number deleted."""
    cutoff = (now or timezone.now()) - _expiry()
    _total, by_model = (
        ProposalFollower.objects.filter(confirmed_at__isnull=True)
        .filter(Q(confirm_sent_at__lt=cutoff) | Q(confirm_sent_at__isnull=True, created_at__lt=cutoff))
        .delete()
    )
    return by_model.get(ProposalFollower._meta.label, 0)
