"""Progress stories: an editorial page under a cycle, linked to its funded projects, listed where readers look."""

import json
import re

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.home import translate_page
from pb_module.models import Milestone, PBCyclePage, ProgressStoryPage, Proposal, ProposalPage
from pb_module.models.stories import STORY_STATUSES
from pb_module.rules.implementation import overall_progress

from .. import factories as f

QUOTE = {
    "kk": "Енді балалар кешке дейін ауланың ішінде ойнайды.",
    "ru": "Теперь дети играют во дворе до самого вечера.",
}
TEXT = {"kk": "Жұмыс жоспар бойынша жүріп жатыр.", "ru": "Работы идут по плану."}
TITLE = {"kk": "Аула саябағы: бірінші кезең аяқталды", "ru": "Дворовый сквер: первый этап завершён"}
INTRO = {"kk": "Жобалау аяқталды, құрылыс басталды.", "ru": "Проект готов, началось строительство."}


def past_vote():
    """A cycle whose vote is over and published: both its proposals selected."""
    cycle, _proposals = f.voting_cycle([6_000_000, 3_000_000], ballots=[[0, 1], [0]], total_budget=10_000_000)
    f.publish_results(cycle)
    return PBCyclePage.objects.get(pk=cycle.pk)


@pytest.fixture(scope="module")
def cycles_once(module_db):
    with module_db():
        return {"first": past_vote().pk, "second": past_vote().pk}


@pytest.fixture
def cycles(db, cycles_once):
    """Two published votes, "first" and "second", each with two funded projects (built once for the module)."""
    return {key: PBCyclePage.objects.get(pk=pk) for key, pk in cycles_once.items()}


def cycle_page(cycles, key, lang="kk"):
    return PBCyclePage.objects.get(translation_key=cycles[key].translation_key, locale__language_code=lang)


def funded_of(cycles, key):
    cycle = cycle_page(cycles, key)
    return Proposal.objects.filter(cycle__translation_key=cycle.translation_key, status__in=STORY_STATUSES).order_by(
        "pk"
    )


def body(lang, proposal, owner="story"):
    """The same block ids in every language, so wagtail-localize lines the segments up."""
    return [
        {"type": "paragraph", "value": f"<p>{TEXT[lang]}</p>", "id": f"{owner}-text"},
        {"type": "quote", "value": {"text": QUOTE[lang], "attribution": "Айгүл Серікова"}, "id": f"{owner}-quote"},
        {"type": "milestones", "value": {"heading": "", "proposal": proposal.pk}, "id": f"{owner}-milestones"},
    ]


def make_story(cycle, proposals, slug="park-story", image=None, milestone_of=None):
    page = ProgressStoryPage(
        title=TITLE["kk"],
        slug=slug,
        intro=INTRO["kk"],
        image=image,
        body=body("kk", milestone_of or proposals[0], owner=slug),
    )
    page.projects = proposals
    cycle.add_child(instance=page)
    page.save_revision().publish()
    return ProgressStoryPage.objects.get(pk=page.pk)


@pytest.fixture
def proposal(cycles):
    proposal = funded_of(cycles, "first").first()
    Milestone.objects.create(
        proposal=proposal, order=1, title_kk="Жобалау", title_ru="Проектирование", status="done", percent=100
    )
    Milestone.objects.create(
        proposal=proposal, order=2, title_kk="Құрылыс", title_ru="Строительство", status="in_progress", percent=40
    )
    return proposal


@pytest.fixture
def story(cycles, proposal):
    return make_story(cycle_page(cycles, "first"), [proposal])


def translate_to_ru(story, proposal):
    translate_page(
        story,
        ProgressStoryPage,
        lambda lang: {"title": TITLE[lang], "intro": INTRO[lang], "body": body(lang, proposal, owner=story.slug)},
        ["ru"],
    )


def story_links(html):
    return re.findall(r'<h3><a href="([^"]+)"', html)


def test_a_story_lives_only_under_a_cycle():
    assert ProgressStoryPage.allowed_parent_page_models() == [PBCyclePage]
    assert ProgressStoryPage in PBCyclePage.allowed_subpage_models()


