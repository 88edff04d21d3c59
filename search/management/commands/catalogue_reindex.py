"""Rebuild the Elasticsearch catalogue of proposals (search/es_catalogue.py) from the database."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import es_catalogue


class Command(BaseCommand):
    help = "Index every live public proposal page in a new catalogue index and switch the alias to it."

    def handle(self, *args, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("ELASTICSEARCH_URL is not set: the catalogue runs on the database, nothing to index.")
        try:
            count = es_catalogue.reindex()
        except es_catalogue.ERRORS as error:
            raise CommandError(f"Elasticsearch refused or did not answer: {error}") from error
        self.stdout.write(f"Indexed {count} proposal pages into {es_catalogue.index_name()}.")
