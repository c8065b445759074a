"""Parallel posts (two tabs, double clicks, retries) store exactly one row each.

These run on the session's committed demo data (see ``live_site``): each thread's
requests use their own database connection, as on a threaded server.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from consultations.models import ConsultationPage, PollAnswer, Stance

MEMBERS = [f"member{n}" for n in range(1, 13)]
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
