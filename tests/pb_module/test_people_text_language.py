"""People's text is marked with its language (issue 14): reasons, reports, answers, comments and titles written in
another language than the page carry `lang` and a visible "(in Kazakh)" note; a moderator gives a reason in Kazakh
and/or Russian and each reader sees their own; Kazakh tags stay out of the Russian tag lists. The tests build their
cycles, proposals, reports and news with tests/factories.py; the collecting cycle and the funded proposal most of them
use are built once for the module (see `module_db`) and read afresh by each test."""

import re

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from home.models import NewsIndexPage, NewsPage
from home.people_text import guess_language, pick, tag_fits, texts_of
from pb_module import services
from pb_module.models import Milestone, MonitoringReport, PBCyclePage, Proposal, ProposalStatusChange
from pb_module.rules.statuses import Status
from search.catalogue import run_catalogue

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def open_cycle_id(module_db):
    with module_db():
        return f.cycle().pk


@pytest.fixture
def open_cycle(db, open_cycle_id):
    """A cycle collecting proposals (its Kazakh page), built once for the module."""
    return PBCyclePage.objects.get(pk=open_cycle_id)


@pytest.fixture
def funded(db, funded_once):
    """A proposal the vote selected, moved into implementation by a moderator of its own (built once for the
    module: `funded_once`)."""
    return Proposal.objects.get(pk=funded_once)


def status_url(proposal):
    return f"/admin/pb/proposals/{proposal.pk}/status/"


def reported(proposal, moderator, ngo, official, responsible_body, body, language):
    """A monitoring report of an NGO representative in `language` on a milestone of the funded `proposal` (the
    milestone planned by `moderator` for `responsible_body`, whose member is `official`)."""
    milestone = services.implementation.save_milestone(
        milestone=Milestone(
            proposal=proposal,
            title_kk="Fx жобалау",
            status="in_progress",
            percent=30,
            responsible_body=responsible_body,
        ),
        user=moderator,
    )
    return services.monitoring.file_report(
        proposal=proposal, milestone=milestone, rating="concern", body=body, language=language, user=ngo
    )


def note(language_name: str, reader: str) -> str:
    """The visible note in the reader's language ("(на казахском)" once the lead's ru catalogue has it)."""
    with translation.override(reader):
        return translation.gettext(f"(in {language_name})")


def marked(html: str, language: str, text: str) -> bool:
    """Whether `text` stands in an element with lang="<language>" followed by its note."""
    return bool(re.search(rf'lang="{language}"[^>]*>(<p>)?{re.escape(text)}', html))


def public_kk_proposal(cycle, moderator, title="Жаңа саябақ аллеясы"):
    """A Kazakh proposal a moderator has taken into moderation: public, its Russian and English pages aliases."""
    return f.ProposalFactory(cycle=cycle, title=title, status=Status.IN_MODERATION, moderator=moderator)


def test_kk_only_texts_are_marked_on_the_ru_page(client, open_cycle, moderator, ngo):
    proposal = public_kk_proposal(open_cycle, moderator)
    services.proposals.change_status(
        proposal=proposal, new_status="in_discussion", user=moderator, reason_kk="Талқылауға шығарылды."
    )
    services.proposals.add_comment(
        proposal=proposal, user=ngo, body="Біз бұл жобаны қолдаймыз.", language="kk", historical=True
    )
    ru_page = proposal.page_in("ru")
    assert ru_page is not None and ru_page.alias_of_id  # not translated: the Kazakh words are shown
    html = client.get(ru_page.url).content.decode()
    kazakh = note("Kazakh", "ru")
    assert marked(html, "kk", "Жаңа саябақ аллеясы")  # the title
    assert marked(html, "kk", "Талқылауға шығарылды.")  # the reason in the decision log
    assert marked(html, "kk", "Біз бұл жобаны қолдаймыз.")  # the comment
    assert html.count(kazakh) >= 3
    # On the Kazakh page the same texts have no note.
    kk_html = client.get(proposal.page_in("kk").url).content.decode()
    assert "Талқылауға шығарылды." in kk_html and not marked(kk_html, "kk", "Талқылауға шығарылды.")


