import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from events.models import CalendarPage, EventPage, TeamPage
from home.models import HomePage
from tests.events.conftest import WARSAW, EventPageFactory


class CalendarPageRulesTest(WagtailPageTestCase):
    def test_the_tree(self):
        self.assertAllowedParentPageTypes(CalendarPage, {HomePage})
        self.assertAllowedSubpageTypes(CalendarPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {CalendarPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedParentPageTypes(TeamPage, {HomePage})
        self.assertAllowedSubpageTypes(TeamPage, set())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "team_meeting"}, "team"),
        ({"ends_hours": -1}, "ends_at"),
    ],
)
def test_an_event_must_make_sense(fields, field):
    starts_at = datetime.datetime(2030, 5, 1, 10, tzinfo=WARSAW)
    event = EventPageFactory.build(
        kind=fields.get("kind", "workshop"),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=fields.get("ends_hours", 2)),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict
