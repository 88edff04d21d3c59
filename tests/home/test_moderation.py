"""News goes through moderation: an editor submits, a moderator approves, only then it is public."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from home.models import NewsIndexPage, NewsPage
from home.workflows import NEWS_WORKFLOW_NAME, stored_name

from .. import pages as fx

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(db):
    """A news list under the home page, in Kazakh with its Russian and English translations (tests/pages.py)."""
    return fx.news_index(fx.home())


def make_user(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.kz", "pw-" + name)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_every_news_index_in_every_language_uses_the_news_workflow(news_index):
    news = fx.news_item(news_index, fx.NEWS[0])
    indexes = NewsIndexPage.objects.all()
    assert sorted(indexes.values_list("locale__language_code", flat=True)) == ["en", "kk", "ru"]
    for index in indexes:
        assert stored_name(index.get_workflow()) == NEWS_WORKFLOW_NAME
    assert stored_name(news.get_workflow()) == NEWS_WORKFLOW_NAME
    assert stored_name(fx.in_language(news, "en").get_workflow()) == NEWS_WORKFLOW_NAME


def test_editor_submits_news_and_a_moderator_publishes_it(client, news_index):
    index = news_index
    editor = make_user("editor", "Editors")
    moderator = make_user("moderator", "Moderators")

    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/home/newspage/{index.pk}/",
        {
            "title": "Fx қоғамдық кеңес отырысы",
            "slug": "fx-council-meeting",
            "date": "2026-11-20",
            "intro": "Кеңес бюджет жобасын талқылады.",
            "tags": "кеңес",
            "body-count": "0",
            "action-submit": "Submit",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    news = NewsPage.objects.get(slug="fx-council-meeting", locale__language_code="kk")
    # Synchronised trees: the Russian and English trees get an alias until someone translates it.
    aliases = NewsPage.objects.filter(slug="fx-council-meeting", alias_of=news)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == ["en", "ru"]
    assert not news.live
    assert not news.permissions_for_user(editor).can_publish()
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(news.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert client.get(index.url + "fx-council-meeting/").status_code == 404

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(f"/admin/pages/workflow/action/{news.pk}/approve/{task_state.pk}/", {"comment": "Дұрыс."})
    assert response.status_code in (200, 302)
    news.refresh_from_db()
    state.refresh_from_db()
    assert news.live
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(index.url + "fx-council-meeting/").status_code == 200
    ru_alias = aliases.get(locale__language_code="ru")
    assert ru_alias.live
    assert 'class="notice" role="note"' in client.get(ru_alias.url).content.decode()
