"""Every public page renders in at most 15 SQL queries warm, whatever the number of proposals, milestones, photos,
reports, comments, stories or news items (issue 15, "Voting-day speed").

The demo is filled up first with many related rows (60 proposals on a cycle; on one completed proposal 30 milestones
with 3 photos each, 40 monitoring reports, 50 comments, 20 more decisions and 20 progress stories; 40 news items),
each page is requested once (cold: renditions are made, caches filled), then again under
`django_assert_max_num_queries(15)`, and the page must show a sample of those many rows, so that an empty page
cannot pass. config.settings.test keeps neither pages nor page parts: these are renders with every part rebuilt, as
on the first visit after a purge. `test_every_page_from_kept_parts` checks the production path, where the parts are
kept (home/page_cache.py `kept`).
"""

from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.models import NewsIndexPage, NewsPage
from pb_module.models import (
    ImplementationPhoto,
    Milestone,
    MonitoringReport,
    PBCyclePage,
    Proposal,
    ProposalComment,
    ProposalPage,
    ProposalStatusChange,
)
from pb_module.models.stories import ProgressStoryPage
from pb_module.rules.statuses import Status

BUDGET = 15
MANY_PROPOSALS = 60
MILESTONES, PHOTOS_EACH, REPORTS, COMMENTS, DECISIONS, STORIES, NEWS = 30, 3, 40, 50, 20, 20, 40


def kk_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="kk")


def url_in(page, lang):
    return page.get_translation(page.locale.__class__.objects.get(language_code=lang)).url


def in_every_language(many, lang):
    """The pages added, not yet translated: an alias in the other languages, as the submission service and the
    synchronised tree make them (so that the Russian and English pages show as many rows)."""
    if lang != "kk":
        locale = Locale.objects.get(language_code=lang)
        for page in many["made"]:
            page.copy_for_translation(locale, alias=True)


@pytest.fixture(scope="module")
def many_rows(module_db):
    """The demo with many rows added, once for the module (rolled back when it ends): the ids of what was added."""
    with module_db():
        made = add_many_rows()
    return {key: [page.pk for page in value] if key == "made" else value.pk for key, value in made.items()}


@pytest.fixture
def many(db, many_rows):
    """The rows added, read afresh for each test (which runs in its own savepoint)."""
    return {
        key: [page.specific for page in Page.objects.filter(pk__in=value).order_by("pk")]
        if key == "made"
        else Page.objects.get(pk=value).specific
        for key, value in many_rows.items()
    }


