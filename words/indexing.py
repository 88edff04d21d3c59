"""Word forms in the site search: pages also index the normalised stems of their words (words/text.py)."""

from django.utils.html import strip_tags
from wagtail.search import index

from words.text import normalise


def index_stems(text: str, language: str | None) -> str:
    """The stems to index for `text` written in `language`: its reading in that language and the
    language-free reading (which keeps alternatives), so a query normalised in any reader's language finds it."""
    return " ".join(dict.fromkeys(normalise(text, language).split() + normalise(text).split()))


def text_language(page) -> str | None:
    """The language a page's text is written in: its own locale's, or for an alias its source's."""
    source = page.alias_of if page.alias_of_id else page
    return source.locale.language_code if source.locale_id else None


class WordFormsMixin:
    """A page whose `word_form_sources` are indexed again as stems, so "саябақ" finds "Саябақты"."""

    word_form_sources: tuple[str, ...] = ("title",)

    def word_forms(self) -> str:
        parts = []
        for name in self.word_form_sources:
            value = getattr(self, name, "") or ""
            parts.append(value if isinstance(value, str) else strip_tags(str(value)))
        return index_stems(" ".join(parts), text_language(self))


WORD_FORMS = index.SearchField("word_forms")
