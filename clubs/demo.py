"""Demo content: the four clubs and networks of the source projects, with join
forms and upcoming meetings, and a few cultural assistants; in Polish and Ukrainian,
two of the clubs also in English and Russian."""

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
from consultations.models import Institution, PageRecommendation, TrackerEntry
from portal.demo import add_page, demo_image, translate_demo, translate_snippet

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
    "en": {
        "title": "Clubs and networks",
        "slug": "clubs-and-networks",
        "intro": "<p>Places where migrants meet, support each other and act together — with Polish women and men.</p>",
    },
    "ru": {
        "title": "Клубы и сети",
        "slug": "kluby-i-seti",
        "intro": "<p>Места, где мигранты и мигрантки встречаются, поддерживают друг друга и действуют вместе — с поляками и польками.</p>",
    },
}

# A short join form: (type, required, label, choices), with the label and the
# choices (one a line) in each language.
CONTACT_FIELDS = [
    ("singleline", True, {"pl": "Imię", "uk": "Ім’я", "en": "First name", "ru": "Имя"}, None),
    ("email", True, {"pl": "Adres e-mail", "uk": "Адреса електронної пошти", "en": "E-mail address", "ru": "Адрес электронной почты"}, None),
    ("singleline", False, {"pl": "Telefon (opcjonalnie)", "uk": "Телефон (необов’язково)", "en": "Phone (optional)", "ru": "Телефон (необязательно)"}, None),
]  # fmt: skip

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)

