"""How a refusal of the policy reaches the person: a translated page with its 4xx
status, or the login page for an anonymous visitor turned away with 403."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from consultations.access import Refusal


def refusals(view):
    """Turn a Refusal raised by a page route into a response. Never stored by a
    cache: every consultation view answers per person."""

    @wraps(view)
    def wrapper(request, page, *args, **kwargs):
        try:
            return view(request, page, *args, **kwargs)
        except Refusal as refusal:
            return refusal_response(request, refusal, page)

    return never_cache(wrapper)


def refusal_response(request, refusal, page=None):
    if refusal.status == 403 and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request,
        "consultations/refusal.html",
        {"page": page, "message": refusal.message},
        status=refusal.status,
    )
