"""Every public page renders in at most 15 SQL queries warm, whatever the number of proposals, milestones, photos,
reports, comments, stories or news items (issue 15, "Voting-day speed").

The module builds its own site once (`build_site`, through tests/factories.py: the home page and every kind of page
under it, a cycle whose results are published, a completed project, proposals in every status before the vote),
then fills it up with many related rows (60 proposals on the cycle; on the completed proposal 30 milestones with 3
photos each, 40 monitoring reports, 50 comments, 20 more decisions and 20 progress stories; 40 news items). Each page
is requested once (cold: renditions are made, caches filled), then again under `django_assert_max_num_queries(15)`,
and the page must show a sample of those many rows, so that an empty page cannot pass. config.settings.test keeps
neither pages nor page parts: these are renders with every part rebuilt, as on the first visit after a purge.
`test_every_page_from_kept_parts` checks the production path, where the parts are kept (home/page_cache.py `kept`).
"""

import io
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.images import ImageFile
from django.test import override_settings
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from home.models import (
    ConceptDocumentPage,
    DocumentIndexPage,
    NewsIndexPage,
    NewsPage,
    PublicCentre,
    PublicCentreIndexPage,
    PublicCouncil,
    StandardPage,
)
from pb_module import roles, services
from pb_module.models import (
    CouncilComposition,
    ImplementationPhoto,
    MeetingIndexPage,
    MeetingPage,
    MeetingPhoto,
    MeetingProposal,
    Milestone,
    MonitoringReport,
    NationalOverviewPage,
    Proposal,
    ProposalComment,
    ProposalPage,
    ProposalStatusChange,
    Registration,
)
from pb_module.models.stories import ProgressStoryPage
from pb_module.rules import geo
from pb_module.rules.statuses import Status

from . import factories as f

BUDGET = 15
MANY_PROPOSALS = 60
MEETINGS, REGISTRATIONS, CITIES = 30, 150, 60
MILESTONES, PHOTOS_EACH, REPORTS, COMMENTS, DECISIONS, STORIES, NEWS = 30, 3, 40, 50, 20, 20, 40
# The statuses of the proposals of a cycle before its vote, one proposal each (`build_site`).
BEFORE_THE_VOTE = [Status.IN_MODERATION, Status.IN_DISCUSSION, Status.IN_EXPERT_REVIEW, Status.ON_BALLOT]


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
def module_media(tmp_path_factory):
    """Uploaded images and their renditions go to a folder of this module, not to the test media folder."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="module")
def many_rows(module_db, module_media):
    """The site built and filled up with many rows, once for the module (rolled back when it ends): the page ids."""
    with module_db():
        site = build_site()
        site.update(add_many_rows(site))
    return {key: [page.pk for page in value] if key == "made" else value.pk for key, value in site.items()}


@pytest.fixture
def many(db, many_rows):
    """The pages built and added, read afresh for each test (which runs in its own savepoint)."""
    return {
        key: [page.specific for page in Page.objects.filter(pk__in=value).order_by("pk")]
        if key == "made"
        else Page.objects.get(pk=value).specific
        for key, value in many_rows.items()
    }


def add(parent, page, titles=None):
    """`page` added under `parent`, published and translated into Russian and English (`titles` by language)."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return f.translate(page, titles)


