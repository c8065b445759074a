"""Filters of the club list and of the cultural assistants directory."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ClubFilterForm(forms.Form):
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)

    def __init__(self, data=None, *, cities, languages):
        super().__init__(data, auto_id="club-filter-%s")
        self.fields["city"].choices = [("", _("All cities"))] + [
            (city, city) for city in cities
        ]
        self.fields["language"].choices = [("", _("All languages"))] + [
            (language.code, language.name) for language in languages
        ]


class AssistantFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Speaks"), required=False)

    def __init__(self, data=None, *, languages):
        super().__init__(data, auto_id="assistant-filter-%s")
        self.fields["language"].choices = [("", _("Any language"))] + [
            (language.code, language.name) for language in languages
        ]
