from django import forms
from django.utils.translation import gettext_lazy as _

from contact.models.messages import ContactMessage
from portal.spam import HoneypotFormMixin


class ContactForm(HoneypotFormMixin, forms.ModelForm):
    """The public contact form. ``topics`` are the page's topics in the reader's
    language; a topic is chosen by its translation key, which every language's
    copy of the topic shares and re-synced translations keep."""

    topic = forms.TypedChoiceField(
        label=_("What is your message about?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what your message is about."),
            "invalid_choice": _("Choose one of the topics listed."),
        },
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "I agree that the organisation keeps my message to answer it, as the "
            "notice above explains."
        ),
        error_messages={
            "required": _("We can only answer your message with your consent.")
        },
    )

    field_order = ["name", "email", "topic", "message"]

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "message"]
        labels = {
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address"),
            "message": _("Your message"),
        }
        help_texts = {
            "name": _("Or how we should address you."),
            "email": _("We answer to this address."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {str(topic.translation_key): topic for topic in topics}
        topic_field = self.fields["topic"]
        topic_field.choices = [(key, topic.label) for key, topic in self.topics.items()]
        topic_field.coerce = self.topics.get
        if len(self.topics) == 1:
            topic_field.initial = next(iter(self.topics))
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
