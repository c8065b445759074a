"""Publications: where they go in the tree, what a reader of each language sees,
the documents a reader may open, and the links both ways to consultations and
recommendations."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from consultations.models import (
    ConsultationIndexPage,
    ImplementationUpdate,
    PolicyArea,
    TrackerEntry,
    TrackerPage,
)
from consultations.models.records import Visibility
from home.models import HomePage
from publications.models import (
    PublicationConsultation,
    PublicationDocument,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
    PublicationRecommendation,
)
from tests.consultations.conftest import make_consultation, route
from tests.factories import MemberFactory, publish, translate

pytestmark = pytest.mark.django_db

Document = get_document_model()


def document(title, collection=None):
    return Document.objects.create(
        title=title,
        file=ContentFile(f"{title}\n".encode(), name="raport.txt"),
        collection=collection or Collection.get_first_root_node(),
    )


@pytest.fixture
def index(home_pages):
    page = home_pages["pl"].add_child(
        instance=PublicationIndexPage(title="Publikacje", slug="publikacje")
    )
    return publish(page)


def add_publication(index, title, kind, date, areas=(), documents=()):
    page = PublicationPage(
        title=title,
        slug=f"publikacja-{PublicationPage.objects.count()}",
        kind=kind,
        publication_date=date,
        summary=f"<p>Streszczenie: {title}.</p>",
        documents=[
            PublicationDocument(document=doc, language=language)
            for language, doc in documents
        ],
    )
    index.add_child(instance=page)
    page.areas.set(areas)
    return publish(page)


@pytest.fixture
def report(index):
    return add_publication(
        index,
        "Raport z monitoringu w Lublinie",
        PublicationKind.MONITORING_REPORT,
        datetime.date(2024, 6, 1),
        areas=PolicyArea.objects.filter(locale__language_code="pl")[:2],
        documents=[
            ("pl", document("Raport (PL)")),
            ("uk", document("Звіт (UK)")),
        ],
    )


@pytest.fixture
def consultation(home_pages):
    consultations = publish(
        home_pages["pl"].add_child(
            instance=ConsultationIndexPage(title="Konsultacje", slug="konsultacje")
        )
    )
    return make_consultation(consultations, visibility=Visibility.PUBLIC, polls=False)


def test_publications_live_in_their_index_under_a_home_page(index, home_pages):
    assert PublicationIndexPage.can_create_at(home_pages["pl"])
    assert PublicationIndexPage.allowed_parent_page_models() == [HomePage]
    assert PublicationIndexPage.allowed_subpage_models() == [PublicationPage]
    assert PublicationPage.can_create_at(index)
    assert not PublicationPage.can_create_at(home_pages["pl"])
    assert PublicationPage.allowed_subpage_models() == []


def test_a_reader_gets_their_languages_document_first_and_the_others_marked(
    client, index, report, locales
):
    html = client.get(report.url).content.decode()
    polish, ukrainian = html.index("Raport (PL)"), html.index("Звіт (UK)")
    assert polish < ukrainian
    assert 'hreflang="uk"><span lang="uk">Звіт (UK)</span>' in html
    assert 'hreflang="pl"><span' not in html

    translate(index, locales["uk"], title="Публікації")
    translation = translate(
        report,
        locales["uk"],
        title="Звіт з моніторингу",
        summary="<p>Короткий зміст звіту.</p>",
    )
    html = client.get(translation.url).content.decode()
    assert '<html lang="uk"' in html
    assert "Короткий зміст звіту." in html
    assert html.index("Звіт (UK)") < html.index("Raport (PL)")
    assert 'hreflang="pl"><span lang="pl">Raport (PL)</span>' in html
    # The visible note says which language the other document is in.
    assert 'class="language-note" lang="uk"' in html
    # Kind, date, areas and documents are the original's in every copy.
    assert translation.kind == report.kind
    assert translation.publication_date == report.publication_date
    assert set(translation.areas.all()) == set(report.areas.all())
    assert [d.document_id for d in translation.documents.all()] == [
        d.document_id for d in report.documents.all()
    ]


def test_a_document_of_a_private_collection_is_shown_only_to_those_who_may_open_it(
    client, report
):
    team = Group.objects.create(name="Lublin group")
    private = Collection.get_first_root_node().add_child(name="Zespół")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([team])
    annex = document("Aneks roboczy", collection=private)
    rows = list(report.documents.all())
    report.documents = [*rows, PublicationDocument(document=annex, language="pl")]
    publish(report)

    html = client.get(report.url).content.decode()
    assert "Aneks roboczy" not in html
    assert annex.url not in html
    assert 'id="withheld-documents"' in html
    # Wagtail's own serve view refuses it too: the page hid what it would refuse.
    assert client.get(annex.url).status_code == 302
    assert client.get(rows[0].document.url).status_code == 200

    outsider = MemberFactory()
    client.force_login(outsider)
    assert "Aneks roboczy" not in client.get(report.url).content.decode()

    member = MemberFactory()
    member.groups.add(team)
    client.force_login(member)
    html = client.get(report.url).content.decode()
    assert "Aneks roboczy" in html
    assert 'id="withheld-documents"' not in html
    assert client.get(annex.url).status_code == 200


def test_links_go_both_ways_in_the_readers_language(
    client, index, report, consultation, locales
):
    record = consultation.record
    recommendation = record.recommendations.get(number=2)
    report.consultation_links = [PublicationConsultation(consultation=record)]
    report.recommendation_links = [
        PublicationRecommendation(recommendation=recommendation)
    ]
    publish(report)

    html = client.get(report.url).content.decode()
    assert f'href="{consultation.url}"' in html
    recommendation_url = route(consultation, "recommendation", recommendation.pk)
    assert f'href="{recommendation_url}"' in html
    assert "2. Kursy języka polskiego" in html

    for url in (consultation.url, recommendation_url):
        html = client.get(url).content.decode()
        assert 'id="source-publications-heading"' in html, url
        assert f'href="{report.url}"' in html, url

    # A Ukrainian reader is sent to the Ukrainian publication; the consultation,
    # not translated, is marked as Polish.
    translate(index, locales["uk"], title="Публікації")
    report_uk = translate(report, locales["uk"], title="Звіт з моніторингу")
    html = client.get(report_uk.url).content.decode()
    assert f'href="{consultation.url}" hreflang="pl"' in html
    translate(consultation.get_parent().specific, locales["uk"], title="Консультації")
    consultation_uk = translate(consultation, locales["uk"], title="Стратегія")
    html = client.get(consultation_uk.url).content.decode()
    assert f'href="{report_uk.url}"' in html
    assert "Звіт з моніторингу" in html
    html = client.get(report_uk.url).content.decode()
    assert f'href="{consultation_uk.url}"' in html


def test_a_tracked_recommendation_names_the_publication_it_came_from(
    client, home_pages, report, consultation
):
    tracker = publish(
        home_pages["pl"].add_child(instance=TrackerPage(title="Zmiany", slug="zmiany"))
    )
    recommendation = consultation.record.recommendations.get(number=1)
    entry = TrackerEntry.objects.create(
        title="Osoby kontaktowe", recommendation=recommendation
    )
    ImplementationUpdate.objects.create(
        entry=entry, date=datetime.date(2025, 1, 1), status="in_progress"
    )
    TrackerEntry.objects.create(title="Bez publikacji")
    html = client.get(tracker.url).content.decode()
    assert f'href="{report.url}"' not in html

    report.recommendation_links = [
        PublicationRecommendation(recommendation=recommendation)
    ]
    publish(report)
    html = client.get(tracker.url).content.decode()
    assert html.count(f'href="{report.url}"') == 1


def test_a_team_only_consultation_is_not_named_to_others(client, report, consultation):
    record = consultation.record
    record.visibility = Visibility.TEAM
    record.save()
    report.consultation_links = [PublicationConsultation(consultation=record)]
    report.recommendation_links = [
        PublicationRecommendation(recommendation=record.recommendations.first())
    ]
    publish(report)

    html = client.get(report.url).content.decode()
    assert consultation.title not in html
    assert 'id="led-to"' not in html

    client.force_login(MemberFactory())  # in the group taking part
    html = client.get(report.url).content.decode()
    assert f'href="{consultation.url}"' in html


def test_the_index_lists_by_kind_newest_first_and_filters(client, index, report):
    older = add_publication(
        index,
        "Raport 2023",
        PublicationKind.MONITORING_REPORT,
        datetime.date(2023, 5, 1),
    )
    leaflet = add_publication(
        index,
        "Ulotka kampanii",
        PublicationKind.CAMPAIGN_MATERIAL,
        datetime.date(2025, 1, 1),
    )
    html = client.get(index.url).content.decode()
    assert html.index(report.title) < html.index(older.title)
    assert html.index('id="kind-monitoring_report"') < html.index(
        'id="kind-campaign_material"'
    )

    html = client.get(index.url + "?kind=campaign_material").content.decode()
    assert leaflet.title in html and report.title not in html
    area = report.areas.first()
    html = client.get(f"{index.url}?area={area.translation_key}").content.decode()
    assert report.title in html and leaflet.title not in html

    assert client.get(index.url + "?kind=nonsense").status_code == 404
    assert client.get(index.url + "?kind=policy").status_code == 404
    assert client.get(index.url + "?area=nonsense").status_code == 404


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.usefixtures("uncached_pages")
def test_the_index_and_a_publication_cost_the_same_however_many_they_list(
    client, index, report, consultation
):
    record = consultation.record

    def link_all(page):
        page.consultation_links = [PublicationConsultation(consultation=record)]
        page.recommendation_links = [
            PublicationRecommendation(recommendation=r)
            for r in record.recommendations.all()
        ]
        publish(page)

    link_all(report)
    few = queries_for(client, index.url), queries_for(client, report.url)
    areas = PolicyArea.objects.filter(locale__language_code="pl")
    for number in range(6):
        add_publication(
            index,
            f"Materiał {number}",
            PublicationKind.CAMPAIGN_MATERIAL,
            datetime.date(2024, 1, 1 + number),
            areas=areas[number : number + 3],
            documents=[("pl", document(f"Plik {number}"))],
        )
    report.documents = [
        *report.documents.all(),
        *(
            PublicationDocument(document=document(f"D{n}"), language="en")
            for n in range(4)
        ),
    ]
    link_all(report)
    many = queries_for(client, index.url), queries_for(client, report.url)

    assert few == many
    assert many == (9, 17)


def test_an_editor_opens_the_forms_of_both_page_types(client, editor, index, report):
    client.force_login(editor)
    add = f"/admin/pages/add/publications/publicationpage/{index.pk}/"
    response = client.get(add)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="areas"' in html
    assert 'name="documents-TOTAL_FORMS"' in html
    assert 'name="consultation_links-TOTAL_FORMS"' in html
    assert 'name="recommendation_links-TOTAL_FORMS"' in html
    assert client.get(f"/admin/pages/{report.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
