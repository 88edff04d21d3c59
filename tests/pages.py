"""The CMS pages a test builds itself, instead of reading the demo's: the Kazakh home page with its Russian and
English translations, and under it an information page, a news list with dated, tagged news, a document list with a
Concept-like official document (number, date, PDF, table of contents) and the public centres page with four
centres.

Pages are made as the product makes them (see tests/factories.py): added under their parent, published with a
revision, and translated with wagtail-localize as a translator does, string by string (`translate`). A news item
translated into Russian only is shown in English through an alias, as the synchronised trees show an untranslated
page. Every title, slug, tag and name starts with "Fx" (never the demo's).
"""

from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail_localize.models import Translation, TranslationSource

from home.models import (
    ConceptDocumentPage,
    DocumentIndexPage,
    NewsIndexPage,
    NewsPage,
    PublicCentre,
    PublicCentreIndexPage,
    StandardPage,
)

from . import factories as f

TARGETS = f.TARGETS


def translate(page, strings=None, languages=TARGETS):
    """Translate `page` into `languages` with wagtail-localize, string by string: a string of the page whose Kazakh
    text is a key of `strings` gets `strings[text][lang]`, any other keeps the Kazakh text. A translation made
    before is brought up to date with the page. The translations are published at once (wagtail-localize publishes
    on commit, which a test never reaches). The page's parent must be translated."""
    strings = strings or {}
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    segments = list(source.stringsegment_set.select_related("string", "context"))
    for code in languages:
        locale = f.locale(code)
        for segment in segments:
            text = strings.get(segment.string.data, {}).get(code)
            if text:
                segment.string.translations.update_or_create(
                    locale=locale, context=segment.context, defaults={"data": text, "translation_type": "manual"}
                )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        translation.save_target(publish=False)
        page.get_translation(locale).get_latest_revision().publish()
    return page


