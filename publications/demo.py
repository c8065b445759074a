"""Demo content: the publications of the Lublin project, in Polish, Ukrainian,
English and Russian: the monitoring report of the 14 areas of the local
integration system, the "Outline for Local Integration Policies" built on it and on
the consultation group's opinions, and two campaign materials. Each has a short
text document per language, written here (no downloads); the report also has a
working annex in a collection only the Lublin group and the editors may open."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from consultations.models import Consultation, ConsultationPage, PolicyArea
from portal.demo import LUBLIN_GROUP, add_page, translate_demo
from portal.groups import EDITORS
from publications.models import (
    PublicationConsultation,
    PublicationDocument,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
    PublicationRecommendation,
)

LANGUAGES = ["pl", "uk", "en", "ru"]
MONITORING_SLUG = "rekomendacje-monitoringu-lublin"
TEAM_COLLECTION = "Dokumenty robocze zespołu konsultacyjnego (Lublin)"

INDEX = {
    "pl": {
        "title": "Publikacje",
        "slug": "publikacje",
        "intro": "<p>Raporty, dokumenty programowe i materiały kampanii, do pobrania w każdym języku, w którym są dostępne.</p>",
    },
    "uk": {
        "title": "Публікації",
        "slug": "publikatsii",
        "intro": "<p>Звіти, програмні документи та матеріали кампаній, для завантаження кожною мовою, якою вони доступні.</p>",
    },
    "en": {
        "title": "Publications",
        "slug": "publications",
        "intro": "<p>Reports, policy documents and campaign materials, to download in every language they are available in.</p>",
    },
    "ru": {
        "title": "Публикации",
        "slug": "publikatsii",
        "intro": "<p>Отчёты, программные документы и материалы кампаний, для скачивания на каждом языке, на котором они доступны.</p>",
    },
}  # fmt: skip

# kind, date, which links, then per language: title, slug, summary, document title.
PUBLICATIONS = [
    {
        "kind": PublicationKind.MONITORING_REPORT,
        "date": datetime.date(2024, 3, 15),
        "areas": "all",
        "links": "monitoring",
        "annex": True,
        "pl": {
            "title": "Raport z monitoringu lokalnego systemu integracji w Lublinie",
            "slug": "raport-z-monitoringu",
            "summary": "<p>Monitoring objął 14 obszarów lokalnego systemu integracji: od ochrony zdrowia i edukacji po przemoc domową i udział w życiu miasta. Raport opisuje, jak instytucje obsługują cudzoziemców, i zawiera rekomendacje, które zaopiniował migrancki zespół konsultacyjny.</p><p>Część zmian wprowadzono od razu: tłumaczenia, prostszy kontakt, osoby kontaktowe w urzędach.</p>",
            "document": "Raport z monitoringu (wersja polska)",
        },
        "uk": {
            "title": "Звіт про моніторинг місцевої системи інтеграції в Любліні",
            "slug": "zvit-pro-monitorynh",
            "summary": "<p>Моніторинг охопив 14 сфер місцевої системи інтеграції: від охорони здоров’я та освіти до домашнього насильства й участі в житті міста. Звіт описує, як установи обслуговують іноземців, і містить рекомендації, щодо яких висловилася міграційна консультаційна група.</p><p>Частину змін запровадили одразу: переклади, простіший контакт, контактні особи в установах.</p>",
            "document": "Звіт про моніторинг (українська версія)",
        },
        "en": {
            "title": "Monitoring report on the local integration system in Lublin",
            "slug": "monitoring-report",
            "summary": "<p>The monitoring covered 14 areas of the local integration system, from health care and education to domestic violence and taking part in city life. The report describes how institutions serve foreigners and makes recommendations on which the migrant consultation group gave its opinion.</p><p>Some changes were made at once: translations, simpler contact, contact persons in offices.</p>",
            "document": "Monitoring report (English version)",
        },
        "ru": {
            "title": "Отчёт о мониторинге местной системы интеграции в Люблине",
            "slug": "otchet-o-monitoringe",
            "summary": "<p>Мониторинг охватил 14 сфер местной системы интеграции: от здравоохранения и образования до домашнего насилия и участия в жизни города. Отчёт описывает, как учреждения обслуживают иностранцев, и содержит рекомендации, по которым высказалась миграционная консультационная группа.</p><p>Часть изменений внедрили сразу: переводы, более простой контакт, контактные лица в учреждениях.</p>",
            "document": "Отчёт о мониторинге (русская версия)",
        },
    },
    {
        "kind": PublicationKind.POLICY,
        "date": datetime.date(2024, 9, 30),
        "areas": "all",
        "links": "recommendations",
        "pl": {
            "title": "Zarys Lokalnej Polityki Integracyjnej",
            "slug": "zarys-lokalnej-polityki-integracyjnej",
            "summary": "<p>Dokument powstał na podstawie monitoringu i pracy migranckiego zespołu konsultacyjnego. Proponuje miastu zasady i narzędzia polityki integracyjnej, od osób kontaktowych w urzędach po stałe konsultacje z mieszkańcami z innych krajów.</p>",
            "document": "Zarys Lokalnej Polityki Integracyjnej (wersja polska)",
        },
        "uk": {
            "title": "Нарис місцевої інтеграційної політики",
            "slug": "narys-mistsevoi-intehratsiinoi-polityky",
            "summary": "<p>Документ створено на основі моніторингу та роботи міграційної консультаційної групи. Він пропонує місту принципи та інструменти інтеграційної політики, від контактних осіб в установах до постійних консультацій з мешканцями з інших країн.</p>",
            "document": "Нарис місцевої інтеграційної політики (українська версія)",
        },
        "en": {
            "title": "Outline for Local Integration Policies",
            "slug": "outline-for-local-integration-policies",
            "summary": "<p>The document grew out of the monitoring and the work of the migrant consultation group. It proposes principles and tools of integration policy to the city, from contact persons in offices to standing consultations with residents from other countries.</p>",
            "document": "Outline for Local Integration Policies (English version)",
        },
        "ru": {
            "title": "Очерк местной интеграционной политики",
            "slug": "ocherk-mestnoi-integratsionnoi-politiki",
            "summary": "<p>Документ создан на основе мониторинга и работы миграционной консультационной группы. Он предлагает городу принципы и инструменты интеграционной политики, от контактных лиц в учреждениях до постоянных консультаций с жителями из других стран.</p>",
            "document": "Очерк местной интеграционной политики (русская версия)",
        },
    },
    {
        "kind": PublicationKind.CAMPAIGN_MATERIAL,
        "date": datetime.date(2023, 10, 2),
        "areas": ["Pobyt i legalizacja", "Praca"],
        "links": None,
        "pl": {
            "title": "Ulotka kampanii „Niewidzialni mieszkańcy”",
            "slug": "ulotka-niewidzialni-mieszkancy",
            "summary": "<p>Ulotka kampanii z czasu wyborów samorządowych: kim są mieszkańcy Lublina z innych krajów i o co pytać kandydatów, by integracja stała się tematem debaty.</p>",
            "document": "Ulotka „Niewidzialni mieszkańcy” (wersja polska)",
        },
        "uk": {
            "title": "Листівка кампанії «Невидимі мешканці»",
            "slug": "lystivka-nevydymi-meshkantsi",
            "summary": "<p>Листівка кампанії під час місцевих виборів: хто такі мешканці Любліна з інших країн і про що питати кандидатів, щоб інтеграція стала темою дебатів.</p>",
            "document": "Листівка «Невидимі мешканці» (українська версія)",
        },
        "en": {
            "title": "“Invisible residents” campaign leaflet",
            "slug": "invisible-residents-leaflet",
            "summary": "<p>The campaign leaflet from the local elections: who Lublin’s residents from other countries are, and what to ask candidates so that integration becomes a topic of debate.</p>",
            "document": "“Invisible residents” leaflet (English version)",
        },
        "ru": {
            "title": "Листовка кампании «Невидимые жители»",
            "slug": "listovka-nevidimye-zhiteli",
            "summary": "<p>Листовка кампании во время местных выборов: кто такие жители Люблина из других стран и о чём спрашивать кандидатов, чтобы интеграция стала темой дебатов.</p>",
            "document": "Листовка «Невидимые жители» (русская версия)",
        },
    },
    {
        "kind": PublicationKind.CAMPAIGN_MATERIAL,
        "date": datetime.date(2024, 3, 8),
        "areas": ["Przemoc domowa", "Ochrona zdrowia"],
        "links": None,
        "pl": {
            "title": "Plakat kampanii o migrantkach w Lublinie",
            "slug": "plakat-migrantki-w-lublinie",
            "summary": "<p>Plakat kampanii o migrantkach: gdzie w Lublinie szukać pomocy w razie przemocy i jak dostać się do lekarza bez znajomości polskiego.</p>",
            "document": "Plakat o migrantkach (wersja polska)",
        },
        "uk": {
            "title": "Плакат кампанії про мігранток у Любліні",
            "slug": "plakat-mihrantky-u-liublini",
            "summary": "<p>Плакат кампанії про мігранток: де в Любліні шукати допомоги у разі насильства і як потрапити до лікаря без знання польської.</p>",
            "document": "Плакат про мігранток (українська версія)",
        },
        "en": {
            "title": "Campaign poster on migrant women in Lublin",
            "slug": "poster-migrant-women-in-lublin",
            "summary": "<p>The campaign poster on migrant women: where to find help against violence in Lublin, and how to see a doctor without speaking Polish.</p>",
            "document": "Poster on migrant women (English version)",
        },
        "ru": {
            "title": "Плакат кампании о мигрантках в Люблине",
            "slug": "plakat-migrantki-v-lyubline",
            "summary": "<p>Плакат кампании о мигрантках: где в Люблине искать помощи в случае насилия и как попасть к врачу без знания польского.</p>",
            "document": "Плакат о мигрантках (русская версия)",
        },
    },
]  # fmt: skip

ANNEX_TITLE = "Aneks roboczy: notatki z posiedzeń zespołu konsultacyjnego"


def demo_document(title, text, collection=None):
    """A small text document written in code. Made once, found by title after."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(
        title=title,
        file=ContentFile(f"{title}\n\n{text}\n".encode(), name="publikacja.txt"),
        collection=collection or Collection.get_first_root_node(),
    )
    document.save()
    return document


