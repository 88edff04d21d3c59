"""JSON API v1 for the voting widget and load tests (OpenAPI schema at /api/v1/schema/).

The read-only open data (proposals, results, analytics, also as CSV) is in pb_module/api/open_data.py.

Errors are JSON: {"code": machine code, "message": translated text, "errors": {field: [text]}}.
Writes keep CSRF protection for browsers: send the csrftoken cookie back in X-CSRFToken.
"""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.exceptions import PermissionDenied as DRFPermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler
from wagtail.models import Locale

from pb_module import services
from pb_module.models import Ballot, PBCyclePage, ProposalPage, Territory
from pb_module.rules.phases import Phase
from pb_module.rules.text import is_db_id
from pb_module.selectors.voting import ballot_proposals, earlier_ballot, voting_open
from pb_module.web.forms import districts_of
from pb_module.web.verification import forget_voter, remember_voter, session_voter


class ApiError(APIException):
    def __init__(self, code, message, errors=None, status_code=400):
        self.status_code, self.code, self.message, self.errors = status_code, code, message, errors or {}
        super().__init__(message, code)


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        codes = [e.code for e in getattr(exc, "error_list", [])] or [
            e.code for errors in getattr(exc, "error_dict", {}).values() for e in errors
        ]
        errors = exc.message_dict if hasattr(exc, "error_dict") else {}
        messages = exc.messages
        exc = ApiError(codes[0] if codes and codes[0] else "invalid", messages[0] if messages else "", errors)
    elif isinstance(exc, (Http404, NotFound)):
        exc = ApiError("not_found", _("Not found."), status_code=404)
    elif isinstance(exc, (PermissionDenied, DRFPermissionDenied)):
        exc = ApiError("forbidden", str(getattr(exc, "detail", "")) or _("Not allowed."), status_code=403)
    elif isinstance(exc, (RequestDataTooBig, TooManyFieldsSent)):  # over DATA_UPLOAD_MAX_MEMORY_SIZE and the like
        exc = ApiError("too_large", _("The request is too large."), status_code=413)
    if isinstance(exc, ApiError):
        return Response({"code": exc.code, "message": exc.message, "errors": exc.errors}, status=exc.status_code)
    response = drf_exception_handler(exc, context)
    if response is not None:
        detail = response.data
        errors = detail if isinstance(detail, dict) and "detail" not in detail else {}
        message = detail.get("detail", _("Check the highlighted fields.")) if isinstance(detail, dict) else str(detail)
        code = getattr(getattr(exc, "detail", None), "code", None) or "invalid"
        if errors:
            message, code = _("Check the highlighted fields."), "invalid"
        response.data = {"code": code, "message": str(message), "errors": errors}
    return response


class CsrfProtected:
    """Writes from browsers need the CSRF token, whether or not someone is logged in."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check = CsrfViewMiddleware(lambda req: None)
        check.process_request(request._request)
        reason = check.process_view(request._request, None, (), {})
        if reason:
            raise ApiError(
                "csrf_failed", _("The security token is missing or out of date. Reload the page."), status_code=403
            )


CYCLE_CACHE_SECONDS = 30


def _cycle_or_404(pk) -> PBCyclePage:
    """The cycle (in the source language) with its phases; cached briefly, since every voting request needs it."""
    if not is_db_id(pk):  # no id column holds it: nothing to look up (the database would refuse the number)
        raise Http404
    key = f"pb:api:cycle:{pk}"
    cycle = cache.get(key)
    if cycle is None:
        cycle = get_object_or_404(PBCyclePage.objects.live().public(), pk=pk).canonical()
        cycle.phase_dates  # noqa: B018 - computed before caching, so hits need no query
        cycle.territory.descendant_keys  # noqa: B018
        cache.set(key, cycle, CYCLE_CACHE_SECONDS)
    return cycle


def local_moment(value) -> str | None:
    """A moment in ISO 8601 in the site's time zone (TIME_ZONE, +05:00): the date in it is the local one."""
    return timezone.localtime(value).isoformat() if value else None


def _localized(cycle):
    locale = Locale.objects.filter(language_code=get_language()).first()
    return (cycle.get_translation_or_none(locale) if locale else None) or cycle


def cycle_data(cycle: PBCyclePage) -> dict:
    local = _localized(cycle)
    return {
        "id": cycle.pk,
        "title": local.title,
        "url": local.url,
        "year": cycle.year,
        "phase": cycle.current_phase.value if cycle.current_phase else None,
        "voting_open": voting_open(cycle),
        "budget": cycle.total_budget,
        "proposal_cap": cycle.proposal_cap_tenge,
        "ballot": {
            "type": cycle.ballot_type,
            "min_choices": cycle.ballot_min_choices,
            "max_choices": cycle.ballot_max_choices,
            "max_points": cycle.ballot_max_points,
            "max_points_per_proposal": cycle.ballot_max_points_per_proposal,
            "final": cycle.ballot_final,
        },
        "min_voter_age": cycle.min_voter_age,
        "results_published": cycle.results_published,
        # From the first ballot on, the settings above and the list of proposals on the ballot cannot change.
        "rules_frozen": cycle.ballots_cast,
        "voting_closed_early_at": local_moment(cycle.voting_closed_at),
        "districts": [{"id": t.pk, "name": t.name} for t in districts_of(cycle)],
    }


