from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.notifications import send_due_reminders
from consultations.services import freeze_closed_teams


class Command(BaseCommand):
    help = (
        "Send the e-mails due now: a consultation opened, or closes within two days "
        "(to members who have not responded). Each goes out once; run it from cron. "
        "Also records the team of each consultation that has closed, so that its "
        "participation is counted of the members it had at closing."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        frozen = freeze_closed_teams(now)
        count = send_due_reminders(now)
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} e-mails queued")
            self.stdout.write(f"{frozen} closed consultations' teams recorded")
