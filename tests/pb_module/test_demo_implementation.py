"""The demo's finished cycles: funded proposals whose statuses are what their milestones say."""

import pytest
from django.utils import timezone

from pb_module.models import MonitoringReport, Proposal
from pb_module.rules.implementation import Implementation
from pb_module.rules.statuses import Status
from pb_module.selectors.implementation import progress_of
from pb_module.services.implementation import sync_implementation

pytestmark = pytest.mark.demo


def demo(key):
    return Proposal.objects.get(external_id=f"demo:{key}")


def test_every_tracked_demo_proposal_has_milestones_that_agree_with_its_status(db):
    tracked = Proposal.objects.filter(
        external_id__startswith="demo:", status__in=[Status.IN_IMPLEMENTATION, Status.STALLED, Status.COMPLETED]
    )
    assert {p.status for p in tracked} == {Status.IN_IMPLEMENTATION, Status.STALLED, Status.COMPLETED}
    for proposal in tracked:
        progress = progress_of(proposal)
        assert progress.milestones, proposal.external_id
        assert progress.state.value == proposal.status, proposal.external_id
        # the daily check has nothing to move on the day the demo is loaded
        assert sync_implementation(proposal, today=timezone.localdate()) is None


def test_the_stalled_playground_shows_why_and_since_when(db):
    playground = demo("aktau-playground-5")
    progress = progress_of(playground)
    assert progress.state == Implementation.STALLED
    assert (timezone.localdate() - progress.last_moved).days > playground.cycle.specific.stalled_after_days
    assert 0 < progress.percent < 100
    stalled = playground.status_changes.get(to_status=Status.STALLED)
    assert timezone.localdate(stalled.changed_at) > progress.last_moved  # logged after the silence, not before
    assert playground.photos.filter(kind="before").exists()


def test_completed_projects_are_done_to_the_last_milestone_and_have_before_and_after_photos(db):
    for key in ("aktau-park-12", "aksu-skatepark"):
        proposal = demo(key)
        assert progress_of(proposal).percent == 100
        assert {p.kind for p in proposal.photos.all()} >= {"before", "after"}
        assert proposal.milestones.exclude(actual_end=None).count() == proposal.milestones.count()


def test_demo_reports_come_from_ngos_and_verified_residents_some_answered_one_hidden(db):
    reports = MonitoringReport.objects.filter(proposal__external_id__startswith="demo:")
    assert {r.author_kind for r in reports} == {"ngo", "citizen"}
    assert {r.language for r in reports} == {"kk", "ru", "en"}
    assert reports.exclude(answer="").filter(answered_for__isnull=False).count() >= 3
    hidden = reports.get(hidden=True)
    assert hidden.hidden_reason and hidden.hidden_by is not None
    for report in reports.filter(author_kind="citizen"):
        assert len(report.reporter_hash) == 64 and report.author is None


def test_demo_stories_exist_in_three_languages_with_their_projects(db, client):
    from pb_module.models import ProgressStoryPage

    for lang in ("kk", "ru", "en"):
        stories = ProgressStoryPage.objects.live().filter(locale__language_code=lang, alias_of__isnull=True)
        assert stories.count() >= 3, lang
        story = stories.get(slug="pocket-park-opened")
        assert list(story.projects.all()) == [demo("aktau-park-12")]
        html = client.get(story.url).content.decode()
        assert story.title in html and "<blockquote>" in html


def test_catalogue_filters_by_implementation_status_and_shows_the_progress(db, client):
    playground = demo("aktau-playground-5")
    title = playground.page_in("ru").title
    html = client.get("/ru/projects/", {"status": "stalled"}).content.decode()
    assert title in html
    assert demo("aktau-park-12").page_in("ru").title not in html  # completed: not stalled
    percent = progress_of(playground).percent
    assert f'<progress max="100" value="{percent}"' in html
    cycle_html = client.get(playground.page_in("ru").get_parent().url).content.decode()
    assert f'<progress max="100" value="{percent}"' in cycle_html