def test_kk_report_answer_and_hidden_reason_are_marked_on_the_ru_page(
    client, funded, moderator, ngo, official, responsible_body
):
    made = dict(moderator=moderator, ngo=ngo, official=official, responsible_body=responsible_body)
    report = reported(funded, body="Fx: жұмыс баяу жүріп жатыр.", language="kk", **made)
    report = services.monitoring.answer_report(
        report=report, user=official, answer="Мердігер келесі аптада жұмысқа оралады. Рахмет."
    )
    assert report.answer_language == "kk"
    html = client.get(funded.page_in("ru").url).content.decode()
    assert marked(html, "kk", report.body)
    assert marked(html, "kk", report.answer.split(".")[0])
    assert note("Kazakh", "ru") in html

    # A report hidden with a reason in Kazakh only, and a report in English, on the same proposal.
    hidden = reported(funded, body="Fx: жеке деректер бар есеп.", language="kk", **made)
    hidden = services.monitoring.hide_report(
        report=hidden, user=moderator, reason_kk="Есепте жеке деректер бар.", language="kk"
    )
    assert (hidden.hidden_reason_kk, hidden.hidden_reason_ru) == (hidden.hidden_reason, "")
    ru_html = client.get(funded.page_in("ru").url).content.decode()
    assert marked(ru_html, "kk", hidden.hidden_reason)
    # The English report on the Kazakh page: marked "(in English)".
    english = reported(funded, body="Fx: the work has stopped for a week.", language="en", **made)
    kk_html = client.get(funded.page_in("kk").url).content.decode()
    assert marked(kk_html, "en", english.body) and note("English", "kk") in kk_html


def test_a_reason_in_kk_and_ru_is_shown_in_the_readers_language_without_a_note(client, open_cycle, moderator):
    proposal = public_kk_proposal(open_cycle, moderator)
    services.proposals.change_status(proposal=proposal, new_status="in_discussion", user=moderator)
    kk_reason, ru_reason = "Жер телімі жеке меншікте.", "Земельный участок в частной собственности."
    services.proposals.change_status(
        proposal=proposal, new_status="rejected", user=moderator, reason_kk=kk_reason, reason_ru=ru_reason
    )
    change = proposal.status_changes.get(to_status="rejected")
    assert (change.reason_kk, change.reason_ru, change.reason, change.reason_language) == (
        kk_reason,
        ru_reason,
        kk_reason,
        "kk",
    )
    ru_html = client.get(proposal.page_in("ru").url).content.decode()
    assert ru_reason in ru_html and kk_reason not in ru_html
    assert f'{ru_reason}</span> <span class="meta language-note' not in ru_html
    kk_html = client.get(proposal.page_in("kk").url).content.decode()
    assert kk_reason in kk_html and ru_reason not in kk_html
    # English readers get the Russian one, marked.
    en_html = client.get(proposal.page_in("en").url).content.decode()
    assert marked(en_html, "ru", ru_reason) and note("Russian", "en") in en_html
    # The e-mail text (ProposalStatusChange.shown_reason) follows the reader too.
    with translation.override("ru"):
        assert change.shown_reason == ru_reason


def test_the_reason_form_offers_kk_and_ru_and_refuses_when_both_are_empty(client, open_cycle, moderator):
    proposal = public_kk_proposal(open_cycle, moderator)
    services.proposals.change_status(proposal=proposal, new_status="in_discussion", user=moderator)
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": "ru"})
    client.force_login(moderator)
    form = client.get(status_url(proposal)).content.decode()
    assert 'name="reason_kk"' in form and 'name="reason_ru"' in form

    refused = client.post(status_url(proposal), {"new_status": "rejected", "reason_kk": " ", "reason_ru": ""})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Укажите публичное обоснование этого решения." in html  # translated
    assert re.search(r'<option value="rejected"[^>]*selected', html)  # what was chosen is kept
    proposal.refresh_from_db()
    assert proposal.status == "in_discussion"
    assert not proposal.status_changes.filter(to_status="rejected").exists()

    accepted = client.post(
        status_url(proposal), {"new_status": "rejected", "reason_kk": "", "reason_ru": "Дублирует проект №3."}
    )
    assert accepted.status_code == 302
    change = proposal.status_changes.get(to_status="rejected")
    assert (change.reason_ru, change.reason_kk, change.reason_language) == ("Дублирует проект №3.", "", "ru")


