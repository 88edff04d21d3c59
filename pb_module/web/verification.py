"""The verification step shared by voting and monitoring reports: who the resident is (IIN, date of birth, district,
phone), then the code from the SMS. The verified identity (hashes and statistics only) is kept in the session for a
while; the raw IIN and phone number never are.
"""

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from pb_module import services
from pb_module.web.forms import CodeForm, ResendCodeForm, VerifyVoterForm, add_service_errors

SESSION_KEY = "pb_voters"
PENDING_KEY = "pb_pending"


def session_voter(request, cycle, key: str = SESSION_KEY) -> services.voting.VoterIdentity | None:
    """The identity verified in this session for `cycle` (under `key`: voting and monitoring keep their own)."""
    entry = request.session.get(key, {}).get(str(cycle.pk))
    if not entry or entry["verified_at"] + settings.PB_VOTER_SESSION_SECONDS < time.time():
        return None
    return services.voting.VoterIdentity(entry["voter_hash"], entry["age_band"], entry["sex"], entry["district_id"])


def remember_voter(request, cycle, voter: services.voting.VoterIdentity, key: str = SESSION_KEY):
    voters = request.session.get(key, {})
    voters[str(cycle.pk)] = {**voter.as_session(), "verified_at": time.time()}
    request.session[key] = voters
    request.session.cycle_key()  # a new session id once the voter is verified


def forget_voter(request, cycle, key: str = SESSION_KEY):
    """End the verified session for `cycle` (after a ballot is cast), so the next person on the device cannot use it."""
    if request.session.get(key, {}).pop(str(cycle.pk), None) is not None:
        request.session.modified = True


def pending_verification(request, cycle, key: str = PENDING_KEY) -> dict | None:
    """The verification waiting for its SMS code in this session: {"voter_hash", "phone", "started_at"}.

    "phone" is only the masked number (+7 7•• ••• •• 12); neither the IIN nor the phone number is kept. It lasts
    PB_VOTER_SESSION_SECONDS from the check of the resident's details, resends included.
    """
    entry = request.session.get(key, {}).get(str(cycle.pk))
    if isinstance(entry, str):  # kept by the flow before the code step could be resumed: the hash only
        entry = {"voter_hash": entry, "phone": "", "started_at": time.time()}
    if not entry or entry["started_at"] + settings.PB_VOTER_SESSION_SECONDS < time.time():
        return None
    return entry


def _keep_pending(request, cycle, key: str, entry: dict | None):
    pending = request.session.get(key, {})
    if entry is None:
        pending.pop(str(cycle.pk), None)
    else:
        pending[str(cycle.pk)] = entry
    request.session[key] = pending


def verification_step(
    request, page, cycle, render_step, *, done, purpose="voting", session_key=SESSION_KEY, pending_key=PENDING_KEY
):
    """Who the resident is (IIN, date of birth, district, phone), then the code from the SMS; once confirmed, the
    identity is remembered under `session_key` and the resident is sent to `page.url + done`.

    `render_step(step, extra context, status)` renders the "verify" or the "code" step.

    While a code is pending, coming back (GET) shows the code step again, with the masked number, a form to send a
    new code (the phone number typed again: it is not kept; the IIN is not asked again) with the wait before it is
    allowed, and "Change details" (POST step=restart), which forgets the pending verification."""
    pending = pending_verification(request, cycle, pending_key)
    ip = request.META.get("REMOTE_ADDR", "")
    step = request.POST.get("step") if request.method == "POST" else None

    def code_step(form=None, resend_form=None, status=200, resent=False):
        wait = services.voting.resend_wait(cycle=cycle, hashed_iin=pending["voter_hash"], ip=ip)
        extra = {
            "form": form or CodeForm(),
            "resend_form": resend_form or ResendCodeForm(),
            "masked_phone": pending["phone"],
            "resend_wait": wait,
            "resend_wait_text": services.voting.format_wait(wait),
            "resent": resent,
        }
        return render_step("code", extra, status)

    if step == "restart":
        _keep_pending(request, cycle, pending_key, None)
        return redirect(page.url + done)
    if pending and step == "code":
        form = CodeForm(request.POST)
        if form.is_valid():
            try:
                voter = services.voting.confirm_verification(
                    cycle=cycle, hashed_iin=pending["voter_hash"], code=form.cleaned_data["code"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _keep_pending(request, cycle, pending_key, None)
                remember_voter(request, cycle, voter, key=session_key)
                return redirect(page.url + done)
        return code_step(form=form, status=400)
    if pending and step == "resend":
        resend_form = ResendCodeForm(request.POST)
        if resend_form.is_valid():
            phone = resend_form.cleaned_data["phone"]
            try:
                services.voting.resend_code(
                    cycle=cycle, hashed_iin=pending["voter_hash"], phone=phone, ip=ip, purpose=purpose
                )
            except ValidationError as error:
                add_service_errors(resend_form, error)
            else:
                pending = {**pending, "phone": services.voting.mask_phone(phone)}
                _keep_pending(request, cycle, pending_key, pending)
                return code_step(resent=True)
        return code_step(resend_form=resend_form, status=400)
    if pending and request.method != "POST":
        return code_step()
    form = VerifyVoterForm(request.POST if request.method == "POST" else None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.voting.start_verification(
                cycle=cycle,
                iin=data["iin"],
                birth_date=data["birth_date"],
                district=data["district"],
                phone=data["phone"],
                ip=request.META.get("REMOTE_ADDR", ""),
                confirm_date_mismatch=data["confirm_date_mismatch"],
                purpose=purpose,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            pending = {
                "voter_hash": services.voting.voter_hash(data["iin"]),
                "phone": services.voting.mask_phone(data["phone"]),
                "started_at": time.time(),
            }
            _keep_pending(request, cycle, pending_key, pending)
            return code_step()
    show_mismatch = any(e.code == "date_mismatch" for e in form.errors.as_data().get("birth_date", []))
    return render_step("verify", {"form": form, "show_mismatch": show_mismatch}, 400 if form.errors else 200)