# Copied into each inline_serializer: DRF's serializer metaclass pops the fields out of the dict it is given.
CYCLE_FIELDS = {
    "id": serializers.IntegerField(),
    "title": serializers.CharField(),
    "url": serializers.CharField(),
    "year": serializers.IntegerField(),
    "phase": serializers.CharField(allow_null=True),
    "voting_open": serializers.BooleanField(),
    "budget": serializers.IntegerField(),
    "proposal_cap": serializers.IntegerField(allow_null=True),
    "ballot": serializers.DictField(),
    "min_voter_age": serializers.IntegerField(),
    "results_published": serializers.BooleanField(),
    "rules_frozen": serializers.BooleanField(),
    "voting_closed_early_at": serializers.DateTimeField(allow_null=True),
    "districts": serializers.ListField(child=serializers.DictField()),
}


@method_decorator(ensure_csrf_cookie, name="dispatch")
class CycleList(APIView):
    @extend_schema(
        responses=inline_serializer("CycleList", dict(CYCLE_FIELDS), many=True),
        parameters=[
            inline_serializer(
                "CycleFilter", {"phase": serializers.ChoiceField(choices=[p.value for p in Phase], required=False)}
            )
        ],
    )
    def get(self, request):
        default = Locale.objects.get(language_code="kk")
        cycles = PBCyclePage.objects.live().public().filter(locale=default).prefetch_related("phases")
        phase = request.query_params.get("phase")
        if phase and phase not in [p.value for p in Phase]:
            raise ApiError("invalid_phase", _("Unknown phase."), {"phase": [_("Unknown phase.")]})
        return Response([cycle_data(c) for c in cycles if not phase or c.current_phase == phase])


@method_decorator(ensure_csrf_cookie, name="dispatch")
class CycleDetail(APIView):
    @extend_schema(responses=inline_serializer("Cycle", dict(CYCLE_FIELDS)))
    def get(self, request, pk):
        key = f"pb:api:cycle-data:{pk}:{get_language()}"
        data = cache.get(key)
        if data is None:
            data = cycle_data(_cycle_or_404(pk))
            cache.set(key, data, CYCLE_CACHE_SECONDS)
        return Response(data)


class ProposalList(APIView):
    @extend_schema(
        responses=inline_serializer(
            "BallotProposal",
            {
                "id": serializers.IntegerField(),
                "title": serializers.CharField(),
                "summary": serializers.CharField(),
                "cost": serializers.IntegerField(),
                "votes": serializers.IntegerField(required=False),
            },
            many=True,
        )
    )
    def get(self, request, pk):
        cycle = _cycle_or_404(pk)
        locale = Locale.objects.filter(language_code=get_language()).first()
        proposals = ballot_proposals(cycle).with_vote_counts()
        pages = {p.proposal_id: p for p in ProposalPage.objects.filter(proposal__in=proposals, locale=locale)}
        show_votes = cycle.results_published
        data = []
        for proposal in proposals.order_by("pk"):
            page = pages.get(proposal.pk) or proposal.source_page
            item = {"id": proposal.pk, "title": page.title, "summary": page.summary, "cost": proposal.cost}
            if show_votes:  # the embargo: counts only once results are published
                item["votes"] = proposal.votes
            data.append(item)
        return Response(data)


class StartSerializer(serializers.Serializer):
    cycle = serializers.IntegerField()
    iin = serializers.CharField(max_length=20)
    birth_date = serializers.DateField()
    district = serializers.IntegerField()
    phone = serializers.CharField(max_length=20)
    confirm_date_mismatch = serializers.BooleanField(default=False)


class ConfirmSerializer(serializers.Serializer):
    cycle = serializers.IntegerField()
    iin = serializers.CharField(max_length=20)
    code = serializers.CharField(max_length=10)


class ItemSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    points = serializers.IntegerField(default=1)


class BallotInSerializer(serializers.Serializer):
    items = ItemSerializer(many=True)


