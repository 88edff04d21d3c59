"""Open data, read-only, in API v1: public proposals, published results and analytics, as JSON or CSV.

Every view answers JSON, or CSV with `?format=csv` (or `Accept: text/csv`): UTF-8, a header row, an
attachment. Errors stay JSON in the API's format {"code", "message", "errors"}.

The embargo: nothing counted (`votes`, `score`, `selected`) appears for a cycle without a TallyResult;
results and analytics answer 404 "not_published" until then. The figures are the frozen TallyResult's
and those of `pb_module.selectors.analytics`; nothing is recomputed here.
"""

import csv
import io
from datetime import datetime

from django.http import Http404
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from pb_module.api.voting import ApiError, _cycle_or_404, _localized, local_moment
from pb_module.models import PBCyclePage, Proposal, TallyResult, Territory
from pb_module.rules import geo
from pb_module.rules.analytics import VOTE_BUCKETS
from pb_module.rules.overview import MAX_AVERAGE_PROJECTS, billions
from pb_module.rules.text import MAX_DB_INTEGER, csv_safe, is_db_id
from pb_module.selectors import overview
from pb_module.selectors.analytics import _district_names, bucket_label, cycle_analytics, published_cycles
from pb_module.selectors.proposals import PUBLIC_STATUSES, live_pages, public_proposals
from pb_module.vocabulary import CATEGORY_LABELS

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000  # MAX_LIMIT is also in the limit's error message


# --- CSV ------------------------------------------------------------------------------------------


class CSVRenderer(BaseRenderer):
    """A table as CSV: the view's `csv_table(data)` gives the columns and the rows (dicts)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        columns, rows = renderer_context["view"].csv_table(data)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([_cell(row.get(column)) for column in columns] for row in rows)
        return out.getvalue()


def _cell(value) -> str:
    """A value as a CSV cell: text a spreadsheet would run as a formula is neutralised (rules.text.csv_safe); numbers,
    negative ones too, stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):  # a moment, in the site's time zone: the date in it is the local one
        return local_moment(value)
    return str(csv_safe(value))


class GeoJSONRenderer(JSONRenderer):
    """A GeoJSON FeatureCollection (RFC 7946) of what the view answers with `?format=geojson`."""

    media_type = "application/geo+json"
    format = "geojson"


class OpenDataView(APIView):
    """JSON, or CSV for a download; errors always in the API's JSON format."""

    renderer_classes = [JSONRenderer, CSVRenderer]

    def csv_table(self, data) -> tuple[list[str], list[dict]]:
        raise NotImplementedError

    def csv_filename(self) -> str:
        raise NotImplementedError

    @property
    def wants_csv(self) -> bool:
        return getattr(getattr(self.request, "accepted_renderer", None), "format", None) == "csv"

    def perform_content_negotiation(self, request, force=False):
        if request.method == "OPTIONS":  # a description of the view, not a table: JSON even under ?format=csv
            return JSONRenderer(), JSONRenderer.media_type
        try:
            return super().perform_content_negotiation(request, force)
        except Http404:  # DRF's answer to an unknown ?format=
            message = _("Unknown format: use json or csv.")
            raise ApiError("invalid_format", message, {"format": [message]}) from None

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        self.request.accepted_renderer, self.request.accepted_media_type = JSONRenderer(), "application/json"
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Accept"])
        if self.wants_csv and not getattr(response, "exception", False):
            response["Content-Disposition"] = content_disposition_header(True, self.csv_filename())
        return response


PROPOSAL_FORMAT = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv", "geojson"],
    description="`csv`: a download (UTF-8, header row, `Content-Disposition: attachment`); `geojson`: the proposals "
    "that have a place on the map as a GeoJSON FeatureCollection (RFC 7946, longitude first; each feature's "
    "properties are the proposal's row), every one unless a limit is given. `Accept: text/csv` or "
    "`Accept: application/geo+json` do the same. Errors are always JSON.",
)