def translate_proposal(page, titles):
    """A translator's Russian and English versions of a proposal page the submission service showed there through
    aliases: wagtail-localize turns each alias into a translation (titled `titles[lang]`), published at once."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    title = source.stringsegment_set.select_related("string", "context").get(context__path="title")
    for code, text in titles.items():
        title.string.translations.update_or_create(
            locale=f.locale(code), context=title.context, defaults={"data": text, "translation_type": "manual"}
        )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=f.locale(code))
        translation.save_target(publish=False)
        version = page.get_translation(f.locale(code))
        version.get_latest_revision().publish()
        assert version.alias_of_id is None
    return page


def jpeg_image(title):
    """An image of the library, a real JPEG file."""
    out = io.BytesIO()
    PILImage.new("RGB", (640, 480), (200, 120, 40)).save(out, format="JPEG")
    image = get_image_model()(title=title, file=ImageFile(out, name="fx-photo.jpg"))
    image.save()
    return image


def build_site():
    """The site the pages are measured on, made through the factories: the Kazakh home page and under it an
    information page, a news list (with a news item about a public council, translated into English), a document
    list with an official document, the public centres page with centres, and the participatory-budget section
    with three cycles:

    - "aktau": its results published (proposals selected and not selected, one of the selected now in
      implementation), and two proposals rejected, one in moderation and one after expert review;
    - "aksu": its vote published, its winner moved into implementation and completed ("funded"), translated into
      Russian and English;
    - a cycle in discussion with expert review: one proposal in each status before the vote (BEFORE_THE_VOTE).

    Returns the Kazakh pages."""
    moderator = f.make_moderator()
    home = f.home_page()
    about = add(home, StandardPage(title="Fx біз туралы", slug="fx-about", intro="Fx қоғамдық кеңес туралы."))
    news_index = add(home, NewsIndexPage(title="Fx жаңалықтар", slug="fx-news", intro="Fx жаңалықтары."))
    council = PublicCouncil.objects.create(
        locale=f.locale("kk"), name="Fx қоғамдық кеңесі", territory="Fx облысы", members_count=3915
    )
    council_news = add(
        news_index,
        NewsPage(
            title="Fx 218 қоғамдық кеңес",
            slug="fx-218-councils",
            intro="Fx кеңестерде 3915 мүше.",
            date=timezone.localdate() - timedelta(days=30),
            council=council,
        ),
        {"en": "Fx 218 public councils, 3915 members", "ru": "Fx 218 общественных советов"},
    )
    documents = add(home, DocumentIndexPage(title="Fx құжаттар", slug="fx-documents"))
    concept = add(
        documents,
        ConceptDocumentPage(
            title="Fx тұжырымдамасы",
            slug="fx-concept",
            number="639",
            date_adopted=date(2021, 8, 18),
            summary="Fx қысқаша мазмұны.",
            body=[{"type": "heading", "value": {"text": "Fx жалпы ережелер", "level": "h2"}}],
        ),
    )
    for n in range(3):
        source = None
        for code in ("kk", "ru", "en"):
            centre = PublicCentre(
                locale=f.locale(code), name=f"Fx орталық {n} [{code}]", region="Fx облысы", address=f"Fx көшесі {n}"
            )
            if source is not None:
                centre.translation_key = source.translation_key
            centre.save()
            source = source or centre
    centres = add(home, PublicCentreIndexPage(title="Fx қоғамдық орталықтар", slug="fx-centres"))

    aktau, (winner, *_) = f.voting_cycle(
        [5_000_000, 6_000_000, 95_000_000],
        ballots=[[0, 1], [0, 1], [0], [2]],
        title="Fx Ақтау циклі",
        slug="fx-aktau",
        expert_review=True,
    )
    rejected = f.ProposalFactory(cycle=aktau, status=Status.REJECTED, moderator=moderator, title="Fx қабылданбаған")
    reviewed = f.ProposalFactory(
        cycle=aktau, status=Status.IN_EXPERT_REVIEW, moderator=moderator, title="Fx сараптамадан өтпеген"
    )
    services.proposals.record_expert_review(
        proposal=reviewed,
        user=f.UserFactory(role=roles.EXPERTS),
        verdict="non_compliant",
        validated_cost=reviewed.estimated_cost,
        conclusion="Fx талаптарға сай емес.",
    )
    services.proposals.change_status(
        proposal=reviewed, new_status=Status.REJECTED, user=moderator, reason="Fx сараптама қорытындысы."
    )
    f.publish_results(aktau, moderator)
    services.proposals.change_status(proposal=winner, new_status=Status.IN_IMPLEMENTATION, user=moderator)

    funded = f.funded_proposal(moderator, title="Fx аяқталған жоба", cycle=f.cycle(schedule="voting", slug="fx-aksu"))
    services.proposals.change_status(proposal=funded, new_status=Status.COMPLETED, user=moderator)
    translate_proposal(funded.page_in("kk"), {"ru": "Fx завершённый проект", "en": "Fx completed project"})
    # Places on the map: the maps of the cycle, of the proposal pages and of the catalogue are measured with the rest.
    park = geo.area_geometry([(43.6662, 51.1585), (43.6662, 51.1607), (43.6648, 51.1607)])
    Proposal.objects.filter(pk__in=[winner.pk, funded.pk]).update(geometry=geo.point_geometry(43.6532, 51.1975))
    Proposal.objects.filter(pk=rejected.pk).update(geometry=park)

    discussion = f.cycle(schedule="discussion", expert_review=True, slug="fx-discussion")
    before = {
        status.value: f.ProposalFactory(cycle=discussion, status=status, moderator=moderator, title=f"Fx {status}")
        for status in BEFORE_THE_VOTE
    }
    pages = {
        "home": home,
        "about": about,
        "news_index": news_index,
        "council_news": council_news,
        "documents": documents,
        "concept": concept,
        "centres": centres,
        "pb_index": aktau.get_parent().specific,
        "aktau": aktau,
        "in_implementation": winner.page_in("kk"),
        "rejected": rejected.page_in("kk"),
        "rejected_after_review": reviewed.page_in("kk"),
        "funded": funded.page_in("kk"),
    }
    pages.update({status: proposal.page_in("kk") for status, proposal in before.items()})
    return pages


def add_many_rows(site):
    aktau = site["aktau"]
    made = []  # the pages added, in Kazakh
    for n in range(MANY_PROPOSALS):
        proposal = Proposal.objects.create(
            cycle=aktau,
            district=aktau.territory,
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

    funded = site["funded"]  # completed
    proposal = funded.proposal
    image = jpeg_image("Fx photo")
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

    news_index = site["news_index"]
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
    # Meetings: a section with many meetings, one of them with every proposal of Aktau on its agenda, many
    # registrations and photos; the national overview with many cities and the councils of many regions.
    home = site["pb_index"].get_parent()
    meetings = add(home, MeetingIndexPage(title="Fx кездесулер", slug="fx-meetings"))
    start = timezone.now().replace(microsecond=0)
    for n in range(MEETINGS):
        meeting = MeetingPage(
            title=f"Кездесу {n:02d}",
            slug=f"meeting-{n:02d}",
            starts_at=start + timedelta(days=n - MEETINGS // 2),
            territory=aktau.territory,
            address="Fx көшесі",
            capacity=200,
        )
        parent = aktau if n == 0 else meetings
        made.append(parent.add_child(instance=meeting))
    busy = MeetingPage.objects.get(slug="meeting-00")
    for n, proposal in enumerate(Proposal.objects.filter(cycle=aktau)[:30]):
        busy.discussed.add(MeetingProposal(proposal=proposal, outcome="supported", note=f"Ескерту {n}"))
    for n, image in enumerate(images[:10]):
        busy.photos.add(MeetingPhoto(image=image, caption=f"Сурет {n}"))
    busy.minutes, busy.attendance = "<p>Хаттама</p>", 120
    busy.save_revision().publish()
    for n in range(REGISTRATIONS):
        Registration.objects.create(
            meeting=busy,
            name_encrypted="x",
            contact_encrypted="x",
            contact_hash=f"contact-{n}",
            cancel_token_hash=f"token-{n}",
            state="confirmed",
            language="kk",
        )
    overview = add(site["pb_index"], NationalOverviewPage(title="Fx шолу", slug="fx-overview"))
    for n in range(CITIES):
        region = f.TerritoryFactory(name=f"Fx облыс {n}", kind="region", settlement_category="")
        f.TerritoryFactory(
            name=f"Fx қала {n}", settlement_category=("republican", "oblast", "district")[n % 3], parent=region
        )
        CouncilComposition.objects.create(region=region, year=2021, councils=n + 1, ngo=n, business=n, citizens=n)
    return {"aksu": aksu, "made": made, "meetings": meetings, "busy_meeting": busy, "overview": overview}


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


def urls(many):
    """The public pages measured that are not one of `many`'s pages, by name."""
    aktau, pb_index = many["aktau"], many["pb_index"]
    return {
        "about": many["about"].url,
        "documents": many["documents"].url,
        "concept": many["concept"].url,
        "centres_ru": url_in(many["centres"], "ru"),
        "pb_index": pb_index.url,
        "results": aktau.url + "results/",
        "receipts": "/kk/pb/receipts/",
        "projects": "/kk/projects/",
        "search": "/kk/search/?q=" + quote("кеңес"),
        "cycle_analytics": aktau.url + "analytics/",
        "analytics": pb_index.url + "analytics/",
        "meetings": many["meetings"].url,
        "meetings_filtered": many["meetings"].url + f"?place={aktau.territory_id}&year={timezone.localdate().year}",
        "busy_meeting": many["busy_meeting"].url,
        "overview": many["overview"].url,
        "overview_asked": many["overview"].url + "?year=2024&average_oblast=3",
    }


