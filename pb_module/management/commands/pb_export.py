import csv
import json

from django.core.management.base import BaseCommand, CommandError

from pb_module import services
from pb_module.models import PBCyclePage
from pb_module.rules import pabulib
from pb_module.rules.text import csv_safe


class Command(BaseCommand):
    help = "Write a cycle's projects and anonymised ballots as pabulib .pb, CSV or JSON to standard output."

    def add_arguments(self, parser):
        parser.add_argument("cycle_id", type=int)
        parser.add_argument("--format", choices=["pb", "csv", "json"], default="pb")

    def handle(self, *args, cycle_id, format="pb", **options):
        cycle = PBCyclePage.objects.filter(pk=cycle_id).first()
        if cycle is None:
            raise CommandError(f"no cycle {cycle_id}")
        election = services.pabulib_io.election_from_cycle(cycle)
        if format == "pb":
            self.stdout.write(pabulib.write(election), ending="")
        elif format == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "meta": election.meta,
                        "projects": [
                            {"project_id": p.project_id, "cost": int(p.cost), "name": p.name}
                            for p in election.projects.values()
                        ],
                        "votes": [{"voter_id": v.voter_id, "scores": v.scores(), **v.fields} for v in election.votes],
                    },
                    ensure_ascii=False,
                )
            )
        else:  # one row per voter and project: easy to load in a spreadsheet
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(["voter_id", "project_id", "points", "age_band"])
            for vote in election.votes:
                for pid, points in vote.scores().items():
                    row = [vote.voter_id, pid, points, vote.fields.get("age_band", "")]
                    writer.writerow([csv_safe(cell) for cell in row])  # ids from an imported file are text
