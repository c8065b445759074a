from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    PagePoll,
    PageRecommendation,
    PolicyArea,
)
from consultations.models.records import Visibility
from home.models import HomePage
from portal.localize import translate
from tests.factories import EditorFactory, MemberFactory, UserFactory

RECOMMENDATIONS = [
    ("Tłumacze w szpitalach", "Szpitale zapewniają tłumaczenie na ukraiński."),
    ("Kursy języka polskiego", "Bezpłatne kursy w każdym powiecie."),
    ("Krótsze kolejki", "Urząd publikuje czas oczekiwania na decyzje."),
]


def make_consultation_index():
    """A published consultation index under the Polish home page."""
    home = HomePage.objects.get(locale__language_code="pl")
    index = home.add_child(
        instance=ConsultationIndexPage(title="Konsultacje", slug="konsultacje")
    )
    index.save_revision().publish()
    return index


def make_consultation(
    index, *, visibility=Visibility.TEAM, opens=-1, closes=1, polls=True
):
    """A published consultation, opening and closing ``opens``/``closes`` days
    from now."""
    locale = index.locale
    area = PolicyArea.objects.filter(locale=locale).first()
    now = timezone.now()
    page = ConsultationPage(
        title="Strategia województwa",
        slug=f"strategia-{ConsultationPage.objects.count()}",
        opens_at=now + timedelta(days=opens),
        closes_at=now + timedelta(days=closes),
        visibility=visibility,
        recommendations=[
            PageRecommendation(
                title=title, text=text, area=area, locale=locale, sort_order=position
            )
            for position, (title, text) in enumerate(RECOMMENDATIONS)
        ],
        polls=[
            PagePoll(
                question="Które obszary są najpilniejsze?",
                allows_multiple=True,
                max_choices=2,
                choices=[
                    ("choice", "Zdrowie"),
                    ("choice", "Edukacja"),
                    ("choice", "Praca"),
                ],
                locale=locale,
                sort_order=0,
            ),
            PagePoll(
                question="Spotkanie online?",
                choices=[("choice", "Tak"), ("choice", "Nie")],
                locale=locale,
                sort_order=1,
            ),
        ]
        if polls
        else [],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def consultation_page(index_page):
    return make_consultation(index_page)


@pytest.fixture
def record(consultation_page):
    return consultation_page.record


@pytest.fixture
def recommendation(record):
    return record.recommendations.get(number=1)


UKRAINIAN = {
    "Konsultacje": "Консультації",
    "konsultacje": "konsultatsii",
    "Strategia województwa": "Стратегія воєводства",
    "Tłumacze w szpitalach": "Перекладачі в лікарнях",
    "Szpitale zapewniają tłumaczenie na ukraiński.": (
        "Лікарні забезпечують переклад українською."
    ),
    "Kursy języka polskiego": "Курси польської мови",
    "Bezpłatne kursy w każdym powiecie.": "Безкоштовні курси в кожному повіті.",
    "Krótsze kolejki": "Коротші черги",
    "Urząd publikuje czas oczekiwania na decyzje.": (
        "Установа публікує час очікування на рішення."
    ),
    "Które obszary są najpilniejsze?": "Які сфери найнагальніші?",
    "Zdrowie": "Здоров’я",
    "Edukacja": "Освіта",
    "Praca": "Робота",
    "Spotkanie online?": "Зустріч онлайн?",
    "Tak": "Так",
    "Nie": "Ні",
}


@pytest.fixture
def ukrainian_page(consultation_page, index_page):
    """The consultation translated into Ukrainian with wagtail-localize."""
    uk = Locale.objects.get(language_code="uk")
    translate(index_page, uk, UKRAINIAN)
    strings = {**UKRAINIAN, consultation_page.slug: f"{consultation_page.slug}-uk"}
    return translate(consultation_page, uk, strings)


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def other_member(db):
    return MemberFactory()


@pytest.fixture
def outsider(db):
    """Logged in, but not in the group that takes part."""
    return UserFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)