def test_every_page_from_kept_parts(client, many, settings, django_assert_max_num_queries):
    """As in production, with the page parts kept (home/page_cache.py `kept_one`): a page the page cache does not keep
    (a signed-in visitor's page) is built from them without a query, whatever the rows."""
    from django.core.cache import caches

    settings.PART_CACHE_SECONDS = 600
    caches["default"].clear()
    pages = urls(many)
    news_index = many["news_index"]
    url_list = [
        url_in(many["aktau"], "ru"),
        url_in(many["aktau"], "en") + "?sort=cost&status=selected",
        url_in(many["funded"], "ru"),
        "/en/",
        news_index.url + "?page=4",
        news_index.url + "budget-news-07/",
        pages["results"],
        pages["cycle_analytics"],
        pages["analytics"],
        pages["search"],
        f"/kk/projects/?year={many['aktau'].year}&sort=votes",
        "/ru/projects/",
        url_in(many["aktau"], "kk"),
        ProgressStoryPage.objects.filter(locale__language_code="kk").live().first().url,
    ]
    try:
        for url in url_list:
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
    ("name", "status"),
    [
        ("in_implementation", Status.IN_IMPLEMENTATION),
        ("rejected", Status.REJECTED),
        ("rejected_after_review", Status.REJECTED),
    ],
)
def test_aktau_proposals_in_other_statuses(client, many, name, status, django_assert_max_num_queries):
    page = many[name]
    assert page.proposal.status == status and page.get_parent().pk == many["aktau"].pk
    assert_within_budget(client, page.url, django_assert_max_num_queries, page.title)


