"""Issue 15: anonymous public pages come from the page cache (home/page_cache.py), and every event that changes
what they show purges them at once, in every language. Each event test first has the pages served from the
cache (a "hit"), then makes the change the way the site makes it (a service, a publication), then asserts that
the next anonymous visitor sees the change. What the pages show is built once for the module (`world`); each test
changes it in its own savepoint."""

import http.server
import re
import threading
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from home import page_cache
from home.models import HomePage, NewsIndexPage, NewsPage, PublicCentre, PublicCentreIndexPage, StandardPage
from pb_module import roles, services
from pb_module.models import (
    Milestone,
    MonitoringReport,
    MrpRate,
    PBCyclePage,
    PBIndexPage,
    ProgressStoryPage,
    Proposal,
    ProposalPage,
    Territory,
)
from pb_module.rules.money import format_tenge
from pb_module.rules.statuses import Status
from pb_module.services import monitoring

from .. import factories as f

pytestmark = pytest.mark.django_db
LANGUAGES = ("kk", "ru", "en")


@pytest.fixture(autouse=True)
def cache_on(settings):
    """As in production: the page cache, and the page parts kept for what it does not keep."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PART_CACHE_SECONDS = 600
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture(params=["anonymous", "signed-in"])
def visitor(request, make_user):
    """Every event is checked for both: an anonymous visitor gets the page cache; a signed-in one (a voter with a
    session, an editor) never does, and gets pages built from kept parts (`page_cache.kept_one`)."""
    client = Client()
    if request.param == "signed-in":
        client.force_login(make_user("resident"))
    client.signed_in = request.param == "signed-in"
    return client


@pytest.fixture
def funded(world, moderator):
    """A proposal the vote selected (the world's "selected"), moved into implementation by a moderator (the public
    log says so)."""
    proposal = world["selected"]
    services.proposals.change_status(proposal=proposal, new_status=Status.IN_IMPLEMENTATION, user=moderator)
    proposal.refresh_from_db()
    return proposal


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """The purge runs when the change commits; the tests run in a transaction that never does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def served_from_cache(visitor, *urls):
    """Each page twice: the second answer is the stored one (for a signed-in visitor, the one built from the
    kept parts: the same page)."""
    pages = {}
    for url in urls:
        first = visitor.get(url)
        assert first.status_code == 200, url
        second = visitor.get(url)
        if getattr(visitor, "signed_in", False):
            assert "X-Page-Cache" not in second and same_page(second, first), url
        else:
            assert second["X-Page-Cache"] == "hit", url
        pages[url] = second.content.decode()
    return pages


def same_page(one, other) -> bool:
    """The same page but for the visitor's CSRF token (masked anew on every answer)."""
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
    return token.sub(b"", one.content) == token.sub(b"", other.content)


def fresh(visitor, url):
    response = visitor.get(url)
    if not getattr(visitor, "signed_in", False):
        assert response["X-Page-Cache"] == "miss", f"{url} was still served from the cache"
    return response.content.decode()


def pages_of(proposal):
    return {page.locale.language_code: page.url for page in proposal.pages.select_related("locale")}


def cycle_urls(cycle):
    return [page.url for page in Page.objects.filter(translation_key=cycle.translation_key)]


def in_language(page, code):
    """The version of `page` in language `code`, as the database has it now."""
    return page.get_translation(f.locale(code)).specific


# What the tests show: built here, with names that start with "Fx" ----------------------------------------------


