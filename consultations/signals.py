from django.dispatch import receiver
from wagtail.signals import page_published

from consultations.models import ConsultationPage
from consultations.services import sync_consultation


@receiver(page_published, sender=ConsultationPage)
def keep_records_in_line(sender, instance, **kwargs):
    # Also runs for scheduled publishing and for wagtail-localize publishing a
    # translation, which is why this is a signal and not an admin hook.
    sync_consultation(instance)
