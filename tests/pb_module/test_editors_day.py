"""The editor's day in the Kazakh admin: council news from a template (a draft, never live, in the news list's
language), the dashboard's panels scoped to the staff member's territory, and the check that keeps the Kazakh admin
catalogue complete."""

import textwrap

import polib
import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.models import NewsIndexPage, NewsPage, PublicCouncil
from locales import po
from pb_module import roles
from pb_module.models import Proposal, StaffTerritory, Territory
from pb_module.rules.statuses import Status

from .. import factories as f
from .. import pages as fx

pytestmark = pytest.mark.django_db


def kazakh(user):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "kk"})
    return user


@pytest.fixture
def news_lists(db):
    """The news list under the home page, in Kazakh with its Russian and English translations (tests/pages.py)."""
    return fx.news_index(fx.home())


@pytest.fixture
def council(db):
    """A public council in Kazakh, Russian and English (one translation key), the Russian one returned."""
    names = {"kk": "Fx Ақтау қалалық қоғамдық кеңесі", "ru": "Fx Общественный совет Актау", "en": "Fx Aktau council"}
    places = {"kk": "Fx Ақтау", "ru": "Fx Актау", "en": "Fx Aktau"}
    kk = PublicCouncil.objects.create(
        locale=f.locale("kk"), name=names["kk"], territory=places["kk"], level=PublicCouncil.Level.CITY
    )
    for code in ("ru", "en"):
        PublicCouncil.objects.create(
            locale=f.locale(code),
            translation_key=kk.translation_key,
            name=names[code],
            territory=places[code],
            level=PublicCouncil.Level.CITY,
        )
    return kk.get_translation(f.locale("ru"))


def test_council_news_from_the_template_is_a_draft_in_the_news_lists_language(client, news_lists, council, make_user):
    editor = kazakh(make_user("kk-editor", roles.EDITORS))
    client.force_login(editor)
    form = client.get(reverse("home_council_news")).content.decode()
    assert "Кеңес жаңалығы үлгі бойынша" in form and 'lang="kk"' in form

    ru_council = council
    kk_list = NewsIndexPage.objects.get(locale__language_code="kk")
    assert kk_list.pk == news_lists.pk
    before = NewsPage.objects.count()
    response = client.post(
        reverse("home_council_news"), {"news_list": kk_list.pk, "council": ru_council.pk, "date": "2026-11-20"}
    )
    assert response.status_code == 302
    news = NewsPage.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-2]))
    assert NewsPage.objects.count() == before + 1
    kk_council = ru_council.get_translation(kk_list.locale)  # the council in the list's language
    assert kk_council.name == "Fx Ақтау қалалық қоғамдық кеңесі"
    assert news.council == kk_council and news.get_parent().pk == kk_list.pk
    assert not news.live and news.has_unpublished_changes and news.owner == editor
    assert news.title == f"{kk_council.name}: 2026 жылғы 20 қараша күнгі отырыс"
    assert set(news.tags.names()) == {"қоғамдық кеңес", kk_council.territory}
    assert news.latest_revision.user == editor


def test_council_news_refuses_bad_input_whole_and_outsiders(client, news_lists, council, make_user):
    editor = kazakh(make_user("kk-editor", roles.EDITORS))
    client.force_login(editor)
    before = NewsPage.objects.count()
    response = client.post(reverse("home_council_news"), {"news_list": "", "council": "", "date": "20.11"})
    body = response.content.decode()
    assert response.status_code == 200 and "міндетті" in body  # "this field is required", in Kazakh
    assert NewsPage.objects.count() == before
    client.force_login(make_user("expert-x", roles.EXPERTS))
    assert client.get(reverse("home_council_news")).status_code in (302, 403)


def test_the_dashboard_lists_what_waits_in_the_staff_members_territory(client, make_user):
    # Two cycles in two cities: proposals wait in both, and one is on the ballot already (it waits for nothing).
    here, there = f.cycle(), f.cycle()
    f.ProposalFactory(cycle=here)
    f.ProposalFactory(cycle=here, status=Status.IN_MODERATION)
    f.ProposalFactory(cycle=here, status=Status.ON_BALLOT)
    f.ProposalFactory(cycle=there)
    moderator = kazakh(make_user("kk-mod", roles.MODERATORS))
    client.force_login(moderator)
    waiting = Proposal.objects.filter(status__in=["submitted", "in_moderation"])
    assert waiting.count() == 3
    everywhere = client.get("/admin/").content.decode()
    assert f"Модерацияны күтіп тұрған жобалық ұсыныстар: {waiting.count()}" in everywhere

    place = Territory.objects.get(pk=here.territory.pk)
    assert place.locale.language_code == "kk" and waiting.filter(district=place).exists()
    StaffTerritory.objects.create(user=moderator, territory=place)
    inside = waiting.filter(district__translation_key__in=place.descendant_keys) | waiting.filter(
        cycle__territory__translation_key__in=place.descendant_keys
    )
    scoped = client.get("/admin/").content.decode()
    assert inside.distinct().count() == 2  # those of the staff member's city only
    assert f"Модерацияны күтіп тұрған жобалық ұсыныстар: {inside.distinct().count()}" in scoped
    assert place.name in scoped

    client.force_login(kazakh(make_user("plain-editor", roles.EDITORS)))
    assert "Сіздің жоба нұсқаларыңыз" in client.get("/admin/").content.decode()


def test_the_kazakh_admin_check_lists_a_new_wagtail_msgid(tmp_path):
    assert all(
        po.missing_kk(path, domain) == []
        for app, path in po.app_catalogues().items()
        if app in po.JOURNEYS
        for domain in po.DOMAINS
    )
    source = tmp_path / "locale" / "en" / "LC_MESSAGES"
    source.mkdir(parents=True)
    (source / "django.po").write_text(
        textwrap.dedent("""\
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"

            msgid "Publish"
            msgstr ""

            msgid "A string of a future Wagtail"
            msgstr ""
            """)
    )
    assert po.missing_kk(tmp_path, "django") == ["A string of a future Wagtail"]
    assert polib.pofile(str(po.ADMIN / "kk" / "LC_MESSAGES" / "django.po")).percent_translated() == 100
