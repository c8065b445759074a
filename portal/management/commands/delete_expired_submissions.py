import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from clubs.models import JoinRequest
from contact.models import ContactMessage
from counselling.models import CounsellingRequest


class Command(BaseCommand):
    help = (
        "Delete join and counselling requests and contact messages older than the "
        "retention period the forms' privacy notices promise "
        "(SUBMISSION_RETENTION_DAYS). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, but delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - datetime.timedelta(
            days=settings.SUBMISSION_RETENTION_DAYS
        )
        expired = {
            "join requests": JoinRequest.objects.filter(submit_time__lt=cutoff),
            "counselling requests": CounsellingRequest.objects.filter(
                submitted_at__lt=cutoff
            ),
            "contact messages": ContactMessage.objects.filter(submitted_at__lt=cutoff),
        }
        with transaction.atomic():
            for name, rows in expired.items():
                count = rows.count() if dry_run else rows.delete()[0]
                verb = "would delete" if dry_run else "deleted"
                self.stdout.write(f"{name}: {verb} {count}")
