"""Registering for a public meeting without an account, cancelling, and the waiting list.

A registration keeps the name and the contact (an e-mail address or a mobile number) encrypted; a keyed hash of the
contact makes one registration per person and meeting, and a keyed hash of the cancel link's token is all that
names the link. While the meeting has free places a registration gets one; when it is full the next ones wait, and
a cancelled place goes to the first one waiting, who is told. Registrations of every language version of a meeting
are one list: they belong to the page in the source language.
"""

import logging
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from pb_module import permissions
from pb_module.integrations import crypto, sms
from pb_module.models import MeetingPage, Registration
from pb_module.rules import calendar

from .voting import _count, normalize_phone

logger = logging.getLogger(__name__)
State = Registration.State
REGISTRATIONS_PER_IP = (20, 3600)  # a public centre may register a few people from one connection


@dataclass(frozen=True)
class Registered:
    registration: Registration
    token: str  # the cancel link's token: shown once, never stored


def cancel_token_hash(token: str) -> str:
    return crypto.keyed_hash(token, "meeting-cancel")


def contact_kind(contact: str) -> tuple[str, str]:
    """("email" | "phone", the contact normalised); ValidationError (on "contact") when it is neither."""
    contact = contact.strip()
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            message = _("Enter a valid e-mail address.")
            raise ValidationError({"contact": ValidationError(message, code="contact")}) from None
        return "email", contact.lower()
    digits = normalize_phone(contact)
    if re.fullmatch(r"7\d{10}", digits):
        return "phone", digits
    message = _("Give a mobile number (+7 7XX XXX XX XX) or an e-mail address.")
    raise ValidationError({"contact": ValidationError(message, code="contact")})


def registration_problem(meeting: MeetingPage) -> str | None:
    """Why nobody can register now (translated), or None."""
    if meeting.is_past:
        return _("This meeting has taken place: registration is closed.")
    if not meeting.registration_open:
        return _("Registration for this meeting is closed.")
    return None


def places_left(meeting: MeetingPage) -> int | None:
    """Free places (None: no limit)."""
    source = meeting.source
    if source.capacity is None:
        return None
    taken = Registration.objects.filter(meeting=source, state=State.CONFIRMED).count()
    return max(source.capacity - taken, 0)


@transaction.atomic
def register(*, meeting: MeetingPage, name: str, contact: str, language: str, ip: str = "") -> Registered:
    """Register `name` for `meeting` with `contact`: a place while there are places, else the waiting list.

    ValidationError (nothing saved) when registration is closed, the name is empty, the contact is neither a mobile
    number nor an e-mail address, this contact is already registered, or one connection registered too often. The
    confirmation with the cancel link goes by e-mail or SMS once the registration is saved.
    """
    source = MeetingPage.objects.select_for_update().get(pk=meeting.source.pk)  # one place, one registration
    if problem := registration_problem(source):
        raise ValidationError(problem, code="closed")
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": ValidationError(_("Give your name."), code="name")})
    kind, contact = contact_kind(contact)
    contact_hash = crypto.keyed_hash(contact, "meeting-contact")
    if Registration.objects.filter(meeting=source, contact_hash=contact_hash).exclude(state=State.CANCELLED).exists():
        message = _("This contact is already registered for this meeting.")
        raise ValidationError({"contact": ValidationError(message, code="duplicate")})
    per_ip, window = REGISTRATIONS_PER_IP
    if ip and _count(f"pb:meeting:ip:{crypto.keyed_hash(ip, 'ip')}", window) > per_ip:
        raise ValidationError(_("Too many registrations came from your connection. Try again later."), code="rate")
    full = source.capacity is not None and places_left(source) == 0
    token = secrets.token_urlsafe(24)
    registration = Registration.objects.create(
        meeting=source,
        name_encrypted=crypto.encrypt(name),
        contact_encrypted=crypto.encrypt(contact),
        contact_hash=contact_hash,
        cancel_token_hash=cancel_token_hash(token),
        state=State.WAITING if full else State.CONFIRMED,
        language=language,
    )
    transaction.on_commit(lambda: _tell(registration, kind, contact, meeting, token, "registered"))
    return Registered(registration, token)


