from django.conf import settings
from django.core.management.base import BaseCommand

from pb_module.models import PBCyclePage


class Command(BaseCommand):
    help = (
        "Give every translation of every cycle the facts of its source-language page: phases, dates, budget, "
        "territory, ballot settings, tally rule and results state (brings translations made stale before "
        "the facts were shared in line; publishing a cycle does it from then on). Idempotent."
    )

    def handle(self, *args, **options):
        shared = 0
        for cycle in PBCyclePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk"):
            shared += len(cycle.share_facts())
        self.stdout.write(f"Cycle facts shared with {shared} translation(s).")
