"""RSS and Atom feeds, read as a feed reader reads them: news, a cycle's proposals, a funded project's progress."""

import re
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from home.models import NewsIndexPage, NewsPage
from pb_module import services
from pb_module.models import Milestone, MonitoringReport, Proposal
from pb_module.rules.statuses import Status
from pb_module.services.implementation import save_milestone

from .. import factories as f
from ._fx_proposal_translation import translate_proposal

pytestmark = pytest.mark.django_db
LANGS = ["kk", "ru", "en"]
KINDS = ["rss", "atom"]
CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def read_feed(client, url, kind):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(CONTENT_TYPES[kind])
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version.startswith(kind)
    assert all(entry.title and entry.link for entry in feed.entries)
    return feed


@pytest.fixture(scope="module")
def news_once(module_db):
    """A news index under the home page with three news items (not made in the order of their dates), each
    translated into Russian and English; built once for the module, returns the index's id."""
    with module_db():
        index = NewsIndexPage(title="Fx жаңалықтар", slug="fx-news", intro="Fx жаңалықтары.")
        f.home_page().add_child(instance=index)
        index.save_revision().publish()
        f.translate(index)
        today = timezone.localdate()
        for n, days in enumerate((30, 2, 10)):
            item = NewsPage(
                title=f"Fx жаңалық {n}", slug=f"fx-news-{n}", date=today - timedelta(days=days), intro="Fx қысқаша."
            )
            index.add_child(instance=item)
            item.save_revision().publish()
            f.translate(item)
        return index.pk


@pytest.fixture
def news_index(db, news_once):
    return NewsIndexPage.objects.get(pk=news_once)


@pytest.fixture(scope="module")
def translated_once(module_db):
    """A cycle collecting proposals with a public proposal written in Kazakh and given its own text in Russian
    and English by a translator (not aliases), and one left untranslated; built once, returns the proposal's id."""
    with module_db():
        moderator = f.make_moderator()
        collecting = f.cycle(title="Fx жаңалықтар циклі")
        proposal = f.ProposalFactory(cycle=collecting, status=Status.IN_DISCUSSION, moderator=moderator)
        f.ProposalFactory(cycle=collecting, status=Status.IN_MODERATION, moderator=moderator)
        return translate_proposal(proposal).pk


@pytest.fixture
def translated(db, translated_once):
    return Proposal.objects.get(pk=translated_once)


@pytest.fixture
def funded(db, funded_once):
    """A proposal the vote selected, moved into implementation by a moderator (the public log says so)."""
    return Proposal.objects.get(pk=funded_once)


