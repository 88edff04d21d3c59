"""Word forms in the site search: pages also index the normalised stems of their words (search/text.py)."""

from django.utils.html import strip_tags
from wagtail.search import index

from .text import normalise


class WordFormsMixin:
    """A page whose `word_form_sources` are indexed again as stems, so "саябақ" finds "Саябақты"."""

    word_form_sources: tuple[str, ...] = ("title",)

    def word_forms(self) -> str:
        parts = []
        for name in self.word_form_sources:
            value = getattr(self, name, "") or ""
            parts.append(value if isinstance(value, str) else strip_tags(str(value)))
        return normalise(" ".join(parts))


WORD_FORMS = index.SearchField("word_forms")
