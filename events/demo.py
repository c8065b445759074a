"""Demo calendar: the Kujawsko-Pomorskie project's 160 hours of workshops (ten
weekend workshops of 16 hours), the Lublin project's four expert seminars and
three study visits (Gdańsk, Wrocław, Kraków), and the meetings of both teams
(past ones with minutes, the next with its agenda), with a page per team; in
Polish, translated into Ukrainian, English and Russian. Dates are set around the
day of the first seeding; a second run finds everything by its slug."""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from clubs.models import SpokenLanguage
from events.calendar import WARSAW
from events.models import CalendarPage, EventKind, EventMinutes, EventPage, TeamPage
from portal.demo import KUJAWSKO_POMORSKIE_TEAM, LUBLIN_GROUP, add_page, translate_demo
from portal.groups import EDITORS

LANGUAGES = ["pl", "uk", "en", "ru"]

CALENDAR = {
    "pl": {"title": "Kalendarz", "slug": "kalendarz", "intro": "<p>Warsztaty, seminaria eksperckie, wizyty studyjne i spotkania klubów — w jednym miejscu. Możesz dodać kalendarz do swojej aplikacji.</p>"},
    "uk": {"title": "Календар", "slug": "kalendar", "intro": "<p>Воркшопи, експертні семінари, навчальні візити та зустрічі клубів — в одному місці. Календар можна додати у свій застосунок.</p>"},
    "en": {"title": "Calendar", "slug": "calendar", "intro": "<p>Workshops, expert seminars, study visits and club meetings — in one place. You can add the calendar to your calendar app.</p>"},
    "ru": {"title": "Календарь", "slug": "kalendar", "intro": "<p>Мастер-классы, экспертные семинары, учебные визиты и встречи клубов — в одном месте. Календарь можно добавить в своё приложение.</p>"},
}  # fmt: skip

# Five topics of the Kujawsko-Pomorskie training, two weekends each: 10 × 16 h.
WORKSHOP_TOPICS = [
    {"pl": "Rzecznictwo we własnej sprawie", "uk": "Самоадвокація", "en": "Self-advocacy", "ru": "Самоадвокация"},
    {"pl": "Samoorganizacja społeczności", "uk": "Самоорганізація громади", "en": "Community self-organisation", "ru": "Самоорганизация сообщества"},
    {"pl": "Samopomoc i wsparcie rówieśnicze", "uk": "Самодопомога та взаємна підтримка", "en": "Self-help and peer support", "ru": "Самопомощь и взаимная поддержка"},
    {"pl": "Współpraca z instytucjami publicznymi", "uk": "Співпраця з державними установами", "en": "Working with public institutions", "ru": "Сотрудничество с государственными учреждениями"},
    {"pl": "Jak założyć spółdzielnię socjalną", "uk": "Як заснувати соціальний кооператив", "en": "Setting up a social cooperative", "ru": "Как создать социальный кооператив"},
]  # fmt: skip
WORKSHOP_TEXT = {
    "pl": {"title": "Warsztat {n} z 10: {topic}, część {part}", "slug": "warsztat-{n}", "summary": "Dwa dni po 8 godzin (16 godzin) z 160 godzin warsztatów dla imigrantek i imigrantów z województwa kujawsko-pomorskiego.", "place": "Centrum Organizacji Pozarządowych, sala 2"},
    "uk": {"title": "Воркшоп {n} з 10: {topic}, частина {part}", "slug": "vorkshop-{n}", "summary": "Два дні по 8 годин (16 годин) із 160 годин воркшопів для іммігранток та іммігрантів Куявсько-Поморського воєводства.", "place": "Центр неурядових організацій, зала 2"},
    "en": {"title": "Workshop {n} of 10: {topic}, part {part}", "slug": "workshop-{n}", "summary": "Two days of 8 hours (16 hours) of the 160 hours of workshops for immigrants in the Kujawsko-Pomorskie voivodship.", "place": "NGO Centre, room 2"},
    "ru": {"title": "Мастер-класс {n} из 10: {topic}, часть {part}", "slug": "master-klass-{n}", "summary": "Два дня по 8 часов (16 часов) из 160 часов мастер-классов для иммигранток и иммигрантов Куявско-Поморского воеводства.", "place": "Центр неправительственных организаций, зал 2"},
}  # fmt: skip
WORKSHOP_CITIES = {"pl": ["Bydgoszcz", "Toruń"], "uk": ["Бидгощ", "Торунь"], "en": ["Bydgoszcz", "Toruń"], "ru": ["Быдгощ", "Торунь"]}  # fmt: skip