def test_story_page_shows_the_text_the_quote_and_the_live_milestones(client, story, proposal):
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{TITLE['kk']}</h1>" in html
    assert TEXT["kk"] in html
    assert re.search(r"<figure class=\"quote\">\s*<blockquote><p>" + QUOTE["kk"], html)
    assert "<figcaption>— Айгүл Серікова</figcaption>" in html
    assert '<span lang="kk">Жобалау</span>' in html and '<span lang="kk">Құрылыс</span>' in html
    with translation.override("kk"):
        done = [gettext("%(percent)s %% done") % {"percent": n} for n in (100, 40)]
    assert all(text in html for text in done)
    # The weighted mean of all the project's milestones.
    overall = overall_progress([m.as_rule() for m in proposal.milestones.all()])
    with translation.override("kk"):
        assert gettext("Overall progress: %(percent)s %%") % {"percent": overall} in html
    # The linked project, to its page in the reader's language.
    assert proposal.page_in("kk").url in html
    # A milestone that moves shows on the story at once: the list is read, not copied.
    Milestone.objects.filter(proposal=proposal, order=2).update(percent=60)
    with translation.override("kk"):
        assert gettext("%(percent)s %% done") % {"percent": 60} in client.get(story.url).content.decode()


def test_cycle_proposal_and_home_pages_list_the_story(client, story, proposal, cycles):
    for url in (cycle_page(cycles, "first").url, proposal.page_in("kk").url, "/kk/"):
        html = client.get(url).content.decode()
        assert story.url in story_links(html), url
        assert INTRO["kk"] in html
    # Not on another cycle, nor on a project the story is not about.
    assert story.url not in client.get(cycle_page(cycles, "second").url).content.decode()
    other = funded_of(cycles, "first").exclude(pk=proposal.pk).first()
    assert story.url not in client.get(other.page_in("kk").url).content.decode()


def test_unpublished_stories_are_not_listed(client, story, proposal, cycles):
    story.unpublish()
    assert client.get(story.url).status_code == 404
    for url in (cycle_page(cycles, "first").url, proposal.page_in("kk").url, "/kk/"):
        assert story.url not in client.get(url).content.decode()


def test_home_page_shows_the_three_newest_stories_of_every_cycle(client, proposal, cycles):
    aktau, aksu = cycle_page(cycles, "first"), cycle_page(cycles, "second")
    stories = [make_story(aktau, [proposal], slug=f"story-{n}") for n in range(3)]
    stories.append(make_story(aksu, [funded_of(cycles, "second").first()], slug="aksu-story"))
    ProgressStoryPage.objects.filter(pk=stories[0].pk).update(date="2020-01-01")
    listed = story_links(client.get("/kk/").content.decode())
    shown = [s.url for s in stories[1:]]
    assert set(shown) <= set(listed) and stories[0].url not in listed


def test_listings_make_the_same_queries_for_one_story_or_many(client, proposal, cycles):
    cycle = cycle_page(cycles, "first")
    image = wagtail_factories.ImageFactory()
    make_story(cycle, [proposal], slug="first", image=image)
    urls = (cycle.url, proposal.page_in("kk").url, "/kk/")
    for url in urls:
        client.get(url)  # the image's renditions are made once
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    for n in range(3):
        make_story(cycle, [proposal], slug=f"more-{n}", image=image)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        assert html.count(f'href="{cycle.url}more-') >= 3
        assert len(queries) == counts[url], url


