"""Demo content: the four clubs and networks of the source projects, with join
forms and upcoming meetings, and a few cultural assistants; Polish and Ukrainian."""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from clubs.models import (
    ClubFormField,
    ClubGalleryImage,
    ClubIndexPage,
    ClubMeeting,
    ClubPage,
    CulturalAssistant,
    SpokenLanguage,
)
from portal.demo import add_page, demo_image, translate_page, translate_snippet

CLUB_INDEX = {
    "pl": {
        "title": "Kluby i sieci",
        "slug": "kluby-i-sieci",
        "intro": "<p>Miejsca, w których migranci i migrantki spotykają się, wspierają i działają razem — z Polkami i Polakami.</p>",
    },
    "uk": {
        "title": "Клуби та мережі",
        "slug": "kluby-ta-merezhi",
        "intro": "<p>Місця, де мігранти й мігрантки зустрічаються, підтримують одне одного та діють разом — з поляками й польками.</p>",
    },
}

# Labels of a short join form in both languages: (type, required, pl, uk, choices).
CONTACT_FIELDS = [
    ("singleline", True, "Imię", "Ім’я", None),
    ("email", True, "Adres e-mail", "Адреса електронної пошти", None),
    ("singleline", False, "Telefon (opcjonalnie)", "Телефон (необов’язково)", None),
]

