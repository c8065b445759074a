from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import add_never_cache_headers

from portal.security import log_refusal


def logged_in(request):
    # Without a session cookie nobody is logged in; asking anyway would load the
    # session and add "Vary: Cookie" to responses that do not depend on it.
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        and request.user.is_authenticated
    )


class PrivateResponseMiddleware:
    """Never let a browser or a shared cache keep what a logged-in person sees.

    Every page shown to a logged-in member carries their account links and a CSRF
    token, many carry their own stance, their data or team-only content, so all of
    them go out ``private, no-store``. Pages restricted to a group or a password get
    the same from Wagtail itself, documents of restricted collections from our
    ``before_serve_document`` hook (which sets ``request.private_response``).
    Refused requests (403) go to the security log.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            logged_in(request)
            or getattr(request, "private_response", False)
            # A lockout, or a form refused by the rate limit with the person's text.
            or response.status_code == 429
        ):
            add_never_cache_headers(response)
        if response.status_code == 403:
            log_refusal(request, response)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under ADMIN_URL_PREFIX.

    A preview is the public page rendered for the admin through a dummy request
    (Wagtail's ``make_preview_request`` runs it through this middleware with the
    page's own path): it keeps the public policy, so previews show what the policy
    allows, but the admin's preview panel may frame it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        elif getattr(request, "is_dummy", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
