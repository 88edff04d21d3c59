"""Demo content of the PB module: territories, three cycles, proposals in every status.

Called by `load_demo` after the CMS pages exist. Proposals go through the real services
(submission, status changes, expert review, comments), so the public logs are the real thing.
Running it again leaves existing demo proposals alone.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from demo import pb_content as C
from demo.country import load_overview_demo
from demo.home import SOURCE, TARGETS, publish, translate_page, upsert_child, upsert_snippet
from demo.implementation import load_implementation_demo
from demo.meetings import load_meetings_demo
from demo.places import load_places_demo
from demo.results import load_results_demo
from pb_module import roles, services
from pb_module.models import (
    CyclePhase,
    MrpRate,
    PBCyclePage,
    PBIndexPage,
    Proposal,
    ProposalComment,
    ProposalPage,
    Territory,
)
from pb_module.rules.phases import Phase

PB_INDEX = {
    "slug": "participatory-budget",
    "title": {"kk": "Қатысу бюджеті циклдері", "ru": "Циклы бюджета участия", "en": "Participatory budget cycles"},
    "intro": {
        "kk": "Тұрғындар жергілікті бюджеттің бір бөлігін қалай жұмсауды ұсынып, талқылап, дауыс беретін циклдер.",
        "ru": "Циклы, в которых жители предлагают, обсуждают и выбирают голосованием, как потратить часть "
        "местного бюджета.",
        "en": "Cycles in which residents propose, discuss and vote on how to spend part of a local budget.",
    },
}
# Past cycles whose results the demo publishes (the tally of their ballots, frozen).
RESULTS_PUBLISHED = ["aktau-2024", "aksu-2025"]
# The MRP of 2026 (republican budget law for 2026-2028); 2023-2025 come with the migrations.
MRP_2026 = 4_325
# When each status change of a demo proposal happened: the start of the matching phase (+ days).
STATUS_PHASE = {
    "in_moderation": (Phase.MODERATION, 1),
    "in_discussion": (Phase.DISCUSSION, 0),
    "in_expert_review": (Phase.EXPERT_REVIEW, 0),
    "on_ballot": (Phase.VOTING, -3),
    "rejected": (Phase.MODERATION, 7),
    "merged": (Phase.MODERATION, 9),
    "selected": (Phase.RESULTS, 1),
    "not_selected": (Phase.RESULTS, 1),
    "in_implementation": (Phase.IMPLEMENTATION, 0),
    "completed": (Phase.IMPLEMENTATION, 150),
    "stalled": (Phase.IMPLEMENTATION, 90),
}


def _territories():
    """Each territory in kk, ru and en with one translation key; returns the Kazakh ones by key."""
    made = {}
    for spec in C.TERRITORIES:
        made[spec["key"]] = upsert_snippet(
            Territory,
            spec["key"],
            lambda lang, s=spec: {
                "name": s["name"][lang],
                "kind": s["kind"],
                "settlement_category": s["category"],
                "population_16_plus": s["population_16_plus"],
                "parent": made[s["parent"]][lang] if s["parent"] else None,
            },
        )
    return {key: objs[SOURCE] for key, objs in made.items()}


def _user(username, group, first_name="", last_name=""):
    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.kz"},
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def _voting_now(spec):
    """The cycle whose voting is open at load time: its phases end with voting running today."""
    today = timezone.localdate()
    phases = [
        ("collection", today - timedelta(days=120), today - timedelta(days=90)),
        ("moderation", today - timedelta(days=89), today - timedelta(days=60)),
        ("voting", today - timedelta(days=3), today + timedelta(days=25)),
        ("results", today + timedelta(days=26), today + timedelta(days=35)),
    ]
    return {**spec, "phases": phases}


def _keep_open(spec):
    """The cycle that is "open now" keeps its phase lengths but is moved so that collection runs today."""
    if spec["style"] == "voting":
        return _voting_now(spec)
    if spec["style"] != "open":
        return spec
    shift = (timezone.localdate() - timedelta(days=28)) - spec["phases"][0][1]
    phases = [(phase, start + shift, end + shift if end else None) for phase, start, end in spec["phases"]]
    return {**spec, "phases": phases, "year": spec["year"] + round(shift.days / 365.25)}


def _cycle(pb_index, spec, territories):
    spec = _keep_open(spec)
    fields = lambda lang: {"title": spec["title"][lang], "intro": spec["intro"][lang]}  # noqa: E731
    page = upsert_child(
        pb_index,
        PBCyclePage,
        spec["key"],
        {
            **fields(SOURCE),
            "territory": territories[spec["territory"]],
            "year": spec["year"],
            "total_budget": spec["total_budget"],
            "ballot_type": spec["ballot_type"],
            "ballot_min_choices": spec["min_choices"],
            "ballot_max_choices": spec["max_choices"],
            "tally_rule": spec["tally_rule"],
        },
    )
    page.phases = [CyclePhase(phase=phase, starts_on=start, ends_on=end) for phase, start, end in spec["phases"]]
    publish(page)
    translate_page(page, PBCyclePage, fields, TARGETS)
    return PBCyclePage.objects.get(pk=page.pk)


def _when(cycle, status, step):
    phase, days = STATUS_PHASE[status]
    dates = {p.phase: p.starts_on for p in cycle.phase_dates}
    day = dates.get(phase) or dates.get(Phase.MODERATION) or cycle.phase_dates[0].starts_on
    moment = datetime.combine(day + timedelta(days=days), time(10, step))
    return timezone.make_aware(min(moment, datetime.now()))


def _proposal(spec, cycles, territories, actors, ngos):
    if Proposal.objects.filter(external_id=f"demo:{spec['key']}").exists():
        return
    cycle = cycles[spec["cycle"]]
    lang = spec["language"]
    submission = services.proposals.submit_proposal(
        cycle=cycle,
        language=lang,
        title=spec["title"][lang],
        summary=spec["summary"][lang],
        description=spec["description"][lang],
        district=territories[spec["district"]],
        location=spec["location"][lang],
        estimated_cost=spec["estimated_cost"],
        tags=spec["tags"][lang],
        author_name=spec["author_name"],
        author_contact="+7 700 000 00 00",
        external_id=f"demo:{spec['key']}",
        historical=True,
    )
    proposal = submission.proposal
    start = cycle.phase_dates[0].starts_on
    proposal.status_changes.update(changed_at=timezone.make_aware(datetime.combine(start + timedelta(days=5), time(9))))
    review = spec.get("review")
    for step, entry in enumerate(spec["history"]):
        status, reason = entry[0], entry[1]
        if status == "on_ballot" and review and not proposal.reviews.exists():
            _review(proposal, review, actors["expert"], lang)
        if status == "in_moderation" and proposal.status == "in_expert_review" and review:
            _review(proposal, review, actors["expert"], lang)
        merged_into = None
        if status == "merged":
            merged_into = Proposal.objects.get(external_id=f"demo:{entry[2]}")
        change = services.proposals.change_status(
            proposal=proposal,
            new_status=status,
            user=actors["moderator"],
            # The moderator gives the reason in Kazakh and in Russian: each reader sees their own (English readers
            # the Russian one, marked "(in Russian)").
            reason_kk=reason["kk"] if reason else "",
            reason_ru=reason["ru"] if reason else "",
            language=lang,
            merged_into=merged_into,
        )
        type(change).objects.filter(pk=change.pk).update(changed_at=_when(cycle, status, step))
        proposal.refresh_from_db()
    if review and proposal.status == "in_expert_review":
        _review(proposal, review, actors["expert"], lang)
    for comment in spec.get("comments", []):
        made = services.proposals.add_comment(
            proposal=proposal,
            user=ngos[comment["author"]][0],
            body=comment["text"][lang],
            language=lang,
            organisation=ngos[comment["author"]][1][lang],
            historical=True,
        )
        if comment.get("hidden_reason"):
            services.proposals.hide_comment(
                comment=made,
                user=actors["moderator"],
                reason_kk=comment["hidden_reason"]["kk"],
                reason_ru=comment["hidden_reason"]["ru"],
                language=lang,
            )
    ProposalComment.objects.filter(proposal=proposal).update(created_at=_when(cycle, "in_discussion", 5))
    # A comment was hidden in the discussion too, not on the day the demo is loaded.
    ProposalComment.objects.filter(proposal=proposal, hidden=True).update(hidden_at=_when(cycle, "in_discussion", 6))
    page = submission.page
    if proposal.is_public and spec["translate_to"]:
        fields = lambda code, s=spec: {  # noqa: E731
            "title": s["title"][code],
            "summary": s["summary"][code],
            "description": s["description"][code],
            "location": s["location"][code],
        }
        translate_page(
            ProposalPage.objects.get(pk=page.pk), ProposalPage, fields, spec["translate_to"], tags=spec["tags"]
        )


def _review(proposal, review, expert, lang):
    services.proposals.record_expert_review(
        proposal=proposal,
        user=expert,
        verdict=review["verdict"],
        validated_cost=review["validated_cost"],
        conclusion=review["conclusion"][lang],
    )


# Not one transaction: wagtail-localize publishes translations on commit, from page objects
# read before their children were added, which would reset the tree's child counts.
def load_pb_demo(home):
    """Territories, MRP 2026, the PB section with three cycles, NGO accounts and proposals, and the national
    overview with the country's cities (demo/country.py)."""
    MrpRate.objects.get_or_create(year=2026, defaults={"tenge": MRP_2026})
    territories = _territories()
    pb_index = upsert_child(
        home,
        PBIndexPage,
        PB_INDEX["slug"],
        {"title": PB_INDEX["title"][SOURCE], "intro": PB_INDEX["intro"][SOURCE], "show_in_menus": True},
    )
    translate_page(
        pb_index,
        PBIndexPage,
        lambda lang: {"title": PB_INDEX["title"][lang], "intro": PB_INDEX["intro"][lang]},
        TARGETS,
    )
    cycles = {spec["key"]: _cycle(pb_index, spec, territories) for spec in C.CYCLES}
    actors = {
        "moderator": _user("moderator_demo", roles.MODERATORS, "Дана", "Сейітова"),
        "expert": _user("expert_demo", roles.EXPERTS, "Ерлан", "Омаров"),
    }
    ngos = {
        n["key"]: (_user(n["username"], roles.NGO_REPRESENTATIVES, n["first_name"], n["last_name"]), n["organisation"])
        for n in C.NGOS
    }
    for spec in C.PROPOSALS:
        _proposal(spec, cycles, territories, actors, ngos)
    load_results_demo(cycles, territories, actors["moderator"])
    for key in RESULTS_PUBLISHED:
        if services.results.publish_problem(cycles[key]) is None:
            at = _when(cycles[key], "selected", 0)
            services.results.publish_results(cycle=cycles[key], user=actors["moderator"], at=at)
    load_implementation_demo(_user, actors["moderator"])
    cycles[C.VOTING_CYCLE["key"]] = voting = _cycle(pb_index, C.VOTING_CYCLE, territories)
    _voting_demo(voting, territories[C.VOTING_CYCLE["territory"]], actors["moderator"])
    load_places_demo(territories)
    overview = load_overview_demo(pb_index, territories)
    meetings = load_meetings_demo(home, cycles)
    return {"index": pb_index, "cycles": cycles, "overview": overview, "meetings": meetings}


