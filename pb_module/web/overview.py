"""The national overview page: Table 4 of the seed paper for a chosen year, the published cycles by region and the
public councils' composition."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language

from pb_module.rules.money import MissingMrpRate
from pb_module.rules.overview import billions
from pb_module.selectors import overview as selectors
from pb_module.vocabulary import CATEGORY_LABELS, COUNCIL_SECTOR_LABELS
from pb_module.web.forms import OverviewForm

FIELDS = {"average_republican": "republican", "average_oblast": "oblast", "average_district": "district"}


def asked(page, data) -> tuple[OverviewForm, int | None, dict[str, int]]:
    """The form as the visitor filled it in, and the year and averages to compute: the visitor's when valid (an
    empty box takes the page's assumption), the page's own otherwise."""
    years, default_year, averages = selectors.defaults(page)
    initial = {"year": default_year, **{name: averages[category] for name, category in FIELDS.items()}}
    filled = {name: value for name, value in data.items() if name in OverviewForm.base_fields and value != ""}
    form = OverviewForm({**initial, **filled} if filled else None, years=years, initial=initial)
    if form.is_bound and form.is_valid():
        values = {name: value for name, value in form.cleaned_data.items() if value is not None}
        values = {**initial, **values}
        return form, values["year"], {category: values[name] for name, category in FIELDS.items()}
    return form, default_year, averages


def estimate_rows(estimate) -> list[dict]:
    """Table 4's rows with their labels in the active language and billions for display."""
    return [
        {"row": row, "label": CATEGORY_LABELS[row.category], "billions": billions(row.total_tenge)}
        for row in estimate.rows
    ]


def overview_view(request, page):
    language = get_language()
    form, year, averages = asked(page, request.GET)
    try:
        estimate = selectors.national_estimate(year, averages) if year is not None else None
    except MissingMrpRate:
        estimate = None
    regions = selectors.regional_figures(language)
    composition_year, composition = selectors.council_composition(language)
    context = {
        "page": page,
        "self": page,
        "form": form,
        "estimate": estimate,
        "estimate_rows": estimate_rows(estimate) if estimate else [],
        "total_billions": billions(estimate.total_tenge) if estimate else None,
        "regions": regions,
        "region_totals": selectors.totals(regions, "cycles", "proposals", "voters", "allocated"),
        "region_chart": [{"label": r.label, "count": r.voters} for r in regions],
        "composition_year": composition_year,
        "composition": composition,
        "composition_chart": [{"label": r.label, "count": r.members} for r in composition],
        "composition_totals": selectors.totals(composition, "councils", "members"),
        "sector_labels": COUNCIL_SECTOR_LABELS,
    }
    return TemplateResponse(request, "pb_module/national_overview_page.html", context)
