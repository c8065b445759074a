"""Spam resistance for the public forms, without third-party services.

Two layers: a honeypot field that people never see (the stylesheet hides it) but
form-filling robots fill in, and a limit on how many submissions one address may
send in a period. The limit counts stored submissions only, so a person correcting
mistakes is never locked out; it is generous because many people share one address
(a reception centre, a library, a mobile network).
"""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.forms.renderers import Jinja2
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"


# Django's own templates for forms, in their Jinja2 version: the same markup, in
# half the time of the Django template versions (a club's join form or the
# counselling form is a fifth of its page's time otherwise). One instance, so its
# templates are compiled once per process.
PUBLIC_FORM_RENDERER = Jinja2()


class HoneypotFormMixin:
    """Adds the honeypot field. A filled-in honeypot is a form error, not a silent
    drop: a person whose browser filled it by mistake learns what happened."""

    default_renderer = PUBLIC_FORM_RENDERER

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visible_fields(self):
        return [
            field for field in super().visible_fields() if field.name != HONEYPOT_FIELD
        ]

    @property
    def caught_in_honeypot(self):
        return any(
            error.code == "honeypot"
            for error in self.errors.as_data().get(forms.forms.NON_FIELD_ERRORS, [])
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(HONEYPOT_FIELD, ""):
            raise forms.ValidationError(
                _(
                    "Your message was not sent because a field that must stay empty "
                    "was filled in, which robots do. If you are a person, please "
                    "send the form again."
                ),
                code="honeypot",
            )
        return cleaned_data


def client_address(request):
    """The visitor's address; behind trusted proxies, the one the nearest proxy saw."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            address.strip()
            for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if address.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class SubmissionRateLimit:
    """At most ``limit`` stored submissions per address and ``period`` seconds."""

    def __init__(self, scope):
        self.scope = scope
        self.limit, self.period = settings.PUBLIC_FORM_RATE_LIMIT

    def _key(self, request):
        # Only a keyed hash of the address goes to the cache, never the address.
        digest = salted_hmac("portal.spam", client_address(request)).hexdigest()
        return f"submissions:{self.scope}:{digest}"

    def is_exceeded(self, request):
        return cache.get(self._key(request), 0) >= self.limit

    def record(self, request):
        key = self._key(request)
        if not cache.add(key, 1, self.period):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, self.period)


TOO_MANY_SUBMISSIONS = _(
    "You have sent several forms from this connection in a short time. Your text "
    "is still below: please wait an hour and send it again, or contact us by "
    "e-mail or telephone."
)


class SpamResistantFormPageMixin:
    """Serves a page's public form: 400 with field errors for bad input, 429 with
    the person's text kept when the address is over the limit, the landing page
    once the submission is stored."""

    rate_limit_scope = "forms"

    def serve_form(self, request, form, store):
        limit = SubmissionRateLimit(self.rate_limit_scope)
        status = 200
        if request.method == "POST":
            if limit.is_exceeded(request):
                form.add_error(
                    None, forms.ValidationError(TOO_MANY_SUBMISSIONS, code="rate_limit")
                )
                status = 429
            elif form.is_valid():
                submission = store(form)
                limit.record(request)
                return self.render_landing_page(request, submission)
            else:
                status = 400
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(
            request, self.get_template(request), context, status=status
        )
        if status == 429:
            response["Retry-After"] = str(limit.period)
        return response