FORMAT = OpenApiParameter(
    "format",
    str,
    enum=["json", "csv"],
    description="`csv`: a download (UTF-8, header row, `Content-Disposition: attachment`); "
    "`Accept: text/csv` does the same. Errors are always JSON.",
)


class OpenDataError(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField(help_text="In the request's language.")
    errors = serializers.DictField(help_text="Field -> messages.")


CSV = OpenApiResponse(OpenApiTypes.STR, description="CSV, UTF-8, with a header row.")
NOT_PUBLISHED = OpenApiResponse(
    OpenDataError,
    description='"not_found": no public cycle has this id; "not_published": its results are not published yet.',
)
INVALID = OpenApiResponse(OpenDataError, description='"invalid_filter" or "invalid_format".')


def _csv_filename(cycle: PBCyclePage, what: str) -> str:
    return f"{cycle.slug}-{what}.csv"  # the cycle in the source language: one name in every language


# --- proposals ------------------------------------------------------------------------------------


class StatusField(serializers.ChoiceField):
    def to_internal_value(self, data):
        if data not in self.choices:
            raise serializers.ValidationError(
                _("Unknown status “%(status)s”: use one of %(statuses)s.")
                % {"status": data, "statuses": ", ".join(PUBLIC_STATUSES)}
            )
        return data


def _number_errors(message) -> dict:
    return dict.fromkeys(("invalid", "min_value", "max_value", "max_string_length"), message)


class ProposalQuery(serializers.Serializer):
    """The filters and the page of GET /api/v1/proposals/ (an empty value is no filter)."""

    cycle = serializers.IntegerField(
        required=False,
        min_value=1,
        error_messages=_number_errors(gettext_lazy("Give a cycle by its id, a whole number.")),
        help_text="Cycle id (any language version).",
    )
    district = serializers.IntegerField(
        required=False,
        min_value=1,
        error_messages=_number_errors(gettext_lazy("Give a district by its id, a whole number.")),
        help_text="Territory id (any language version); a city or district also matches the places within it.",
    )
    status = StatusField(choices=PUBLIC_STATUSES, required=False, help_text="A public status.")
    year = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=9999,
        error_messages=_number_errors(gettext_lazy("Give the year as a number, e.g. 2025.")),
        help_text="Budget year of the cycle.",
    )
    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        error_messages=_number_errors(gettext_lazy("The limit is a whole number from 1 to 1000.")),
        help_text=f"Limit/offset pagination: rows per page, {DEFAULT_LIMIT} by default, at most {MAX_LIMIT}. "
        "CSV gives every row unless a limit is given.",
    )
    offset = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_DB_INTEGER,
        default=0,
        error_messages=_number_errors(gettext_lazy("The offset is a whole number, 0 or more."))
        | {"max_value": gettext_lazy("The offset is too large: there are not that many proposals.")},
        help_text="Rows to skip.",
    )

    def validate_cycle(self, pk):
        cycle = PBCyclePage.objects.live().public().filter(pk=pk).first() if is_db_id(pk) else None
        if cycle is None:
            raise serializers.ValidationError(_("There is no public cycle with this id."))
        return cycle.canonical()

    def validate_district(self, pk):
        territory = Territory.objects.filter(pk=pk).first() if is_db_id(pk) else None
        if territory is None:
            raise serializers.ValidationError(_("There is no territory with this id."))
        return territory


def query_filters(params) -> dict:
    """The validated filters; a 400 in the API's format naming the wrong ones."""
    query = ProposalQuery(data=params)
    if not query.is_valid():
        errors = {field: [str(m) for m in messages] for field, messages in query.errors.items()}
        raise ApiError("invalid_filter", next(iter(errors.values()))[0], errors)
    return query.validated_data


def localized_pages(proposals, language: str) -> dict:
    """Proposal pk -> its live page in `language`, else the one in the author's language, else another one."""
    authors = {p.pk: p.language for p in proposals}
    found = {}
    for page in live_pages().filter(proposal_id__in=authors).select_related("locale").order_by("pk"):
        code = page.locale.language_code
        rank = 0 if code == language else 1 if code == authors[page.proposal_id] else 2
        if page.proposal_id not in found or rank < found[page.proposal_id][0]:
            found[page.proposal_id] = (rank, page)
    return {pk: page for pk, (_rank, page) in found.items()}


