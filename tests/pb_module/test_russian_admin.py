"""The admin speaks the editor's language: workflow and task names, the territory chooser, the assisted ballot.
Every test builds its own news, places and cycles with tests/factories.py."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from home.models import NewsIndexPage, NewsPage
from home.workflows import NEWS_TASK_NAME, NEWS_WORKFLOW_NAME, news_workflow, stored_name
from pb_module import roles
from pb_module.models import ProposalPage, Territory
from pb_module.rules.statuses import Status

from .. import factories as f

pytestmark = pytest.mark.django_db


def prefers(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.kz", "pw")


def kazakh_news() -> NewsPage:
    """A published Kazakh news item under a news index of the home page (the index puts its news through the news
    workflow)."""
    index = NewsIndexPage(title="Fx жаңалықтар", slug="fx-news")
    f.home_page().add_child(instance=index)
    index.save_revision().publish()
    news = NewsPage(title="Fx кеңес отырысы", slug="fx-kenes-otyrysy", intro="Қысқаша.")
    index.add_child(instance=news)
    news.save_revision().publish()
    return NewsPage.objects.get(pk=news.pk)


def _in_moderation(make_user):
    editor = make_user("news-editor", "Editors")
    news = kazakh_news()
    news.save_revision(user=editor)
    news_workflow().start(news, editor)
    return news


def test_a_russian_moderator_reads_the_workflow_and_its_task_in_russian(client, make_user):
    news = _in_moderation(make_user)
    moderator = prefers(make_user("ru-mod", roles.MODERATORS), "ru")
    client.force_login(moderator)

    edit = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert "Модерация новостей" in edit
    assert "Одобрение новости модератором" in edit
    assert "News moderation" not in edit and "Approval of news by a moderator" not in edit
    dashboard = client.get("/admin/").content.decode()
    assert "Одобрение новости модератором" in dashboard
    history = client.get(f"/admin/pages/{news.pk}/workflow_history/").content.decode()
    assert "Модерация новостей" in history and "News moderation" not in history


def test_workflow_pages_show_the_names_in_the_editors_language(client, superuser):
    news_workflow()
    client.force_login(prefers(superuser, "ru"))
    workflows = client.get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert "Модерация новостей" in workflows and "Одобрение новости модератором" in workflows
    assert "News moderation" not in workflows
    tasks = client.get(reverse("wagtailadmin_workflows:task_index")).content.decode()
    assert "Одобрение новости модератором" in tasks

    prefers(superuser, "en")
    workflows = client.get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert "News moderation" in workflows and "Модерация новостей" not in workflows


def test_the_database_keeps_the_msgid_whatever_language_the_name_was_read_and_saved_in():
    workflow = news_workflow()
    with translation.override("kk"):
        assert workflow.name == "Жаңалықтарды модерациялау"
    with translation.override("ru"):
        workflow = Workflow.objects.get(pk=workflow.pk)
        assert workflow.name == "Модерация новостей"
        workflow.name = workflow.name  # what a form saved in Russian does
        workflow.save()
    assert Workflow.objects.filter(pk=workflow.pk).values_list("name", flat=True).get() == NEWS_WORKFLOW_NAME
    assert stored_name(workflow) == NEWS_WORKFLOW_NAME
    task = Task.objects.get(name=NEWS_TASK_NAME)
    with translation.override("en"):
        assert task.specific.name == NEWS_TASK_NAME
    # A name an editor types is kept and shown as typed.
    with translation.override("ru"):
        other = Workflow.objects.create(name="Согласование документов")
    with translation.override("en"):
        assert Workflow.objects.get(pk=other.pk).name == "Согласование документов"


def test_the_territory_chooser_shows_places_with_their_parents_in_the_admin_language(client, superuser):
    region = f.TerritoryFactory(
        name="Fx облысы",
        kind=Territory.Kind.REGION,
        settlement_category="",
        translations={"ru": "Fx область", "en": "Fx Region"},
    )
    city = f.TerritoryFactory(
        name="Fx қаласы",
        kind=Territory.Kind.CITY,
        settlement_category=Territory.Category.OBLAST,
        parent=region,
        translations={"ru": "Fx город", "en": "Fx City"},
    )
    kk_place = f.TerritoryFactory(
        name="Fx 12-шағын аудан",
        kind=Territory.Kind.MICRODISTRICT,
        settlement_category="",
        parent=city,
        translations={"ru": "Fx 12-й микрорайон", "en": "Fx 12th Microdistrict"},
    )
    client.force_login(prefers(superuser, "ru"))
    namespace = "wagtailsnippetchoosers_pb_module_territory"

    chosen = client.get(reverse(f"{namespace}:chosen", args=[kk_place.pk])).json()
    assert chosen["result"]["string"] == "Fx 12-й микрорайон — Fx город — Fx область"
    results = client.get(reverse(f"{namespace}:choose_results"), {"locale": "kk"}).content.decode()
    assert "Fx 12-й микрорайон — Fx город — Fx область" in results

    prefers(superuser, "en")
    chosen = client.get(reverse(f"{namespace}:chosen", args=[kk_place.pk])).json()
    assert chosen["result"]["string"] == "Fx 12th Microdistrict — Fx City — Fx Region"


def test_the_territory_chooser_button_is_in_the_right_case(client, superuser):
    client.force_login(prefers(superuser, "ru"))
    cycle = f.cycle(schedule="voting")
    edit = client.get(f"/admin/pages/{cycle.pk}/edit/").content.decode()
    assert "Выбрать другую территорию" in edit
    assert "Выбрать территория" not in edit and "Выбрать другой территория" not in edit
    territory = cycle.territory.get_translation(cycle.territory.locale.__class__.objects.get(language_code="ru"))
    assert territory.name in edit  # the chosen place, named in Russian

    add = client.get(f"/admin/pages/add/pb_module/pbcyclepage/{cycle.get_parent().pk}/").content.decode()
    assert "Выбрать территорию" in add


def _translated_page(proposal, language):
    return ProposalPage.objects.get(proposal=proposal, locale__language_code=language, alias_of__isnull=True)


def translate_proposal(proposal, titles: dict):
    """Translate the author's page of `proposal` with wagtail-localize, as a translator does in its editor: the title
    is `titles[lang]`, every other string "<source string> [lang]". The alias in each language becomes a page of its
    own, published at once (wagtail-localize publishes on commit, which a test never reaches)."""
    page = _translated_page(proposal, proposal.language)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    segments = list(source.stringsegment_set.select_related("string", "context"))
    for code, title in titles.items():
        for segment in segments:
            data = title if segment.context.path == "title" else f"{segment.string.data} [{code}]"
            segment.string.translations.update_or_create(
                locale=f.locale(code), context=segment.context, defaults={"data": data, "translation_type": "manual"}
            )
        target, _ = Translation.objects.get_or_create(source=source, target_locale=f.locale(code))
        target.save_target(publish=False)
        page.get_translation(f.locale(code)).get_latest_revision().publish()
    return proposal


@pytest.fixture
def ballot(db):
    """A cycle whose vote is open (its Kazakh page) and the two Kazakh proposals on its ballot: the first translated
    into Russian by a translator, the second not (its Russian page an alias of the Kazakh one)."""
    cycle = f.cycle(schedule="voting")
    moderator = f.make_moderator()
    translated, untranslated = (
        f.ProposalFactory(cycle=cycle, title=title, status=Status.ON_BALLOT, moderator=moderator)
        for title in ("Fx саябақ жарығы", "Fx аула орындықтары")
    )
    translate_proposal(translated, {"ru": "Fx освещение парка"})
    return cycle, translated, untranslated


def test_the_assisted_ballot_lists_proposals_in_the_operators_language_or_the_chosen_one(client, make_user, ballot):
    cycle, proposal, _ = ballot
    ru_title, kk_title = _translated_page(proposal, "ru").title, _translated_page(proposal, "kk").title
    assert ru_title != kk_title
    operator = prefers(make_user("ru-operator", roles.OPERATORS), "ru")
    client.force_login(operator)

    page = client.get("/admin/pb/assisted/", {"cycle": cycle.pk}).content.decode()
    assert ru_title in page and kk_title not in page
    assert 'aria-current="true">Русский' in page
    assert cycle.get_translation(cycle.locale.__class__.objects.get(language_code="ru")).title in page

    page = client.get("/admin/pb/assisted/", {"cycle": cycle.pk, "lang": "kk"}).content.decode()
    assert kk_title in page and ru_title not in page
    assert 'name="lang" value="kk"' in page
    assert 'aria-current="true">Қазақша' in page


def test_a_proposal_not_translated_into_the_reading_language_is_read_from_its_own_with_a_note(
    client, make_user, ballot
):
    cycle, _, proposal = ballot
    assert proposal.language == "kk"
    ru_page = proposal.pages.get(locale__language_code="ru")
    ru_page.unpublish()
    kk_title = _translated_page(proposal, "kk").title
    client.force_login(prefers(make_user("ru-operator", roles.OPERATORS), "ru"))

    page = client.get("/admin/pb/assisted/", {"cycle": cycle.pk}).content.decode()
    assert f'<span lang="kk">{kk_title}</span>' in page
    assert "(на казахском)" in page
