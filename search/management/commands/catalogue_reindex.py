"""Rebuild the catalogue's indexes from the pages: the database's rows and, with ELASTICSEARCH_URL, Elasticsearch."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.catalogue import es as es_catalogue
from search.catalogue import index as catalogue_index


class Command(BaseCommand):
    help = (
        "Write the catalogue row of every live public proposal page afresh and, when ELASTICSEARCH_URL is set, "
        "index them all in a new Elasticsearch index and switch the alias to it."
    )

    def handle(self, *args, **options):
        count = catalogue_index.rebuild()
        self.stdout.write(f"Wrote {count} catalogue rows in the database.")
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write("ELASTICSEARCH_URL is not set: the catalogue runs on the database.")
            return
        try:
            count = es_catalogue.reindex()
        except es_catalogue.ERRORS as error:
            raise CommandError(f"Elasticsearch refused or did not answer: {error}") from error
        self.stdout.write(f"Indexed {count} proposal pages into {es_catalogue.index_name()}.")
