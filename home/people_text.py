"""People's text (reasons, reports, answers, comments, titles) marked with the language it is written in.

Text that people wrote is not translated by the site. When it is shown on a page of another language it carries
``lang="xx"`` (screen readers switch voice, browsers hyphenate right) and a visible note in the reader's language,
"(in Kazakh)" / "(на казахском)" / "(қазақ тілінде)", so a reader knows why it reads differently.

A moderator's reason may be given twice, in Kazakh and in Russian (``<field>_kk``, ``<field>_ru``); ``<field>``
keeps the reason in the language it was typed first (``<field>_language``; rows from before both were offered only
have this one). :func:`pick` shows the reader's language when it is there, else the other one: Kazakh readers get
the Russian text, Russian readers the Kazakh text, and English readers the Russian text before the Kazakh one
(Russian is the language English-speaking visitors of Kazakhstan most often read, and machine translators handle it
best), each with the note.

Templates use ``{% load people_text %}`` and ``{% people_text text language %}`` or ``{% people_reason obj "reason" %}``
(home/templatetags/people_text.py).
"""

import re

from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from words.text import KAZAKH_LETTERS as KAZAKH_ALPHABET

# The note after text in another language than the page, one per language the text is written in.
LANGUAGE_NOTES = {
    "kk": _("(in Kazakh)"),
    "ru": _("(in Russian)"),
    "en": _("(in English)"),
}
# Which written version a reader of each language gets when there is none in theirs (see the module's text).
FALLBACK_ORDER = {
    "kk": ("kk", "ru", "en"),
    "ru": ("ru", "kk", "en"),
    "en": ("en", "ru", "kk"),
}
REASON_LANGUAGES = ("kk", "ru")  # the languages a moderator's reason form offers

KAZAKH_LETTERS = re.compile("[{}]".format("".join(sorted(KAZAKH_ALPHABET))), re.IGNORECASE)
CYRILLIC = re.compile("[а-яёА-ЯЁ]")
LATIN = re.compile("[a-zA-Z]")


def short(language: str | None) -> str:
    """ "ru" of "ru-RU"; "" of nothing."""
    return (language or "")[:2].lower()


def guess_language(text: str, default: str = "") -> str:
    """The language `text` is most likely written in, by its letters: a Kazakh-only letter is Kazakh, other
    Cyrillic is Russian, Latin is English; `default` when it has no letters. For rows stored before the language
    was recorded."""
    if not text:
        return default
    if KAZAKH_LETTERS.search(text):
        return "kk"
    cyrillic, latin = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if cyrillic and cyrillic >= latin:
        return "ru"
    if latin:
        return "en"
    return default


def texts_of(obj, field: str) -> dict[str, str]:
    """The written versions of `obj.<field>` by language: `<field>` in `<field>_language` (guessed by its letters
    when not recorded), then `<field>_kk` and `<field>_ru` where the model has them and they are filled."""
    texts = {}
    legacy = (getattr(obj, field, "") or "").strip()
    if legacy:
        language = short(getattr(obj, f"{field}_language", "")) or guess_language(legacy, "kk")
        texts[language] = legacy
    for code in REASON_LANGUAGES:
        text = (getattr(obj, f"{field}_{code}", "") or "").strip()
        if text:
            texts[code] = text
    return texts


def pick(texts: dict[str, str], reader: str | None = None) -> tuple[str, str]:
    """(text, its language) for a reader of `reader` (the active language by default) among `texts` by language;
    ("", "") when there is none."""
    reader = short(reader or get_language()) or "kk"
    for code in (*FALLBACK_ORDER.get(reader, (reader, "ru", "kk")), *texts):
        if texts.get(code):
            return texts[code], code
    return "", ""


def written(field: str, typed: dict[str, str], language: str | None = None) -> dict[str, str]:
    """The model fields to store for a reason typed as `typed` ({"kk": ..., "ru": ..., "": one text, in
    `language`}) by someone writing in `language` (None: the language the letters of the one text are in, else the
    active language): `<field>` (the one text, else the version in the writer's language, else kk, else ru),
    `<field>_language`, `<field>_kk`, `<field>_ru`. A one text in kk or ru also fills that box."""
    versions = {code: (typed.get(code) or "").strip() for code in REASON_LANGUAGES}
    other = (typed.get("") or "").strip()
    language = short(language) or guess_language(other) or short(get_language()) or "kk"
    if other and not any(versions.values()) and language in versions:
        versions[language] = other  # a single reason in kk or ru: the same as typing it in its box
    if other:
        first, first_language = other, language
    else:
        first_language = next((c for c in (language, *REASON_LANGUAGES) if versions.get(c)), "")
        first = versions.get(first_language, "")
    return {
        field: first,
        f"{field}_language": first_language if first else "",
        f"{field}_kk": versions["kk"],
        f"{field}_ru": versions["ru"],
    }


def note(language: str, reader: str | None = None) -> str:
    """The visible note for text in `language` on a page in `reader`'s language ("" when they are the same)."""
    language, reader = short(language), short(reader or get_language())
    if not language or language == reader:
        return ""
    return str(LANGUAGE_NOTES.get(language, ""))


def render(
    text, language: str, *, reader: str | None = None, block: bool = False, lines: bool = True, keep_lang: bool = False
) -> str:
    """`text` as HTML, escaped. In another language than the reader's: in a ``<span lang>`` followed by the visible
    note. A `block` (paragraphs) is always a ``<div lang>`` when the language is known, the note after it; so is a
    ``<span>`` with `keep_lang` (text inside an element of another language)."""
    text = "" if text is None else str(text)
    if not text:
        return ""
    reader = short(reader or get_language())
    language = short(language)
    if block:
        body = linebreaks(text, autoescape=True)
    elif lines:
        body = conditional_escape(text).replace("\n", "<br>")
    else:
        body = conditional_escape(text)
    body = mark_safe(body)  # noqa: S308 (escaped above)
    shown_note = note(language, reader)
    if block:
        opening = format_html('<div lang="{}">', language) if language else mark_safe("<div>")
        if not shown_note:
            return format_html("{}{}</div>", opening, body)
        return format_html('{}{}</div><p class="meta language-note">{}</p>', opening, body, shown_note)
    if not shown_note:
        if keep_lang and language:
            return format_html('<span lang="{}">{}</span>', language, body)
        return body  # in the page's language: the page's lang holds
    return format_html(
        '<span lang="{}">{}</span> <span class="meta language-note">{}</span>', language, body, shown_note
    )


def tag_fits(name: str, language: str | None) -> bool:
    """Whether a tag may stand in the tag list of a page in `language`: not a word with Kazakh-only letters on a
    Russian or English page, not a Cyrillic word on an English page. (A tag has no language of its own; this also
    catches the tags a translation copied from its Kazakh source before the editor replaced them.)"""
    language = short(language)
    if language != "kk" and KAZAKH_LETTERS.search(name or ""):
        return False
    return not (language == "en" and CYRILLIC.search(name or ""))


def ordered(texts: dict[str, str], reader: str | None = None) -> list[tuple[str, str]]:
    """Every written version as (text, language): the one :func:`pick` shows first, then the others (a feed shows
    them all)."""
    first = pick(texts, reader)
    return [first, *((text, code) for code, text in texts.items() if code != first[1] and text)] if first[0] else []


def render_all(texts: dict[str, str], reader: str | None = None) -> str:
    """Every written version, each as paragraphs marked with its language (:func:`render`), the reader's first."""
    return mark_safe("".join(render(text, code, reader=reader, block=True) for text, code in ordered(texts, reader)))  # noqa: S308