CLUBS = [
    {
        "key": "business",
        "languages": ["pl", "uk", "ru", "be"],
        "image": ("Klub przedsiębiorczych kobiet", ["#fbe6d4", "#b34700", "#005a70", "#7a4e9c"], 61),
        "gallery": [
            ("Klub przedsiębiorczych kobiet: warsztat", ["#fdf1dc", "#c45f2b", "#1d6b2f", "#005a70"], 62),
            ("Klub przedsiębiorczych kobiet: targi", ["#e7eef7", "#2f4b8f", "#b34700", "#f2b134"], 63),
        ],
        "meetings": [(7, "17:30", "19:30"), (21, "17:30", "19:30"), (35, "17:30", "19:30")],
        "extra_fields": [
            ("radio", True, "Czy prowadzisz już firmę?", "Чи ви вже ведете бізнес?", ("Tak\nJeszcze nie, planuję\nNie", "Так\nЩе ні, планую\nНі")),
        ],
        "pl": {
            "title": "Klub Przedsiębiorczych Kobiet",
            "slug": "klub-przedsiebiorczych-kobiet",
            "city": "Bydgoszcz",
            "summary": "Sieć kobiet — migrantek i Polek — które prowadzą albo zakładają firmę lub spółdzielnię socjalną i chcą uczyć się od siebie nawzajem.",
            "image_alt_text": "Ilustracja: kilka postaci w ciepłych kolorach stoi razem na tle kół.",
            "schedule": "Co drugi czwartek, 17:30–19:30",
            "meeting_place": "Sala spotkań w centrum Bydgoszczy (adres podajemy po zgłoszeniu)",
            "body": [("text", "<p>Spotykamy się, żeby rozmawiać o prowadzeniu działalności w Polsce: o podatkach, ZUS-ie, klientach i o tym, jak godzić pracę z opieką nad dziećmi. Zapraszamy ekspertki, odwiedzamy swoje firmy i wspólnie przygotowujemy stoiska na targi.</p><p>Nie trzeba mieć firmy — wystarczy pomysł.</p>")],
            "contact_name": "Koordynatorka klubu",
            "form_intro": "<p>Zostaw kontakt, a zaprosimy Cię na najbliższe spotkanie.</p>",
            "gallery_alt": ["Ilustracja: postaci przy stole warsztatowym.", "Ilustracja: postaci przy stoiskach targowych."],
            "meeting_place_override": "",
        },
        "uk": {
            "title": "Клуб жінок-підприємиць",
            "slug": "klub-zhinok-pidpryiemyts",
            "city": "Бидгощ",
            "summary": "Мережа жінок — мігранток і польок, — які ведуть або започатковують бізнес чи соціальний кооператив і хочуть вчитися одна в одної.",
            "image_alt_text": "Ілюстрація: кілька постатей у теплих кольорах стоять разом на тлі кіл.",
            "schedule": "Щодругого четверга, 17:30–19:30",
            "meeting_place": "Зала для зустрічей у центрі Бидгоща (адресу повідомляємо після заявки)",
            "body": [("text", "<p>Ми зустрічаємося, щоб говорити про ведення бізнесу в Польщі: про податки, ZUS, клієнтів і про те, як поєднувати роботу з доглядом за дітьми. Запрошуємо експерток, відвідуємо фірми одна одної та разом готуємо стенди на ярмарки.</p><p>Мати фірму не обов’язково — достатньо ідеї.</p>")],
            "contact_name": "Координаторка клубу",
            "form_intro": "<p>Залиште контакт, і ми запросимо вас на найближчу зустріч.</p>",
            "gallery_alt": ["Ілюстрація: постаті за робочим столом на семінарі.", "Ілюстрація: постаті біля ярмаркових стендів."],
        },
    },
    {
        "key": "grupa",
        "languages": ["pl", "ru", "uk", "en"],
        "image": ("Klub kobiet w Grupie", ["#e2efe9", "#1d6b2f", "#b34700", "#005a70"], 71),
        "gallery": [],
        "meetings": [(2, "16:00", "18:00"), (9, "16:00", "18:00")],
        "extra_fields": [],
        "pl": {
            "title": "Klub Kobiet w Ośrodku dla Cudzoziemców w Grupie",
            "slug": "klub-kobiet-w-grupie",
            "city": "Grupa",
            "summary": "Kobiety w procedurze uchodźczej i Polki mieszkające w Grupie spotykają się, żeby się poznać, uczyć języka i wspierać w codziennych sprawach.",
            "image_alt_text": "Ilustracja: postaci w zieleni i pomarańczu stoją obok siebie.",
            "schedule": "W każdą środę, 16:00–18:00",
            "meeting_place": "Świetlica Ośrodka dla Cudzoziemców w Grupie",
            "body": [("text", "<p>Gotujemy, szyjemy, rozmawiamy po polsku i w innych językach. Dzieci mają w tym czasie zajęcia w sąsiedniej sali. Na spotkania zapraszamy też mieszkanki Grupy — bo sąsiedztwo zaczyna się od herbaty.</p>")],
            "contact_name": "Koordynatorka klubu",
            "form_intro": "<p>Mieszkasz w Grupie lub w okolicy i chcesz dołączyć? Zostaw kontakt.</p>",
            "gallery_alt": [],
        },
        "uk": {
            "title": "Жіночий клуб у Центрі для іноземців у Групі",
            "slug": "zhinochyi-klub-u-hrupi",
            "city": "Група",
            "summary": "Жінки в процедурі отримання міжнародного захисту та польки, які живуть у Групі, зустрічаються, щоб познайомитися, вчити мову й підтримувати одна одну в щоденних справах.",
            "image_alt_text": "Ілюстрація: постаті в зелених і помаранчевих тонах стоять поруч.",
            "schedule": "Щосереди, 16:00–18:00",
            "meeting_place": "Світлиця Центру для іноземців у Групі",
            "body": [("text", "<p>Ми готуємо, шиємо, розмовляємо польською та іншими мовами. Діти тим часом мають заняття в сусідній кімнаті. На зустрічі запрошуємо й мешканок Групи — бо сусідство починається з чаю.</p>")],
            "contact_name": "Координаторка клубу",
            "form_intro": "<p>Живете в Групі чи неподалік і хочете долучитися? Залиште контакт.</p>",
            "gallery_alt": [],
        },
    },
    {
        "key": "team",
        "languages": ["pl", "uk", "ru", "be", "ar"],
        "image": ("Regionalny Zespół Migrantów", ["#dde8f3", "#003f4f", "#b34700", "#6a8e3f"], 81),
        "gallery": [],
        "meetings": [(12, "10:00", "13:00")],
        "extra_fields": [
            ("multiline", True, "Dlaczego chcesz dołączyć do zespołu?", "Чому ви хочете долучитися до команди?", None),
        ],
        "pl": {
            "title": "Regionalny Zespół Migrantów",
            "slug": "regionalny-zespol-migrantow",
            "city": "Bydgoszcz",
            "summary": "Od 8 do 12 osób z doświadczeniem migracji opiniuje projekt strategii województwa i rekomendacje dla instytucji publicznych.",
            "image_alt_text": "Ilustracja: rząd postaci w granacie i pomarańczu na jasnym tle.",
            "schedule": "Raz w miesiącu, w sobotę; część spotkań online",
            "meeting_place": "Bydgoszcz i online",
            "body": [("text", "<p>Zespół powstał, żeby polityki publiczne w regionie tworzono razem z migrantami, a nie tylko o nich. Członkinie i członkowie zespołu przeszli szkolenia z rzecznictwa, czytają projekty dokumentów w swoim języku i zgłaszają uwagi, które potem przekazujemy instytucjom.</p>")],
            "contact_name": "Koordynator zespołu",
            "form_intro": "<p>Szukamy osób, które mieszkają w województwie kujawsko-pomorskim i chcą mieć wpływ na to, jak działają instytucje.</p>",
            "gallery_alt": [],
        },
        "uk": {
            "title": "Регіональна команда мігрантів",
            "slug": "rehionalna-komanda-mihrantiv",
            "city": "Бидгощ",
            "summary": "Від 8 до 12 людей з досвідом міграції дають висновки щодо проєкту стратегії воєводства та рекомендацій для публічних установ.",
            "image_alt_text": "Ілюстрація: ряд постатей у темно-синіх і помаранчевих тонах на світлому тлі.",
            "schedule": "Раз на місяць, у суботу; частина зустрічей онлайн",
            "meeting_place": "Бидгощ і онлайн",
            "body": [("text", "<p>Команда виникла для того, щоб публічну політику в регіоні творили разом з мігрантами, а не лише про них. Учасниці й учасники команди пройшли навчання з адвокації, читають проєкти документів своєю мовою та подають зауваження, які ми потім передаємо установам.</p>")],
            "contact_name": "Координатор команди",
            "form_intro": "<p>Ми шукаємо людей, які живуть у Куявсько-Поморському воєводстві й хочуть впливати на те, як працюють установи.</p>",
            "gallery_alt": [],
        },
    },
    {
        "key": "assistants",
        "languages": ["pl", "uk", "ru", "be", "ar", "en", "ka"],
        "image": ("Sieć asystentów kulturowych", ["#f3ecdc", "#005a70", "#c45f2b", "#4b2e83"], 91),
        "gallery": [],
        "meetings": [],
        "extra_fields": [
            ("multiline", True, "Jakimi językami mówisz?", "Якими мовами ви володієте?", None),
        ],
        "lists_cultural_assistants": True,
        "pl": {
            "title": "Sieć asystentów kulturowych",
            "slug": "asystenci-kulturowi",
            "city": "Toruń",
            "summary": "Piętnaście osób pomaga urzędom, szkołom i przychodniom w obsłudze cudzoziemców — i cudzoziemcom w kontakcie z instytucjami.",
            "image_alt_text": "Ilustracja: postaci w błękicie i pomarańczu na jasnym tle.",
            "schedule": "Dyżury według potrzeb instytucji",
            "meeting_place": "Instytucje w całym województwie",
            "body": [("text", "<p>Asystentki i asystenci kulturowi tłumaczą, wyjaśniają procedury i pomagają usprawnić kontakt między instytucją a osobą z zagranicy. Po 24 lutego 2022 roku sieć skupiła się na bezpośrednim wsparciu uchodźczyń i uchodźców z Ukrainy.</p><p>Instytucja, która potrzebuje wsparcia, może napisać bezpośrednio do osoby z listy poniżej.</p>")],
            "contact_name": "Koordynatorka sieci",
            "form_intro": "<p>Mówisz po polsku i w innym języku i chcesz zostać asystentką lub asystentem? Napisz do nas.</p>",
            "gallery_alt": [],
        },
        "uk": {
            "title": "Мережа культурних асистентів",
            "slug": "kulturni-asystenty",
            "city": "Торунь",
            "summary": "П’ятнадцять людей допомагають урядам, школам і поліклінікам обслуговувати іноземців — а іноземцям спілкуватися з установами.",
            "image_alt_text": "Ілюстрація: постаті в блакитних і помаранчевих тонах на світлому тлі.",
            "schedule": "Чергування відповідно до потреб установ",
            "meeting_place": "Установи по всьому воєводству",
            "body": [("text", "<p>Культурні асистентки й асистенти перекладають, пояснюють процедури та допомагають налагодити контакт між установою і людиною з-за кордону. Після 24 лютого 2022 року мережа зосередилася на безпосередній допомозі біженкам і біженцям з України.</p><p>Установа, якій потрібна підтримка, може написати безпосередньо людині зі списку нижче.</p>")],
            "contact_name": "Координаторка мережі",
            "form_intro": "<p>Володієте польською та іншою мовою і хочете стати асистенткою чи асистентом? Напишіть нам.</p>",
            "gallery_alt": [],
        },
    },
]  # fmt: skip

