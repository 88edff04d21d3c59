"""A cycle counted by `equalshares/add1-comparison` (issue 18): its published result takes the greedy outcome when
more voters prefer it, keeps the comparison's counts, and its results page explains the step in kk, ru and en."""

from datetime import date

import pytest

from pb_module.models import PBCyclePage, Proposal
from pb_module.rules.statuses import Status
from tests.factories import BallotFactory, publish_results, voting_cycle

pytestmark = pytest.mark.django_db


def _vote(rule):
    """Three voters want x (100 000 tenge), two others want y and z (40 000 each), from a budget of 100 000.

    Equal Shares (with add-one completion) funds y; greedy funds x, which three voters prefer and two do not."""
    cycle, (x, y, z) = voting_cycle([100_000, 40_000, 40_000], total_budget=100_000, tally_rule=rule)
    for n, chosen in enumerate([[x], [x], [x], [y, z], [y, z]]):
        BallotFactory(cycle=cycle, proposals=chosen, birth_date=date(1960 + 8 * n, 5, 1 + n))
    return cycle, (x, y, z)


def _selected(proposals):
    return [p for p in proposals if Proposal.objects.get(pk=p.pk).status == Status.SELECTED]


def test_published_result_takes_the_outcome_most_voters_prefer():
    cycle, (x, y, z) = _vote("equalshares/add1-comparison")
    result = publish_results(cycle)
    assert [line["proposal"] for line in result.lines if line["selected"]] == [x.pk]
    assert result.params["comparison"] == {"prefer_equal_shares": 2, "prefer_greedy": 3, "kept": "greedy"}
    assert _selected([x, y, z]) == [x]


def test_without_the_comparison_equal_shares_funds_the_smaller_project():
    cycle, (x, y, z) = _vote("equalshares/add1")
    result = publish_results(cycle)
    assert _selected([x, y, z]) == [y]
    assert "comparison" not in result.params


@pytest.mark.parametrize(
    "lang, words",
    [
        ("kk", ["ашкөз", "3"]),
        ("ru", ["жадн", "3"]),
        ("en", ["greedy outcome was taken", "2 voters preferred the Equal Shares outcome and 3 the greedy one"]),
    ],
)
def test_the_results_page_explains_the_comparison(client, lang, words):
    cycle, _ = _vote("equalshares/add1-comparison")
    publish_results(cycle)
    page = PBCyclePage.objects.get(translation_key=cycle.translation_key, locale__language_code=lang)
    html = client.get(page.url + "results/").content.decode()
    for word in words:
        assert word in html.lower() if word.islower() else word in html
