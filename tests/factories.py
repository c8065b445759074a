import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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