ASSISTANTS = [
    {
        "languages": ["uk", "ru", "pl"],
        "email": "olena@example.org",
        "pl": {"display_name": "Olena", "city": "Bydgoszcz", "institutions": "Urząd Wojewódzki — wydział spraw cudzoziemców\nMiejski Ośrodek Pomocy Społecznej"},
        "uk": {"display_name": "Олена", "city": "Бидгощ", "institutions": "Воєводське управління — відділ у справах іноземців\nМіський центр соціальної допомоги"},
    },
    {
        "languages": ["uk", "pl"],
        "email": "maryna@example.org",
        "pl": {"display_name": "Maryna", "city": "Toruń", "institutions": "Szkoły podstawowe w Toruniu\nPoradnia psychologiczno-pedagogiczna"},
        "uk": {"display_name": "Марина", "city": "Торунь", "institutions": "Початкові школи в Торуні\nПсихолого-педагогічна консультація"},
    },
    {
        "languages": ["be", "ru", "pl", "en"],
        "email": "aliaksandra@example.org",
        "pl": {"display_name": "Aliaksandra", "city": "Bydgoszcz", "institutions": "Powiatowy urząd pracy\nBiblioteka miejska"},
        "uk": {"display_name": "Аляксандра", "city": "Бидгощ", "institutions": "Повітовий центр зайнятості\nМіська бібліотека"},
    },
    {
        "languages": ["ar", "en", "pl"],
        "email": "rami@example.org",
        "pl": {"display_name": "Rami", "city": "Bydgoszcz", "institutions": "Szpital wojewódzki — izba przyjęć\nPrzychodnia rodzinna"},
        "uk": {"display_name": "Рамі", "city": "Бидгощ", "institutions": "Воєводська лікарня — приймальне відділення\nСімейна поліклініка"},
    },
    {
        "languages": ["ka", "ru", "pl"],
        "email": "nino@example.org",
        "pl": {"display_name": "Nino", "city": "Włocławek", "institutions": "Urząd miasta — biuro obsługi mieszkańców"},
        "uk": {"display_name": "Ніно", "city": "Влоцлавек", "institutions": "Міська рада — центр обслуговування мешканців"},
    },
    {
        "languages": ["uk", "ru", "pl"],
        "email": "tetiana@example.org",
        "pl": {"display_name": "Tetiana", "city": "Inowrocław", "institutions": "Ośrodek pomocy społecznej\nLiceum ogólnokształcące"},
        "uk": {"display_name": "Тетяна", "city": "Іновроцлав", "institutions": "Центр соціальної допомоги\nЗагальноосвітній ліцей"},
    },
]  # fmt: skip


