"""Demo content from the seed paper, in Kazakh with Russian and English translations.

Kazakh pages are the source; Russian and English versions are made through wagtail-localize
(a Translation per page, a StringTranslation per segment), so editors see them in the
translation editor as if a translator had made them. Running it again updates, never duplicates.
"""

import io
import secrets
import uuid

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.synctree import synchronize_tree

from demo import home_content as C
from home.models import (
    ConceptDocumentPage,
    DocumentIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PublicCentre,
    PublicCentreIndexPage,
    PublicCouncil,
    StandardPage,
)

SOURCE = "kk"
TARGETS = ("ru", "en")
# Interface-like headings stored in page content, so they are typed here once per language.
CYCLES_HEADING = {
    "kk": "Ағымдағы қатысу бюджеті циклдері",
    "ru": "Текущие циклы бюджета участия",
    "en": "Current participatory budget cycles",
}
NAMESPACE = uuid.UUID("0b5e2a44-5d0e-4f0b-9a53-7a0b5d1c2e11")


def demo_key(*parts) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts))


def _stream(blocks, lang, owner):
    """Raw StreamField data with ids that are the same in every language, so segments line up."""
    data = []
    for i, (kind, text) in enumerate(blocks):
        if kind == "heading":
            value = {"text": text[lang], "level": "h2"}
        elif kind == "subheading":
            kind, value = "heading", {"text": text[lang], "level": "h3"}
        elif kind == "quote":
            value = {"text": text[lang], "attribution": ""}
        else:
            value = text[lang]
        data.append({"type": kind, "value": value, "id": str(demo_key(owner, i))})
    return data


# --- page specifications: fields per language ----------------------------------------------


def _home_fields(lang):
    return {
        "title": C.HOME["title"][lang],
        "intro": C.HOME["intro"][lang],
        "what_is_pb": C.HOME["what_is_pb"][lang],
        "key_figures": [
            {
                "type": "figure",
                "value": {"value": f["value"], "label": f["label"][lang]},
                "id": str(demo_key("figure", i)),
            }
            for i, f in enumerate(C.HOME["figures"])
        ],
        "cycles": [
            {
                "type": "current_cycles",
                "id": str(demo_key("cycles")),
                "value": {"heading": CYCLES_HEADING[lang], "note": C.HOME["cycles_placeholder"][lang]},
            }
        ],
    }


def _simple_fields(spec, lang):
    return {"title": spec["title"][lang], "intro": spec["intro"][lang]}


def _about_fields(lang):
    return {
        "title": C.ABOUT["title"][lang],
        "intro": C.ABOUT["intro"][lang],
        "body": _stream(C.ABOUT["body"], lang, "about"),
    }


def _news_fields(item, lang, councils):
    return {
        "title": item["title"][lang],
        "intro": item["intro"][lang],
        "date": item["date"],
        "council": councils.get(item["council"]),
        "body": _stream(item["body"], lang, "news-" + item["slug"]),
    }


def _concept_fields(lang, pdf):
    return {
        "title": C.CONCEPT["title"][lang],
        "number": C.CONCEPT["number"],
        "date_adopted": C.CONCEPT["date_adopted"],
        "issuing_body": C.CONCEPT["issuing_body"][lang],
        "status": C.CONCEPT["status"],
        "source_url": C.CONCEPT["source_url"],
        "pdf": pdf,
        "summary": C.CONCEPT["summary"][lang],
        "body": _stream(C.CONCEPT["body"], lang, "concept"),
    }


# --- helpers -------------------------------------------------------------------------------


def publish(page):
    page.save_revision().publish()
    return page


