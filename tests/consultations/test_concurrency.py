"""Parallel posts (two tabs, double clicks, retries) store exactly one row each.

These run on the session's committed demo data (see ``live_site``): each thread's
requests use their own database connection, as on a threaded server.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client

from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    MemberProfile,
    PollAnswer,
    Stance,
)
from portal.demo import KUJAWSKO_POMORSKIE_TEAM, PROJECT_TEAMS
from tests.consultations.conftest import make_consultation

# The demo's strategy consultation is its Kujawsko-Pomorskie team's.
MEMBERS = [f"member{n}" for n in PROJECT_TEAMS[KUJAWSKO_POMORSKIE_TEAM]]
POSTS_PER_MEMBER = 3


def post_all_at_once(requests):
    """Run (client, url, data) posts in threads released together; the statuses."""
    barrier = threading.Barrier(len(requests))
    statuses = [None] * len(requests)

    def run(index, client, url, data):
        try:
            barrier.wait()
            statuses[index] = client.post(url, data).status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(n, *request))
        for n, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.fixture
def strategy(live_site, django_db_blocker):
    with django_db_blocker.unblock():
        page = ConsultationPage.objects.get(slug="projekt-strategii-wojewodztwa")
        yield page


@pytest.fixture
def clients(strategy, django_db_blocker):
    with django_db_blocker.unblock():
        members = {
            u.username: u for u in get_user_model().objects.filter(username__in=MEMBERS)
        }
        logged_in = {}
        for username in MEMBERS:
            client = Client()
            client.force_login(members[username])
            logged_in[username] = client
        yield logged_in


def test_parallel_stance_posts_make_one_row_per_member(
    strategy, clients, django_db_blocker
):
    with django_db_blocker.unblock():
        recommendation = strategy.record.recommendations.get(number=6)
        url = strategy.url + strategy.reverse_subpage(
            "stance", args=[recommendation.pk]
        )
        choices = ["support", "oppose", "abstain"]
        requests = [
            (client, url, {"choice": choices[n], "reason": ""})
            for client in clients.values()
            for n in range(POSTS_PER_MEMBER)
        ]

        statuses = post_all_at_once(requests)

        assert statuses == [302] * len(requests)
        stances = Stance.objects.filter(
            recommendation=recommendation, member__username__in=MEMBERS
        )
        assert stances.count() == len(MEMBERS)
        assert sorted(stances.values_list("member__username", flat=True)) == sorted(
            MEMBERS
        )


def test_parallel_poll_answers_keep_one_answer_per_member(
    strategy, clients, django_db_blocker
):
    with django_db_blocker.unblock():
        question = strategy.record.poll_questions.get(allows_multiple=True)
        item = strategy.polls.get(translation_key=question.key)
        block_ids = [block.id for block in item.choices]
        url = strategy.url + strategy.reverse_subpage("answer_poll", args=[question.pk])
        field = f"poll{question.pk}-choices"
        requests = [
            (client, url, {field: block_ids[n : n + 2]})
            for client in clients.values()
            for n in range(POSTS_PER_MEMBER)
        ]

        statuses = post_all_at_once(requests)

        assert statuses == [302] * len(requests)
        answers = PollAnswer.objects.filter(
            question=question, member__username__in=MEMBERS
        )
        assert answers.count() == len(MEMBERS)
        for answer in answers:
            assert answer.choices.count() == 2


@pytest.fixture
def newcomers(live_site, django_db_blocker, settings):
    """A consultation of its own group, whose members have no display name yet;
    the shared demo's team and consultations are left as they were."""
    settings.CONSULTATIONS_COMMENT_LIMIT = 1000
    with django_db_blocker.unblock():
        group, _ = Group.objects.get_or_create(name="Concurrency team")
        index = ConsultationIndexPage.objects.get(locale__language_code="pl")
        page = make_consultation(index, polls=False)
        page.participant_group = group
        page.save_revision().publish()
        page.refresh_from_db()
        clients = {}
        for n in range(8):
            user = get_user_model().objects.create(username=f"newcomer-{page.pk}-{n}")
            user.groups.add(group)
            client = Client()
            client.force_login(user)
            clients[user] = client
        yield page, clients


def test_parallel_comment_posts_store_each_comment_once(newcomers, django_db_blocker):
    """Members post their first comments from several tabs at once: each choosing
    a display name on the way. Nothing is lost, nothing is stored twice, and no
    post fails because a parallel one created the member's profile first."""
    page, clients = newcomers
    with django_db_blocker.unblock():
        url = page.url + page.reverse_subpage("comment")
        requests = [
            (
                client,
                url,
                {
                    "text": f"Komentarz {n} od {user.username}",
                    "language": "pl",
                    "display_name": f"Nick {user.username}",
                },
            )
            for user, client in clients.items()
            for n in range(POSTS_PER_MEMBER)
        ]

        statuses = post_all_at_once(requests)

        assert statuses == [302] * len(requests)
        texts = sorted(
            Comment.objects.filter(consultation=page.record).values_list(
                "text", flat=True
            )
        )
        assert texts == sorted(data["text"] for _client, _url, data in requests)
        profiles = MemberProfile.objects.filter(user__in=list(clients))
        assert profiles.count() == len(clients)


def test_a_comment_sent_several_times_at_once_is_stored_once(
    newcomers, django_db_blocker
):
    """A double click, or a form resent from two tabs: every post is answered as
    published, and the comment is there once."""
    page, clients = newcomers
    user, client = next(iter(clients.items()))
    with django_db_blocker.unblock():
        MemberProfile.objects.create(user=user, display_name=f"Dwa {user.pk}")
        url = page.url + page.reverse_subpage("comment")
        data = {"text": "Wysłane dwa razy", "language": "pl"}

        statuses = post_all_at_once([(client, url, data)] * 4)

        assert statuses == [302] * 4
        assert Comment.objects.filter(author=user, text=data["text"]).count() == 1
