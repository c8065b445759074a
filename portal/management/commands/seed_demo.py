import os
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from consultations.demo import seed_consultations
from home.demo import seed_home_pages
from portal.demo import seed_accounts


class Command(BaseCommand):
    help = (
        "Fill a freshly migrated database with demo content and accounts "
        "(editor, member1…member12). Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password of new demo accounts (default: $DEMO_PASSWORD or random).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never do this on the real site.",
        )

    def handle(self, *args, password=None, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo adds demo accounts with a known password; it runs only with "
                "DEBUG on. Pass --force if this really is a demo server."
            )
        password = (
            password or os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(12)
        )

        def log(message):
            if options["verbosity"] > 0:
                self.stdout.write(message)

        with transaction.atomic():
            created = seed_accounts(password, log)
            seed_home_pages(log)
            seed_consultations(log)

        if created and options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo accounts editor and member1…member12: password {password}"
                )
            )
