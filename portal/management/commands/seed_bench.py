"""The benchmark's data set (`make bench`): the demo content and accounts, plus an
open, team-only consultation with many recommendations and comments."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from consultations import demo
from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    Institution,
    MemberProfile,
)
from consultations.models.records import Visibility

BENCH_CONSULTATION = {
    "title": (
        "Program współpracy z organizacjami migranckimi na 2027 rok",
        "Програма співпраці з організаціями мігрантів на 2027 рік",
    ),
    "slug": ("program-wspolpracy-2027", "prohrama-spivpratsi-2027"),
    "intro": (
        "Województwo pyta Regionalny Zespół Migrantów o zdanie w sprawie "
        "każdej z rekomendacji programu współpracy.",
        "Воєводство питає Регіональну команду мігрантів про думку щодо "
        "кожної з рекомендацій програми співпраці.",
    ),
}

COMMENT_TEXTS = [
    ("pl", "Popieram, ale potrzebny jest konkretny termin wdrożenia."),
    ("uk", "Це дуже важливо для сімей з дітьми, які щойно приїхали."),
    ("ru", "Нужно, чтобы информация была и на русском языке."),
    ("pl", "W naszym powiecie to już działa, warto wziąć z tego przykład."),
    ("uk", "Хто буде відповідати за виконання цієї рекомендації?"),
    ("pl", "Dziękuję za odpowiedź, to wyjaśnia sprawę."),
]


class Command(BaseCommand):
    help = (
        "Fill a freshly migrated database with the benchmark's data set: the demo "
        "content and accounts, and an open consultation with 30 recommendations "
        "and 3,000 comments. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True, help="Accounts' password.")
        parser.add_argument("--recommendations", type=int, default=30)
        parser.add_argument("--comments", type=int, default=3000)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never do this on the real site.",
        )

    def handle(self, *args, password, recommendations, comments, force, **options):
        # seed_demo refuses without DEBUG unless forced: the accounts it makes have
        # a known password.
        if recommendations < 1 or comments < 0:
            raise CommandError(
                "Give at least one recommendation and no negative count."
            )
        call_command(
            "seed_demo", password=password, force=force, verbosity=options["verbosity"]
        )
        with transaction.atomic():
            members = _members_with_display_names()
            page = _bench_consultation(recommendations)
            if page is None:
                self.stdout.write("bench consultation: already there")
                return
            _add_comments(page.record, members, comments)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"bench consultation: {recommendations} recommendations, "
                f"{comments} comments, {len(members)} members, at {page.url}"
            )


def _members_with_display_names():
    User = get_user_model()
    members = sorted(
        User.objects.filter(username__regex=r"^member[0-9]+$"),
        key=lambda member: int(member.username.removeprefix("member")),
    )
    # The demo names eight of them; display names are unique.
    for member in members:
        MemberProfile.objects.get_or_create(
            user=member, defaults={"display_name": f"{member.first_name} B."}
        )
    return members


def _bench_consultation(count):
    """The consultation page, made as the demo makes its own; None if it exists."""
    if ConsultationPage.objects.filter(slug=BENCH_CONSULTATION["slug"][0]).exists():
        return None
    index = ConsultationIndexPage.objects.get(locale__language_code="pl")
    institutions = {
        key: Institution.objects.get(name=name_pl, locale=index.locale)
        for key, (name_pl, _name_uk, _city) in demo.INSTITUTIONS.items()
    }
    # The demo's recommendations over again, numbered so that each title differs.
    recommendations = []
    for number, (area, institution, title_pl, title_uk, text_pl, text_uk) in zip(
        range(1, count + 1), itertools.cycle(demo.STRATEGY["recommendations"])
    ):
        recommendations.append(
            (
                area,
                institution,
                f"{title_pl} ({number})",
                f"{title_uk} ({number})",
                text_pl,
                text_uk,
            )
        )
    now = timezone.now()
    record = demo.add_consultation(
        index,
        {**BENCH_CONSULTATION, "recommendations": recommendations, "polls": []},
        institutions,
        now - timedelta(days=5),
        now + timedelta(days=60),
        Visibility.TEAM,
    )
    return record.source_page.specific


def _add_comments(record, members, count):
    """``count`` comments, half of them replies: a third on the consultation as a
    whole, the rest spread over the recommendations. Inserted in bulk: going
    through services.post_comment would hit the members' comment rate limit."""
    subjects = [None, *record.recommendations.order_by("number")]
    texts = itertools.cycle(COMMENT_TEXTS)
    top_level = []
    for number in range((count + 1) // 2):
        language, text = next(texts)
        # Every third thread is about the consultation as a whole.
        subject = (
            None if number % 3 == 0 else subjects[1 + number % (len(subjects) - 1)]
        )
        top_level.append(
            Comment(
                consultation=record,
                recommendation=subject,
                author=members[number % len(members)],
                text=text,
                language=language,
                draft_version=record.draft_version,
            )
        )
    top_level = Comment.objects.bulk_create(top_level)
    replies = []
    for number in range(count - len(top_level)):
        parent = top_level[number % len(top_level)]
        language, text = next(texts)
        replies.append(
            Comment(
                consultation=record,
                recommendation=parent.recommendation,
                parent=parent,
                thread=parent,
                author=members[(number + 1) % len(members)],
                text=text,
                language=language,
                draft_version=record.draft_version,
            )
        )
    Comment.objects.bulk_create(replies)