def add(parent, page, titles=None):
    """`page` added under `parent`, published and translated into Russian and English (`titles` by language)."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return f.translate(page, titles)


def news_site():
    """The home page with a news list of one news item, in every language; returns the Kazakh pages."""
    home = f.home_page()
    index = add(home, NewsIndexPage(title="Fx жаңалықтар", slug="fx-news"), {"ru": "Fx новости", "en": "Fx news"})
    news = add(
        index,
        NewsPage(
            title="Fx бюджет тыңдауы өтті",
            slug="fx-budget-hearing",
            date=date(2025, 3, 4),
            intro="Fx қысқаша мазмұны.",
            body=[{"type": "paragraph", "value": "<p>Fx жаңалық мәтіні.</p>"}],
        ),
        {"ru": "Fx прошли бюджетные слушания", "en": "Fx budget hearing held"},
    )
    return {"home": home, "news_index": index, "news": NewsPage.objects.get(pk=news.pk)}


def centres_page():
    """The public centres page, in every language, and one centre in Kazakh, Russian and English."""
    page = add(f.home_page(), PublicCentreIndexPage(title="Fx қоғамдық орталықтар", slug="fx-centres"))
    source = None
    for code in ("kk", "ru", "en"):
        centre = PublicCentre(locale=f.locale(code), name=f"Fx орталық [{code}]", region="Fx облысы", address="Fx 1")
        if source is not None:
            centre.translation_key = source.translation_key
        centre.save()
        source = source or centre
    return page


def voted_cycle():
    """A cycle whose vote is published (one proposal, selected), and that proposal: the catalogue, the cycle page,
    its results and analytics show them."""
    proposal = f.selected_proposal(title="Fx саябақ жобасы")
    return PBCyclePage.objects.get(pk=proposal.cycle_id), proposal


def progress_story(proposal):
    """A story under the proposal's cycle about it, showing its milestones."""
    story = ProgressStoryPage(
        title="Fx ойын алаңы неге тоқтап қалды",
        slug="fx-playground-story",
        intro="Fx мердігер жұмысты тоқтатты.",
        body=[
            {"type": "paragraph", "value": "<p>Fx жабынның бір бөлігі ғана төселді.</p>", "id": "fx-text"},
            {"type": "milestones", "value": {"heading": "", "proposal": proposal.pk}, "id": "fx-milestones"},
        ],
    )
    story.projects = [proposal]
    proposal.cycle.add_child(instance=story)
    story.save_revision().publish()
    return ProgressStoryPage.objects.get(pk=story.pk)


def open_vote():
    """A cycle whose vote is open, with one proposal on its ballot."""
    cycle, proposals = f.voting_cycle([5_000_000])
    return cycle, proposals[0]


PROPOSALS = ("selected", "in_review", "discussed", "on_ballot")


@pytest.fixture(scope="module")
def world_ids(module_db):
    """What the tests show, built once for the module (see `module_db`): the news site (`news_site`), the public
    centres page (`centres_page`), a cycle whose vote is published ("voted", its one proposal "selected") and, in the
    same city (the only place with proposals), a cycle in discussion with a proposal in expert review
    ("in_review"), one with a proposal in discussion ("discussed"), and one whose vote is open ("voting") with one
    ballot for the one proposal on its ballot ("on_ballot"). Their ids."""
    with module_db():
        site = news_site()
        centres = centres_page()
        voted, selected = voted_cycle()
        city = voted.territory
        reviewed = f.cycle(schedule="discussion", expert_review=True, territory=city)
        in_review = f.ProposalFactory(cycle=reviewed, status=Status.IN_EXPERT_REVIEW, estimated_cost=5_000_000)
        discussed = f.cycle(schedule="discussion", territory=city)
        in_discussion = f.ProposalFactory(cycle=discussed, status=Status.IN_DISCUSSION)
        voting, (on_ballot,) = f.voting_cycle([5_000_000], ballots=[[0]], territory=city)
        return {
            "home": site["home"].pk,
            "news_index": site["news_index"].pk,
            "news": site["news"].pk,
            "centres_page": centres.pk,
            "voted": voted.pk,
            "selected": selected.pk,
            "in_review": in_review.pk,
            "discussed": in_discussion.pk,
            "voting": voting.pk,
            "on_ballot": on_ballot.pk,
        }


@pytest.fixture
def world(db, world_ids):
    """The pages and proposals of `world_ids`, read afresh for the test (the Kazakh pages, specific)."""
    return {
        key: Proposal.objects.get(pk=pk) if key in PROPOSALS else Page.objects.get(pk=pk).specific
        for key, pk in world_ids.items()
    }


# The cache itself ------------------------------------------------------------------------------------------------