def add_many_rows():
    aktau = kk_page(PBCyclePage, "aktau-2024")
    template = ProposalPage.objects.child_of(aktau).filter(proposal__status=Status.NOT_SELECTED).first()
    made = []  # the pages added, in Kazakh
    for n in range(MANY_PROPOSALS):
        proposal = Proposal.objects.create(
            cycle=aktau,
            district=template.proposal.district,
            status=Status.NOT_SELECTED if n % 2 else Status.SELECTED,
            estimated_cost=1_000_000 + n,
            author_name=f"Автор {n}",
            author_contact_encrypted="",
            language="kk",
            tracking_token_hash=f"budget-{n}",
        )
        page = aktau.add_child(
            instance=ProposalPage(
                title=f"Көп ұсыныс {n:02d}",
                slug=f"many-{n:02d}",
                summary=f"Қысқаша {n}",
                description="Сипаттама",
                proposal=proposal,
            )
        )
        made.append(page)

    funded = ProposalPage.objects.get(slug="8", locale__language_code="kk")  # Aksu 2025, completed
    proposal = funded.proposal
    image = get_image_model().objects.first()
    images = get_image_model().objects.bulk_create(
        [
            get_image_model()(title=f"photo {n}", file=image.file.name, width=image.width, height=image.height)
            for n in range(MILESTONES * PHOTOS_EACH + REPORTS)
        ]
    )
    milestones = Milestone.objects.bulk_create(
        [
            Milestone(
                proposal=proposal,
                title_kk=f"Жұмыс кезеңі {n:02d}",
                order=100 + n,
                status="done",
                percent=100,
                planned_start=date(2025, 6, 1),
                planned_end=date(2025, 7, 1),
            )
            for n in range(MILESTONES)
        ]
    )
    ImplementationPhoto.objects.bulk_create(
        [
            ImplementationPhoto(proposal=proposal, milestone=m, image=images[i * PHOTOS_EACH + k], kind="after")
            for i, m in enumerate(milestones)
            for k in range(PHOTOS_EACH)
        ]
    )
    reports = MonitoringReport.objects.bulk_create(
        [
            MonitoringReport(
                proposal=proposal,
                milestone=milestones[n % MILESTONES],
                author_kind="ngo",
                author_name=f"Бақылаушы {n:02d}",
                rating="on_track",
                body=f"Есеп {n}",
                language="kk",
            )
            for n in range(REPORTS)
        ]
    )
    ImplementationPhoto.objects.bulk_create(
        [
            ImplementationPhoto(proposal=proposal, report=r, image=images[MILESTONES * PHOTOS_EACH + n])
            for n, r in enumerate(reports)
        ]
    )
    ProposalComment.objects.bulk_create(
        [
            ProposalComment(proposal=proposal, author_name=f"Пікір авторы {n:02d}", body=f"Пікір {n}", language="kk")
            for n in range(COMMENTS)
        ]
    )
    ProposalStatusChange.objects.bulk_create(
        [
            ProposalStatusChange(
                proposal=proposal,
                from_status=Status.COMPLETED,
                to_status=Status.COMPLETED,
                reason=f"Шешім {n:02d}",
                reason_language="kk",
                actor_name="Модератор",
            )
            for n in range(DECISIONS)
        ]
    )
    aksu = funded.get_parent().specific
    for n in range(STORIES):
        story = ProgressStoryPage(
            title=f"Жұмыс барысы {n:02d}",
            slug=f"story-{n:02d}",
            intro="Кіріспе",
            image=images[n],
            date=timezone.localdate() - timedelta(days=n),
        )
        story.projects = [proposal]
        made.append(aksu.add_child(instance=story))

    news_index = kk_page(NewsIndexPage, "news")
    for n in range(NEWS):
        news = news_index.add_child(
            instance=NewsPage(
                title=f"Жаңалық {n:02d}",
                slug=f"budget-news-{n:02d}",
                intro=f"Жаңалық кіріспесі {n}",
                date=timezone.localdate() + timedelta(days=1),
            )
        )
        made.append(news)
    return {"aktau": aktau, "funded": funded, "aksu": aksu, "made": made}


def assert_within_budget(client, url, django_assert_max_num_queries, *samples):
    cold = client.get(url)
    assert cold.status_code == 200, url
    with django_assert_max_num_queries(BUDGET):
        warm = client.get(url)
    assert warm.status_code == 200
    body = warm.content.decode()
    for sample in samples:
        assert sample in body, (url, sample)
    return body


def test_every_page_from_kept_parts(client, many, settings, django_assert_max_num_queries):
    """As in production, with the page parts kept (home/page_cache.py `kept_one`): a page the page cache does not keep
    (a signed-in visitor's page) is built from them without a query, whatever the rows."""
    from django.core.cache import caches

    settings.PART_CACHE_SECONDS = 600
    caches["default"].clear()
    urls = [
        url_in(many["aktau"], "ru"),
        url_in(many["aktau"], "en") + "?sort=cost&status=selected",
        url_in(many["funded"], "ru"),
        "/en/",
        "/kk/news/?page=4",
        "/kk/news/budget-news-07/",
        "/kk/participatory-budget/aktau-2024/results/",
        "/kk/participatory-budget/aktau-2024/analytics/",
        "/kk/participatory-budget/analytics/",
        "/kk/search/?q=" + quote("кеңес"),
        "/kk/projects/?year=2024&sort=votes",
        "/ru/projects/",
        ProgressStoryPage.objects.filter(locale__language_code="kk").live().first().url,
    ]
    try:
        for url in urls:
            first = client.get(url)
            assert first.status_code == 200, url
            with django_assert_max_num_queries(0):
                again = client.get(url)
            assert again.content == first.content, url
    finally:
        caches["default"].clear()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_cycle_page_with_many_proposals(client, many, lang, django_assert_max_num_queries):
    in_every_language(many, lang)
    url = url_in(many["aktau"], lang)
    assert_within_budget(client, url, django_assert_max_num_queries, "Көп ұсыныс 00", "Көп ұсыныс 59")
    assert_within_budget(
        client, url + "?sort=cost&status=selected", django_assert_max_num_queries, "Көп ұсыныс 00", "Көп ұсыныс 58"
    )


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_funded_proposal_with_many_milestones_photos_reports_comments_stories(
    client, many, lang, django_assert_max_num_queries
):
    in_every_language(many, lang)
    body = assert_within_budget(
        client,
        url_in(many["funded"], lang),
        django_assert_max_num_queries,
        "Жұмыс кезеңі 29",
        "Бақылаушы 39",
        "Пікір авторы 49",
        "Шешім 19",
        "Жұмыс барысы 19",
    )
    assert body.count('loading="lazy"') >= MILESTONES * PHOTOS_EACH  # every milestone photo, with its rendition


