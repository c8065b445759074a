"""The calendar's filters, shared by its page and its iCalendar feeds."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import EventKind

# Not an event kind: club meetings stay on their club's page (clubs.ClubMeeting)
# and the calendar shows them beside the events.
CLUB_MEETING = "club_meeting"
KIND_CHOICES = [*EventKind.choices, (CLUB_MEETING, _("Club meeting"))]

UPCOMING, PAST = "upcoming", "past"


class EventFilterForm(forms.Form):
    """Kind, city and language; the choices are those the calendar holds, so any
    other value is an error, never a silently different list."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(label=_("Held in"), required=False)

    def __init__(self, data=None, *, cities, languages):
        super().__init__(data, auto_id="event-filter-%s")
        self.fields["kind"].choices = [("", _("All kinds"))] + KIND_CHOICES
        self.fields["city"].choices = [("", _("All cities"))] + [
            (city, city) for city in cities
        ]
        self.fields["language"].choices = [("", _("All languages"))] + [
            (language.code, language.name) for language in languages
        ]

    def is_filtering(self):
        return self.is_valid() and any(self.cleaned_data.values())


class CalendarFilterForm(EventFilterForm):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[(UPCOMING, _("Upcoming")), (PAST, _("Past"))],
    )

    field_order = ["when", "kind", "city", "language"]

    def is_filtering(self):
        return self.is_valid() and any(
            value for name, value in self.cleaned_data.items() if name != "when"
        )
