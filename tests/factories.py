import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, Locale

from clubs.models import (
    ClubFormField,
    ClubIndexPage,
    ClubPage,
    CulturalAssistant,
    SpokenLanguage,
)
from counselling.models import CounsellingPage
from home.models import CampaignIndexPage, CampaignPage, CampaignTopic, StandardPage
from portal.groups import EDITORS, MIGRANT_TEAM

PASSWORD = "a-long-test-password-42"


def member_of(group_name):
    def join(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=group_name))

    return factory.PostGeneration(join)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


class MemberFactory(UserFactory):
    username = factory.Sequence(lambda n: f"member-{n}")
    team = member_of(MIGRANT_TEAM)


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor-{n}")
    team = member_of(EDITORS)


# Pages, snippets and images ------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Picture {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=640, height=360, color="teal")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Strona {n}")
    intro = "Krótki wstęp do strony."


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Kampanie"
    slug = "kampanie"


class CampaignTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignTopic

    name = factory.Sequence(lambda n: f"Temat {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)


class CampaignPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Kampania {n}")
    summary = factory.LazyAttribute(lambda page: f"Streszczenie: {page.title}.")
    start_date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )


class ClubIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ClubIndexPage

    title = "Kluby"
    slug = "kluby"


class ClubPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ClubPage

    title = factory.Sequence(lambda n: f"Klub {n}")
    summary = "Spotykamy się co tydzień."
    city = "Bydgoszcz"
    to_address = "club@example.org"


class ClubFormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClubFormField

    label = factory.Sequence(lambda n: f"Pole {n}")
    field_type = "singleline"
    required = True


class CounsellingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CounsellingPage

    title = "Porady prawne"
    slug = "porady-prawne"
    notify_addresses = "advice@example.org"


class CulturalAssistantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CulturalAssistant
        skip_postgeneration_save = True

    display_name = factory.Sequence(lambda n: f"Asystentka {n}")
    city = "Toruń"
    locale = factory.LazyFunction(Locale.get_default)

    @factory.post_generation
    def speaks(assistant, create, codes, **kwargs):
        """``speaks=["uk", "ar"]``: the languages the assistant speaks."""
        if create and codes:
            assistant.languages.set(SpokenLanguage.objects.filter(code__in=codes))
            assistant.save()

    @factory.post_generation
    def works_with(assistant, create, institutions, **kwargs):
        """``works_with=[institution, …]``: the institutions the assistant supports."""
        if create and institutions:
            assistant.institutions.set(institutions)
            assistant.save()


def publish(page):
    """Publish through a revision, as an editor does (sets the publishing dates)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """A published translation, made as wagtail-localize makes one."""
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)
