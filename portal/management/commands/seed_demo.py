import os
import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clubs.demo import seed_clubs
from consultations.demo import (
    seed_consultations,
    seed_imported_draft,
    seed_institutions,
)
from contact.demo import seed_contact
from counselling.demo import seed_counselling
from events.demo import seed_events
from home.demo import seed_campaigns, seed_home_pages, seed_standard_pages
from home.models import HomePage
from initiatives.demo import seed_initiatives
from portal.demo import (
    references_indexed_at_the_end,
    search_index_built_at_the_end,
    seed_accounts,
    seed_site_furniture,
)
from publications.demo import seed_publications


class Command(BaseCommand):
    help = (
        "Fill a freshly migrated database with demo content and accounts "
        "(editor, counsellor, member1…member12). Running it again changes nothing."
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

        with (
            search_index_built_at_the_end(),
            references_indexed_at_the_end(),
            transaction.atomic(),
        ):
            created = seed_accounts(password, log)
            homes = {
                home.locale.language_code: home
                for home in HomePage.objects.select_related("locale")
            }
            standard_pages = seed_standard_pages(homes, log)
            counselling = seed_counselling(homes, log)
            contact = seed_contact(homes, log)
            campaigns = seed_campaigns(homes, counselling, log)
            institutions, _partners = seed_institutions(homes, log)
            clubs, club_pages = seed_clubs(homes, institutions, log)
            consultations, tracker = seed_consultations(log)
            seed_imported_draft(consultations, log)
            initiatives = seed_initiatives(homes, log)
            calendar, _team_pages = seed_events(homes, log)
            publications = seed_publications(homes, log)
            seed_site_furniture(
                homes,
                menu_pages=[
                    campaigns,
                    clubs,
                    calendar,
                    consultations,
                    tracker,
                    publications,
                    counselling,
                    standard_pages["about"],
                ],
                footer_pages=[
                    standard_pages["privacy"],
                    standard_pages["accessibility"],
                    contact,
                ],
                log=log,
            )
            seed_home_pages(
                {
                    "team": club_pages["team"],
                    "assistants": club_pages["assistants"],
                    "clubs": clubs,
                    "counselling": counselling,
                    "campaigns": campaigns,
                    "initiatives": initiatives,
                },
                log,
            )

        if created and options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    "Demo accounts editor, counsellor and member1…member12: "
                    f"password {password}"
                )
            )