def published_lines(cycle_ids) -> dict[int, dict]:
    """Proposal pk -> its line in the published result of its cycle (only cycles with a TallyResult)."""
    results = TallyResult.objects.filter(cycle_id__in=set(cycle_ids)).values_list("lines", flat=True)
    return {line["proposal"]: line for lines in results for line in lines}


def proposal_rows(proposals, request) -> list[dict]:
    proposals = list(proposals)
    language = get_language()
    pages = localized_pages(proposals, language)
    names = _district_names({p.district.translation_key for p in proposals}, language)
    lines = published_lines(p.cycle_id for p in proposals)
    rows = []
    for proposal in proposals:
        page = pages[proposal.pk]
        row = {
            "id": proposal.pk,
            "cycle": proposal.cycle_id,
            "title": page.title,
            "summary": page.summary,
            "district_id": proposal.district_id,
            "district": names.get(proposal.district.translation_key, proposal.district.name),
            "status": proposal.status,
            "cost": proposal.cost,
            "url": request.build_absolute_uri(page.get_url(request)),
            "location": proposal.geometry,
        }
        row["latitude"], row["longitude"] = proposal.centre or (None, None)
        line = lines.get(proposal.pk)
        if line is not None:  # the embargo: counts only from the published result
            row["votes"], row["selected"] = line["score"], line["selected"]
        rows.append(row)
    return rows


PROPOSAL_COLUMNS = [
    *("id", "cycle", "title", "summary", "district_id", "district", "status", "cost", "url", "latitude"),
    "longitude",
]


class OpenProposal(serializers.Serializer):
    id = serializers.IntegerField()
    cycle = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    district_id = serializers.IntegerField()
    district = serializers.CharField(help_text="District name in the request's language.")
    status = serializers.ChoiceField(choices=PUBLIC_STATUSES)
    cost = serializers.IntegerField(help_text="Tenge: the validated cost when there is one.")
    url = serializers.URLField()
    location = serializers.JSONField(
        allow_null=True, help_text="Its place on the map: a GeoJSON Point or Polygon (longitude first), or null."
    )
    latitude = serializers.FloatField(allow_null=True, help_text="Of its point, or of its area's centre.")
    longitude = serializers.FloatField(allow_null=True, help_text="Of its point, or of its area's centre.")
    votes = serializers.IntegerField(
        required=False, help_text="Only on the ballot of a cycle whose results are published (the tally's score)."
    )
    selected = serializers.BooleanField(required=False, help_text="Only once the cycle's results are published.")


