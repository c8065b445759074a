from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Calendar and teams")

    def ready(self):
        from wagtail.signals import page_published

        from events.access import restrict_on_publish

        page_published.connect(restrict_on_publish, dispatch_uid="events-restrict")
