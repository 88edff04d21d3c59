from datetime import date

from django.core.management.base import BaseCommand, CommandError

from pb_module import services
from pb_module.models import Proposal
from pb_module.rules.statuses import Status


class Command(BaseCommand):
    help = (
        "Move funded proposals between in implementation, stalled and completed as their milestones say "
        "(run daily, e.g. from cron); prints each move. Also deletes e-mail follows whose confirmation link expired."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="check as on this day (YYYY-MM-DD) instead of today")

    def handle(self, *args, today=None, **options):
        if today:
            try:
                today = date.fromisoformat(today)
            except ValueError:
                raise CommandError(f"--today: expected YYYY-MM-DD, got {today!r}") from None
        proposals = list(Proposal.objects.filter(status__in=[Status.IN_IMPLEMENTATION, Status.STALLED]).order_by("pk"))
        moved = 0
        for proposal in proposals:
            change = services.implementation.sync_implementation(proposal, today=today)
            if change is not None:
                moved += 1
                self.stdout.write(f"#{proposal.pk} {proposal}: {change.from_status} -> {change.to_status}")
        self.stdout.write(f"{moved} of {len(proposals)} checked moved")
        self.stdout.write(
            f"{services.following.delete_expired_follows()} unconfirmed follows deleted (confirmation link expired)"
        )
