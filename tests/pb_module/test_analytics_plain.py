"""Analytics speak to residents first (issue 14): every chart has a title and says what its rows and bars are, in
plain words; the paper's Tables 2 and 3 are introduced in plain words, their formulas in a note below them."""

import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext

from pb_module import roles
from pb_module.models import PBCyclePage, Territory
from pb_module.selectors.analytics import VOTES_CHART

from .. import factories as f


@pytest.fixture(scope="module")
def published_once(module_db):
    """A cycle of a city with two microdistricts whose vote is published: ballots of residents of both places, of
    different ages, women and men, cast online and at a public centre. Built once; returns the cycle's id."""
    with module_db():
        city = f.TerritoryFactory(name="Fx талдау қаласы", translations=True)
        places = [
            f.TerritoryFactory(
                name=f"Fx талдау {n}-шағын ауданы",
                kind=Territory.Kind.MICRODISTRICT,
                settlement_category="",
                parent=city,
                translations=True,
            )
            for n in (1, 2)
        ]
        voting, proposals = f.voting_cycle([3_000_000, 2_000_000, 4_000_000], territory=city)
        operator = f.UserFactory(role=roles.OPERATORS)
        for n, chosen in enumerate([[0, 1], [0], [2], [1, 2], [0, 2]]):
            f.BallotFactory(
                cycle=voting,
                proposals=[proposals[i] for i in chosen],
                birth_date=date(1950 + 12 * n, 2, 1 + n),
                sex=("female", "male")[n % 2],
                district=places[n % 2],
                operator=operator if n % 2 else None,
            )
        f.publish_results(voting)
        return voting.pk


def analytics_html(client, cycle_id, lang):
    page = PBCyclePage.objects.get(pk=cycle_id)
    page = page if lang == f.SOURCE else page.get_translation(f.locale(lang))
    assert page.results_published
    return client.get(page.url + "analytics/").content.decode()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_chart_has_a_title_and_axis_labels(client, db, published_once, lang):
    html = analytics_html(client, published_once, lang)
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
def test_the_papers_tables_are_introduced_in_plain_words_with_the_formula_in_a_note(client, db, published_once, lang):
    section = PBCyclePage.objects.get(pk=published_once).get_parent().get_translation(f.locale(lang))
    comparison = client.get(section.url + "analytics/")  # every published cycle side by side
    assert comparison.status_code == 200
    for html in (analytics_html(client, published_once, lang), comparison.content.decode()):
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
