"""Analytics speak to residents first (issue 14): every chart has a title and says what its rows and bars are, in
plain words; the paper's Tables 2 and 3 are introduced in plain words, their formulas in a note below them."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from pb_module.selectors.analytics import VOTES_CHART

from .conftest import cycle_page


def analytics_html(client, slug, lang):
    page = cycle_page(slug, lang)
    assert page.results_published
    return client.get(page.url + "analytics/").content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_chart_has_a_title_and_axis_labels(client, db, lang):
    html = analytics_html(client, "aktau-2024", lang)
    figures = re.findall(r"<figure>(.*?)</figure>", html, re.S)
    charts = [figure for figure in figures if "<svg" in figure]
    assert len(charts) == 5  # votes per project, and ballots by district, age, sex and channel
    with translation.override(lang):
        rows, bars = gettext("Rows"), gettext("Bar length")
        titles = [gettext(VOTES_CHART["title"])] + [
            gettext(text)
            for text in (
                "How many residents voted in each district",
                "How many residents of each age voted",
                "How many women and men voted",
                "How residents cast their ballots",
            )
        ]
        ballots = gettext("number of ballots")
    for chart, title in zip(charts, titles, strict=True):
        caption = re.search(r"<figcaption>(.*?)</figcaption>", chart, re.S).group(1)
        assert f">{title}</strong>" in caption
        axes = re.sub(r"<[^>]+>", "", re.search(r'class="chart-axes meta">(.*)', caption, re.S).group(1))
        assert f"{rows}: " in axes and f"{bars}: " in axes
        assert chart.index("<figcaption>") < chart.index("<svg")  # the title before the picture
    assert all(f"{bars}: {ballots}" in re.sub(r"<[^>]+>", "", chart) for chart in charts[1:])


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_papers_tables_are_introduced_in_plain_words_with_the_formula_in_a_note(client, db, lang):
    for html in (
        analytics_html(client, "aktau-2024", lang),
        client.get(f"/{lang}/participatory-budget/analytics/").content.decode(),
    ):
        with translation.override(lang):
            share = gettext("Share of residents aged 16+ who proposed a project, percent")
            intro = gettext(
                "How many residents put a project on the ballot, and how many backed the most popular one: the share "
                "of residents aged 16+ who proposed a project, and the share who voted for the project with the most "
                "votes."
            )
        table2 = html.index('id="table2-caption"')
        assert html.index('id="table2-intro"') < table2 and intro in html
        header = html[table2 : html.index("</thead>", table2)]
        assert share in header and "100/x" not in header  # no formula in the headings
        note = re.search(r'<p class="meta" id="table2-note">(.*?)</p>', html, re.S).group(1)
        assert "y·100/x" in note and "z·100/x" in note
        assert html.index("</table>", table2) < html.index('id="table2-note"')
        table3 = html.index('id="table3-caption"')
        assert html.index('id="table3-intro"') < table3 < html.index('id="table3-note"')
        assert 'aria-describedby="table2-intro table2-note"' in html
