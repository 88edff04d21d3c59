"""Moderation in the open: statuses move by the rules, every decision is logged publicly with its reason."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from pb_module import services
from pb_module.models import CyclePhase, PBCyclePage, Proposal, ProposalComment, ProposalFollower, ProposalPage

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def cycles_once(module_db):
    with module_db():
        return f.cycle(schedule="collecting").pk, f.cycle(schedule="past", expert_review=True).pk


@pytest.fixture
def open_cycle(db, cycles_once):
    """A cycle collecting proposals now, in its own territory (no expert review; built once for the module)."""
    return PBCyclePage.objects.get(pk=cycles_once[0])


@pytest.fixture
def reviewed_cycle(db, cycles_once):
    """A past cycle that had an expert-review phase: a proposal needs a compliant verdict to go on the ballot."""
    return PBCyclePage.objects.get(pk=cycles_once[1])


def new_proposal(cycle, title="Саябақ", cost=5_000_000, language="kk"):
    return services.proposals.submit_proposal(
        cycle=cycle,
        language=language,
        title=title,
        summary="Қысқаша.",
        description="Толық сипаттама.",
        district=cycle.territory,
        estimated_cost=cost,
        author_name="Айгүл С.",
        author_contact="a@example.kz",
        historical=True,
    ).proposal


def status_url(proposal):
    return f"/admin/pb/proposals/{proposal.pk}/status/"


def test_moderator_moves_a_proposal_through_the_workflow_in_the_admin(client, open_cycle, moderator):
    proposal = new_proposal(open_cycle)
    page = proposal.pages.get(alias_of__isnull=True)
    client.force_login(moderator)
    listing = client.get("/admin/pb/proposals/")
    assert listing.status_code == 200
    assert status_url(proposal) in listing.content.decode()

    response = client.post(status_url(proposal), {"new_status": "in_moderation", "reason": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live  # public from the moment a moderator has looked at it
    client.post(status_url(proposal), {"new_status": "in_discussion", "reason": "Талқылауға шықты."})

    refused = client.post(status_url(proposal), {"new_status": "rejected", "reason": "  "})
    assert refused.status_code == 400
    assert "public reason" in refused.content.decode() or "себеп" in refused.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "in_discussion"

    client.post(status_url(proposal), {"new_status": "rejected", "reason": "Жер телімі жеке меншікте."})
    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    log = list(proposal.status_changes.values_list("to_status", "reason", "actor_name"))
    assert log == [
        ("submitted", "", "Айгүл С."),
        ("in_moderation", "", "Айжан Модератор"),
        ("in_discussion", "Талқылауға шықты.", "Айжан Модератор"),
        ("rejected", "Жер телімі жеке меншікте.", "Айжан Модератор"),
    ]
    client.logout()
    public = client.get(page.url).content.decode()
    assert "Жер телімі жеке меншікте." in public and "Айжан Модератор" in public
    ru_alias = proposal.pages.get(locale__language_code="ru")
    assert "Жер телімі жеке меншікте." in client.get(ru_alias.url).content.decode()


def test_illegal_transition_is_refused_with_a_clear_message(client, open_cycle, moderator):
    proposal = new_proposal(open_cycle)
    client.force_login(moderator)
    response = client.post(status_url(proposal), {"new_status": "selected"})
    assert response.status_code == 400  # not even offered: the form only lists allowed statuses
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.proposals.change_status(proposal=proposal, new_status="selected", user=moderator)
    assert "A proposal cannot go from “submitted” to “selected”." in error.value.messages
    proposal.refresh_from_db()
    assert proposal.status == "submitted" and proposal.status_changes.count() == 1


def test_merging_needs_a_reason_and_a_target_in_the_same_cycle(open_cycle, moderator):
    first, second = new_proposal(open_cycle, "Бірінші"), new_proposal(open_cycle, "Екінші")
    for p in (first, second):
        services.proposals.change_status(proposal=p, new_status="in_moderation", user=moderator)
    other_cycle = f.ProposalFactory(cycle=f.cycle(), status="in_moderation")
    with pytest.raises(ValidationError):
        services.proposals.change_status(
            proposal=second, new_status="merged", user=moderator, reason="Қайталау", merged_into=other_cycle
        )
    services.proposals.change_status(
        proposal=second, new_status="merged", user=moderator, reason="Қайталау", merged_into=first
    )
    second.refresh_from_db()
    assert (second.status, second.merged_into) == ("merged", first)


def test_expert_verdict_is_required_before_the_ballot_when_the_cycle_has_expert_review(
    client, reviewed_cycle, moderator, expert
):
    aksu = reviewed_cycle
    proposal = new_proposal(aksu, cost=20_000_000)
    for status in ("in_moderation", "in_discussion", "in_expert_review"):
        services.proposals.change_status(proposal=proposal, new_status=status, user=moderator)
    client.force_login(moderator)
    refused = client.post(status_url(proposal), {"new_status": "on_ballot"})
    assert refused.status_code == 400
    assert "compliant" in refused.content.decode() or "сәйкес" in refused.content.decode()

    # The expert records a verdict; the moderator cannot, the expert cannot change the status.
    denied = client.post(
        f"/admin/pb/proposals/{proposal.pk}/review/", {"verdict": "compliant", "validated_cost": "1", "conclusion": "x"}
    )
    assert denied.status_code == 302 and denied.headers["Location"] == "/admin/"
    assert not proposal.reviews.exists()
    client.force_login(expert)
    denied = client.post(status_url(proposal), {"new_status": "rejected", "reason": "x"})
    assert denied.status_code == 302 and denied.headers["Location"] == "/admin/"
    proposal.refresh_from_db()
    assert proposal.status == "in_expert_review"
    response = client.post(
        f"/admin/pb/proposals/{proposal.pk}/review/",
        {"verdict": "compliant", "validated_cost": "18000000", "conclusion": "Құжаттар толық, құны негізделген."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.validated_cost == 18_000_000 and proposal.cost == 18_000_000

    client.force_login(moderator)
    assert client.post(status_url(proposal), {"new_status": "on_ballot"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "on_ballot"
    public = client.get(proposal.pages.get(alias_of__isnull=True).url).content.decode()
    assert "Құжаттар толық, құны негізделген." in public


def test_needs_changes_verdict_keeps_it_off_the_ballot(reviewed_cycle, moderator, expert):
    aksu = reviewed_cycle
    proposal = new_proposal(aksu)
    for status in ("in_moderation", "in_expert_review"):
        services.proposals.change_status(proposal=proposal, new_status=status, user=moderator)
    services.proposals.record_expert_review(
        proposal=proposal, user=expert, verdict="needs_changes", validated_cost=6_000_000, conclusion="Смета керек."
    )
    with pytest.raises(ValidationError):
        services.proposals.change_status(proposal=proposal, new_status="on_ballot", user=moderator)


def test_never_on_the_ballot_above_the_cap_even_without_expert_review(moderator):
    f.MrpRateFactory(year=2024, tenge=3_692)  # (the rate of 2024 comes with the migrations)
    city = f.TerritoryFactory(settlement_category="oblast", translations=True)
    aktau = f.cycle(schedule="past", year=2024, territory=city)  # no expert-review phase; cap 55 380 000
    assert aktau.proposal_cap_tenge == 55_380_000
    proposal = new_proposal(aktau, cost=60_000_000)
    services.proposals.change_status(proposal=proposal, new_status="in_moderation", user=moderator)
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        services.proposals.change_status(proposal=proposal, new_status="on_ballot", user=moderator)
    assert "предельн" in error.value.messages[0]
    cheap = new_proposal(aktau, cost=55_380_000)
    services.proposals.change_status(proposal=cheap, new_status="in_moderation", user=moderator)
    services.proposals.change_status(proposal=cheap, new_status="on_ballot", user=moderator)


def _open_discussion(cycle):
    today = timezone.localdate()
    CyclePhase.objects.filter(cycle=cycle).delete()
    CyclePhase.objects.create(
        cycle=cycle, phase="discussion", starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=5)
    )


def test_ngo_representative_comments_during_discussion_and_a_moderator_hides_with_reason(
    client, open_cycle, moderator, ngo
):
    proposal = new_proposal(open_cycle)
    services.proposals.change_status(proposal=proposal, new_status="in_moderation", user=moderator)
    services.proposals.change_status(proposal=proposal, new_status="in_discussion", user=moderator)
    page = ProposalPage.objects.get(proposal=proposal, alias_of__isnull=True)

    # Before the discussion phase: no form, and a post is refused.
    client.force_login(ngo)
    assert 'name="body"' not in client.get(page.url).content.decode()
    assert client.post(page.url + "comment/", {"body": "Ерте"}).status_code == 400

    _open_discussion(open_cycle)
    assert 'name="body"' in client.get(page.url).content.decode()
    response = client.post(page.url + "comment/", {"body": "Біз мүгедектер қоғамы атынан қолдаймыз."})
    assert response.status_code == 302
    comment = ProposalComment.objects.get(proposal=proposal)
    client.logout()
    assert "Біз мүгедектер қоғамы атынан қолдаймыз." in client.get(page.url).content.decode()

    # A citizen without the role cannot comment.
    assert client.post(page.url + "comment/", {"body": "x"}).status_code == 302  # to the login page
    assert ProposalComment.objects.filter(proposal=proposal).count() == 1

    client.force_login(moderator)
    assert client.post(f"/admin/pb/comments/{comment.pk}/hide/", {"reason": ""}).status_code == 200
    client.post(f"/admin/pb/comments/{comment.pk}/hide/", {"reason": "Телефон нөмірі жарияланған."})
    client.logout()
    public = client.get(page.url).content.decode()
    assert "Біз мүгедектер қоғамы атынан қолдаймыз." not in public
    assert "Телефон нөмірі жарияланған." in public


def test_ngo_representative_has_no_admin_and_experts_cannot_hide_comments(client, ngo, expert):
    client.force_login(ngo)
    assert client.get("/admin/").status_code == 302  # to the admin login
    proposal = f.ProposalFactory(cycle=f.cycle(schedule="discussion"), status="in_discussion")
    comment = services.proposals.add_comment(proposal=proposal, user=ngo, body="Қолдаймыз.", language="kk")
    client.force_login(expert)
    assert client.post(f"/admin/pb/comments/{comment.pk}/hide/", {"reason": "x"}).status_code == 302
    comment.refresh_from_db()
    assert not comment.hidden


def test_citizen_follows_a_proposal_and_hears_of_status_changes(
    client, open_cycle, moderator, django_capture_on_commit_callbacks
):
    proposal = new_proposal(open_cycle)
    services.proposals.change_status(proposal=proposal, new_status="in_moderation", user=moderator)
    page = ProposalPage.objects.get(proposal=proposal, alias_of__isnull=True)
    ru_page = proposal.pages.get(locale__language_code="ru")
    cache.clear()  # the follow form's rate-limit counters
    assert client.post(ru_page.url + "follow/", {"email": "not-an-email"}).status_code == 400
    assert client.post(ru_page.url + "follow/", {"email": "Resident@Example.kz"}).status_code == 302
    client.post(page.url + "follow/", {"email": "resident@example.kz"})
    follower = ProposalFollower.objects.get(proposal=proposal)
    assert "resident" not in follower.email_encrypted and follower.email == "resident@example.kz"
    # Double opt-in: the latest link sent to the address confirms the follow.
    assert [m.to for m in mail.outbox] == [["resident@example.kz"]] * 2 and follower.confirmed_at is None
    link = re.search(r"/kk/pb/follow/confirm/[\w-]+/", mail.outbox[-1].body).group(0)
    assert client.post(link).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposals.change_status(proposal=proposal, new_status="rejected", user=moderator, reason="Қайталау.")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["resident@example.kz"]
    assert "Қайталау." in mail.outbox[0].body


def test_admin_lists_proposals_filtered_by_cycle_status_and_district(client, moderator):
    aktau, elsewhere = f.cycle(schedule="past"), f.cycle()
    mine = [
        f.ProposalFactory(cycle=cycle, status=status, moderator=moderator)
        for cycle in (aktau, elsewhere)
        for status in ("rejected", "in_moderation", "on_ballot", "rejected")
    ]
    client.force_login(moderator)
    rejected = [p for p in mine if p.status == "rejected"]
    response = client.get("/admin/pb/proposals/", {"status": "rejected"})
    body = response.content.decode()
    for proposal in rejected:  # the newest first: these four are on the first page
        assert status_url(proposal) in body
    for proposal in Proposal.objects.exclude(status="rejected"):
        assert status_url(proposal) not in body
    body = client.get("/admin/pb/proposals/", {"cycle": aktau.pk}).content.decode()
    in_aktau = Proposal.objects.filter(cycle=aktau)
    # One page of the listing (Wagtail shows 20 a page): all from Aktau, none from elsewhere.
    assert sum(status_url(p) in body for p in in_aktau) == min(20, in_aktau.count())
    assert not any(status_url(p) in body for p in Proposal.objects.exclude(cycle=aktau))


def test_admin_never_offers_to_edit_or_delete_the_shared_record(client, moderator):
    client.force_login(moderator)
    proposal = f.ProposalFactory(status="in_moderation")
    assert client.get(f"/admin/pb/proposals/edit/{proposal.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/pb/proposals/delete/{proposal.pk}/").status_code in (302, 403)
