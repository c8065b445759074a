from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from counselling.models import CounsellingRequest
from portal.spam import HoneypotFormMixin

phone_number = RegexValidator(
    r"^\+?[0-9 ()-]{6,20}$",
    _("Enter a telephone number: digits, spaces and an optional + at the start."),
)


class CounsellingRequestForm(HoneypotFormMixin, forms.ModelForm):
    privacy_consent = forms.BooleanField(
        label=_(
            "I agree that the legal advice centre keeps my request to answer it, "
            "as the notice above explains."
        ),
        error_messages={
            "required": _("We can only answer your request with your consent.")
        },
    )

    class Meta:
        model = CounsellingRequest
        fields = [
            "topic",
            "preferred_language",
            "name",
            "contact_method",
            "email",
            "phone",
            "message",
        ]
        labels = {
            "topic": _("What is your question about?"),
            "preferred_language": _("In which language would you like advice?"),
            "name": _("Your name (optional)"),
            "contact_method": _("How should we contact you?"),
            "email": _("E-mail address"),
            "phone": _("Telephone number"),
            "message": _("Your question"),
        }
        help_texts = {
            "name": _("Or how we should address you."),
            "email": _("Needed if we should write to you."),
            "phone": _("Needed if we should call you."),
            "message": _(
                "Describe your situation briefly. Do not send documents here; we "
                "will ask for them if needed."
            ),
        }
        widgets = {
            "topic": forms.RadioSelect,
            "contact_method": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons, and a language list that starts with the reader's own,
        # without an empty "---------" choice.
        for name in ["topic", "contact_method", "preferred_language"]:
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0]
            ]
        self.fields["phone"].validators.append(phone_number)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        cleaned_data = super().clean()
        method = cleaned_data.get("contact_method")
        missing = {
            CounsellingRequest.ContactMethod.EMAIL: (
                "email",
                _("Give an e-mail address, or choose telephone."),
            ),
            CounsellingRequest.ContactMethod.PHONE: (
                "phone",
                _("Give a telephone number, or choose e-mail."),
            ),
        }
        if method in missing:
            field, message = missing[method]
            # A field that already has an error (a mistyped address) keeps just that.
            if not cleaned_data.get(field) and field not in self.errors:
                self.add_error(field, message)
        return cleaned_data