def by_token(meeting: MeetingPage, token: str) -> Registration | None:
    """The registration a cancel link names, for this meeting (in any language), or None."""
    return Registration.objects.filter(meeting=meeting.source, cancel_token_hash=cancel_token_hash(token)).first()


@transaction.atomic
def cancel(*, meeting: MeetingPage, token: str) -> Registration | None:
    """Cancel the registration named by `token`; its place goes to the first one waiting, who is told. None when the
    link names nothing; a registration already cancelled stays as it is."""
    MeetingPage.objects.select_for_update().get(pk=meeting.source.pk)
    registration = by_token(meeting, token)
    if registration is None or registration.state == State.CANCELLED:
        return registration
    had_place = registration.state == State.CONFIRMED
    registration.state, registration.cancelled_at = State.CANCELLED, timezone.now()
    registration.save(update_fields=["state", "cancelled_at"])
    if had_place and not meeting.source.is_past:
        waiting = Registration.objects.filter(meeting=meeting.source, state=State.WAITING).order_by("created_at", "pk")
        promoted = waiting.first()
        if promoted is not None:
            promoted.state = State.CONFIRMED
            promoted.save(update_fields=["state"])
            kind, contact = contact_kind(promoted.contact)
            transaction.on_commit(lambda: _tell(promoted, kind, contact, meeting, None, "promoted"))
    return registration


def _tell(registration: Registration, kind: str, contact: str, meeting: MeetingPage, token, event: str) -> None:
    """The confirmation (with the cancel link, and the .ics by e-mail) or the news of a place freed, in the
    registrant's language. A message that cannot be sent is logged; the registration stands."""
    try:
        with translation.override(registration.language), timezone.override(settings.TIME_ZONE):
            locale = Locale.objects.filter(language_code=registration.language).first()
            page = (meeting.source.get_translation_or_none(locale) if locale else None) or meeting
            cancel_url = urljoin(page.full_url, f"cancel/{token}/") if token else ""
            context = {"page": page, "registration": registration, "cancel_url": cancel_url, "event": event}
            if kind == "email":
                message = EmailMessage(
                    subject=_("Your registration: %(title)s") % {"title": page.title},
                    body=render_to_string("pb_module/email/meeting_registration.txt", context),
                    to=[contact],
                    headers={"Auto-Submitted": "auto-generated"},
                )
                message.attach("meeting.ics", calendar.event(**event_fields(page)), "text/calendar")
                message.send()
            else:
                sms.get_backend().send(contact, render_to_string("pb_module/email/meeting_registration.sms", context))
    except Exception:
        logger.exception("Could not tell registration #%s of meeting #%s", registration.pk, registration.meeting_id)


def event_fields(page: MeetingPage) -> dict:
    """What the .ics file says of `page`: in its language, times in UTC."""
    where = ", ".join(part for part in (page.address, page.centre.name if page.centre else "") if part)
    return {
        "uid": f"meeting-{page.translation_key}@qatysu",
        "title": page.title,
        "starts_at": page.starts_at,
        "ends_at": page.ends_at,
        "location": where or page.online_url,
        "url": page.full_url or "",
        "stamp": page.last_published_at or timezone.now(),
    }


@transaction.atomic
def propose_meeting(*, user, parent, title: str, kind: str, starts_at, territory, address: str, agenda: str):
    """A meeting an NGO representative proposes: a draft page under `parent` (a cycle or the meetings section),
    never live, submitted to the moderators' workflow where there is one; a moderator publishes it. PermissionDenied
    for anyone who may not propose; ValidationError for a meeting in the past or without a title."""
    if not permissions.may_propose_meeting(user):
        raise PermissionDenied
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": ValidationError(_("Give the meeting a title."), code="title")})
    if starts_at <= timezone.now():
        raise ValidationError(
            {"starts_at": ValidationError(_("A meeting is proposed for a day to come."), code="past")}
        )
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in agenda.splitlines() if line.strip())
    page = MeetingPage(
        title=title,
        slug=find_available_slug(parent, slugify(title, allow_unicode=True)[:80].strip("-") or "meeting"),
        kind=kind,
        starts_at=starts_at,
        territory=territory,
        address=address.strip(),
        agenda=paragraphs,
        live=False,
        owner=user,
    )
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return revision.as_object()
