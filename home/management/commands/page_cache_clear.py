"""Forget every page in the anonymous page cache (and at the CDN, when one is configured).

Run on every deployment, after `collectstatic` (docker-compose.yml's `migrate` step does): pages stored by the
previous release name its templates' output and its static files. Events purge pages on their own; this is for
what no event says: new code.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from home import page_cache


class Command(BaseCommand):
    help = "Forget every page in the anonymous page cache (run on every deployment)."

    def handle(self, *args, **options):
        with transaction.atomic():
            page_cache.touch_everything()
        self.stdout.write("The page cache is empty: every public page is rendered again on its next visit.")
