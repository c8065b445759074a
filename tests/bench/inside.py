"""The benchmark's Django side, run as its own process with the server's settings
and database: `python -m tests.bench.inside plan|stances`. Prints JSON.

plan     the addresses of each case, the queries each costs, counted with
         Django's test client (the second of two requests or posts, as on a warm
         server),
         and how long one request takes in-process when nothing else is sent
cold     the same for public pages as right after a publish (run with
         PAGE_CACHE_SECONDS=0, so nothing is kept for them): a new generation
         started before each request, Wagtail's own caches (the sites' root
         paths) kept, as a publish keeps them and as the cold server under load
         has them
stances  how many stances each member has on each recommendation (read from stdin)
"""

import json
import statistics
import sys
import time
from functools import partial

import django


def median_ms(request, times=5):
    """A request's duration in this process with nothing else sent at once."""
    durations = []
    for _ in range(times):
        began = time.perf_counter()
        request()
        durations.append((time.perf_counter() - began) * 1000)
    return statistics.median(durations)


def plan():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from clubs.models import ClubPage
    from consultations.models import ConsultationPage, Stance
    from home.models import CampaignPage
    from portal.management.commands.seed_bench import BENCH_CONSULTATION

    # Pages cached by an earlier run may show an earlier database.
    for alias in settings.CACHES:
        caches[alias].clear()
    member = get_user_model().objects.get(username="member1")
    consultation = ConsultationPage.objects.get(slug=BENCH_CONSULTATION["slug"][0])
    recommendations = list(
        consultation.record.recommendations.order_by("number").values_list(
            "pk", flat=True
        )
    )

    def stance_url(pk):
        return consultation.url + consultation.reverse_subpage("stance", args=[pk])

    cases = {
        "minimal": {"url": "/bench/minimal/"},
        "static": {"url": staticfiles_storage.url("css/portal.css")},
        "home": {"url": "/pl/"},
        "campaign": {
            "url": CampaignPage.objects.live().filter(locale__language_code="pl")[0].url
        },
        "club": {
            "url": ClubPage.objects.live().filter(locale__language_code="pl")[0].url
        },
        "consultation": {"url": consultation.url, "member": True},
        "search": {"url": "/pl/search/?q=szko%C5%82y"},
    }
    headers = {"HTTP_X_FORWARDED_PROTO": "https"}
    for case in cases.values():
        client = Client(**headers)
        if case.get("member"):
            client.force_login(member)
        client.get(case["url"])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(case["url"])
        case["status"] = response.status_code
        case["queries"] = len(queries)
        case["alone_ms"] = median_ms(partial(client.get, case["url"]))
    client = Client(**headers)
    client.force_login(member)
    client.post(stance_url(recommendations[0]), {"choice": "abstain", "reason": ""})
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            stance_url(recommendations[0]), {"choice": "support", "reason": ""}
        )
    # Counted now: each request that follows empties the connection's query log.
    stance_queries = len(queries)
    alone_ms = median_ms(
        partial(
            client.post,
            stance_url(recommendations[0]),
            {"choice": "oppose", "reason": ""},
        )
    )
    cases["stances"] = {
        "status": response.status_code,
        "queries": stance_queries,
        "alone_ms": alone_ms,
        "urls": [stance_url(pk) for pk in recommendations],
        "recommendations": recommendations,
    }
    # Remove the counted stance again: the load run starts from none.
    Stance.objects.filter(member=member, recommendation=recommendations[0]).delete()
    return cases


def cold():
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from clubs.models import ClubPage
    from counselling.models import CounsellingPage
    from home.models import CampaignIndexPage, CampaignPage
    from portal.cache import start_new_generation

    if settings.PAGE_CACHE_SECONDS:
        sys.exit("cold: run with PAGE_CACHE_SECONDS=0")

    def polish(model):
        return model.objects.live().filter(locale__language_code="pl")[0].url

    cases = {
        "cold home": "/pl/",
        "cold campaign index": polish(CampaignIndexPage),
        "cold campaign": polish(CampaignPage),
        "cold club": polish(ClubPage),
        "cold counselling": polish(CounsellingPage),
    }
    client = Client(HTTP_X_FORWARDED_PROTO="https")

    def cold_get(url):
        # Not a cache's clear(): on Redis it empties every cache of the database.
        start_new_generation()
        return client.get(url)

    result = {}
    for name, url in cases.items():
        client.get(url)  # renditions made, templates compiled: a running server
        queries = []

        def counted(execute, sql, *args, sent=queries):
            # Counted as sent: a connection closed at the end of a request
            # (CONN_MAX_AGE 0) does not lose them.
            sent.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(counted):
            response = cold_get(url)
        result[name] = {
            "url": url,
            "status": response.status_code,
            "queries": len(queries),
            "alone_ms": median_ms(partial(cold_get, url)),
        }
    return result


def stances(posted):
    """posted: {username: [recommendation pk, …]} → per member, how many of those
    recommendations have exactly one stance of theirs, and how many rows there are."""
    from django.db.models import Count

    from consultations.models import Stance

    report = {}
    for username, recommendations in posted.items():
        counts = dict(
            Stance.objects.filter(
                member__username=username, recommendation__in=recommendations
            )
            .values_list("recommendation")
            .annotate(rows=Count("pk"))
        )
        report[username] = {
            "recommendations": len(set(recommendations)),
            "with_one_stance": sum(
                1 for pk in set(recommendations) if counts.get(pk) == 1
            ),
            "rows": sum(counts.values()),
        }
    return report


if __name__ == "__main__":
    django.setup()
    command = sys.argv[1]
    if command == "plan":
        result = plan()
    elif command == "cold":
        result = cold()
    elif command == "stances":
        result = stances(json.load(sys.stdin))
    else:
        sys.exit(f"unknown command {command!r}")
    print(json.dumps(result))