def submit(cycle, title):
    return services.proposals.submit_proposal(
        cycle=cycle,
        language="kk",
        title=title,
        summary="Қысқаша.",
        description="Толық сипаттама.",
        district=cycle.territory,
        estimated_cost=5_000_000,
        author_name="Айгүл С.",
        author_contact="+7 701 000 00 00",
        historical=True,
    ).proposal


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_news_feeds_in_each_language(client, news_index, lang, kind):
    index = news_index.get_translation(Locale.objects.get(language_code=lang))
    feed = read_feed(client, f"/{lang}/feeds/news-{index.pk}.{kind}", kind)
    newest = NewsPage.objects.live().child_of(index).order_by("-date", "-pk").first()
    assert newest.title == ("Fx жаңалық 1" if lang == "kk" else f"Fx жаңалық 1 [{lang}]")  # the latest date
    assert len(feed.entries) == 3
    assert feed.feed.title == index.title
    assert feed.feed.language == lang
    assert feed.entries[0].title == newest.title
    assert all(f"/{lang}/" in entry.link for entry in feed.entries)
    html = client.get(index.url).content.decode()
    assert f'type="{CONTENT_TYPES[kind]}"' in html and f'href="/{lang}/feeds/news-{index.pk}.{kind}"' in html


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_cycle_feed_lists_public_proposals_in_the_urls_language(client, translated, moderator, lang, kind):
    proposal = translated
    cycle = proposal.cycle.specific.get_translation(Locale.objects.get(language_code=lang))
    hidden = submit(proposal.cycle.specific, "Әлі модерациядан өтпеген ұсыныс")
    fresh = submit(proposal.cycle.specific, "Жаңа жарияланған ұсыныс")
    services.proposals.change_status(proposal=fresh, new_status="in_moderation", user=moderator)

    feed = read_feed(client, f"/{lang}/feeds/cycle-{cycle.pk}.{kind}", kind)
    titles = [entry.title for entry in feed.entries]
    assert feed.feed.language == lang
    assert cycle.title in feed.feed.title
    assert titles[0] == fresh.page_in(lang).title  # newest first
    assert proposal.page_in(lang).title in titles
    if lang != "kk":
        assert proposal.page_in(lang).title != proposal.page_in("kk").title
        assert proposal.page_in("kk").title not in titles
    assert hidden.page_in(lang).title not in titles
    assert all(entry.link.startswith(f"http://testserver/{lang}/") for entry in feed.entries)
    with translation.override(lang):
        status = str(proposal.status_label)
    entry = feed.entries[titles.index(proposal.page_in(lang).title)]
    assert status in entry.summary and proposal.page_in(lang).summary in entry.summary

    # Any language version's id gives the cycle in the URL's language.
    kk_cycle = proposal.cycle
    assert read_feed(client, f"/{lang}/feeds/cycle-{kk_cycle.pk}.{kind}", kind).feed.title == feed.feed.title
    html = client.get(cycle.url).content.decode()
    assert f'rel="alternate" type="{CONTENT_TYPES[kind]}"' in html
    assert f'href="/{lang}/feeds/cycle-{cycle.pk}.{kind}"' in html


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_progress_feed_tells_decisions_milestones_and_answers(client, funded, moderator, responsible_body, lang, kind):
    milestone = save_milestone(
        milestone=Milestone(
            proposal=funded,
            title_kk="Жобалау",
            title_ru="Проектирование",
            title_en="Design",
            status="in_progress",
            percent=40,
            responsible_body=responsible_body,
        ),
        user=moderator,
    )
    MonitoringReport.objects.create(
        proposal=funded,
        milestone=milestone,
        author_kind="ngo",
        author_name="Асель ҮЕҰ",
        rating="concern",
        body="Жұмыс тоқтап тұр.",
        language="kk",
        answer="Мердігер келесі аптада оралады.",
        answered_by_name="Нұрлан Әкімдік",
        answered_for=responsible_body,
        answered_at=timezone.now(),
    )
    MonitoringReport.objects.create(
        proposal=funded,
        milestone=milestone,
        author_kind="ngo",
        author_name="Асель ҮЕҰ",
        rating="problem",
        body="Жасырылған есеп.",
        language="kk",
        answer="Жасырылған жауап.",
        answered_by_name="Нұрлан Әкімдік",
        answered_at=timezone.now(),
        hidden=True,
    )
    page = funded.page_in(lang)
    feed = read_feed(client, f"/{lang}/feeds/proposal-{funded.pk}.{kind}", kind)
    text = " ".join(f"{entry.title} {entry.get('summary', '')}" for entry in feed.entries)
    assert feed.feed.language == lang
    assert page.title in feed.feed.title
    with translation.override(lang):
        milestone_title, implementation = milestone.title, str(funded.status_label)
        body_name = responsible_body.name
    assert milestone_title in text and re.search(r"40\s?%", text)  # "40 %" in kk and ru
    assert implementation in text  # the public log's entry for "in implementation"
    assert body_name in text and "Мердігер келесі аптада оралады." in text
    assert "Жасырылған" not in text
    assert all(entry.link.startswith(f"http://testserver/{lang}/") for entry in feed.entries)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries) == funded.status_changes.count() + 2

    html = client.get(page.url).content.decode()
    assert f'href="/{lang}/feeds/proposal-{funded.pk}.{kind}"' in html


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_and_non_public_things_have_no_feed(client, db, kind):
    collecting = f.cycle()
    hidden = submit(collecting, "Жарияланбаған ұсыныс")
    last = Proposal.objects.order_by("-pk").first().pk
    news = Page.objects.order_by("-pk").first().pk  # no news index has a larger id
    for url in [
        f"/kk/feeds/proposal-{hidden.pk}.{kind}",
        f"/kk/feeds/proposal-{last + 1000}.{kind}",
        f"/kk/feeds/cycle-{hidden.page_in('kk').pk}.{kind}",  # a page that is no cycle
        f"/kk/feeds/cycle-{10**9}.{kind}",
        f"/kk/feeds/news-{news + 10**6}.{kind}",
    ]:
        assert client.get(url).status_code == 404, url
