"""The admin: editors work in Kazakh, Russian or English; the project's own admin strings are translated."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile

from demo.home import ensure_admin
from home.models import NewsPage, PublicCentre

from .. import pages as fx

pytestmark = pytest.mark.django_db


def test_admin_offers_kazakh_russian_and_english():
    assert [code for code, _ in get_available_admin_languages()] == ["kk", "ru", "en"]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_demo_admin_works_in_its_language_and_sees_translated_panel_labels(client, db, language):
    password = ensure_admin(password="demo-pass-123")  # the demo admin starts in Kazakh
    assert client.login(username="admin", password=password)
    user = get_user_model().objects.get(username="admin")
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    index = fx.news_index(fx.home())
    body = client.get(f"/admin/pages/add/home/newspage/{index.pk}/").content.decode()
    with translation.override(language):
        label = str(NewsPage._meta.get_field("council").verbose_name)
        help_text = str(NewsPage._meta.get_field("intro").help_text)
    assert label != "public council"
    assert label.lower() in body.lower()
    assert help_text in body
    assert f'lang="{language}"' in body


def test_snippet_admin_lists_public_centres(client, db):
    centres = fx.public_centres()
    ensure_admin(password="demo-pass-123")
    client.login(username="admin", password="demo-pass-123")
    response = client.get("/admin/snippets/home/publiccentre/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("/admin/snippets/home/publiccentre/edit/") >= 4
    for centre in centres:  # each of the four centres (the Kazakh ones) has its edit link
        assert PublicCentre.objects.filter(translation_key=centre.translation_key).count() == 3
        assert f"/admin/snippets/home/publiccentre/edit/{centre.pk}/" in body