def test_hide_comment_and_report_forms_need_a_reason_in_kk_or_ru(
    client, moderator, ngo, official, responsible_body, funded
):
    discussed = f.ProposalFactory(
        cycle=f.cycle(schedule="discussion"), status=Status.IN_DISCUSSION, moderator=moderator
    )
    comment = services.proposals.add_comment(proposal=discussed, user=ngo, body="Fx: қолдаймыз.", language="kk")
    report = reported(funded, moderator, ngo, official, responsible_body, body="Fx: жұмыс тоқтады.", language="kk")
    client.force_login(moderator)
    url = f"/admin/pb/comments/{comment.pk}/hide/"
    assert 'name="reason_ru"' in client.get(url).content.decode()
    client.post(url, {"reason_kk": "", "reason_ru": ""})
    comment.refresh_from_db()
    assert not comment.hidden
    client.post(url, {"reason_kk": "Жеке деректер.", "reason_ru": "Личные данные."})
    comment.refresh_from_db()
    assert comment.hidden and (comment.hidden_reason_kk, comment.hidden_reason_ru) == (
        "Жеке деректер.",
        "Личные данные.",
    )

    assert not MonitoringReport.objects.get(pk=report.pk).hidden
    report_url = reverse("pb_report_hide", args=[report.pk])
    assert client.post(report_url, {"reason_kk": "", "reason_ru": "  "}).status_code == 400
    report.refresh_from_db()
    assert not report.hidden
    assert client.post(report_url, {"reason_ru": "Личные данные."}).status_code == 302
    report.refresh_from_db()
    assert report.hidden and (report.hidden_reason_ru, report.hidden_reason_language) == ("Личные данные.", "ru")


def test_people_text_helpers():
    assert guess_language("Саябақты абаттандыру") == "kk"
    assert guess_language("Благоустройство парка") == "ru"
    assert guess_language("Park lighting") == "en"
    change = ProposalStatusChange(reason="Қате", reason_language="kk", reason_kk="Қате", reason_ru="Ошибка")
    assert pick(texts_of(change, "reason"), "ru") == ("Ошибка", "ru")
    assert pick(texts_of(change, "reason"), "en") == ("Ошибка", "ru")
    assert pick({"kk": "Қате"}, "en") == ("Қате", "kk")
    assert not tag_fits("жағалау", "ru") and tag_fits("жағалау", "kk") and not tag_fits("набережная", "en")


def news_index() -> NewsIndexPage:
    """A news index under the home page, translated into Russian and English, with a news item written in Russian
    on the Russian index, tagged in Russian (its tag is the one the Russian list has)."""
    index = NewsIndexPage(title="Fx жаңалықтар", slug="fx-news")
    f.home_page().add_child(instance=index)
    index.save_revision().publish()
    f.translate(index)
    russian = NewsPage(title="Fx новость", slug="fx-novost", intro="Кратко.")
    index.get_translation(f.locale("ru")).add_child(instance=russian)
    russian.tags.add("fx благоустройство")
    russian.save()
    russian.save_revision().publish()
    return NewsIndexPage.objects.get(pk=index.pk)


def test_the_ru_news_tag_list_has_no_kazakh_tag(client):
    ru = f.locale("ru")
    index = news_index()
    news = NewsPage(title="Fx жаңа жаңалық", slug="fx-zhana-zhanalyq", intro="Қысқаша.")
    index.add_child(instance=news)
    news.tags.add("жергілікті бастама")
    news.save()
    news.save_revision().publish()
    news.copy_for_translation(ru, alias=True)  # not translated yet: the Russian list shows it in Kazakh
    html = client.get(index.get_translation(ru).url).content.decode()
    assert "Fx жаңа жаңалық" in html
    tags = re.findall(r'\?tag=[^"]*"[^>]*>([^<]+)</a>', html)
    assert "fx благоустройство" in tags and not [tag for tag in tags if not tag_fits(tag, "ru")], tags
    assert "жергілікті бастама" in client.get(index.url).content.decode()


