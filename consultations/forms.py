from django import forms
from django.db import models
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from consultations.draft_import import MAX_BYTES, TOO_BIG
from consultations.models import Comment, MemberProfile, RecommendationResponse
from consultations.models.participation import (
    COMMENT_LANGUAGES,
    ReportReason,
    StanceChoice,
)
from consultations.names import validate_display_name
from consultations.notifications import PREFERENCE


class StanceForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your stance"),
        choices=StanceChoice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose your stance."),
            "invalid_choice": _("Choose one of the stances listed."),
        },
    )
    reason = forms.CharField(
        label=_("Why? (what should change?)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required if you support it with changes: say what to change."),
    )

    # The draft version of the wording the member was shown, so that a page opened
    # before the wording changed cannot count as a stance on the new one.
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("choice") == StanceChoice.SUPPORT_WITH_CHANGES
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error("reason", _("Say what should change in the recommendation."))
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=4000,
        min_length=2,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your comment first.")},
    )
    language = forms.ChoiceField(
        label=_("Language of your comment"),
        choices=COMMENT_LANGUAGES,
        error_messages={"invalid_choice": _("Choose one of the languages listed.")},
    )
    display_name = forms.CharField(
        label=_("Your display name"),
        min_length=2,
        max_length=40,
        help_text=MemberProfile._meta.get_field("display_name").help_text,
    )
    recommendation = forms.IntegerField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # The draft version of the wording shown beside the form (see StanceForm).
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, needs_display_name=False, user=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", get_language())
        super().__init__(*args, **kwargs)
        self.user = user
        if not needs_display_name:
            del self.fields["display_name"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        validate_display_name(name)
        # The database's own rule (unique by lower case), not __iexact: the two
        # disagree on some letters (ẞ lower-cases to ß, ß does not upper-case to ẞ)
        # and the insert then failed with a server error. One query, which leaves
        # out the member's own profile: a parallel post of theirs (a second tab)
        # may have stored this very name a moment ago.
        others = MemberProfile.objects.alias(folded=Lower("display_name")).filter(
            folded=Lower(Value(name, output_field=models.CharField()))
        )
        if self.user is not None:
            others = others.exclude(user=self.user)
        if others.exists():
            raise forms.ValidationError(
                _("Someone already uses this display name. Please choose another.")
            )
        return name


class EditCommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        labels = {"text": _("Your comment")}


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason.")},
    )
    details = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DisplayNameForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = ["display_name"]


class HideCommentForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it hidden? (the author will see this)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PollForm(forms.Form):
    """One poll question; its choices are the StreamField blocks of the page."""

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.poll = poll
        choices = [(block.id, block.value) for block in poll.choices]
        if poll.allows_multiple:
            limit = poll.max_choices
            self.fields["choices"] = forms.MultipleChoiceField(
                label=poll.question,
                choices=choices,
                help_text=(
                    ngettext(
                        "Choose at most %(limit)d answer.",
                        "Choose at most %(limit)d answers.",
                        limit,
                    )
                    % {"limit": limit}
                    if limit
                    else _("Choose all that apply.")
                ),
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "required": _("Choose at least one answer."),
                    "invalid_choice": _("Choose among the answers listed."),
                },
            )
        else:
            self.fields["choices"] = forms.ChoiceField(
                label=poll.question,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer."),
                    "invalid_choice": _("Choose among the answers listed."),
                },
            )

    def clean_choices(self):
        value = self.cleaned_data["choices"]
        if (
            not self.poll.allows_multiple
            and len(self.data.getlist(self.add_prefix("choices"))) > 1
        ):
            # A radio group sends one value; more is a forged request.
            raise forms.ValidationError(_("Choose only one answer."))
        keys = value if isinstance(value, list) else [value]
        limit = self.poll.max_choices
        if limit and len(keys) > limit:
            raise forms.ValidationError(
                ngettext(
                    "Choose at most %(limit)d answer.",
                    "Choose at most %(limit)d answers.",
                    limit,
                )
                % {"limit": limit}
            )
        return keys


class ResponseForm(forms.ModelForm):
    publish = forms.BooleanField(
        label=_("Published (members and, for public consultations, everyone see it)"),
        required=False,
    )

    class Meta:
        model = RecommendationResponse
        fields = [
            "organisation_position",
            "outcome",
            "authority_reasoning",
            "responded_on",
            "adopted_in_version",
        ]
        widgets = {"responded_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish"].initial = self.instance.is_published

    def clean_adopted_in_version(self):
        version = self.cleaned_data["adopted_in_version"]
        latest = self.instance.recommendation.consultation.draft_version
        if version is not None and not 1 <= version <= latest:
            raise forms.ValidationError(
                _("There is no draft version %(version)s (the latest is %(latest)s).")
                % {"version": version, "latest": latest}
            )
        return version


class TranslationForm(forms.Form):
    text = forms.CharField(
        label=_("Polish translation"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    checked = forms.BooleanField(
        label=_("I have checked this translation"), required=False
    )


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        # Two kinds of e-mail may share one setting.
        fields = ["language", *dict.fromkeys(PREFERENCE.values())]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"), widget=forms.PasswordInput
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        if not self.user.check_password(self.cleaned_data["password"]):
            raise forms.ValidationError(_("That is not your password."))
        return self.cleaned_data["password"]


class DraftImportForm(forms.Form):
    """A document, or the text pasted; what it proposes is shown before saving."""

    document = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_(
            "Word (.docx), OpenDocument (.odt) or Markdown (.md, .txt), up to 5 MB."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,.odt,.md,.markdown,.txt,text/plain,text/markdown"}
        ),
        error_messages={"empty": _("The file is empty.")},
    )
    text = forms.CharField(
        label=_("Or paste the text"),
        required=False,
        max_length=500_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Start each recommendation with its number (“1.”, “Rekomendacja 1”); "
            "Markdown headings and lists are understood."
        ),
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        # Refused by the size the upload declares, before it is read.
        if document and document.size > MAX_BYTES:
            raise forms.ValidationError(TOO_BIG)
        return document

    def clean(self):
        cleaned = super().clean()
        has_document = bool(cleaned.get("document"))
        has_text = bool(cleaned.get("text", "").strip())
        if not self.errors and has_document == has_text:
            raise forms.ValidationError(
                _("Upload a document or paste the text (one of the two).")
            )
        return cleaned