def _form_fields(club):
    """The Polish join form; its translation gets the Ukrainian labels."""
    return [
        ClubFormField(
            field_type=field_type,
            required=required,
            label=label_pl,
            choices=choices[0] if choices else "",
        )
        for field_type, required, label_pl, _label_uk, choices in (
            CONTACT_FIELDS + club["extra_fields"]
        )
    ]


def _meetings(club, place=""):
    today = timezone.localdate()
    return [
        ClubMeeting(
            date=today + datetime.timedelta(days=days),
            start_time=datetime.time.fromisoformat(start),
            end_time=datetime.time.fromisoformat(end),
            place=place,
        )
        for days, start, end in club["meetings"]
    ]


def _translate_children(club, content):
    """Write the Ukrainian text into the copied form fields and photos."""
    labels = [field[3] for field in CONTACT_FIELDS + club["extra_fields"]]
    choices = [field[4] for field in CONTACT_FIELDS + club["extra_fields"]]

    def translate(translation):
        form_fields = list(translation.form_fields.all())
        for form_field, label, choice in zip(form_fields, labels, choices, strict=True):
            form_field.label = label
            if choice:
                form_field.choices = choice[1]
        translation.form_fields = form_fields
        photos = list(translation.gallery_images.all())
        for photo, alt_text in zip(photos, content["gallery_alt"], strict=True):
            photo.alt_text = alt_text
        translation.gallery_images = photos

    return translate


