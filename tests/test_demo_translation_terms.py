"""The demo's rendered pages have none of the forms a native-speaker review corrected (tests/test_translation_terms.py
lists them): what `load_demo` writes, on every page of the demo site, in Kazakh and Russian."""

import pytest

from tests.test_translation_terms import corrected_forms_on, rendered_pages

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_rendered_demo_pages_have_none_of_the_corrected_forms(lang):
    urls = rendered_pages(lang)
    assert len(urls) > 30
    bad, _read = corrected_forms_on(urls, lang)
    assert bad == []