@pytest.mark.parametrize(
    ("slug", "status"),
    [
        ("14-3", Status.IN_IMPLEMENTATION),
        ("5", Status.REJECTED),
        ("27-7", Status.REJECTED),
    ],
)
def test_aktau_proposals_in_other_statuses(client, many, slug, status, django_assert_max_num_queries):
    page = ProposalPage.objects.get(slug=slug, locale__language_code="kk")
    assert page.proposal.status == status
    assert_within_budget(client, page.url, django_assert_max_num_queries, page.title)


@pytest.mark.parametrize(
    "status", [Status.IN_MODERATION, Status.IN_DISCUSSION, Status.IN_EXPERT_REVIEW, Status.ON_BALLOT]
)
def test_proposals_before_the_vote(client, many, status, django_assert_max_num_queries):
    page = ProposalPage.objects.filter(proposal__status=status, locale__language_code="kk").live().first()
    assert_within_budget(client, page.url, django_assert_max_num_queries, page.title)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_home_with_many_news_and_stories(client, many, lang, django_assert_max_num_queries):
    in_every_language(many, lang)
    assert_within_budget(client, f"/{lang}/", django_assert_max_num_queries, "Жаңалық 39")


def test_news_index_and_item(client, many, django_assert_max_num_queries):
    assert_within_budget(client, "/kk/news/", django_assert_max_num_queries, "Жаңалық 39", "Жаңалық 30")
    assert_within_budget(client, "/kk/news/?page=4", django_assert_max_num_queries, "Жаңалық 00")
    assert_within_budget(client, "/kk/news/budget-news-07/", django_assert_max_num_queries, "Жаңалық кіріспесі 7")
    assert_within_budget(client, "/en/news/218-public-councils-3915-members/", django_assert_max_num_queries, "3")


def test_story_page(client, many, django_assert_max_num_queries):
    story = ProgressStoryPage.objects.get(slug="story-03", locale__language_code="kk")
    assert_within_budget(client, story.url, django_assert_max_num_queries, "Жұмыс барысы 03", many["funded"].title)


@pytest.mark.parametrize(
    ("url", "sample"),
    [
        ("/kk/about/", "<h1>"),
        ("/kk/documents/", "concept-local-self-government-2025"),
        ("/kk/documents/concept-local-self-government-2025/", "<h1>"),
        ("/ru/public-centres/", "<h1>"),
        ("/kk/participatory-budget/", "aktau-2024"),
        ("/kk/participatory-budget/aktau-2024/results/", "<table"),
        ("/kk/pb/receipts/", "<form"),
        ("/kk/projects/", "<h1>"),
        ("/kk/search/?q=" + quote("кеңес"), "<h1>"),
        ("/kk/participatory-budget/aktau-2024/analytics/", "<svg"),
        ("/kk/participatory-budget/analytics/", "table2-caption"),
    ],
)
def test_other_public_pages(client, many, url, sample, django_assert_max_num_queries):
    assert_within_budget(client, url, django_assert_max_num_queries, sample)


def test_feeds(client, many, django_assert_max_num_queries):
    index = kk_page(NewsIndexPage, "news")
    assert_within_budget(client, f"/kk/feeds/news-{index.pk}.rss", django_assert_max_num_queries, "Жаңалық 39")
    aktau = many["aktau"]
    assert_within_budget(client, f"/kk/feeds/cycle-{aktau.pk}.atom", django_assert_max_num_queries, "Көп ұсыныс")
    proposal = many["funded"].proposal
    assert_within_budget(client, f"/kk/feeds/proposal-{proposal.pk}.rss", django_assert_max_num_queries, "<rss")


def test_every_public_page_type_is_measured():
    """A new page type must be added here with its many rows."""
    measured = {"homepage", "standardpage", "newsindexpage", "newspage", "documentindexpage", "conceptdocumentpage"}
    measured |= {"publiccentreindexpage", "pbindexpage", "pbcyclepage", "proposalpage", "progressstorypage"}
    types = {model._meta.model_name for model in apps.get_models() if issubclass(model, Page) and model is not Page}
    assert types <= measured, types - measured