def team_collection():
    """A collection only the Lublin group and the editors may open."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=TEAM_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=TEAM_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
        restriction.groups.set(Group.objects.filter(name__in=[LUBLIN_GROUP, EDITORS]))
    return collection


def _monitoring_record():
    page = ConsultationPage.objects.filter(
        slug=MONITORING_SLUG, locale__language_code="pl"
    ).first()
    return (
        Consultation.objects.filter(key=page.translation_key).first() if page else None
    )


def _publication(spec, record, areas):
    content = spec["pl"]
    documents = [
        PublicationDocument(
            document=demo_document(
                spec[language]["document"],
                _text(spec[language]["summary"]),
            ),
            language=language,
        )
        for language in LANGUAGES
    ]
    if spec.get("annex"):
        annex = demo_document(
            ANNEX_TITLE,
            "Notatki z posiedzeń: kto był, co zaopiniowano, co zostało do zrobienia.",
            collection=team_collection(),
        )
        documents.append(PublicationDocument(document=annex, language="pl"))
    recommendations = (
        list(record.recommendations.filter(archived_at=None)) if record else []
    )
    page = PublicationPage(
        title=content["title"],
        slug=content["slug"],
        kind=spec["kind"],
        publication_date=spec["date"],
        summary=content["summary"],
        documents=documents,
        consultation_links=[PublicationConsultation(consultation=record)]
        if record and spec["links"] == "monitoring"
        else [],
        recommendation_links=[
            PublicationRecommendation(recommendation=recommendation)
            for recommendation in recommendations
        ]
        if spec["links"]
        else [],
    )
    if spec["areas"] != "all":
        areas = areas.filter(name__in=spec["areas"])
    page.areas.set(areas)
    return page


def _text(html):
    from portal.models import rich_text_summary

    return rich_text_summary(html)


def seed_publications(homes, log):
    index, created = add_page(
        homes["pl"],
        PublicationIndexPage(**INDEX["pl"], show_in_menus=True),
    )
    for language in LANGUAGES[1:]:
        translate_demo(index, homes[language].locale, INDEX["pl"], INDEX[language])
    record = _monitoring_record()
    pl_areas = PolicyArea.objects.filter(locale=homes["pl"].locale)
    made = 0
    for spec in PUBLICATIONS:
        existing = index.get_children().filter(slug=spec["pl"]["slug"]).first()
        if existing is None:
            page, _ = add_page(index, _publication(spec, record, pl_areas))
            made += 1
        else:
            page = existing.specific
        fields = ["title", "slug", "summary"]
        for language in LANGUAGES[1:]:
            translate_demo(
                page,
                homes[language].locale,
                {name: spec["pl"][name] for name in fields},
                {name: spec[language][name] for name in fields},
            )
    log(
        f"publications: {'index created' if created else 'index already there'}, "
        f"{made} publications created"
    )
    return Page.objects.get(pk=index.pk).specific