def test_the_ru_catalogue_topic_facet_has_no_kazakh_tag(client, moderator):
    cycle = f.cycle()
    # A Kazakh proposal without a Russian translation (its Russian page an alias), and a Russian one.
    f.ProposalFactory(cycle=cycle, tags=["жағалау"], status=Status.IN_MODERATION, moderator=moderator)
    f.ProposalFactory(
        cycle=cycle,
        language="ru",
        title="Fx набережная",
        tags=["набережная"],
        status=Status.IN_MODERATION,
        moderator=moderator,
    )

    def topics(language):
        with translation.override(language):
            result = run_catalogue(QueryDict(), language)
        facet = next(f for f in result.facets if f.key == "tag")
        return [str(value["label"]) for value in facet.values]

    kk_topics, ru_topics = topics("kk"), topics("ru")
    assert "жағалау" in kk_topics
    assert "набережная" in ru_topics and all(tag_fits(tag, "ru") for tag in ru_topics), ru_topics


def test_an_untranslated_title_is_marked_on_the_ru_cycle_page_and_catalogue(client, open_cycle, moderator):
    proposal = public_kk_proposal(open_cycle, moderator, title="Fx саябақ аллеясы")
    alias = proposal.page_in("ru")
    assert alias is not None and alias.live and alias.alias_of_id  # not translated: the Kazakh words are shown
    html = client.get(alias.get_parent().url).content.decode()
    assert marked(html, "kk", alias.title) and note("Kazakh", "ru") in html
    catalogue = client.get("/ru/projects/", {"q": alias.title}).content.decode()
    assert marked(catalogue, "kk", alias.title)


def test_close_voting_early_refuses_without_a_reason_and_keeps_the_confirmation(client, moderator):
    from pb_module.selectors.voting import voting_open

    from .conftest import cycle_page

    cycle, _ = f.voting_cycle([5_000_000], ballots=[[0]])  # a vote running, a ballot cast
    assert voting_open(cycle)
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": "en"})
    client.force_login(moderator)
    url = reverse("pb_close_voting", args=[cycle.pk])
    refused = client.post(url, {"reason_kk": "", "reason_ru": "", "confirm": "on"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Say why voting closes early: the reason is shown publicly." in html
    assert re.search(r'<input[^>]*name="confirm"[^>]*checked|<input[^>]*checked[^>]*name="confirm"', html)
    assert voting_open(cycle_page(cycle.slug))
    assert client.post(url, {"reason_kk": "Сайт жұмыс істемеді.", "confirm": "on"}).status_code == 302
    change = cycle_page(cycle.slug).schedule_changes.get(kind="closed_early")
    assert (change.reason_kk, change.reason_ru, change.reason_language) == ("Сайт жұмыс істемеді.", "", "kk")
    ru_html = client.get(cycle_page(cycle.slug, "ru").url).content.decode()
    assert marked(ru_html, "kk", "Сайт жұмыс істемеді.") and note("Kazakh", "ru") in ru_html


def test_the_progress_feed_gives_both_versions_of_a_reason(client, funded, moderator):
    services.proposals.change_status(
        proposal=funded,
        new_status="stalled",
        user=moderator,
        reason_kk="Мердігер жұмысты тоқтатты.",
        reason_ru="Подрядчик остановил работы.",
    )
    feed = client.get(f"/ru/feeds/proposal-{funded.pk}.rss").content.decode()
    assert "Подрядчик остановил работы." in feed and "Мердігер жұмысты тоқтатты." in feed
    assert feed.index("Подрядчик остановил работы.") < feed.index("Мердігер жұмысты тоқтатты.")


def test_the_migration_guesses_the_language_of_older_reasons(open_cycle, moderator):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pb_module.migrations.0013_people_text_language")
    proposal = public_kk_proposal(open_cycle, moderator)
    old = ProposalStatusChange.objects.create(
        proposal=proposal, from_status="in_moderation", to_status="in_discussion", reason="Обсуждение открыто."
    )
    kazakh = ProposalStatusChange.objects.create(
        proposal=proposal, from_status="in_discussion", to_status="rejected", reason="Жер телімі жеке меншікте."
    )
    migration.guess_languages(apps, None)
    old.refresh_from_db()
    kazakh.refresh_from_db()
    assert (old.reason_language, old.reason_ru, old.reason_kk) == ("ru", "Обсуждение открыто.", "")
    assert (kazakh.reason_language, kazakh.reason_kk) == ("kk", "Жер телімі жеке меншікте.")