def seed_clubs(homes, log):
    """The club index, four clubs and networks, and the cultural assistants."""
    uk = homes["uk"].locale
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    index, _ = add_page(homes["pl"], ClubIndexPage(**CLUB_INDEX["pl"]))
    translate_page(index, uk, **CLUB_INDEX["uk"])
    pages, created = {}, 0
    for club in CLUBS:
        pl, uk_content = club["pl"], club["uk"]
        page, was_created = add_page(
            index,
            ClubPage(
                title=pl["title"],
                slug=pl["slug"],
                city=pl["city"],
                summary=pl["summary"],
                image=demo_image(*club["image"]),
                image_alt_text=pl["image_alt_text"],
                schedule=pl["schedule"],
                meeting_place=pl["meeting_place"],
                body=pl["body"],
                languages=[languages[code] for code in club["languages"]],
                contact_name=pl["contact_name"],
                contact_email=f"{club['key']}@example.org",
                lists_cultural_assistants=club.get("lists_cultural_assistants", False),
                form_intro=pl["form_intro"],
                to_address=f"{club['key']}@example.org",
                meetings=_meetings(club),
                gallery_images=[
                    ClubGalleryImage(
                        image=demo_image(*picture), alt_text=alt_text, sort_order=n
                    )
                    for n, (picture, alt_text) in enumerate(
                        zip(club["gallery"], pl["gallery_alt"], strict=True)
                    )
                ],
                form_fields=_form_fields(club),
            ),
        )
        created += was_created
        translate_page(
            page,
            uk,
            title=uk_content["title"],
            slug=uk_content["slug"],
            city=uk_content["city"],
            summary=uk_content["summary"],
            image_alt_text=uk_content["image_alt_text"],
            schedule=uk_content["schedule"],
            meeting_place=uk_content["meeting_place"],
            body=uk_content["body"],
            contact_name=uk_content["contact_name"],
            form_intro=uk_content["form_intro"],
            children=_translate_children(club, uk_content),
        )
        pages[club["key"]] = page
    log(f"clubs and networks: {created} created, {len(CLUBS) - created} already there")
    seed_assistants(languages, uk, log)
    return index, pages


def seed_assistants(languages, uk, log):
    created = 0
    for assistant in ASSISTANTS:
        pl = assistant["pl"]
        source = CulturalAssistant.objects.filter(
            email=assistant["email"], locale=Locale.get_default()
        ).first()
        if source is None:
            source = CulturalAssistant(
                locale=Locale.get_default(), email=assistant["email"], **pl
            )
            source.save()
            source.languages.set([languages[code] for code in assistant["languages"]])
            source.save()
            created += 1
        translate_snippet(source, uk, **assistant["uk"])
    log(
        f"cultural assistants: {created} created, {len(ASSISTANTS) - created} already there"
    )
