import json
import time

from django.core.management.base import BaseCommand, CommandError

from pb_module import services
from pb_module.models import PBCyclePage
from pb_module.rules import tally


class Command(BaseCommand):
    help = "Run a cycle's tally rule on its ballots in the database; prints the same JSON as the file CLI."

    def add_arguments(self, parser):
        parser.add_argument("cycle_id", type=int)
        parser.add_argument("--rule", choices=sorted(tally.RULES), help="another rule than the cycle's own")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print only the JSON line (the default)"
        )

    def handle(self, *args, cycle_id, rule=None, as_json=True, **options):
        cycle = PBCyclePage.objects.filter(pk=cycle_id).first()
        if cycle is None:
            raise CommandError(f"no cycle {cycle_id}")
        election = services.pabulib_io.election_from_cycle(cycle)
        began = time.perf_counter()
        result = tally.tally(election, rule=rule or cycle.tally_rule)
        seconds = round(time.perf_counter() - began, 4)
        self.stdout.write(json.dumps({"rule": result["rule"], "selected": result["selected"], "seconds": seconds}))