@pytest.mark.parametrize("status", BEFORE_THE_VOTE)
def test_proposals_before_the_vote(client, many, status, django_assert_max_num_queries):
    page = many[status.value]
    assert page.proposal.status == status and page.live
    assert_within_budget(client, page.url, django_assert_max_num_queries, page.title)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_home_with_many_news_and_stories(client, many, lang, django_assert_max_num_queries):
    in_every_language(many, lang)
    assert_within_budget(client, f"/{lang}/", django_assert_max_num_queries, "Жаңалық 39")


def test_news_index_and_item(client, many, django_assert_max_num_queries):
    index = many["news_index"].url
    assert_within_budget(client, index, django_assert_max_num_queries, "Жаңалық 39", "Жаңалық 30")
    assert_within_budget(client, index + "?page=4", django_assert_max_num_queries, "Жаңалық 00")
    assert_within_budget(client, index + "budget-news-07/", django_assert_max_num_queries, "Жаңалық кіріспесі 7")
    council_news = url_in(many["council_news"], "en")
    assert_within_budget(client, council_news, django_assert_max_num_queries, "Fx 218 public councils, 3915 members")


def test_story_page(client, many, django_assert_max_num_queries):
    story = ProgressStoryPage.objects.get(slug="story-03", locale__language_code="kk")
    assert_within_budget(client, story.url, django_assert_max_num_queries, "Жұмыс барысы 03", many["funded"].title)


@pytest.mark.parametrize(
    ("name", "sample"),
    [
        ("about", "<h1>"),
        ("documents", "fx-concept"),
        ("concept", "<h1>"),
        ("centres_ru", "Fx орталық 2 [ru]"),
        ("pb_index", "fx-aktau"),
        ("results", "<table"),
        ("receipts", "<form"),
        ("projects", "<h1>"),
        ("search", "Fx біз туралы"),
        ("cycle_analytics", "<svg"),
        ("analytics", "table2-caption"),
        ("meetings", "Кездесу 29"),
        ("meetings_filtered", "Кездесу 00"),
        ("busy_meeting", "Ескерту 29"),
        ("overview", "Fx облыс 59"),
        ("overview_asked", "Fx облыс 0"),
    ],
)
def test_other_public_pages(client, many, name, sample, django_assert_max_num_queries):
    assert_within_budget(client, urls(many)[name], django_assert_max_num_queries, sample)


def test_feeds(client, many, django_assert_max_num_queries):
    index = many["news_index"]
    assert_within_budget(client, f"/kk/feeds/news-{index.pk}.rss", django_assert_max_num_queries, "Жаңалық 39")
    aktau = many["aktau"]
    assert_within_budget(client, f"/kk/feeds/cycle-{aktau.pk}.atom", django_assert_max_num_queries, "Көп ұсыныс")
    proposal = many["funded"].proposal
    assert_within_budget(client, f"/kk/feeds/proposal-{proposal.pk}.rss", django_assert_max_num_queries, "<rss")
    meetings = many["meetings"]
    assert_within_budget(client, f"/kk/feeds/meetings-{meetings.pk}.rss", django_assert_max_num_queries, "Кездесу 29")


def test_every_public_page_type_is_measured():
    """A new page type must be added here with its many rows."""
    measured = {"homepage", "standardpage", "newsindexpage", "newspage", "documentindexpage", "conceptdocumentpage"}
    measured |= {"publiccentreindexpage", "pbindexpage", "pbcyclepage", "proposalpage", "progressstorypage"}
    measured |= {"meetingindexpage", "meetingpage", "nationaloverviewpage"}
    types = {model._meta.model_name for model in apps.get_models() if issubclass(model, Page) and model is not Page}
    assert types <= measured, types - measured