def test_anonymous_pages_are_stored_once_and_served_without_the_database(anonymous, world, django_assert_num_queries):
    cycle = world["voted"]
    news_en = in_language(world["news_index"], "en").url
    urls = ["/kk/", in_language(cycle, "ru").url, news_en, "/kk/projects/?q=саябақ", "/ru/search/?q=парк"]
    first = {url: anonymous.get(url) for url in urls}
    assert "Fx саябақ жобасы" in first["/kk/projects/?q=саябақ"].content.decode()  # the catalogue finds it
    for url in urls:
        assert first[url].status_code == 200, url
        assert first[url]["X-Page-Cache"] == "miss"
        assert first[url]["Cache-Control"] == "public, max-age=0, s-maxage=0, must-revalidate"
        with django_assert_num_queries(0):
            again = anonymous.get(url)
        assert again["X-Page-Cache"] == "hit" and again.content == first[url].content
        assert again["Content-Language"] == url[1:3] and again["Content-Type"].startswith("text/html")
    # Each query string is a page of its own.
    other = anonymous.get("/kk/projects/?q=мектеп")
    assert other["X-Page-Cache"] == "miss" and other.content != first["/kk/projects/?q=саябақ"].content
    # A browser revalidates with the ETag and gets a 304; HEAD is answered from the same entry.
    etag = anonymous.get("/kk/")["ETag"]
    assert anonymous.get("/kk/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = anonymous.head("/kk/")
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit"


def test_off_when_the_setting_is_zero(settings, anonymous):
    f.home_page()
    settings.PAGE_CACHE_SECONDS = 0
    assert anonymous.get("/kk/").status_code == 200
    again = anonymous.get("/kk/")
    assert again.status_code == 200 and "X-Page-Cache" not in again


def test_never_for_signed_in_visitors_nor_a_visitor_with_a_session(client, moderator):
    f.home_page()
    served_from_cache(Client(), "/kk/")
    client.force_login(moderator)
    response = client.get("/kk/")
    assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    # Any session (the vote flow keeps one) means the visitor may see something of their own: never the cache.
    anonymous_with_session = Client()
    anonymous_with_session.cookies["sessionid"] = "x" * 32
    assert "X-Page-Cache" not in anonymous_with_session.get("/kk/")


def test_the_vote_flow_the_forms_and_the_admin_are_never_stored(anonymous, client, moderator):
    cycle, proposal = open_vote()
    per_visitor = [
        cycle.url + "vote/",
        f.cycle(schedule="collecting").url + "submit/",
        proposal.page_in("kk").url + "report/",
        "/kk/pb/receipts/",
        "/en/accounts/login/",
    ]
    for url in per_visitor:
        for _ in range(2):
            response = anonymous.get(url)
            assert "X-Page-Cache" not in response, url
            assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url
    client.force_login(moderator)
    admin = client.get("/admin/")
    assert admin.status_code == 200 and "private" in admin["Cache-Control"] and "no-store" in admin["Cache-Control"]


def test_a_page_that_sets_a_cookie_is_not_stored(anonymous):
    """The verification form of the vote flow sets the CSRF cookie: that answer belongs to one anonymous."""
    url = f.cycle(schedule="voting").url + "vote/"
    response = anonymous.get(url)
    assert response.status_code == 200 and "csrftoken" in response.cookies
    assert not any("pc:page:" in key for key in caches["default"]._cache)  # nothing stored for it


def test_the_follow_form_of_a_cached_proposal_page_gets_its_token_on_submit(funded):
    """The proposal page is the same for everyone, so its follow form carries no token; the script asks /csrf/
    for this visitor's. Without the script, the server offers the form again with a token and the address kept."""
    proposal = funded
    url = proposal.page_in("ru").url
    visitor = Client(enforce_csrf_checks=True)
    html = served_from_cache(visitor, url)[url]
    assert 'data-csrf-url="/csrf/"' in html and "csrftoken" not in visitor.cookies

    # With the script: the token from /csrf/, then the form is sent and the confirmation link goes out.
    token = visitor.get("/csrf/")
    assert "no-store" in token["Cache-Control"]
    sent = visitor.post(url + "follow/", {"email": "reader@example.kz", "csrfmiddlewaretoken": token.json()["token"]})
    assert sent.status_code == 302 and len(mail.outbox) == 1

    # Without it: 403 with the typed address kept in a form that now has a token; sending it follows.
    no_script = Client(enforce_csrf_checks=True)
    refused = no_script.post(url + "follow/", {"email": "second@example.kz", "csrfmiddlewaretoken": ""})
    page = refused.content.decode()
    assert refused.status_code == 403 and 'value="second@example.kz"' in page and "Отправить" in page
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    again = no_script.post(url + "follow/", {"email": "second@example.kz", "csrfmiddlewaretoken": token})
    assert again.status_code == 302 and len(mail.outbox) == 2

    # A form sent from another site is not offered again.
    forged = Client(enforce_csrf_checks=True).post(
        url + "follow/", {"email": "victim@example.kz"}, HTTP_ORIGIN="https://evil.example"
    )
    assert forged.status_code == 403 and "victim@example.kz" not in forged.content.decode()


def test_a_page_stored_yesterday_is_not_served_today(anonymous, monkeypatch):
    """Phases open and close at midnight in Asia/Almaty: the local date is part of every key."""
    url = f.cycle(schedule="voting").url
    served_from_cache(anonymous, url)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: date(2099, 1, 1))
    fresh(anonymous, url)


