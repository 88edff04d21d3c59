"""Public pages of published results: the result with its proof, the ballots to recompute it, analytics."""

from functools import cache, partial

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from pb_module.models import ProposalPage, TallyResult
from pb_module.selectors.analytics import VOTES_CHART, cycle_analytics, published_cycles


def proposal_pages(pks, locale_id) -> dict:
    """Proposal pk -> its live page in `locale_id` (a translation or an alias), else its source page."""
    found = {}
    pages = ProposalPage.objects.live().filter(proposal_id__in=pks)
    for page in pages.filter(Q(locale_id=locale_id) | Q(alias_of__isnull=True)):
        if page.locale_id == locale_id or page.proposal_id not in found:
            found[page.proposal_id] = page
    return found


def _read_when_shown(build, names) -> dict:
    """Context values read only if the template shows them: the content of these pages is kept with the page
    ({% keep %}), and a kept one needs none of them."""
    built = cache(build)
    return {name: SimpleLazyObject(partial(lambda name: built().get(name), name)) for name in names}


def _results(page) -> dict:
    source = page.canonical()
    result = TallyResult.objects.filter(cycle=source).first()
    context = {"cycle": source, "result": result}
    if result is not None:
        pages = proposal_pages([line["proposal"] for line in result.lines], page.locale_id)
        lines = [{**line, "page": pages.get(line["proposal"])} for line in result.lines]
        context["winners"] = [line for line in lines if line["selected"]]
        context["others"] = [line for line in lines if not line["selected"]]
        context["points"] = source.ballot_type == "cumulative"
    return context


def results_view(request, page):
    names = ("cycle", "result", "winners", "others", "points")
    context = {"page": page, "self": page, **_read_when_shown(lambda: _results(page), names)}
    return TemplateResponse(request, "pb_module/results.html", context)


def ballots_download(request, page):
    """The anonymised ballots exactly as they were tallied (their SHA-256 is on the results page)."""
    result = TallyResult.objects.filter(cycle=page.canonical()).first()
    if result is None:
        raise Http404
    response = HttpResponse(result.ballots_file.encode("utf-8"), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-ballots.pb"'
    return response


def _analytics(page, language) -> dict:
    data = cycle_analytics(page, language)
    context = {"analytics": data}
    if data is not None:
        context["single"] = [data]
        context["buckets"] = data.table3_rows
        context["votes_chart"] = VOTES_CHART
        pages = proposal_pages(list(data.votes), page.locale_id)
        context["projects"] = sorted(
            ({"page": pages.get(pk), "votes": n} for pk, n in data.votes.items()), key=lambda row: -row["votes"]
        )
    return context


def analytics_view(request, page):
    language = get_language()
    names = ("analytics", "single", "buckets", "votes_chart", "projects")
    context = {"page": page, "self": page, **_read_when_shown(lambda: _analytics(page, language), names)}
    return TemplateResponse(request, "pb_module/analytics.html", context)


def comparison_view(request, page):
    language = get_language()
    cycles = _read_when_shown(lambda: {"cycles": published_cycles(language)}, ["cycles"])
    return TemplateResponse(request, "pb_module/comparison.html", {"page": page, "self": page, **cycles})
