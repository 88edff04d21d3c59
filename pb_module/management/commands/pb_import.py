import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from pb_module import services
from pb_module.rules import pabulib


class Command(BaseCommand):
    help = (
        "Import a pabulib .pb file as a cycle with its proposals and anonymised ballots (idempotent): in the "
        "district of the file (META district, else subunit) under its unit (a city), in the locale of its "
        "language when the site has it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--key", help="slug of the cycle page (default: from the file name)")

    def handle(self, *args, file, key=None, **options):
        try:
            election = pabulib.read_file(file)
        except (OSError, pabulib.PabulibError) as error:
            raise CommandError(f"{file}: {error}") from None
        key = key or slugify(re.sub(r"[_\s]+", "-", Path(file).stem))[:80]
        try:
            cycle = services.pabulib_io.import_election(election, key=key)
        except ValueError as error:
            raise CommandError(f"{file}: {error}") from None
        self.stdout.write(
            f"imported {len(election.projects)} projects and {len(election.votes)} ballots into “{cycle.title}”"
        )
        places = []
        place = cycle.territory
        while place is not None:
            places.insert(0, place.name)
            place = place.parent
        self.stdout.write(f"territory {' › '.join(places)}, locale {cycle.locale.language_code}")
        self.stdout.write(str(cycle.pk))
