import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.accounts import ensure_accounts
from demo.home import ensure_admin
from demo.loading import load_all
from pb_module import roles


class Command(BaseCommand):
    help = "Create or refresh the trilingual demo content (idempotent) and the demo admin account."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create or reset the admin and the demo accounts."
        )

    def handle(self, *args, no_admin=False, **options):
        made = load_all()
        pb = made["pb"]
        call_command("pb_share_cycle_facts", stdout=self.stdout)  # translations made stale by earlier code
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: home page, {len(made['news'])} news items, 1 Concept document, "
                f"{len(pb['cycles'])} PB cycles with proposals, in kk/ru/en."
            )
        )
        if not no_admin:
            password = ensure_admin(password=os.environ.get("DEMO_ADMIN_PASSWORD"))
            self.stdout.write(
                self.style.SUCCESS(f"Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}")
            )
            for account, secret in ensure_accounts():
                where = "/kk/accounts/login/" if account.group == roles.NGO_REPRESENTATIVES else "/admin/"
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{account.group}: http://127.0.0.1:8000{where}  user: {account.username}  password: {secret}"
                    )
                )
