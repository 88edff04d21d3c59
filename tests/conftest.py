import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site is loaded once into the test database; each test runs in a rolled-back transaction."""
    from home.demo import load_demo
    from pb_module.demo import load_pb_demo

    with django_db_blocker.unblock():
        load_pb_demo(load_demo()["home"])


@pytest.fixture
def demo(db):
    from wagtail.models import Locale

    from home.models import ConceptDocumentPage, HomePage, NewsIndexPage, NewsPage

    kk = Locale.objects.get(language_code="kk")
    return {
        "home": HomePage.objects.get(locale=kk),
        "news_index": NewsIndexPage.objects.get(locale=kk),
        "news": list(NewsPage.objects.filter(locale=kk).order_by("-date")),
        "concept": ConceptDocumentPage.objects.get(locale=kk),
    }
