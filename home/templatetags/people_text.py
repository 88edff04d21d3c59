"""Show people's text marked with its language: see home/people_text.py."""

from django import template
from django.utils.translation import get_language

from home import people_text as texts
from home.routing import locale_code

register = template.Library()


@register.simple_tag
def people_text(text, language, block=False, lines=True, keep_lang=False):
    """`text` written in `language`: with ``lang`` and a visible "(in Kazakh)" note when the page is in another
    language. ``block=True``: paragraphs in a ``<div>`` (a comment, a report); ``keep_lang=True``: ``lang`` even in
    the page's language (inside an element of another language)."""
    return texts.render(text, language, block=block, lines=lines, keep_lang=keep_lang)


@register.simple_tag
def people_reason(obj, field="reason", block=False, default=""):
    """`obj.<field>` in the reader's language when it was written in it (`<field>_kk`, `<field>_ru`), else the
    version there is, marked with its language. `default` when there is none."""
    text, language = texts.pick(texts.texts_of(obj, field))
    if not text:
        return default
    return texts.render(text, language, block=block)


@register.simple_tag
def text_language_of(page):
    """The language a page's words are written in: its source's for a not-yet-translated alias (a proposal's:
    the language it was submitted in), else the page's own locale's. Without a query for a page that is no alias,
    or a listed proposal page (`proposal` selected)."""
    if getattr(page, "text_language", None):
        return page.text_language
    if not getattr(page, "alias_of_id", None):
        return (locale_code(page.locale_id) if getattr(page, "locale_id", None) else "") or texts.short(get_language())
    if "proposal" in page._state.fields_cache or getattr(page, "proposal_id", None):
        return page.proposal.language
    from words.indexing import text_language

    return text_language(page) or ""