def _voting_demo(cycle, territory, moderator):
    """Proposals on the ballot of the open voting cycle, and a few assisted ballots from a public centre."""
    from pb_module.rules.iin import make_iin

    made = []
    for n, (title, summary, cost) in enumerate(C.VOTING_PROPOSALS):
        external_id = f"demo:shymkent-{n}"
        proposal = Proposal.objects.filter(external_id=external_id).first()
        if proposal is None:
            proposal = services.proposals.submit_proposal(
                cycle=cycle,
                language="kk",
                title=title["kk"],
                summary=summary["kk"],
                description=summary["kk"],
                district=territory,
                estimated_cost=cost,
                author_name="Шымкент тұрғыны",
                author_contact="+7 700 000 00 00",
                external_id=external_id,
                historical=True,
            ).proposal
            for status in ("in_moderation", "on_ballot"):
                services.proposals.change_status(proposal=proposal, new_status=status, user=moderator)
            page = ProposalPage.objects.get(proposal=proposal, alias_of__isnull=True)
            translate_page(
                page,
                ProposalPage,
                lambda lang, t=title, s=summary: {
                    "title": t[lang],
                    "summary": s[lang],
                    "description": s[lang],
                    "location": "",
                },
                TARGETS,
            )
        made.append(proposal)
    operator = _user("operator_demo", roles.OPERATORS, "Гүлнар", "Ахметова")
    if not cycle.ballots.exists():
        for n, choice in enumerate([[0, 1], [1, 2, 3], [3, 4]]):
            services.voting.cast_assisted_ballot(
                cycle=cycle,
                operator=operator,
                iin=make_iin(date(1960 + n * 15, 3, 1 + n), "female", 100 + n),
                birth_date=date(1960 + n * 15, 3, 1 + n),
                district=territory,
                items={made[i].pk: 1 for i in choice},
            )