# Events: each purges every page that shows what changed, in every language -------------------------------------


def test_publishing_a_news_page_purges_it_its_listing_and_the_home_pages(visitor, commit, world):
    news, index = world["news"], world["news_index"]
    urls = [news.url, index.url, "/kk/", "/ru/", "/kk/search/?q=кеңес"]
    before = served_from_cache(visitor, *urls)
    assert all(news.title in before[url] for url in (news.url, index.url, "/kk/"))
    with commit():
        news.title = "Fx қоғамдық кеңестің жаңа отырысы өтті"
        news.save_revision().publish()
    for url in (news.url, index.url, "/kk/"):
        assert "Fx қоғамдық кеңестің жаңа отырысы өтті" in fresh(visitor, url), url
    fresh(visitor, "/ru/")  # the home page of every language
    fresh(visitor, "/kk/search/?q=кеңес")


def test_unpublishing_a_page_removes_it_at_once(visitor, commit, world):
    news, index = world["news"], world["news_index"]
    before = served_from_cache(visitor, news.url, index.url)
    assert f'href="{news.url}"' in before[index.url]
    with commit():
        news.unpublish()
    assert visitor.get(news.url).status_code == 404
    assert f'href="{news.url}"' not in fresh(visitor, index.url)


def test_a_page_made_private_leaves_the_cache(visitor, commit, world):
    news = world["news"]
    served_from_cache(visitor, news.url)
    with commit():  # moderators only: the signed-in visitor is not one
        restriction = PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set([Group.objects.get(name=roles.MODERATORS)])
    response = visitor.get(news.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_status_change_purges_the_proposal_its_cycle_and_the_catalogue_in_every_language(
    visitor, commit, moderator, world
):
    proposal = world["selected"]
    assert proposal.status == Status.SELECTED
    urls = [*pages_of(proposal).values(), *cycle_urls(proposal.cycle), "/kk/projects/", "/ru/projects/?status=selected"]
    before = served_from_cache(visitor, *urls)
    assert all("status-in_implementation" not in before[url] for url in pages_of(proposal).values())
    with commit():
        services.proposals.change_status(proposal=proposal, new_status=Status.IN_IMPLEMENTATION, user=moderator)
    for lang, url in pages_of(proposal).items():
        assert "status-in_implementation" in fresh(visitor, url), lang
    for url in cycle_urls(proposal.cycle) + ["/kk/projects/", "/ru/projects/?status=selected"]:
        assert fresh(visitor, url) != before[url], url


def test_a_validated_cost_purges_the_proposal_and_its_cycle(visitor, commit, expert, world):
    proposal = world["in_review"]
    urls = [*pages_of(proposal).values(), *cycle_urls(proposal.cycle)]
    before = served_from_cache(visitor, *urls)
    shown = {lang: format_tenge(4_321_000, lang) for lang in LANGUAGES}  # as the page writes it in each language
    assert all(shown[lang] not in before[url] for lang, url in pages_of(proposal).items())
    with commit():
        services.proposals.record_expert_review(
            proposal=proposal,
            user=expert,
            verdict="compliant",
            validated_cost=4_321_000,
            conclusion="Тексерілді.",
        )
    for lang, url in pages_of(proposal).items():
        assert shown[lang] in fresh(visitor, url), lang
    for url in cycle_urls(proposal.cycle):
        fresh(visitor, url)


def test_a_hidden_comment_disappears_from_every_language_version(visitor, commit, moderator, ngo, world):
    proposal = world["discussed"]
    comment = services.proposals.add_comment(
        proposal=proposal, user=ngo, body="Fx: аулада орын жеткіліксіз.", language="kk"
    )
    urls = list(pages_of(comment.proposal).values())
    before = served_from_cache(visitor, *urls)
    assert all(comment.body in before[url] for url in urls)
    with commit():
        services.proposals.hide_comment(comment=comment, user=moderator, reason_kk="Жарнама.", reason_ru="Реклама.")
    for url in urls:
        assert comment.body not in fresh(visitor, url), url


def test_a_saved_milestone_and_a_hidden_report_show_at_once(visitor, commit, funded, responsible_body, ngo, moderator):
    urls = list(pages_of(funded).values())
    served_from_cache(visitor, *urls)
    with commit():
        milestone = Milestone.objects.create(
            proposal=funded,
            title_kk="Жарықтандыру бағаналарын орнату",
            title_ru="Установка опор освещения",
            title_en="Installing the lamp posts",
            responsible_body=responsible_body,
            status="in_progress",
            percent=40,
        )
    assert "Жарықтандыру бағаналарын орнату" in fresh(visitor, pages_of(funded)["kk"])
    assert "Installing the lamp posts" in fresh(visitor, pages_of(funded)["en"])

    with commit():
        report = monitoring.file_report(
            proposal=funded, milestone=milestone, rating="concern", body="Бағаналар әлі жоқ.", language="kk", user=ngo
        )
    assert "Бағаналар әлі жоқ." in fresh(visitor, pages_of(funded)["kk"])
    served_from_cache(visitor, *urls)
    with commit():
        monitoring.hide_report(report=report, user=moderator, reason_kk="Дәлелсіз.", reason_ru="Без оснований.")
    assert MonitoringReport.objects.get(pk=report.pk).hidden
    for url in urls:
        assert "Бағаналар әлі жоқ." not in fresh(visitor, url), url


def test_a_story_shows_the_milestones_of_its_projects_and_is_shown_on_their_pages(
    visitor, commit, responsible_body, funded
):
    story = progress_story(funded)
    proposal = story.projects.get(status=Status.IN_IMPLEMENTATION)
    urls = [story.url, pages_of(proposal)["kk"]]
    before = served_from_cache(visitor, *urls)
    assert "Қауіпсіз жабын төсеу" not in before[story.url]
    with commit():
        Milestone.objects.create(
            proposal=proposal,
            title_kk="Қауіпсіз жабын төсеу",
            responsible_body=responsible_body,
            status="in_progress",
            percent=10,
        )
    assert "Қауіпсіз жабын төсеу" in fresh(visitor, story.url)  # the story's list of milestones
    fresh(visitor, pages_of(proposal)["kk"])

    served_from_cache(visitor, *urls)
    with commit():
        story.intro = "Жұмыс қайта басталды."
        story.save_revision().publish()
    for url in urls:
        assert "Жұмыс қайта басталды." in fresh(visitor, url), url


def test_closing_voting_and_publishing_results_purge_the_cycle_and_its_proposals(visitor, commit, moderator, world):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("root", "root@example.kz", "pw")
    cycle, proposal = world["voting"], world["on_ballot"]
    index = cycle.get_parent().url
    urls = [*cycle_urls(cycle), *pages_of(proposal).values(), index]
    before = served_from_cache(visitor, *urls)
    assert all(f'{cycle.url}vote/"' in before[url] for url in [cycle.url, pages_of(proposal)["kk"]])
    with commit():
        services.cycles.close_voting_early(cycle=cycle, user=editor, reason="Қоғамдық кеңестің шешімі.")
    for url in [cycle.url, pages_of(proposal)["kk"]]:
        assert f'{cycle.url}vote/"' not in fresh(visitor, url), url

    served_from_cache(visitor, *urls, cycle.url + "results/")
    with commit():
        services.results.publish_results(cycle=cycle, user=moderator)
    for url in cycle_urls(cycle):
        assert "status-selected" in fresh(visitor, url), url
    fresh(visitor, cycle.url + "results/")
    fresh(visitor, index)


@pytest.mark.parametrize("snippet", ["territory", "mrp", "centre"])
def test_a_snippet_shown_across_pages_purges_them_all(visitor, commit, snippet, world):
    centres, cycle, proposal = world["centres_page"], world["voted"], world["selected"]
    urls = ["/kk/", in_language(centres, "ru").url, "/kk/projects/", in_language(cycle, "en").url]
    before = served_from_cache(visitor, *urls)
    assert "Fx жаңа атау" not in before["/kk/projects/"]
    assert "Fx обновлённый центр" not in before[urls[1]]
    with commit():
        if snippet == "territory":
            place = Territory.objects.filter(locale__language_code="kk", proposals__isnull=False).first()
            assert place == proposal.district
            place.name = "Fx жаңа атау"
            place.save()
        elif snippet == "mrp":
            rate = MrpRate.objects.order_by("-year").first()
            rate.tenge += 1
            rate.save()
        else:
            centre = PublicCentre.objects.filter(locale__language_code="ru").first()
            centre.name = "Fx обновлённый центр"
            centre.save()
    for url in urls:
        fresh(visitor, url)
    if snippet == "centre":
        assert "Fx обновлённый центр" in visitor.get(urls[1]).content.decode()
    if snippet == "territory":
        assert "Fx жаңа атау" in visitor.get("/kk/projects/").content.decode()


def test_a_deployment_empties_the_page_cache(anonymous, commit):
    from io import StringIO

    from django.core.management import call_command

    cycle_ru = in_language(f.cycle(schedule="past"), "ru").url
    served_from_cache(anonymous, "/kk/", cycle_ru)
    with commit():
        call_command("page_cache_clear", stdout=StringIO())
    fresh(anonymous, "/kk/")
    fresh(anonymous, cycle_ru)


def test_every_model_shown_on_public_pages_purges_them():
    """A new model must say which pages show it (page_cache.watch) or why it needs no purge of its own."""
    unclassified = [
        model._meta.label
        for app in ("home", "pb_module", "search")
        for model in django_apps.get_app_config(app).get_models()
        if not issubclass(model, Page) and model not in page_cache.WATCHED and model not in page_cache.NOT_WATCHED
    ]
    assert unclassified == []


# A CDN in front (Wagtail's frontend cache, from the environment) ------------------------------------------------


class PurgeLog(http.server.BaseHTTPRequestHandler):
    purged: list = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        PurgeLog.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    """A real HTTP server on loopback standing in for Varnish: it records the PURGE requests it gets."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeLog)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    PurgeLog.purged = []
    yield PurgeLog.purged
    server.shutdown()


def test_a_cdn_gets_the_same_purges_and_may_keep_pages_until_then(anonymous, commit, moderator, cdn, world):
    proposal = world["selected"]
    assert proposal.status == Status.SELECTED
    cdn.clear()  # only the status change's purges count
    response = anonymous.get("/kk/")
    assert response.status_code == 200
    assert "s-maxage=" in response["Cache-Control"] and "s-maxage=0" not in response["Cache-Control"]
    assert "s-maxage=0" in anonymous.get("/kk/projects/?q=парк")["Cache-Control"]  # query strings: the app's cache
    with commit():
        services.proposals.change_status(proposal=proposal, new_status=Status.IN_IMPLEMENTATION, user=moderator)
    from urllib.parse import unquote

    purged = {unquote(path) for path in cdn}
    cycle = proposal.cycle
    for url in pages_of(proposal).values():
        assert unquote(url) in purged, url
    for url in cycle_urls(cycle):
        assert {url, url + "results/", url + "analytics/"} <= purged, url
    assert {"/kk/", "/ru/", "/en/", "/kk/projects/", "/en/projects/"} <= purged


# Kept parts: what a page the page cache does not keep is built from --------------------------------------------


def kept_pages(world, funded):
    """Every kind of public page: the home pages, a cycle with its filter, results and analytics, a funded
    proposal, the analytics of all cycles, a news item."""
    cycle = PBCyclePage.objects.get(pk=funded.cycle_id)
    cycle_ru = in_language(cycle, "ru").url
    return [
        "/kk/",
        "/ru/",
        cycle_ru,
        cycle_ru + "?status=selected",
        funded.page_in("kk").url,
        in_language(cycle, "en").url + "results/",
        cycle.url + "analytics/",
        cycle.get_parent().url + "analytics/",
        in_language(world["news"], "en").url,
    ]


def test_a_signed_in_visitor_gets_pages_built_from_kept_parts(
    client, make_user, django_assert_max_num_queries, world, funded
):
    """The route, the site, the menu, the listings and the shared blocks come from the cache: what is left is the
    visitor's own session and user."""
    pages = kept_pages(world, funded)
    client.force_login(make_user("resident"))
    for url in pages:
        first = client.get(url)
        assert first.status_code == 200, url
        with django_assert_max_num_queries(2):  # the session and its user
            again = client.get(url)
        assert same_page(again, first), url


def test_kept_parts_hold_nothing_of_one_visitor(anonymous, client, make_user, funded):
    page = funded.page_in("kk").url
    shared_form = 'name="csrfmiddlewaretoken" value="" data-csrf-url="/csrf/"'  # the script fetches a token
    assert shared_form in anonymous.get(page).content.decode()
    client.force_login(make_user("resident"))
    signed_in = client.get(page).content.decode()
    assert shared_form not in signed_in and 'name="csrfmiddlewaretoken" value="' in signed_in  # this visitor's
    client.logout()
    assert shared_form in Client().get(page).content.decode()


def test_a_missing_page_is_not_kept_and_appears_once_published(visitor, commit):
    home = f.home_page()
    assert visitor.get("/kk/zhana-bet/").status_code == 404
    assert visitor.get("/kk/zhana-bet/").status_code == 404
    with commit():
        home.add_child(instance=StandardPage(title="Жаңа бет", slug="zhana-bet")).save_revision().publish()
    assert "Жаңа бет" in visitor.get("/kk/zhana-bet/").content.decode()


def test_a_kept_part_is_kept_for_the_local_day_when_it_shows_the_phases(monkeypatch):
    built = []
    compute = lambda: built.append(1) or len(built)  # noqa: E731
    assert page_cache.kept_one("test", "/kk/x/", compute, dated=True) == 1
    assert page_cache.kept_one("test", "/kk/x/", compute, dated=True) == 1
    assert page_cache.kept_one("test", "/kk/x/", compute) == 2  # not dated: a part of its own
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: date(2099, 1, 1))
    assert page_cache.kept_one("test", "/kk/x/", compute, dated=True) == 3