LUBLIN = {"pl": "Lublin", "uk": "Люблін", "en": "Lublin", "ru": "Люблин"}
SEMINAR_TOPICS = [
    {"pl": "Model integracji w mieście", "uk": "Модель інтеграції в місті", "en": "The integration model of a city", "ru": "Модель интеграции в городе"},
    {"pl": "Cudzoziemcy w urzędzie: komunikacja i tłumaczenia", "uk": "Іноземці в установі: комунікація та переклад", "en": "Foreigners at the office: communication and translation", "ru": "Иностранцы в учреждении: коммуникация и перевод"},
    {"pl": "Dzieci z doświadczeniem migracji w szkole", "uk": "Діти з досвідом міграції у школі", "en": "Children with a migration background at school", "ru": "Дети с опытом миграции в школе"},
    {"pl": "Zdrowie i przeciwdziałanie przemocy", "uk": "Здоров’я та протидія насильству", "en": "Health and preventing violence", "ru": "Здоровье и противодействие насилию"},
]  # fmt: skip
SEMINAR_TEXT = {
    "pl": {"title": "Seminarium eksperckie {n}: {topic}", "slug": "seminarium-{n}", "summary": "Dla urzędniczek i urzędników Lublina: doświadczenia innych miast i rekomendacje z monitoringu.", "place": "Urząd Miasta Lublin, sala obrad"},
    "uk": {"title": "Експертний семінар {n}: {topic}", "slug": "seminar-{n}", "summary": "Для службовиць і службовців Любліна: досвід інших міст і рекомендації моніторингу.", "place": "Міська рада Любліна, зала засідань"},
    "en": {"title": "Expert seminar {n}: {topic}", "slug": "seminar-{n}", "summary": "For Lublin's officials: other cities' experience and the monitoring's recommendations.", "place": "Lublin City Hall, council chamber"},
    "ru": {"title": "Экспертный семинар {n}: {topic}", "slug": "seminar-{n}", "summary": "Для чиновниц и чиновников Люблина: опыт других городов и рекомендации мониторинга.", "place": "Мэрия Люблина, зал заседаний"},
}  # fmt: skip

VISIT_CITIES = [
    {"pl": "Gdańsk", "uk": "Гданськ", "en": "Gdańsk", "ru": "Гданьск", "slug": "gdansk"},
    {"pl": "Wrocław", "uk": "Вроцлав", "en": "Wrocław", "ru": "Вроцлав", "slug": "wroclaw"},
    {"pl": "Kraków", "uk": "Краків", "en": "Kraków", "ru": "Краков", "slug": "krakow"},
]  # fmt: skip
VISIT_TEXT = {
    "pl": {"title": "Wizyta studyjna: {city}", "slug": "wizyta-studyjna-{slug}", "summary": "Dwa dni w mieście z dobrymi praktykami integracji: spotkania w urzędzie, w centrum dla cudzoziemców i w szkołach.", "place": "Zbiórka przy Urzędzie Miasta Lublin"},
    "uk": {"title": "Навчальний візит: {city}", "slug": "navchalnyi-vizyt-{slug}", "summary": "Два дні в місті з добрими практиками інтеграції: зустрічі в міській раді, у центрі для іноземців і в школах.", "place": "Збір біля міської ради Любліна"},
    "en": {"title": "Study visit: {city}", "slug": "study-visit-{slug}", "summary": "Two days in a city with good integration practice: meetings at the city hall, the centre for foreigners and schools.", "place": "Meeting point at Lublin City Hall"},
    "ru": {"title": "Учебный визит: {city}", "slug": "uchebnyi-vizit-{slug}", "summary": "Два дня в городе с хорошими практиками интеграции: встречи в мэрии, в центре для иностранцев и в школах.", "place": "Сбор у мэрии Люблина"},
}  # fmt: skip

