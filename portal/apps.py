from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from portal import security, speedups
        from portal.cache import connect_invalidation

        speedups.install()
        connect_invalidation()
        user_logged_in.connect(security.log_login, dispatch_uid="portal.security")
        user_login_failed.connect(
            security.log_login_failure, dispatch_uid="portal.security"
        )