class OpenProposalPage(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = OpenProposal(many=True)


class ProposalsView(OpenDataView):
    renderer_classes = [JSONRenderer, CSVRenderer, GeoJSONRenderer]

    @extend_schema(
        operation_id="open_data_proposals",
        summary="Public proposals of all cycles",
        description="Never proposals that are only submitted. `votes` and `selected` appear only for proposals "
        "on the ballot of a cycle whose results are published. Limit/offset pagination (no `page`). "
        "The CSV has `votes` and `selected` columns only when a listed cycle is published (empty cells otherwise).",
        parameters=[ProposalQuery, PROPOSAL_FORMAT],
        responses={
            (200, "application/json"): OpenProposalPage,
            (200, "text/csv"): CSV,
            (200, "application/geo+json"): OpenApiTypes.OBJECT,
            (400, "application/json"): INVALID,
        },
    )
    def get(self, request):
        filters = query_filters(request.query_params)
        proposals = public_proposals(filters)
        limit, offset = filters.get("limit"), filters["offset"]
        if getattr(request.accepted_renderer, "format", None) == "geojson":
            located = proposals.filter(geometry__isnull=False)
            rows = proposal_rows(located[offset : offset + limit] if limit else located[offset:], request)
            return Response(geo.feature_collection([geo.feature(row.pop("location"), row) for row in rows]))
        if self.wants_csv:
            chosen = proposals[offset : offset + limit] if limit else proposals[offset:]
            return Response(proposal_rows(chosen, request))
        limit = limit or DEFAULT_LIMIT
        count = proposals.count()
        url = request.build_absolute_uri()
        return Response(
            {
                "count": count,
                "next": _page_url(url, limit, offset + limit) if offset + limit < count else None,
                "previous": _page_url(url, limit, max(offset - limit, 0)) if offset > 0 else None,
                "results": proposal_rows(proposals[offset : offset + limit], request),
            }
        )

    def csv_table(self, rows):
        counted = any("votes" in row for row in rows)
        return PROPOSAL_COLUMNS + (["votes", "selected"] if counted else []), rows

    def csv_filename(self):
        return "proposals.csv"


def _page_url(url, limit, offset) -> str:
    url = replace_query_param(url, "limit", limit)
    return replace_query_param(url, "offset", offset) if offset else remove_query_param(url, "offset")


# --- results --------------------------------------------------------------------------------------


def not_published() -> ApiError:
    return ApiError("not_published", _("The results of this cycle are not published yet."), status_code=404)


def results_data(result: TallyResult, request) -> dict:
    local = _localized(result.cycle)
    proposals = Proposal.objects.filter(pk__in=[line["proposal"] for line in result.lines])
    pages = localized_pages(proposals, get_language())
    lines = []
    for line in result.lines:
        page = pages.get(line["proposal"])
        lines.append(
            {
                "proposal": line["proposal"],
                "project_id": line["project_id"],
                "title": page.title if page else "",
                "url": request.build_absolute_uri(page.get_url(request)) if page else None,
                "cost": line["cost"],
                "score": line["score"],
                "selected": line["selected"],
            }
        )
    return {
        "cycle": result.cycle_id,
        "title": local.title,
        "rule": result.rule,
        "params": result.params,
        "budget": result.budget,
        "spent": result.spent,
        "left": result.left,
        "ballot_count": result.ballot_count,
        "ballots_sha256": result.ballots_sha256,
        "published_at": local_moment(result.published_at),
        "ballots_url": request.build_absolute_uri(local.get_url(request) + local.reverse_subpage("results_ballots")),
        "lines": lines,
    }


RESULT_LINE_COLUMNS = ["cycle", "proposal", "project_id", "title", "url", "cost", "score", "selected"]


class OpenResultLine(serializers.Serializer):
    proposal = serializers.IntegerField()
    project_id = serializers.CharField(help_text="The project's id in the ballot export.")
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    cost = serializers.IntegerField()
    score = serializers.IntegerField(help_text="Votes (points, on a cumulative ballot).")
    selected = serializers.BooleanField()


class OpenResult(serializers.Serializer):
    cycle = serializers.IntegerField()
    title = serializers.CharField()
    rule = serializers.CharField()
    params = serializers.DictField()
    budget = serializers.IntegerField()
    spent = serializers.IntegerField()
    left = serializers.IntegerField()
    ballot_count = serializers.IntegerField()
    ballots_sha256 = serializers.CharField()
    published_at = serializers.DateTimeField()
    ballots_url = serializers.URLField(help_text="The anonymised ballots (pabulib) that were tallied.")
    lines = OpenResultLine(many=True)


class ResultsView(OpenDataView):
    @extend_schema(
        operation_id="open_data_cycle_results",
        summary="The published result of a cycle",
        description="Lines in the order of the result: winners in the order the rule chose them, then the others "
        "by score. `ballots_url` is the anonymised ballot export (pabulib) whose SHA-256 is `ballots_sha256`. "
        "The CSV has one row per line.",
        parameters=[FORMAT],
        responses={
            (200, "application/json"): OpenResult,
            (200, "text/csv"): CSV,
            (404, "application/json"): NOT_PUBLISHED,
        },
    )
    def get(self, request, pk):
        cycle = _cycle_or_404(pk)
        result = TallyResult.objects.defer("ballots_file").filter(cycle=cycle).first()
        if result is None:
            raise not_published()
        result.cycle = cycle
        return Response(results_data(result, request))

    def csv_table(self, data):
        return RESULT_LINE_COLUMNS, [{"cycle": data["cycle"], **line} for line in data["lines"]]

    def csv_filename(self):
        return _csv_filename(_cycle_or_404(self.kwargs["pk"]), "results")


# --- analytics ------------------------------------------------------------------------------------


def _table2(analytics) -> dict:
    row = analytics.table2
    return {
        "population_16_plus": row.population,
        "projects": row.projects,
        "projects_percent": row.projects_percent,
        "max_votes": row.max_votes,
        "max_votes_percent": row.max_votes_percent,
    }


def _table3(analytics) -> list[dict]:
    return [
        {"low": b.low, "high": b.high, "label": bucket_label(b), "count": b.count, "percent": b.percent}
        for b in analytics.table3
    ]


def analytics_data(analytics) -> dict:
    cycle = analytics.cycle
    return {
        "cycle": cycle.pk,
        "title": _localized(cycle).title,
        "year": cycle.year,
        "table2": _table2(analytics),
        "table3": _table3(analytics),
        "ballots": analytics.ballots,
        "turnout_percent": analytics.turnout_percent,
        "breakdowns": {
            b.key: [
                {"key": r["key"], "label": str(r["label"]), "count": r["count"], "percent": r["percent"]}
                for r in b.rows
            ]
            for b in analytics.breakdowns
        },
    }


def comparison_data(analytics) -> dict:
    data = analytics_data(analytics)
    return {k: data[k] for k in ("cycle", "title", "year", "table2", "table3", "ballots", "turnout_percent")}


def _bucket_key(low, high) -> str:
    return f"{low}-{high}" if high is not None else f"{low}+"


def _bucket_column(low, high) -> str:
    return f"votes_{low}_{high}" if high is not None else f"votes_{low}_plus"


ANALYTICS_COLUMNS = ["cycle", "table", "key", "label", "value", "percent"]


def analytics_csv_rows(data: dict) -> list[dict]:
    """One table, long form: Table 2's figures, Table 3's buckets, turnout, then each breakdown."""
    t2 = data["table2"]
    rows = [
        {"table": "table2", "key": "population_16_plus", "value": t2["population_16_plus"]},
        {"table": "table2", "key": "projects", "value": t2["projects"], "percent": t2["projects_percent"]},
        {"table": "table2", "key": "max_votes", "value": t2["max_votes"], "percent": t2["max_votes_percent"]},
    ]
    rows += [
        {"table": "table3", "key": _bucket_key(b["low"], b["high"]), **b, "value": b["count"]} for b in data["table3"]
    ]
    rows.append({"table": "turnout", "key": "ballots", "value": data["ballots"], "percent": data["turnout_percent"]})
    for name, shares in data["breakdowns"].items():
        rows += [{"table": name, **share, "value": share["count"]} for share in shares]
    return [{"cycle": data["cycle"], **row} for row in rows]


class OpenTable2(serializers.Serializer):
    population_16_plus = serializers.IntegerField(allow_null=True)
    projects = serializers.IntegerField()
    projects_percent = serializers.FloatField(allow_null=True)
    max_votes = serializers.IntegerField()
    max_votes_percent = serializers.FloatField(allow_null=True)


class OpenTable3Bucket(serializers.Serializer):
    low = serializers.IntegerField()
    high = serializers.IntegerField(allow_null=True, help_text="null: no upper bound.")
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.FloatField(allow_null=True)


class OpenShare(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    percent = serializers.FloatField(allow_null=True, help_text="Of the cycle's ballots.")


class OpenBreakdowns(serializers.Serializer):
    district = OpenShare(many=True)
    age = OpenShare(many=True)
    sex = OpenShare(many=True)
    channel = OpenShare(many=True)


class OpenCycleFigures(serializers.Serializer):
    cycle = serializers.IntegerField()
    title = serializers.CharField()
    year = serializers.IntegerField()
    table2 = OpenTable2()
    table3 = OpenTable3Bucket(many=True)
    ballots = serializers.IntegerField()
    turnout_percent = serializers.FloatField(allow_null=True, help_text="Ballots per 100 residents aged 16+.")


class OpenAnalytics(OpenCycleFigures):
    breakdowns = OpenBreakdowns()


class AnalyticsView(OpenDataView):
    @extend_schema(
        operation_id="open_data_cycle_analytics",
        summary="Analytics of a published cycle",
        description="The seed paper's Table 2 row and Table 3 buckets (by votes per project), turnout, and ballots "
        "by district, age band, sex and channel. Percentages are unrounded; null when the base is unknown. "
        "The CSV is one long table: cycle, table, key, label, value, percent.",
        parameters=[FORMAT],
        responses={
            (200, "application/json"): OpenAnalytics,
            (200, "text/csv"): CSV,
            (404, "application/json"): NOT_PUBLISHED,
        },
    )
    def get(self, request, pk):
        analytics = cycle_analytics(_cycle_or_404(pk), get_language())
        if analytics is None:
            raise not_published()
        return Response(analytics_data(analytics))

    def csv_table(self, data):
        return ANALYTICS_COLUMNS, analytics_csv_rows(data)

    def csv_filename(self):
        return _csv_filename(_cycle_or_404(self.kwargs["pk"]), "analytics")


COMPARISON_COLUMNS = [
    "cycle",
    "title",
    "year",
    "population_16_plus",
    "projects",
    "projects_percent",
    "max_votes",
    "max_votes_percent",
    *[_bucket_column(low, high) + suffix for low, high in VOTE_BUCKETS for suffix in ("", "_percent")],
    "ballots",
    "turnout_percent",
]


def comparison_csv_row(data: dict) -> dict:
    buckets = {}
    for b in data["table3"]:
        name = _bucket_column(b["low"], b["high"])
        buckets |= {name: b["count"], f"{name}_percent": b["percent"]}
    return {k: v for k, v in data.items() if k not in ("table2", "table3")} | data["table2"] | buckets


class ComparisonView(OpenDataView):
    @extend_schema(
        operation_id="open_data_analytics_comparison",
        summary="Table 2 and Table 3 for every published cycle",
        description="Oldest first. The CSV has one row per cycle, Table 3's buckets as columns "
        "(votes_0_10, votes_0_10_percent, ...).",
        parameters=[FORMAT],
        responses={(200, "application/json"): OpenCycleFigures(many=True), (200, "text/csv"): CSV},
    )
    def get(self, request):
        return Response([comparison_data(a) for a in published_cycles(get_language())])

    def csv_table(self, data):
        return COMPARISON_COLUMNS, [comparison_csv_row(row) for row in data]

    def csv_filename(self):
        return "analytics-comparison.csv"


# --- the national overview ----------------------------------------------------------------------------------


class OverviewQuery(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=0, max_value=MAX_DB_INTEGER)
    average_republican = serializers.IntegerField(required=False, min_value=0, max_value=MAX_AVERAGE_PROJECTS)
    average_oblast = serializers.IntegerField(required=False, min_value=0, max_value=MAX_AVERAGE_PROJECTS)
    average_district = serializers.IntegerField(required=False, min_value=0, max_value=MAX_AVERAGE_PROJECTS)


class OverviewRow(serializers.Serializer):
    category = serializers.CharField()
    label = serializers.CharField(help_text="In the request's language.")
    settlements = serializers.IntegerField(help_text="Cities of this category in the territory tree.")
    average_projects = serializers.IntegerField()
    projects = serializers.IntegerField()
    cap_mrp = serializers.IntegerField()
    cap_tenge = serializers.IntegerField()
    total_tenge = serializers.IntegerField()
    total_bn_tenge = serializers.FloatField(help_text="Rounded to one decimal.")


class OverviewRegion(serializers.Serializer):
    region = serializers.CharField(help_text="In the request's language.")
    cycles = serializers.IntegerField()
    proposals = serializers.IntegerField(help_text="On the ballots of the published cycles.")
    voters = serializers.IntegerField()
    allocated_tenge = serializers.IntegerField()
    funded = serializers.IntegerField()
    completed = serializers.IntegerField()
    completed_percent = serializers.FloatField(allow_null=True)


class OpenOverview(serializers.Serializer):
    year = serializers.IntegerField()
    mrp_tenge = serializers.IntegerField()
    rows = OverviewRow(many=True)
    settlements = serializers.IntegerField()
    projects = serializers.IntegerField()
    total_tenge = serializers.IntegerField()
    total_bn_tenge = serializers.FloatField()
    regions = OverviewRegion(many=True, help_text="Published cycles only, summed by region.")


OVERVIEW_COLUMNS = [
    "year",
    "mrp_tenge",
    "category",
    "label",
    "settlements",
    "average_projects",
    "projects",
    "cap_mrp",
    "cap_tenge",
    "total_tenge",
    "total_bn_tenge",
]


class OverviewView(OpenDataView):
    @extend_schema(
        operation_id="open_data_national_overview",
        summary="Table 4: projects and money a year if every city took part, and the published cycles by region",
        description="For `year` (default: the overview page's year, else the latest of the MRP table), cities of "
        "each category in the territory tree times the average projects (default: the overview page's "
        "assumptions, 20 / 10 / 5) times the cap per project (25 000 / 15 000 / 1 500 MCI) times the MRP of the "
        "year. The CSV has one row per category, then a total row.",
        parameters=[
            OpenApiParameter("year", int),
            OpenApiParameter("average_republican", int),
            OpenApiParameter("average_oblast", int),
            OpenApiParameter("average_district", int),
            FORMAT,
        ],
        responses={(200, "application/json"): OpenOverview, (200, "text/csv"): CSV, 400: INVALID},
    )
    def get(self, request):
        query = OverviewQuery(data=request.query_params)
        if not query.is_valid():
            errors = {field: [str(m) for m in messages] for field, messages in query.errors.items()}
            raise ApiError("invalid_filter", next(iter(errors.values()))[0], errors)
        years, year, averages = overview.defaults(overview.overview_page())
        asked = query.validated_data
        year = asked.get("year", year)
        averages = {category: asked.get(f"average_{category}", value) for category, value in averages.items()}
        if year is None or year not in years:
            message = _("There is no MCI for %(year)s in the table: use one of %(years)s.") % {
                "year": year,
                "years": ", ".join(map(str, years)),
            }
            raise ApiError("invalid_filter", message, {"year": [message]})
        estimate = overview.national_estimate(year, averages)
        language = get_language()
        return Response(
            {
                "year": estimate.year,
                "mrp_tenge": estimate.mrp_tenge,
                "rows": [
                    {
                        **{name: getattr(row, name) for name in OVERVIEW_COLUMNS[4:-1]},
                        "category": row.category,
                        "label": str(CATEGORY_LABELS[row.category]),
                        "total_bn_tenge": billions(row.total_tenge),
                    }
                    for row in estimate.rows
                ],
                "settlements": estimate.settlements,
                "projects": estimate.projects,
                "total_tenge": estimate.total_tenge,
                "total_bn_tenge": billions(estimate.total_tenge),
                "regions": [
                    {
                        "region": r.label,
                        "cycles": r.cycles,
                        "proposals": r.proposals,
                        "voters": r.voters,
                        "allocated_tenge": r.allocated,
                        "funded": r.funded,
                        "completed": r.completed,
                        "completed_percent": r.completed_percent,
                    }
                    for r in overview.regional_figures(language)
                ],
            }
        )

    def csv_table(self, data):
        head = {"year": data["year"], "mrp_tenge": data["mrp_tenge"]}
        total = {
            **head,
            "category": "total",
            "label": _("Total"),
            "settlements": data["settlements"],
            "projects": data["projects"],
            "total_tenge": data["total_tenge"],
            "total_bn_tenge": data["total_bn_tenge"],
        }
        return OVERVIEW_COLUMNS, [*({**head, **row} for row in data["rows"]), total]

    def csv_filename(self):
        return "national-overview.csv"
