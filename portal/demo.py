"""Demo accounts: one editor and twelve members of the Regional Migrant Team."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.groups import EDITORS, MIGRANT_TEAM

MEMBER_FIRST_NAMES = [
    "Olena", "Iryna", "Aliaksandra", "Oksana", "Tetiana", "Maryna",
    "Hanna", "Yuliia", "Volha", "Nataliia", "Rami", "Lina",
]  # fmt: skip


def seed_accounts(password, log):
    User = get_user_model()
    editors = Group.objects.get(name=EDITORS)
    team = Group.objects.get(name=MIGRANT_TEAM)
    accounts = [("editor", "Editor", editors)] + [
        (f"member{number}", first_name, team)
        for number, first_name in enumerate(MEMBER_FIRST_NAMES, start=1)
    ]
    created = 0
    for username, first_name, group in accounts:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "email": f"{username}@example.org",
            },
        )
        if was_created:
            user.set_password(password)
            user.save(update_fields=["password"])
            created += 1
        user.groups.add(group)
    log(f"accounts: {created} created, {len(accounts) - created} already there")
    return created