def test_a_purge_while_a_part_is_built_leaves_it_stale():
    """The tokens are read before the part is built: a change committed meanwhile is never hidden by it."""

    def build_during_a_purge():
        page_cache._purge_now({"/kk/x/"}, set(), False, set())
        return "old"

    assert page_cache.kept_one("test", "/kk/x/y/", build_during_a_purge) == "old"
    assert page_cache.kept_one("test", "/kk/x/y/", lambda: "new") == "new"
    assert page_cache.kept_one("test", "/kk/x/y/", lambda: "newer") == "new"
    page_cache._purge_now(set(), {"/kk/x/y/"}, False, set())
    assert page_cache.kept_one("test", "/kk/x/y/", lambda: "newest") == "newest"


def test_kept_parts_are_off_with_their_setting(settings):
    settings.PART_CACHE_SECONDS = 0
    assert page_cache.kept_one("test", "/kk/x/", lambda: 1) == 1
    assert page_cache.kept_one("test", "/kk/x/", lambda: 2) == 2


def test_page_urls_are_the_ones_wagtail_reverses_in_every_language(funded, world):
    """Links are made without a `reverse` each (home/routing.py `get_url_parts`): the same URLs, Kazakh slugs
    quoted alike, for every kind of page in every language (translations, aliases, pages nested under pages)."""
    from django.utils import translation

    home = world["home"]  # with the news site and the public centres page
    progress_story(funded)
    about = add(home, StandardPage(title="Fx саябақ", slug="fx-саябақ"), {"ru": "Fx парк", "en": "Fx park"})
    add(about, StandardPage(title="Fx саябақ жобасы", slug="fx-саябақ-жобасы"))
    home.add_child(instance=StandardPage(title="Саябақ", slug="саябақ-жобасы"))
    pages = list(Page.objects.filter(depth__gt=1).specific())
    kinds = {(type(page), page.locale.language_code) for page in pages}
    shown_everywhere = [
        HomePage,
        StandardPage,
        NewsIndexPage,
        NewsPage,
        PublicCentreIndexPage,
        PBIndexPage,
        PBCyclePage,
        ProposalPage,
    ]
    assert {(kind, code) for kind in shown_everywhere for code in LANGUAGES} <= kinds
    assert (ProgressStoryPage, "kk") in kinds
    assert any(page.alias_of_id for page in pages)  # a proposal is shown in the other languages through aliases
    quoted = {page.locale.language_code for page in pages if "%" in (page.url or "")}
    assert quoted == set(LANGUAGES)  # Kazakh slugs (a proposal's aliases keep its slug) in every language
    for language in LANGUAGES:
        with translation.override(language):
            for page in pages:
                assert page.get_url_parts() == Page.get_url_parts(page), (language, page.url_path)
