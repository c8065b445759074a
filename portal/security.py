"""The security log: logins, login failures, lockouts and refused requests.

Lines name an account by its id, or, when nobody is logged in, by a keyed hash of
the name typed in (usernames may be e-mail addresses); addresses are hashed too.
No line carries a username, an e-mail address or anything a person wrote.
Moderation actions and report downloads go to Wagtail's audit log instead
(consultations/audit.py), where editors can read them.
"""

import logging

from django.utils.crypto import salted_hmac

from portal.spam import client_address

logger = logging.getLogger("portal.security")


def pseudonym(value):
    """A short keyed hash: the same value gives the same hash, but it cannot be read
    back without the SECRET_KEY."""
    if not value:
        return "-"
    return salted_hmac("portal.security", str(value)).hexdigest()[:16]


def axes_client_str(username, ip_address, user_agent, path_info, request):
    """How django-axes names a client in its log lines (AXES_CLIENT_STR_CALLABLE)."""
    if isinstance(path_info, (list, tuple)):
        path_info = path_info[0]
    return (
        f"account={pseudonym(username)} address={pseudonym(ip_address)} "
        f"path={path_info}"
    )


def _who(request, user=None):
    user = user or getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user={user.pk}"
    return "user=anonymous"


def log_login(sender, request, user, **kwargs):
    logger.info(
        "login succeeded %s address=%s path=%s",
        _who(request, user),
        pseudonym(client_address(request)) if request else "-",
        request.path if request else "-",
    )


def log_login_failure(sender, credentials, request=None, **kwargs):
    # Django passes the credentials with the password already masked.
    logger.warning(
        "login failed account=%s address=%s path=%s",
        pseudonym(credentials.get("username")),
        pseudonym(client_address(request)) if request else "-",
        request.path if request else "-",
    )


def log_refusal(request, response):
    logger.warning(
        "request refused status=%s %s address=%s method=%s path=%s",
        response.status_code,
        _who(request),
        pseudonym(client_address(request)),
        request.method,
        request.path,
    )