TEAMS = {
    KUJAWSKO_POMORSKIE_TEAM: {
        "key": "kp",
        "city": WORKSHOP_CITIES,
        "meetings": [-60, -30, 14],
        "page": {
            "pl": {"title": "Regionalny Zespół Imigrancki", "slug": "regionalny-zespol-imigrancki", "intro": "<p>Zespół konsultuje strategię województwa kujawsko-pomorskiego. Tu są nasze spotkania, protokoły i konsultacje.</p>"},
            "uk": {"title": "Регіональна команда іммігрантів", "slug": "rehionalna-komanda-immihrantiv", "intro": "<p>Команда консультує стратегію Куявсько-Поморського воєводства. Тут наші зустрічі, протоколи та консультації.</p>"},
            "en": {"title": "Regional Immigrant Team", "slug": "regional-immigrant-team", "intro": "<p>The team is consulted on the Kujawsko-Pomorskie voivodship's strategy. Here are our meetings, minutes and consultations.</p>"},
            "ru": {"title": "Региональная команда иммигрантов", "slug": "regionalnaya-komanda-immigrantov", "intro": "<p>Команда консультирует стратегию Куявско-Поморского воеводства. Здесь наши встречи, протоколы и консультации.</p>"},
        },
        "meeting": {
            "pl": {"title": "Spotkanie Regionalnego Zespołu Imigranckiego, {date}", "slug": "spotkanie-zespolu-regionalnego-{n}", "summary": "Spotkanie członkiń i członków zespołu: praca nad uwagami do strategii województwa.", "place": "Biuro projektu, Bydgoszcz", "agenda": "<ol><li>Uwagi zespołu do projektu strategii województwa</li><li>Przygotowanie do spotkania z urzędem marszałkowskim</li><li>Sprawy bieżące</li></ol>"},
            "uk": {"title": "Зустріч Регіональної команди іммігрантів, {date}", "slug": "zustrich-rehionalnoi-komandy-{n}", "summary": "Зустріч членів команди: робота над зауваженнями до стратегії воєводства.", "place": "Офіс проєкту, Бидгощ", "agenda": "<ol><li>Зауваження команди до проєкту стратегії воєводства</li><li>Підготовка до зустрічі з маршалківським управлінням</li><li>Поточні справи</li></ol>"},
            "en": {"title": "Regional Immigrant Team meeting, {date}", "slug": "regional-team-meeting-{n}", "summary": "A meeting of the team's members: working on the comments on the voivodship strategy.", "place": "Project office, Bydgoszcz", "agenda": "<ol><li>The team's comments on the draft voivodship strategy</li><li>Preparing the meeting with the Marshal's Office</li><li>Other business</li></ol>"},
            "ru": {"title": "Встреча Региональной команды иммигрантов, {date}", "slug": "vstrecha-regionalnoi-komandy-{n}", "summary": "Встреча членов команды: работа над замечаниями к стратегии воеводства.", "place": "Офис проекта, Быдгощ", "agenda": "<ol><li>Замечания команды к проекту стратегии воеводства</li><li>Подготовка к встрече с маршальским управлением</li><li>Текущие дела</li></ol>"},
        },
    },
    LUBLIN_GROUP: {
        "key": "lublin",
        "city": {code: [name] for code, name in LUBLIN.items()},
        "meetings": [-45, -15, 21],
        "page": {
            "pl": {"title": "Lubelska grupa konsultacyjna migrantów", "slug": "lubelska-grupa-konsultacyjna", "intro": "<p>Grupa opiniuje rekomendacje z monitoringu lokalnego systemu integracji w Lublinie. Tu są nasze spotkania, protokoły i konsultacje.</p>"},
            "uk": {"title": "Люблінська консультаційна група мігрантів", "slug": "liublinska-konsultatsiina-hrupa", "intro": "<p>Група дає висновки щодо рекомендацій моніторингу місцевої системи інтеграції в Любліні. Тут наші зустрічі, протоколи та консультації.</p>"},
            "en": {"title": "Lublin migrant consultation group", "slug": "lublin-consultation-group", "intro": "<p>The group gives its opinion on the recommendations of the monitoring of Lublin's local integration system. Here are our meetings, minutes and consultations.</p>"},
            "ru": {"title": "Люблинская консультационная группа мигрантов", "slug": "lyublinskaya-konsultatsionnaya-gruppa", "intro": "<p>Группа даёт заключения по рекомендациям мониторинга местной системы интеграции в Люблине. Здесь наши встречи, протоколы и консультации.</p>"},
        },
        "meeting": {
            "pl": {"title": "Spotkanie grupy konsultacyjnej, {date}", "slug": "spotkanie-grupy-konsultacyjnej-{n}", "summary": "Spotkanie grupy: opinie o rekomendacjach z monitoringu i narzędziach dla miasta.", "place": "Siedziba stowarzyszenia, Lublin", "agenda": "<ol><li>Opinie grupy o rekomendacjach z monitoringu</li><li>Zarys lokalnej polityki integracyjnej</li><li>Sprawy bieżące</li></ol>"},
            "uk": {"title": "Зустріч консультаційної групи, {date}", "slug": "zustrich-konsultatsiinoi-hrupy-{n}", "summary": "Зустріч групи: висновки щодо рекомендацій моніторингу та інструментів для міста.", "place": "Офіс асоціації, Люблін", "agenda": "<ol><li>Висновки групи щодо рекомендацій моніторингу</li><li>Нарис місцевої інтеграційної політики</li><li>Поточні справи</li></ol>"},
            "en": {"title": "Consultation group meeting, {date}", "slug": "consultation-group-meeting-{n}", "summary": "A meeting of the group: opinions on the monitoring's recommendations and tools for the city.", "place": "Association's office, Lublin", "agenda": "<ol><li>The group's opinions on the monitoring's recommendations</li><li>The Outline for Local Integration Policies</li><li>Other business</li></ol>"},
            "ru": {"title": "Встреча консультационной группы, {date}", "slug": "vstrecha-konsultatsionnoi-gruppy-{n}", "summary": "Встреча группы: заключения по рекомендациям мониторинга и инструментам для города.", "place": "Офис ассоциации, Люблин", "agenda": "<ol><li>Заключения группы по рекомендациям мониторинга</li><li>Очерк местной интеграционной политики</li><li>Текущие дела</li></ol>"},
        },
    },
}  # fmt: skip
MINUTES_LABEL = {"pl": "Protokół", "uk": "Протокол", "en": "Minutes", "ru": "Протокол"}