def upsert_child(parent, model, slug, fields):
    """Create or update the Kazakh page `slug` under `parent` and publish it."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return publish(page)


def translate_page(source_page, model, fields_by_lang, languages, tags=None):
    """Make or refresh the translations of `source_page` with wagtail-localize."""
    source, created = TranslationSource.get_or_create_from_instance(source_page)
    if not created:
        source.update_from_db()
    segments = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
    for lang in languages:
        locale = Locale.objects.get(language_code=lang)
        target = model(**fields_by_lang(lang))
        target.slug = source_page.slug
        values = [s for s in extract_segments(target) if isinstance(s, StringSegmentValue)]
        if len(values) != len(segments):
            raise ValueError(f"{source_page.slug}: {lang} text does not match the Kazakh structure")
        for segment, value in zip(segments, values, strict=True):
            segment.string.translations.update_or_create(
                locale=locale,
                context=segment.context,
                defaults={"data": value.string.data, "translation_type": "manual"},
            )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        translation.save_target(publish=True)
        if tags is not None:
            page = model.objects.get(translation_key=source_page.translation_key, locale=locale)
            page.tags.set(tags[lang], clear=True)
            publish(page)


def upsert_snippet(model, key, fields_by_lang):
    objs = {}
    translation_key = demo_key(model.__name__, key)
    for lang in (SOURCE, *TARGETS):
        locale = Locale.objects.get(language_code=lang)
        obj, _ = model.objects.update_or_create(
            translation_key=translation_key, locale=locale, defaults=fields_by_lang(lang)
        )
        objs[lang] = obj
    return objs


def demo_image(title, colour):
    image = Image.objects.filter(title=title).first()
    if image:
        return image
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(canvas)
    for i in range(6):  # a simple skyline: the demo needs a picture, not a photograph
        x = 80 + i * 180
        draw.rectangle([x, 675 - 120 - (i % 3) * 90, x + 140, 675], fill=(255, 255, 255))
    buf = io.BytesIO()
    canvas.save(buf, "PNG")
    image = Image(
        title=title,
        description=title,
        file=ImageFile(io.BytesIO(buf.getvalue()), name=f"demo-{demo_key(title).hex[:8]}.png"),
    )
    image.save()
    return image


def _pdf_bytes(lines):
    """A one-page PDF with plain ASCII lines (the demo copy of a document)."""
    text = (
        "BT /F1 12 Tf 50 780 Td 16 TL "
        + " ".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for line in lines)
        + " ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text.encode("ascii") + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def demo_document(title: str, filename: str, lines: list[str]) -> Document:
    """A one-page PDF document of the demo (found by its title when loaded before)."""
    doc = Document.objects.filter(title=title).first()
    if doc:
        return doc
    doc = Document(title=title)
    doc.file.save(filename, ContentFile(_pdf_bytes(lines)), save=False)
    doc.save()
    return doc


def _concept_pdf():
    return demo_document(
        "Concept of local self-government development until 2025 (Decree No 639)",
        "concept-local-self-government-2025.pdf",
        [
            "Concept of local self-government development in the Republic of Kazakhstan until 2025",
            "Approved by Decree of the President of the Republic of Kazakhstan No 639 of 18 August 2021.",
            "Demo copy for the Qatysu portal. Official text: " + C.CONCEPT["source_url"],
        ],
    )


def _home_root():
    """The Kazakh home page at the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    kk = Locale.objects.get(language_code=SOURCE)
    home = HomePage.objects.filter(locale=kk, depth=2).first()
    if home is None:
        welcome = Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page")
        welcome.update(slug="wagtail-welcome")  # frees the slug; the page goes once the site points away
        home = HomePage(slug="home", **_home_fields(SOURCE))
        root.add_child(instance=home)
        for page in welcome:
            Site.objects.filter(root_page=page).update(root_page=home)
            page.delete()
    else:
        for name, value in _home_fields(SOURCE).items():
            setattr(home, name, value)
    publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Qatysu")
    else:
        site.root_page, site.site_name = home, "Qatysu"
        site.save()
    return home


