import datetime

import factory
import wagtail_factories

from initiatives.models import CooperativePage, InitiativeIndexPage, InitiativePage


class InitiativeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiativeIndexPage

    title = "Inicjatywy"
    slug = "inicjatywy"


class InitiativePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = InitiativePage

    title = factory.Sequence(lambda n: f"Inicjatywa {n}")
    summary = factory.LazyAttribute(lambda page: f"Streszczenie: {page.title}.")
    people = "Olena i Iryna"
    city = "Bydgoszcz"
    start_date = factory.Sequence(
        lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n)
    )


class CooperativePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CooperativePage

    title = "Spółdzielnia Socjalna"
    slug = "spoldzielnia"
    summary = "Catering i szycie na zamówienie."
    people = "Pięć założycielek"
    city = "Bydgoszcz"
    offer = "<p>Catering na spotkania.</p>"