def test_a_translation_keeps_the_projects_and_is_listed_in_its_language(
    client, story, proposal, cycles, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes a translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translate_to_ru(story, proposal)
    ru = ProgressStoryPage.objects.get(translation_key=story.translation_key, locale__language_code="ru")
    assert ru.live and ru.alias_of_id is None
    assert list(ru.projects.all()) == [proposal]
    html = client.get(ru.url).content.decode()
    assert f"<h1>{TITLE['ru']}</h1>" in html and QUOTE["ru"] in html
    # Milestone titles in the reader's language; the project link to its Russian page.
    assert '<span lang="ru">Строительство</span>' in html
    assert ProposalPage.objects.get(proposal=proposal, locale__language_code="ru").url in html
    for url in (cycle_page(cycles, "first", "ru").url, proposal.page_in("ru").url, "/ru/"):
        page = client.get(url).content.decode()
        assert ru.url in story_links(page), url
        assert story.url not in page
    # The Kazakh pages keep the Kazakh story.
    assert story.url in story_links(client.get("/kk/").content.decode())


def test_a_story_needs_a_project(cycles):
    page = ProgressStoryPage(title="Бос", slug="empty", intro="…")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "projects" in error.value.message_dict
    with pytest.raises(ValidationError):
        cycle_page(cycles, "first").add_child(instance=ProgressStoryPage(title="Бос", slug="empty", intro="…"))
    assert not ProgressStoryPage.objects.filter(slug="empty").exists()


def test_a_story_cannot_link_a_project_of_another_cycle(proposal, cycles):
    stranger = funded_of(cycles, "second").first()
    with pytest.raises(ValidationError) as error:
        make_story(cycle_page(cycles, "first"), [proposal, stranger], slug="stranger")
    assert "projects" in error.value.message_dict


def test_a_milestone_list_shows_only_a_linked_project(proposal, cycles):
    other = funded_of(cycles, "first").exclude(pk=proposal.pk).first()
    with pytest.raises(ValidationError) as error:
        make_story(cycle_page(cycles, "first"), [proposal], slug="unlinked", milestone_of=other)
    assert "body" in error.value.message_dict


def admin_form(projects, slug, milestones_of=None):
    blocks = [("milestones", {"heading": "", "proposal": milestones_of.pk})] if milestones_of else []
    return {
        **nested_form_data(
            {
                "title": TITLE["kk"],
                "slug": slug,
                "date": "2025-06-01",
                "intro": INTRO["kk"],
                "body": streamfield(blocks),
            }
        ),
        "projects": [p.pk for p in projects],
        "action-publish": "publish",
    }


def test_the_admin_offers_and_accepts_only_this_cycles_funded_projects(admin_client, proposal, cycles):
    cycle = cycle_page(cycles, "first")
    url = f"/admin/pages/add/pb_module/progressstorypage/{cycle.pk}/"
    form = admin_client.get(url).content.decode()
    offered = {int(pk) for pk in re.findall(r'name="projects" value="(\d+)"', form)}
    assert offered == set(funded_of(cycles, "first").values_list("pk", flat=True))
    assert proposal.page_in("kk").title in form  # named by title, not "#12"

    stranger = funded_of(cycles, "second").first()
    response = admin_client.post(url, admin_form([stranger], "from-admin"))
    assert response.status_code == 200  # the form again, with the error
    assert not ProgressStoryPage.objects.filter(slug="from-admin").exists()
    response = admin_client.post(url, admin_form([], "from-admin"))
    assert not ProgressStoryPage.objects.filter(slug="from-admin").exists()

    other = funded_of(cycles, "first").exclude(pk=proposal.pk).first()
    response = admin_client.post(url, admin_form([proposal], "from-admin", milestones_of=other))
    with translation.override("kk"):  # the admin speaks the site's language to a user without a preference
        message = gettext("A milestone list can only show a project the story is linked to.")
    # StreamField errors travel in the block's JSON data, non-ASCII letters as \u escapes.
    assert json.dumps(message)[1:-1] in response.content.decode()

    response = admin_client.post(url, admin_form([proposal], "from-admin", milestones_of=proposal))
    assert response.status_code == 302
    made = ProgressStoryPage.objects.get(slug="from-admin", locale__language_code="kk")
    assert made.live and list(made.projects.all()) == [proposal]
    assert made.body[0].value["proposal"] == proposal
    assert admin_client.get(f"/admin/pages/{made.pk}/edit/").status_code == 200
    # Until it is translated, the Russian tree has an alias with the same projects, marked as Kazakh text.
    alias = ProgressStoryPage.objects.get(translation_key=made.translation_key, locale__language_code="ru")
    assert alias.alias_of_id == made.pk and alias.live and list(alias.projects.all()) == [proposal]
    html = admin_client.get(cycle_page(cycles, "first", "ru").url).content.decode()
    assert f'<h3><a href="{alias.url}" lang="kk">' in html


def test_site_search_offers_stories_as_a_type(client, story):
    html = client.get("/kk/search/", {"q": "саябағы", "type": "stories"}).content.decode()
    results = re.findall(r'<li><p class="meta">([^<]+)</p><h2><a href="([^"]+)"', html)
    hrefs = [href for _label, href in results]
    assert story.url in hrefs  # with any other stories about parks in the database
    assert len({label for label, _href in results}) == 1  # all of one type: stories
    assert re.search(rf'type=stories"[^>]*>[^<(]+\({len(hrefs)}\)</a>', html)
    assert INTRO["kk"] in html  # the introduction stands under the title
    # Other word forms: "саябақ" finds "саябағы".
    html = client.get("/kk/search/", {"q": "саябақ", "type": "stories"}).content.decode()
    assert story.url in html
