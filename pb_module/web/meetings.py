"""Public meetings: the meeting page with its registration form, registering and cancelling without an account, the
.ics file, and the catalogue of meetings by place and date."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from pb_module import permissions, services
from pb_module.models import MeetingPage, Registration, Territory
from pb_module.rules import calendar
from pb_module.rules.text import is_db_id
from pb_module.selectors import meetings as selectors
from pb_module.selectors.implementation import PUBLIC_PHOTO_SPEC, prefetch_renditions
from pb_module.web.forms import MeetingProposalForm, RegistrationForm, add_service_errors
from pb_module.web.results import proposal_pages


def _agenda(page) -> list[dict]:
    """The proposals on the agenda with their page in the meeting's language (else their own), read in one query."""
    rows = list(page.discussed.all())
    pages = proposal_pages([row.proposal_id for row in rows], page.locale_id)
    return [{"row": row, "page": pages.get(row.proposal_id)} for row in rows]


def _photos(page) -> list:
    photos = list(page.photos.select_related("image"))
    prefetch_renditions([photo.image for photo in photos], [PUBLIC_PHOTO_SPEC])
    return photos


def _context(page, form=None) -> dict:
    problem = services.meetings.registration_problem(page)
    return {
        "page": page,
        "self": page,
        "form": form if form is not None else (RegistrationForm() if problem is None else None),
        "closed": problem,
        "places_left": services.meetings.places_left(page),
        "discussed": _agenda(page),
        "photos": _photos(page),
        "documents": list(page.documents.select_related("document")),
    }


def meeting_view(request, page):
    return TemplateResponse(request, "pb_module/meeting_page.html", _context(page))


@never_cache
def register_view(request, page):
    """POST: a place, or the waiting list; the answer page shows which, with the cancel link and the .ics."""
    if request.method != "POST":
        return redirect(page.url + "#register")
    form = RegistrationForm(request.POST)
    if form.is_valid():
        try:
            registered = services.meetings.register(
                meeting=page,
                name=form.cleaned_data["name"],
                contact=form.cleaned_data["contact"],
                language=get_language(),
                ip=request.META.get("REMOTE_ADDR", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            context = {"page": page, "self": page, "registration": registered.registration}
            context["cancel_url"] = f"{page.url}cancel/{registered.token}/"
            return TemplateResponse(request, "pb_module/meeting_registered.html", context, status=201)
    return TemplateResponse(request, "pb_module/meeting_page.html", _context(page, form), status=400)


@never_cache
def cancel_view(request, page, token):
    """GET asks (a mail scanner opening the link cancels nothing); POST cancels."""
    registration = services.meetings.by_token(page, token)
    if registration is None:
        raise Http404
    done = False
    if request.method == "POST" and registration.state != Registration.State.CANCELLED:
        services.meetings.cancel(meeting=page, token=token)
        registration.refresh_from_db()
        done = True
    context = {"page": page, "self": page, "registration": registration, "done": done}
    return TemplateResponse(request, "pb_module/meeting_cancel.html", context)


def calendar_view(request, page_id):
    """The .ics file of a live public meeting, in the URL's language (any language version's id finds it)."""
    page = get_object_or_404(MeetingPage.objects.live().public(), pk=page_id)
    page = page.get_translation_or_none(Locale.get_active()) or page
    response = HttpResponse(
        calendar.event(**services.meetings.event_fields(page)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug or "meeting"}.ics"'
    return response


def meeting_index_view(request, page):
    """The catalogue of meetings: upcoming and past, by place (with the places within it) and year."""
    places = selectors.meeting_places(page.locale_id)
    place = year = None
    raw_place, raw_year = request.GET.get("place", ""), request.GET.get("year", "")
    if raw_place and is_db_id(raw_place):
        place = Territory.objects.filter(pk=int(raw_place)).first()  # the places are those the meetings name
    if raw_year.isascii() and raw_year.isdigit() and len(raw_year) == 4:
        year = int(raw_year)
    upcoming, past = selectors.catalogue(page.locale_id, place, year)
    context = {
        "page": page,
        "self": page,
        "places": places,
        "place": place,
        "year": year,
        "years": selectors.meeting_years(page.locale_id),
        "upcoming": upcoming,
        "past": past,
        "filtered": bool(place or year),
        "may_propose": request.user.is_authenticated and permissions.may_propose_meeting(request.user),
    }
    return TemplateResponse(request, "pb_module/meeting_index_page.html", context)


@never_cache
def propose_view(request, page):
    """NGO and public-council representatives propose a meeting; it waits for a moderator, never live at once."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.may_propose_meeting(request.user):
        raise PermissionDenied
    form = MeetingProposalForm(request.POST or None, locale=page.locale)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        starts = datetime.combine(data["day"], data["time"], tzinfo=ZoneInfo(settings.TIME_ZONE))
        parent = data["cycle"] or page
        try:
            services.meetings.propose_meeting(
                user=request.user,
                parent=parent,
                title=data["title"],
                kind=data["kind"],
                starts_at=starts,
                territory=data["place"],
                address=data["address"],
                agenda=data["agenda"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            message = _("Thank you: your meeting is sent to the moderators. It appears here once published.")
            messages.success(request, message)
            return redirect(page.url)
    return TemplateResponse(request, "pb_module/meeting_propose.html", {"page": page, "self": page, "form": form})