def add(parent, page):
    """`page` added under `parent` and published."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def in_language(page, code):
    """The version of `page` in language `code` (a translation or an alias), as the database has it now."""
    return page.get_translation(f.locale(code)).specific


# --- the home page -------------------------------------------------------------------------------

HOME_TITLES = {"ru": "Fx главная страница", "en": "Fx home page"}
# (value, label by language): numbers whose grouping differs by language (3 and 4 digits).
FIGURES = [
    (97, {"kk": "Fx қоғамдық кеңес", "ru": "Fx общественных советов", "en": "Fx public councils"}),
    (2_468, {"kk": "Fx кеңес мүшесі", "ru": "Fx членов советов", "en": "Fx council members"}),
    (1_357, {"kk": "Fx жоба", "ru": "Fx проектов", "en": "Fx projects"}),
]


def home():
    """The Kazakh home page of the default site (the factories' one, made if there is none) with an introduction and
    key figures, translated into Russian and English (titles, introduction and figure labels)."""
    page = f.home_page()
    page.intro = "<p>Fx порталы: тұрғындар бюджетті бірге жоспарлайды.</p>"
    page.key_figures = [{"type": "figure", "value": {"value": value, "label": label["kk"]}} for value, label in FIGURES]
    page.save_revision().publish()
    strings = {page.title: HOME_TITLES}
    strings.update({label["kk"]: label for _value, label in FIGURES})
    return translate(page, strings)


# --- news ----------------------------------------------------------------------------------------

NEWS_INDEX_TITLES = {"kk": "Fx жаңалықтар", "ru": "Fx новости", "en": "Fx news"}
# Oldest first. The newest is translated into Russian only: English shows it through an alias.
NEWS = [
    {
        "slug": "fx-budget-hearing",
        "date": date(2025, 3, 4),
        "title": {"kk": "Fx бюджет тыңдауы өтті", "ru": "Fx прошли бюджетные слушания", "en": "Fx budget hearing held"},
        "tags": {"kk": ["fx бюджет", "fx кеңес"], "ru": ["fx бюджет ru"], "en": ["fx budget"]},
        "languages": ("ru", "en"),
    },
    {
        "slug": "fx-centre-opens",
        "date": date(2025, 6, 10),
        "title": {"kk": "Fx орталығы ашылды", "ru": "Fx центр открылся", "en": "Fx centre opens"},
        "tags": {"kk": ["fx орталық"], "ru": ["fx центр"], "en": ["fx centre"]},
        "languages": ("ru", "en"),
    },
    {
        "slug": "fx-school-yard",
        "date": date(2025, 9, 1),
        "title": {"kk": "Fx мектеп ауласы жөнделді", "ru": "Fx школьный двор отремонтирован"},
        "tags": {"kk": ["fx кеңес"], "ru": ["fx совет"]},
        "languages": ("ru",),
    },
]


def news_index(parent):
    """The news list under the home page, translated, with no news yet."""
    index = add(parent, NewsIndexPage(title=NEWS_INDEX_TITLES["kk"], slug="fx-news", intro="Fx жаңалықтары."))
    return translate(index, {index.title: NEWS_INDEX_TITLES})


def news_item(index, spec):
    """A dated, tagged news item under `index`, translated into `spec["languages"]` (each translation with tags in
    its own language), shown through an alias in the other languages."""
    page = NewsPage(
        title=spec["title"]["kk"],
        slug=spec["slug"],
        date=spec["date"],
        intro="Fx қысқаша мазмұны.",
        body=[{"type": "paragraph", "value": "<p>Fx жаңалық мәтіні.</p>"}],
    )
    index.add_child(instance=page)
    page.tags.set(spec["tags"]["kk"], clear=True)
    page.save_revision().publish()
    translate(page, {page.title: spec["title"]}, languages=spec["languages"])
    for code in spec["languages"]:
        version = in_language(page, code)
        version.tags.set(spec["tags"][code], clear=True)
        version.save_revision().publish()
    for code in set(TARGETS) - set(spec["languages"]):
        page.copy_for_translation(f.locale(code), alias=True)
    return page


# --- documents -----------------------------------------------------------------------------------

DOCUMENT_INDEX_TITLES = {"kk": "Fx құжаттар", "ru": "Fx документы", "en": "Fx documents"}
CONCEPT = {
    "number": "4512",
    "date_adopted": date(2019, 3, 7),
    "status": ConceptDocumentPage.Status.IN_FORCE,
    "source_url": "https://example.kz/fx/concept-4512",
}
CONCEPT_TITLES = {
    "kk": "Fx тұжырымдамасы жергілікті бюджетке қатысу туралы",
    "ru": "Fx концепция участия в местном бюджете",
    "en": "Fx concept of participation in the local budget",
}
# The headings of the body (level, text by language): they make the table of contents.
CONCEPT_HEADINGS = [
    ("h2", {"kk": "Fx жалпы ережелер", "ru": "Fx общие положения", "en": "Fx general provisions"}),
    ("h2", {"kk": "Fx мақсаттар мен міндеттер", "ru": "Fx цели и задачи", "en": "Fx goals and tasks"}),
    ("h3", {"kk": "Fx бірінші кезең", "ru": "Fx первый этап", "en": "Fx first stage"}),
    ("h3", {"kk": "Fx екінші кезең", "ru": "Fx второй этап", "en": "Fx second stage"}),
    ("h2", {"kk": "Fx күтілетін нәтижелер", "ru": "Fx ожидаемые результаты", "en": "Fx expected results"}),
]


def pdf_document(title):
    """A one-page PDF in the document library (its file is written under MEDIA_ROOT: `remove_files` deletes it)."""
    document = Document(title=title)
    document.file.save("fx-concept.pdf", ContentFile(b"%PDF-1.4\n%Fx\n%%EOF\n"), save=False)
    document.save()
    return document


def document_index(parent):
    index = add(parent, DocumentIndexPage(title=DOCUMENT_INDEX_TITLES["kk"], slug="fx-documents"))
    return translate(index, {index.title: DOCUMENT_INDEX_TITLES})


def concept_document(index):
    """An official document in force under `index`: number, date adopted, official source, PDF and a body whose
    headings make a table of contents, translated (title and headings) into Russian and English."""
    body = []
    for level, text in CONCEPT_HEADINGS:
        body.append({"type": "heading", "value": {"text": text["kk"], "level": level}})
        body.append({"type": "paragraph", "value": "<p>Fx бөлімнің мәтіні.</p>"})
    page = add(
        index,
        ConceptDocumentPage(
            title=CONCEPT_TITLES["kk"],
            slug="fx-concept-4512",
            issuing_body="Fx мемлекеттік орган",
            summary="Fx қысқаша мазмұны.",
            pdf=pdf_document("Fx concept 4512"),
            body=body,
            **CONCEPT,
        ),
    )
    strings = {CONCEPT_TITLES["kk"]: CONCEPT_TITLES}
    strings.update({text["kk"]: text for _level, text in CONCEPT_HEADINGS})
    return translate(page, strings)


# --- public centres ------------------------------------------------------------------------------

CENTRES_TITLES = {"kk": "Fx қоғамдық орталықтар", "ru": "Fx общественные центры", "en": "Fx public centres"}
CENTRE_REGIONS = [
    {"kk": "Fx Маңғыстау облысы", "ru": "Fx Мангистауская область", "en": "Fx Mangystau region"},
    {"kk": "Fx Павлодар облысы", "ru": "Fx Павлодарская область", "en": "Fx Pavlodar region"},
    {"kk": "Fx Алматы облысы", "ru": "Fx Алматинская область", "en": "Fx Almaty region"},
    {"kk": "Fx Түркістан облысы", "ru": "Fx Туркестанская область", "en": "Fx Turkistan region"},
]


def public_centres():
    """Four public centres, one a region, each in Kazakh, Russian and English (one translation key)."""
    centres = []
    for n, region in enumerate(CENTRE_REGIONS, start=1):
        source = None
        for code in (f.SOURCE, *TARGETS):
            centre = PublicCentre(
                locale=f.locale(code),
                name=f"Fx орталық {n} [{code}]",
                region=region[code],
                address=f"Fx көшесі, {n} [{code}]",
                opening_hours="09:00–18:00",
                phone=f"+7 700 000 00 0{n}",
                email=f"fx-centre-{n}@example.kz",
            )
            if source is not None:
                centre.translation_key = source.translation_key
            centre.save()
            source = source or centre
        centres.append(source)
    return centres


def public_centre_index(parent):
    page = add(parent, PublicCentreIndexPage(title=CENTRES_TITLES["kk"], slug="fx-centres"))
    return translate(page, {page.title: CENTRES_TITLES})


# --- the whole site ------------------------------------------------------------------------------


def site():
    """The home page and every kind of page under it, translated, with news, a document and public centres.
    Returns the Kazakh pages: "home", "about", "news_index", "news" (newest first), "documents", "concept",
    "centres_page", and the Kazakh "centres"."""
    root = home()
    about = add(root, StandardPage(title="Fx біз туралы", slug="fx-about", intro="Fx порталы туралы."))
    translate(about, {about.title: {"ru": "Fx о нас", "en": "Fx about us"}})
    index = news_index(root)
    news = [news_item(index, spec) for spec in NEWS]
    documents = document_index(root)
    concept = concept_document(documents)
    centres = public_centres()
    centres_page = public_centre_index(root)
    return {
        "home": root,
        "about": about,
        "news_index": index,
        "news": news[::-1],
        "documents": documents,
        "concept": concept,
        "centres_page": centres_page,
        "centres": centres,
    }


def remove_files(pages):
    """Delete the files `site()` wrote under MEDIA_ROOT (a rolled-back test leaves no row, but its files)."""
    if pages.get("concept") is not None and pages["concept"].pdf is not None:
        pages["concept"].pdf.file.delete(save=False)


def ids(pages) -> dict:
    """`site()`'s or `site_with_cycles()`'s objects as ids (for a module that builds them once, see `module_db`)."""
    return {key: [item.pk for item in value] if isinstance(value, list) else value.pk for key, value in pages.items()}


def from_ids(page_ids) -> dict:
    """The objects of `ids(...)` read afresh: the pages (specific), the public centres and the reviewed proposals."""
    from wagtail.models import Page

    from home.models import PublicCentre
    from pb_module.models import Proposal

    models = {"centres": PublicCentre, "reviewed": Proposal}
    return {
        key: [models[key].objects.get(pk=pk) for pk in value]
        if key in models
        else [Page.objects.get(pk=pk).specific for pk in value]
        if isinstance(value, list)
        else Page.objects.get(pk=value).specific
        for key, value in page_ids.items()
    }


def site_with_cycles():
    """`site()` and a participatory-budget section with a cycle in each state a reader meets: "collecting"
    (submission open), "voting" (the vote open, its proposals on the ballot after an expert review), "published"
    (the vote closed and its results published with the greedy rule, the winner in implementation) and
    "equal_shares" (results published with the Method of Equal Shares). Adds them to `site()`'s pages, with
    "reviewed": the proposals an expert reviewed."""
    from pb_module.models import TallyRule
    from pb_module.rules.statuses import Status

    pages = site()
    moderator = f.make_moderator()
    collecting = f.cycle()
    f.ProposalFactory(cycle=collecting, moderator=moderator)
    voting = f.cycle(schedule="voting", expert_review=True)
    reviewed = [f.ProposalFactory(cycle=voting, status=Status.ON_BALLOT, moderator=moderator) for _ in range(2)]
    funded = f.funded_proposal(moderator)
    equal_shares, _ = f.voting_cycle([3_000_000, 4_000_000], ballots=[[0], [0, 1]], tally_rule=TallyRule.EQUAL_SHARES)
    f.publish_results(equal_shares, moderator)
    return {
        **pages,
        "pb": collecting.get_parent().specific,
        "collecting": collecting,
        "voting": voting,
        "published": funded.cycle,
        "equal_shares": equal_shares,
        "reviewed": reviewed,
    }
