"""The benchmark's data set on a tiny scale (`make bench` builds it full size)."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from wagtail.models import Locale

from consultations.models import Comment, ConsultationPage, MemberProfile, Stance
from portal.management.commands.seed_bench import BENCH_CONSULTATION


def test_seed_bench_adds_an_open_consultation_with_recommendations_and_comments(
    demo, demo_password, client
):
    call_command(
        "seed_bench",
        password=demo_password,
        recommendations=10,
        comments=7,
        force=True,
        verbosity=0,
    )
    before = Comment.objects.count()
    call_command("seed_bench", password=demo_password, force=True, verbosity=0)

    page = ConsultationPage.objects.get(slug=BENCH_CONSULTATION["slug"][0])
    record = page.record
    assert record.phase() == "open"
    assert record.recommendations.count() == 10
    comments = record.comments.all()
    assert comments.count() == 7
    assert Comment.objects.count() == before  # the second run added nothing
    assert comments.filter(parent=None).count() == 4
    assert comments.filter(recommendation=None, parent=None).count() == 2
    assert (
        MemberProfile.objects.filter(user__username__startswith="member").count() == 12
    )
    assert not Stance.objects.filter(recommendation__consultation=record).exists()
    # The login lockout (django-axes) needs the request to know the address.
    member = authenticate(
        RequestFactory().post("/pl/accounts/login/"),
        username="member12",
        password=demo_password,
    )
    client.force_login(member)
    assert client.get(page.url).status_code == 200
    assert page.get_translation(Locale.objects.get(language_code="uk")).live


def test_the_minimal_view_of_the_benchmark_is_only_in_the_benchmarks_urls():
    with pytest.raises(Resolver404):
        resolve("/bench/minimal/")

    assert resolve("/bench/minimal/", urlconf="tests.bench.urls").url_name == (
        "bench_minimal"
    )