class VerifyStart(CsrfProtected, APIView):
    @extend_schema(
        request=StartSerializer,
        responses={
            202: inline_serializer(
                "CodeSent", {"status": serializers.CharField(), "expires_in": serializers.IntegerField()}
            )
        },
    )
    def post(self, request):
        data = _valid(StartSerializer, request)
        cycle = _cycle_or_404(data["cycle"])
        district = Territory.objects.filter(pk=data["district"]).first() if is_db_id(data["district"]) else None
        if district is None:
            raise ApiError(
                "district",
                _("Choose a district within the territory of this cycle."),
                {"district": [_("Choose a district within the territory of this cycle.")]},
            )
        challenge = services.voting.start_verification(
            cycle=cycle,
            iin=data["iin"],
            birth_date=data["birth_date"],
            district=district,
            phone=data["phone"],
            ip=request.META.get("REMOTE_ADDR", ""),
            confirm_date_mismatch=data["confirm_date_mismatch"],
        )
        expires_in = int((challenge.expires_at - challenge.created_at).total_seconds())
        return Response({"status": "code_sent", "expires_in": expires_in}, status=status.HTTP_202_ACCEPTED)


class VerifyConfirm(CsrfProtected, APIView):
    @extend_schema(
        request=ConfirmSerializer,
        responses={
            200: inline_serializer(
                "Verified",
                {
                    "verified": serializers.BooleanField(),
                    "already_voted": serializers.BooleanField(),
                    "voted_at": serializers.DateTimeField(allow_null=True),
                    "replaceable": serializers.BooleanField(),
                },
            )
        },
    )
    def post(self, request):
        data = _valid(ConfirmSerializer, request)
        cycle = _cycle_or_404(data["cycle"])
        voter = services.voting.confirm_verification(
            cycle=cycle, hashed_iin=services.voting.voter_hash(data["iin"]), code=data["code"]
        )
        remember_voter(request._request, cycle, voter)
        # Said at once, before the ballot is filled in: when the voter's ballot was cast (Asia/Almaty time), and
        # whether a new one would replace it; never what it says.
        earlier = earlier_ballot(cycle, voter)
        return Response(
            {
                "verified": True,
                "already_voted": earlier is not None,
                "voted_at": timezone.localtime(earlier.cast_at).isoformat() if earlier else None,
                "replaceable": not cycle.ballot_final,
            }
        )


class BallotView(CsrfProtected, APIView):
    def _voter(self, request, cycle):
        voter = session_voter(request._request, cycle)
        if voter is None:
            raise ApiError("not_verified", _("Confirm who you are first."), status_code=403)
        return voter

    @extend_schema(
        responses=inline_serializer(
            "OwnBallot",
            {
                "items": serializers.ListField(child=serializers.DictField()),
                "cast_at": serializers.DateTimeField(),
                "channel": serializers.CharField(),
            },
        )
    )
    def get(self, request, pk):
        cycle = _cycle_or_404(pk)
        voter = self._voter(request, cycle)
        ballot = Ballot.objects.filter(cycle=cycle, voter_hash=voter.voter_hash).prefetch_related("items").first()
        if ballot is None:
            raise ApiError("no_ballot", _("You have not voted in this cycle yet."), status_code=404)
        return Response(
            {
                "items": [{"proposal": i.proposal_id, "points": i.points} for i in ballot.items.all()],
                "cast_at": local_moment(ballot.cast_at),
                "channel": ballot.channel,
            }
        )

    @extend_schema(
        request=BallotInSerializer,
        responses={
            201: inline_serializer("Cast", {"receipt": serializers.CharField(), "replaced": serializers.BooleanField()})
        },
    )
    def post(self, request, pk):
        cycle = _cycle_or_404(pk)
        voter = self._voter(request, cycle)
        data = _valid(BallotInSerializer, request)
        items = {}
        for item in data["items"]:
            items[item["proposal"]] = items.get(item["proposal"], 0) + item["points"]
        result = services.voting.cast_ballot(cycle=cycle, voter=voter, items=items, language=get_language())
        forget_voter(request._request, cycle)  # as on the site: the next person on the device starts afresh
        return Response({"receipt": result.receipt, "replaced": result.replaced}, status=status.HTTP_201_CREATED)


class ReceiptDetail(APIView):
    @extend_schema(
        responses=inline_serializer(
            "ReceiptStatus",
            {
                "counted": serializers.BooleanField(),
                "cast_at": serializers.DateTimeField(),
                "cycle": serializers.IntegerField(),
            },
        )
    )
    def get(self, request, code):
        found = services.voting.check_receipt(code)
        if found is None:
            raise ApiError("unknown_receipt", _("No ballot has this receipt code."), status_code=404)
        return Response(
            {"counted": found["counted"], "cast_at": local_moment(found["cast_at"]), "cycle": found["cycle"].pk}
        )


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    if not serializer.is_valid():
        raise ApiError(
            "invalid",
            _("Check the highlighted fields."),
            {k: [str(m) for m in v] if isinstance(v, list) else v for k, v in serializer.errors.items()},
        )
    return serializer.validated_data


def only_public_api(endpoints):
    """drf-spectacular hook: document this API only, not Wagtail's internal admin endpoints."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
