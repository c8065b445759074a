from django.core.management.base import BaseCommand

from consultations.notifications import send_due_reminders


class Command(BaseCommand):
    help = (
        "Send the e-mails due now: a consultation opened, or closes within two days "
        "(to members who have not responded). Each goes out once; run it from cron."
    )

    def handle(self, *args, **options):
        count = send_due_reminders()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} e-mails queued")