# Not one transaction: wagtail-localize publishes translations on commit, from page objects
# read before their children were added, which would reset the tree's child counts.
def load_demo() -> dict:
    """Create or refresh the demo site; returns what was made, for the command and the tests."""
    kk = Locale.objects.get(language_code=SOURCE)
    for code in TARGETS:
        Locale.objects.get_or_create(language_code=code)

    councils = {}
    for spec in C.COUNCILS:
        objs = upsert_snippet(
            PublicCouncil,
            spec["key"],
            lambda lang, s=spec: {
                "name": s["name"][lang],
                "territory": s["territory"][lang],
                "level": s["level"],
                "members_count": s["members"],
            },
        )
        councils[spec["key"]] = objs[SOURCE]
    for spec in C.CENTRES:
        upsert_snippet(
            PublicCentre,
            spec["key"],
            lambda lang, s=spec: {
                "name": s["name"][lang],
                "region": s["region"][lang],
                "address": s["address"][lang],
                "opening_hours": s["opening_hours"][lang],
                "services": s["services"][lang],
                "phone": s["phone"],
                "email": s["email"],
            },
        )

    home = _home_root()
    about = upsert_child(home, StandardPage, C.ABOUT["slug"], _about_fields(SOURCE))
    about.show_in_menus = True
    publish(about)
    news_index = upsert_child(
        home, NewsIndexPage, C.NEWS_INDEX["slug"], {**_simple_fields(C.NEWS_INDEX, SOURCE), "show_in_menus": True}
    )
    images = [
        demo_image(item["title"]["en"], colour)
        for item, colour in zip(
            C.NEWS, [(0, 88, 122), (0, 62, 87), (36, 99, 64), (120, 70, 20), (80, 60, 120)], strict=False
        )
    ]
    news_pages = []
    for item, image in zip(C.NEWS, images, strict=True):
        page = upsert_child(
            news_index, NewsPage, item["slug"], {**_news_fields(item, SOURCE, councils), "image": image}
        )
        page.tags.set(item["tags"][SOURCE], clear=True)
        news_pages.append(publish(page))
    documents = upsert_child(
        home,
        DocumentIndexPage,
        C.DOCUMENT_INDEX["slug"],
        {**_simple_fields(C.DOCUMENT_INDEX, SOURCE), "show_in_menus": True},
    )
    pdf = _concept_pdf()
    concept = upsert_child(documents, ConceptDocumentPage, C.CONCEPT["slug"], _concept_fields(SOURCE, pdf))
    centres = upsert_child(
        home,
        PublicCentreIndexPage,
        C.CENTRES_INDEX["slug"],
        {**_simple_fields(C.CENTRES_INDEX, SOURCE), "show_in_menus": True},
    )

    # Aliases first (the synchronised trees), then real translations replace them.
    for code in TARGETS:
        synchronize_tree(kk, Locale.objects.get(language_code=code))
    translate_page(home, HomePage, _home_fields, TARGETS)
    translate_page(about, StandardPage, _about_fields, TARGETS)
    translate_page(news_index, NewsIndexPage, lambda lang: _simple_fields(C.NEWS_INDEX, lang), TARGETS)
    for item, page in zip(C.NEWS, news_pages, strict=True):
        translate_page(
            page,
            NewsPage,
            lambda lang, i=item: _news_fields(i, lang, councils),
            item["translate_to"],
            tags=item["tags"],
        )
    translate_page(documents, DocumentIndexPage, lambda lang: _simple_fields(C.DOCUMENT_INDEX, lang), TARGETS)
    translate_page(concept, ConceptDocumentPage, lambda lang: _concept_fields(lang, pdf), TARGETS)
    translate_page(centres, PublicCentreIndexPage, lambda lang: _simple_fields(C.CENTRES_INDEX, lang), TARGETS)

    return {"home": home, "news": news_pages, "concept": concept}


def ensure_admin(username="admin", password=None) -> str:
    """Create (or reset) the demo administrator and return its password."""
    password = password or secrets.token_urlsafe(12)
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": "admin@example.kz"})
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    # The demo's admin starts in Kazakh (Account -> Preferences changes it); without a preference, Wagtail would
    # follow the browser's language.
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = "kk"
        profile.save(update_fields=["preferred_language"])
    return password