def _at(days, hour, minute=0):
    """A time in Warsaw, ``days`` from today (at the first seeding)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WARSAW)


def _saturday(weeks):
    today = timezone.localdate()
    return (5 - today.weekday()) % 7 + 7 * weeks


def _event(calendar, kind, texts, starts_at, ends_at, languages, translations, **extra):
    page, created = add_page(
        calendar,
        EventPage(
            kind=kind,
            starts_at=starts_at,
            ends_at=ends_at,
            languages=languages,
            **texts["pl"],
            **extra,
        ),
    )
    for language in LANGUAGES[1:]:
        translate_demo(
            page,
            translations[language],
            {**texts["pl"], **_child_texts(page, "pl")},
            {**texts[language], **_child_texts(page, language)},
        )
    return page, created


def _child_texts(page, language):
    minutes = list(page.minutes.all()) if page.pk else []
    return {"minutes": [MINUTES_LABEL[language] for _minutes in minutes]}


def _format(texts, **values):
    return {
        language: {
            name: text.format(**values[language]) for name, text in fields.items()
        }
        for language, fields in texts.items()
    }


def seed_events(homes, log):
    """The calendar in every language, its events and the two team pages."""
    locales = {language: homes[language].locale for language in LANGUAGES}
    spoken = {language.code: language for language in SpokenLanguage.objects.all()}
    calendar, _ = add_page(homes["pl"], CalendarPage(**CALENDAR["pl"]))
    for language in LANGUAGES[1:]:
        translate_demo(calendar, locales[language], CALENDAR["pl"], CALENDAR[language])
    created = 0

    for number in range(10):
        topic = WORKSHOP_TOPICS[number // 2]
        days = _saturday(number * 2 - 7)  # every other weekend, some already past
        values = {
            language: {
                "n": number + 1,
                "part": number % 2 + 1,
                "topic": topic[language],
            }
            for language in LANGUAGES
        }
        texts = _format(WORKSHOP_TEXT, **values)
        for language in LANGUAGES:
            texts[language]["city"] = WORKSHOP_CITIES[language][number % 2]
        created += _event(
            calendar,
            EventKind.WORKSHOP,
            texts,
            _at(days, 9),
            _at(days + 1, 17),
            [spoken["pl"], spoken["uk"], spoken["ru"]],
            locales,
        )[1]

    for number, topic in enumerate(SEMINAR_TOPICS):
        days = -75 + number * 35
        values = {
            language: {"n": number + 1, "topic": topic[language]}
            for language in LANGUAGES
        }
        texts = _format(SEMINAR_TEXT, **values)
        for language in LANGUAGES:
            texts[language]["city"] = LUBLIN[language]
        created += _event(
            calendar,
            EventKind.SEMINAR,
            texts,
            _at(days, 10),
            _at(days, 14),
            [spoken["pl"]],
            locales,
        )[1]

    for number, city in enumerate(VISIT_CITIES):
        days = -40 + number * 45
        values = {
            language: {"city": city[language], "slug": city["slug"]}
            for language in LANGUAGES
        }
        texts = _format(VISIT_TEXT, **values)
        for language in LANGUAGES:
            texts[language]["city"] = city[language]
        created += _event(
            calendar,
            EventKind.STUDY_VISIT,
            texts,
            _at(days, 7),
            _at(days + 1, 20),
            [spoken["pl"]],
            locales,
        )[1]

    team_pages = {}
    for team_name, team in TEAMS.items():
        group = Group.objects.get(name=team_name)
        collection = _minutes_collection(group, team["page"]["pl"]["title"])
        for number, days in enumerate(team["meetings"], start=1):
            starts_at = _at(days, 17)
            values = {
                language: {"n": number, "date": starts_at.strftime("%d.%m.%Y")}
                for language in LANGUAGES
            }
            texts = _format(team["meeting"], **values)
            for language in LANGUAGES:
                texts[language]["city"] = team["city"][language][0]
            minutes = []
            if days < 0:
                minutes = [
                    EventMinutes(
                        document=_minutes_document(
                            collection, texts["pl"]["title"], team["key"], number
                        ),
                        label=MINUTES_LABEL["pl"],
                    )
                ]
            created += _event(
                calendar,
                EventKind.TEAM_MEETING,
                texts,
                starts_at,
                starts_at + datetime.timedelta(hours=2),
                [spoken["pl"], spoken["uk"]],
                locales,
                team=group,
                minutes=minutes,
            )[1]
        page, _ = add_page(homes["pl"], TeamPage(team=group, **team["page"]["pl"]))
        for language in LANGUAGES[1:]:
            translate_demo(
                page, locales[language], team["page"]["pl"], team["page"][language]
            )
        team_pages[team["key"]] = page

    log(
        f"calendar: {created} events created (10 workshops, 4 seminars, 3 study "
        "visits, 6 team meetings) and two team pages, in every language"
    )
    return calendar, team_pages


def _minutes_collection(group, name):
    """The team's minutes, readable only by the team and the editors: a
    document's own address follows its collection's privacy."""
    root = Collection.get_first_root_node()
    name = f"Protokoły: {name}"
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
        restriction.groups.set([group, Group.objects.get(name=EDITORS)])
    return collection


def _minutes_document(collection, title, key, number):
    Document = get_document_model()
    title = f"Protokół — {title}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save(
            f"protokol-{key}-{number}.pdf", ContentFile(_pdf(title)), save=False
        )
        document.save()
    return document


def _pdf(text):
    """A one-page PDF saying ``text`` (ASCII only: the demo needs no fonts)."""
    line = text.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 50 780 Td ({line}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return body