CLUBS = [
    {
        "key": "business",
        "languages": ["pl", "uk", "ru", "be"],
        "image": ("Klub przedsiębiorczych kobiet", ["#fbe6d4", "#b34700", "#005a70", "#7a4e9c"], 61),
        "gallery": [
            ("Klub przedsiębiorczych kobiet: warsztat", ["#fdf1dc", "#c45f2b", "#1d6b2f", "#005a70"], 62),
            ("Klub przedsiębiorczych kobiet: targi", ["#e7eef7", "#2f4b8f", "#b34700", "#f2b134"], 63),
        ],
        # (weekday, days between meetings, how many, starts, ends): the schedule
        # below says the same in words.
        "meetings": (THURSDAY, 14, 3, "17:30", "19:30"),
        "extra_fields": [
            ("radio", True,
             {"pl": "Czy prowadzisz już firmę?", "uk": "Чи ви вже ведете бізнес?", "en": "Do you already run a business?", "ru": "У вас уже есть свой бизнес?"},
             {"pl": "Tak\nJeszcze nie, planuję\nNie", "uk": "Так\nЩе ні, планую\nНі", "en": "Yes\nNot yet, I am planning one\nNo", "ru": "Да\nПока нет, планирую\nНет"}),
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
        "en": {
            "title": "Entrepreneurial Women’s Club",
            "slug": "entrepreneurial-womens-club",
            "city": "Bydgoszcz",
            "summary": "A network of women — migrants and Poles — who run or are starting a business or a social cooperative and want to learn from each other.",
            "image_alt_text": "Illustration: several figures in warm colours stand together against a background of circles.",
            "schedule": "Every other Thursday, 17:30–19:30",
            "meeting_place": "A meeting room in the centre of Bydgoszcz (we send the address once you sign up)",
            "body": [("text", "<p>We meet to talk about running a business in Poland: taxes, social insurance (ZUS), customers, and how to combine work with looking after children. We invite experts, visit each other’s businesses and prepare stands for trade fairs together.</p><p>You don’t need to have a business — an idea is enough.</p>")],
            "contact_name": "Club coordinator",
            "form_intro": "<p>Leave your contact details and we will invite you to the next meeting.</p>",
            "gallery_alt": ["Illustration: figures at a workshop table.", "Illustration: figures by trade fair stands."],
        },
        "ru": {
            "title": "Клуб женщин-предпринимательниц",
            "slug": "klub-zhenshchin-predprinimatelnits",
            "city": "Быдгощ",
            "summary": "Сеть женщин — мигранток и полек, — которые ведут или открывают бизнес или социальный кооператив и хотят учиться друг у друга.",
            "image_alt_text": "Иллюстрация: несколько фигур в тёплых тонах стоят вместе на фоне кругов.",
            "schedule": "Раз в две недели, по четвергам, 17:30–19:30",
            "meeting_place": "Зал для встреч в центре Быдгоща (адрес сообщаем после заявки)",
            "body": [("text", "<p>Мы встречаемся, чтобы говорить о ведении бизнеса в Польше: о налогах, ZUS, клиентах и о том, как совмещать работу с заботой о детях. Приглашаем экспертов, бываем в фирмах друг у друга и вместе готовим стенды для ярмарок.</p><p>Своя фирма не обязательна — достаточно идеи.</p>")],
            "contact_name": "Координатор клуба",
            "form_intro": "<p>Оставьте контакт, и мы пригласим вас на ближайшую встречу.</p>",
            "gallery_alt": ["Иллюстрация: фигуры за столом на семинаре.", "Иллюстрация: фигуры у ярмарочных стендов."],
        },
    },
    {
        "key": "grupa",
        "languages": ["pl", "ru", "uk", "en"],
        "image": ("Klub kobiet w Grupie", ["#e2efe9", "#1d6b2f", "#b34700", "#005a70"], 71),
        "gallery": [],
        "meetings": (WEDNESDAY, 7, 2, "16:00", "18:00"),
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
        "meetings": (SATURDAY, 28, 1, "10:00", "13:00"),
        "extra_fields": [
            ("multiline", True, {"pl": "Dlaczego chcesz dołączyć do zespołu?", "uk": "Чому ви хочете долучитися до команди?", "en": "Why would you like to join the team?", "ru": "Почему вы хотите присоединиться к команде?"}, None),
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
        "en": {
            "title": "Regional Migrant Team",
            "slug": "regional-migrant-team",
            "city": "Bydgoszcz",
            "summary": "Eight to twelve people with experience of migration give their opinion on the draft regional strategy and on recommendations to public institutions.",
            "image_alt_text": "Illustration: a row of figures in navy blue and orange on a light background.",
            "schedule": "Once a month, on a Saturday; some meetings online",
            "meeting_place": "Bydgoszcz and online",
            "body": [("text", "<p>The team was set up so that public policy in the region is made together with migrants, not only about them. Its members have been trained in advocacy, read draft documents in their own language and make comments, which we then pass on to the institutions.</p>")],
            "contact_name": "Team coordinator",
            "form_intro": "<p>We are looking for people who live in the Kujawsko-Pomorskie region and want a say in how its institutions work.</p>",
            "gallery_alt": [],
        },
        "ru": {
            "title": "Региональная команда мигрантов",
            "slug": "regionalnaya-komanda-migrantov",
            "city": "Быдгощ",
            "summary": "От 8 до 12 человек с опытом миграции дают заключения по проекту стратегии воеводства и рекомендациям для публичных учреждений.",
            "image_alt_text": "Иллюстрация: ряд фигур в тёмно-синих и оранжевых тонах на светлом фоне.",
            "schedule": "Раз в месяц, в субботу; часть встреч онлайн",
            "meeting_place": "Быдгощ и онлайн",
            "body": [("text", "<p>Команда создана для того, чтобы публичную политику в регионе создавали вместе с мигрантами, а не только о них. Участницы и участники команды прошли обучение по адвокации, читают проекты документов на своём языке и подают замечания, которые мы потом передаём учреждениям.</p>")],
            "contact_name": "Координатор команды",
            "form_intro": "<p>Мы ищем людей, которые живут в Куявско-Поморском воеводстве и хотят влиять на то, как работают учреждения.</p>",
            "gallery_alt": [],
        },
    },
    {
        "key": "assistants",
        "languages": ["pl", "uk", "ru", "be", "ar", "en", "ka"],
        "image": ("Sieć asystentów kulturowych", ["#f3ecdc", "#005a70", "#c45f2b", "#4b2e83"], 91),
        "gallery": [],
        "meetings": None,
        "extra_fields": [
            ("multiline", True, {"pl": "Jakimi językami mówisz?", "uk": "Якими мовами ви володієте?"}, None),
        ],
        "lists_cultural_assistants": True,
        "pl": {
            "title": "Sieć asystentów kulturowych",
            "slug": "asystenci-kulturowi",
            "city": "Toruń",
            "summary": "Asystentki i asystenci kulturowi pomagają piętnastu instytucjom (urzędom, szkołom i przychodniom) w obsłudze cudzoziemców — i cudzoziemcom w kontakcie z instytucjami.",
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
            "summary": "Культурні асистентки й асистенти допомагають п’ятнадцяти установам (урядам, школам і поліклінікам) обслуговувати іноземців — а іноземцям спілкуватися з установами.",
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

# Cities in each language the assistants are translated into.
CITIES = {
    "Bydgoszcz": {"uk": "Бидгощ", "en": "Bydgoszcz", "ru": "Быдгощ"},
    "Toruń": {"uk": "Торунь", "en": "Toruń", "ru": "Торунь"},
    "Włocławek": {"uk": "Влоцлавек", "en": "Włocławek", "ru": "Влоцлавек"},
    "Inowrocław": {"uk": "Іновроцлав", "en": "Inowrocław", "ru": "Иновроцлав"},
    "Grudziądz": {"uk": "Грудзьондз", "en": "Grudziądz", "ru": "Грудзёндз"},
    "Lublin": {"uk": "Люблін", "en": "Lublin", "ru": "Люблин"},
}

# The fifteen cultural assistants: names as each shows them (Latin letters in
# Polish and English, Cyrillic in Ukrainian and Russian) and the keys of the
# institutions they work with (consultations/demo.py INSTITUTIONS).
ASSISTANTS = [
    {"email": "olena@example.org", "languages": ["uk", "ru", "pl"], "city": "Bydgoszcz", "names": ("Olena", "Олена"), "institutions": ["voivode", "bydgoszcz_city"]},
    {"email": "maryna@example.org", "languages": ["uk", "pl"], "city": "Toruń", "names": ("Maryna", "Марина"), "institutions": ["school", "schools"]},
    {"email": "aliaksandra@example.org", "languages": ["be", "ru", "pl", "en"], "city": "Bydgoszcz", "names": ("Aliaksandra", "Аляксандра"), "institutions": ["district_labour", "labour"]},
    {"email": "rami@example.org", "languages": ["ar", "en", "pl"], "city": "Bydgoszcz", "names": ("Rami", "Рамі", "Рами"), "institutions": ["hospital"]},
    {"email": "nino@example.org", "languages": ["ka", "ru", "pl"], "city": "Włocławek", "names": ("Nino", "Ніно", "Нино"), "institutions": ["welfare_wloclawek"]},
    {"email": "tetiana@example.org", "languages": ["uk", "ru", "pl"], "city": "Inowrocław", "names": ("Tetiana", "Тетяна", "Татьяна"), "institutions": ["welfare_inowroclaw", "social"]},
    {"email": "iryna@example.org", "languages": ["uk", "pl", "en"], "city": "Toruń", "names": ("Iryna", "Ірина", "Ирина"), "institutions": ["torun_city", "marshal"]},
    {"email": "hanna@example.org", "languages": ["uk", "ru", "pl"], "city": "Bydgoszcz", "names": ("Hanna", "Ганна", "Анна"), "institutions": ["police", "voivode"]},
    {"email": "kateryna@example.org", "languages": ["uk", "pl"], "city": "Toruń", "names": ("Kateryna", "Катерина"), "institutions": ["library", "school"]},
    {"email": "sviatlana@example.org", "languages": ["be", "ru", "pl"], "city": "Grudziądz", "names": ("Sviatlana", "Святлана", "Светлана"), "institutions": ["labour"]},
    {"email": "oksana@example.org", "languages": ["uk", "pl", "de"], "city": "Bydgoszcz", "names": ("Oksana", "Оксана"), "institutions": ["bydgoszcz_city", "district_labour"]},
    {"email": "ahmad@example.org", "languages": ["fa", "en", "pl"], "city": "Toruń", "names": ("Ahmad", "Ахмад"), "institutions": ["torun_city", "hospital"]},
    {"email": "daria@example.org", "languages": ["ru", "uk", "pl"], "city": "Włocławek", "names": ("Daria", "Дарія", "Дарья"), "institutions": ["welfare_wloclawek", "social"]},
    {"email": "yuliia@example.org", "languages": ["uk", "en", "pl"], "city": "Toruń", "names": ("Yuliia", "Юлія", "Юлия"), "institutions": ["marshal", "library"]},
    {"email": "lesia@example.org", "languages": ["uk", "pl"], "city": "Lublin", "names": ("Lesia", "Леся"), "institutions": ["lublin"]},
]  # fmt: skip

# What the assistants' "institutions" said as free text before they linked to
# institutions: the upgrade (clubs migration 0004) made an institution of each
# line, which the demo's own institutions replace.
OLD_FREE_TEXT_INSTITUTIONS = [
    "Urząd Wojewódzki — wydział spraw cudzoziemców",
    "Miejski Ośrodek Pomocy Społecznej",
    "Szkoły podstawowe w Toruniu",
    "Poradnia psychologiczno-pedagogiczna",
    "Powiatowy urząd pracy",
    "Biblioteka miejska",
    "Szpital wojewódzki — izba przyjęć",
    "Przychodnia rodzinna",
    "Urząd miasta — biuro obsługi mieszkańców",
    "Ośrodek pomocy społecznej",
    "Liceum ogólnokształcące",
]


def _form_fields(club):
    """The Polish join form."""
    return [
        ClubFormField(
            field_type=field_type,
            required=required,
            label=label["pl"],
            choices=choices["pl"] if choices else "",
        )
        for field_type, required, label, choices in (
            CONTACT_FIELDS + club["extra_fields"]
        )
    ]


def _content(club, language):
    """The club's demo text in ``language``, with its join form's labels."""
    return {
        **club[language],
        "form_fields": [
            (label[language], choices[language] if choices else None)
            for _type, _required, label, choices in (
                CONTACT_FIELDS + club["extra_fields"]
            )
        ],
    }


def _meetings(club, place=""):
    """The next meetings, on the weekday the club's schedule names."""
    if club["meetings"] is None:
        return []
    weekday, interval, count, start, end = club["meetings"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    first = tomorrow + datetime.timedelta(days=(weekday - tomorrow.weekday()) % 7)
    return [
        ClubMeeting(
            date=first + datetime.timedelta(days=interval * number),
            start_time=datetime.time.fromisoformat(start),
            end_time=datetime.time.fromisoformat(end),
            place=place,
        )
        for number in range(count)
    ]


def seed_clubs(homes, institutions, log):
    """The club index, four clubs and networks, and the cultural assistants."""
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    index, _ = add_page(homes["pl"], ClubIndexPage(**CLUB_INDEX["pl"]))
    for language in ["uk", "en", "ru"]:
        translate_demo(
            index, homes[language].locale, CLUB_INDEX["pl"], CLUB_INDEX[language]
        )
    pages, created = {}, 0
    for club in CLUBS:
        pl = club["pl"]
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
        for language in ["uk", "en", "ru"]:
            if language in club:
                translate_demo(
                    page,
                    homes[language].locale,
                    _content(club, "pl"),
                    _content(club, language),
                )
        pages[club["key"]] = page
    log(f"clubs and networks: {created} created, {len(CLUBS) - created} already there")
    seed_assistants(languages, institutions, log)
    return index, pages


def seed_assistants(languages, institutions, log):
    """The fifteen assistants in Polish, each linked to the institutions they work
    with, and translated into Ukrainian, English and Russian (the translations
    show the original's links)."""
    default = Locale.get_default()
    created = 0
    for assistant in ASSISTANTS:
        names = assistant["names"]
        source = CulturalAssistant.objects.filter(
            email=assistant["email"], locale=default
        ).first()
        if source is None:
            source = CulturalAssistant(
                locale=default,
                email=assistant["email"],
                display_name=names[0],
                city=assistant["city"],
            )
            source.save()
            source.languages.set([languages[code] for code in assistant["languages"]])
            created += 1
        linked = [institutions[key] for key in assistant["institutions"]]
        if set(source.institutions.all()) != set(linked):
            source.institutions.set(linked)
            source.save()
        for language in ["uk", "en", "ru"]:
            display_name = {
                "uk": names[1],
                "en": names[0],
                "ru": names[2] if len(names) > 2 else names[1],
            }[language]
            translation, _ = translate_snippet(
                source,
                Locale.objects.get(language_code=language),
                display_name=display_name,
                city=CITIES[assistant["city"]][language],
            )
            if set(translation.institutions.all()) != set(linked):
                translation.institutions.set(linked)
                translation.save()
    _drop_old_free_text_institutions()
    log(
        f"cultural assistants: {created} created, {len(ASSISTANTS) - created} already there"
    )


def _drop_old_free_text_institutions():
    """After an upgrade from the free-text demo: the institutions made of its
    lines, once nothing links to them any more."""
    Institution.objects.filter(
        name__in=OLD_FREE_TEXT_INSTITUTIONS,
        cultural_assistants=None,
    ).exclude(
        translation_key__in=TrackerEntry.objects.exclude(institution=None).values(
            "institution__translation_key"
        )
    ).exclude(
        translation_key__in=PageRecommendation.objects.exclude(institution=None).values(
            "institution__translation_key"
        )
    ).delete()
