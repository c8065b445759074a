"""Demo consultations: the draft regional strategy (open, team only) and the
recommendations of the Lublin monitoring (closed, public), in Polish with a
Ukrainian translation, with stances, comments and replies of demo members; and a
chapter of the strategy imported from its .docx as an unpublished draft."""

from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.utils import timezone
from wagtail.models import Locale

from consultations import draft_import, services
from consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    ImplementationUpdate,
    Institution,
    InstitutionIndexPage,
    MemberProfile,
    PagePoll,
    PageRecommendation,
    PolicyArea,
    PollAnswer,
    PollQuestion,
    RecommendationResponse,
    RecommendationVersion,
    Stance,
    TrackerEntry,
    TrackerPage,
)
from consultations.models.participation import StanceChoice
from consultations.models.records import ResponseOutcome, Visibility
from consultations.models.tracker import ImplementationStatus
from home.models import HomePage
from portal.demo import KUJAWSKO_POMORSKIE_TEAM, LUBLIN_GROUP, demo_strings
from portal.localize import translate

INDEX = {
    "pl": (
        "Konsultacje",
        "konsultacje",
        "<p>Tu Regionalny Zespół Migrantów opiniuje projekty dokumentów i rekomendacje dla instytucji publicznych.</p>",
    ),
    "uk": (
        "Консультації",
        "konsultatsii",
        "<p>Тут Регіональна команда мігрантів висловлює думку щодо проєктів документів і рекомендацій для публічних установ.</p>",
    ),
    "en": (
        "Consultations",
        "consultations",
        "<p>Here the Regional Migrant Team gives its opinion on draft documents and on recommendations to public institutions.</p>",
    ),
    "ru": (
        "Консультации",
        "konsultatsii",
        "<p>Здесь Региональная команда мигрантов высказывает мнение о проектах документов и рекомендациях для публичных учреждений.</p>",
    ),
}

INSTITUTIONS = {
    "marshal": (
        "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego",
        "Маршалківський уряд Куявсько-Поморського воєводства",
        "Toruń",
    ),
    "voivode": (
        "Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy",
        "Куявсько-Поморський воєводський уряд у Бидгощі",
        "Bydgoszcz",
    ),
    "labour": (
        "Wojewódzki Urząd Pracy w Toruniu",
        "Воєводське управління праці в Торуні",
        "Toruń",
    ),
    "social": (
        "Regionalny Ośrodek Polityki Społecznej w Toruniu",
        "Регіональний центр соціальної політики в Торуні",
        "Toruń",
    ),
    "schools": (
        "Kuratorium Oświaty w Bydgoszczy",
        "Кураторія освіти в Бидгощі",
        "Bydgoszcz",
    ),
    "lublin": ("Urząd Miasta Lublin", "Міська рада Любліна", "Lublin"),
    # The institutions the cultural assistants work with (with the ones above).
    "torun_city": ("Urząd Miasta Torunia", "Міська рада Торуня", "Toruń"),
    "bydgoszcz_city": ("Urząd Miasta Bydgoszczy", "Міська рада Бидгоща", "Bydgoszcz"),
    "district_labour": (
        "Powiatowy Urząd Pracy w Bydgoszczy",
        "Повітовий центр зайнятості в Бидгощі",
        "Bydgoszcz",
    ),
    "school": (
        "Szkoła podstawowa z oddziałem przygotowawczym w Toruniu",
        "Початкова школа з підготовчим класом у Торуні",
        "Toruń",
    ),
    "hospital": (
        "Szpital Wojewódzki w Bydgoszczy",
        "Воєводська лікарня в Бидгощі",
        "Bydgoszcz",
    ),
    "police": (
        "Komenda Miejska Policji w Bydgoszczy",
        "Міське управління поліції в Бидгощі",
        "Bydgoszcz",
    ),
    "welfare_wloclawek": (
        "Miejski Ośrodek Pomocy Społecznej we Włocławku",
        "Міський центр соціальної допомоги у Влоцлавеку",
        "Włocławek",
    ),
    "welfare_inowroclaw": (
        "Ośrodek Pomocy Społecznej w Inowrocławiu",
        "Центр соціальної допомоги в Іновроцлаві",
        "Inowrocław",
    ),
    "library": (
        "Miejska Biblioteka Publiczna w Toruniu",
        "Міська публічна бібліотека в Торуні",
        "Toruń",
    ),
}

# What the cultural assistants' institutions in Kujawsko-Pomorskie were asked to
# change, and how far they got: (title, area, institution, [(days ago, status,
# note)]). Seeded with the institutions, so an upgraded demo gets them too.
PARTNER_SOURCE = "Rekomendacje Międzysektorowego Zespołu ds. Migracji i Integracji"
PARTNER_TRACKED = [
    (
        "Tłumacz dyżurny na izbie przyjęć",
        "Ochrona zdrowia",
        "hospital",
        [
            (
                70,
                ImplementationStatus.IN_PROGRESS,
                "Dyżury asystentki kulturowej w piątki.",
            )
        ],
    ),
    (
        "Ulotka o prawach osoby zatrzymanej w czterech językach",
        "Przemoc domowa",
        "police",
        [(45, ImplementationStatus.IMPLEMENTED, "Ulotka jest na każdym komisariacie.")],
    ),
    (
        "Doradca zawodowy mówiący po ukraińsku",
        "Praca",
        "district_labour",
        [(30, ImplementationStatus.NOT_STARTED, "")],
    ),
    (
        "Wnioski o świadczenia z tłumaczeniem na ukraiński i rosyjski",
        "Pomoc społeczna",
        "welfare_wloclawek",
        [(25, ImplementationStatus.IN_PROGRESS, "Pierwsze trzy formularze gotowe.")],
    ),
]

INSTITUTION_PAGE = {
    "pl": (
        "Instytucje partnerskie",
        "instytucje",
        "Urzędy, szkoły, szpitale i ośrodki, z którymi pracują asystentki i asystenci kulturowi, oraz rekomendacje do nich skierowane.",
    ),
    "uk": (
        "Установи-партнери",
        "ustanovy",
        "Управління, школи, лікарні та центри, з якими працюють культурні асистентки й асистенти, і рекомендації, адресовані їм.",
    ),
    "en": (
        "Partner institutions",
        "institutions",
        "Offices, schools, hospitals and centres that cultural assistants work with, and the recommendations addressed to them.",
    ),
    "ru": (
        "Учреждения-партнёры",
        "uchrezhdeniya",
        "Управления, школы, больницы и центры, с которыми работают культурные ассистентки и ассистенты, и адресованные им рекомендации.",
    ),
}

STRATEGY = {
    "title": (
        "Projekt strategii województwa: integracja cudzoziemców",
        "Проєкт стратегії воєводства: інтеграція іноземців",
    ),
    "slug": ("projekt-strategii-wojewodztwa", "proiekt-stratehii-voievodstva"),
    "intro": (
        "Samorząd województwa kujawsko-pomorskiego przygotowuje strategię rozwoju. Poniżej są rekomendacje do części o integracji cudzoziemców. Prosimy o stanowisko w sprawie każdej z nich i o uwagi.",
        "Самоврядування Куявсько-Поморського воєводства готує стратегію розвитку. Нижче — рекомендації до розділу про інтеграцію іноземців. Просимо висловити позицію щодо кожної з них і залишити коментарі.",
    ),
    "recommendations": [
        (
            "Ochrona zdrowia",
            "marshal",
            "Tłumaczenie w szpitalach wojewódzkich",
            "Переклад у воєводських лікарнях",
            "Szpitale i przychodnie prowadzone przez województwo powinny zapewnić tłumaczenie, także zdalne, na język ukraiński, rosyjski i arabski.\n\nInformacje o prawach pacjenta i o tym, jak korzystać z ubezpieczenia zdrowotnego, powinny być dostępne w tych językach.",
            "Лікарні та поліклініки, якими керує воєводство, мають забезпечити переклад, зокрема дистанційний, українською, російською та арабською мовами.\n\nІнформація про права пацієнта та про те, як користуватися медичним страхуванням, має бути доступна цими мовами.",
        ),
        (
            "Ochrona zdrowia",
            "social",
            "Wsparcie psychologiczne dla osób z doświadczeniem uchodźczym",
            "Психологічна підтримка для людей з досвідом біженства",
            "Strategia powinna przewidzieć finansowanie wsparcia psychologicznego w językach migrantów, zwłaszcza dla kobiet i dzieci, które przeżyły wojnę.",
            "Стратегія має передбачити фінансування психологічної підтримки мовами мігрантів, особливо для жінок і дітей, які пережили війну.",
        ),
        (
            "Edukacja",
            "schools",
            "Asystenci kulturowi w szkołach",
            "Культурні асистенти в школах",
            "W szkołach, do których chodzą dzieci cudzoziemskie, powinni pracować asystenci kulturowi. Województwo powinno współfinansować ich szkolenie.",
            "У школах, які відвідують діти-іноземці, мають працювати культурні асистенти. Воєводство має співфінансувати їхнє навчання.",
        ),
        (
            "Edukacja",
            "marshal",
            "Bezpłatne kursy języka polskiego dla dorosłych",
            "Безкоштовні курси польської мови для дорослих",
            "W każdym powiecie powinny działać bezpłatne kursy języka polskiego na różnych poziomach, także wieczorowe i z opieką nad dziećmi.",
            "У кожному повіті мають діяти безкоштовні курси польської мови різних рівнів, зокрема вечірні та з доглядом за дітьми.",
        ),
        (
            "Praca",
            "labour",
            "Uznawanie kwalifikacji zawodowych",
            "Визнання професійної кваліфікації",
            "Wojewódzki Urząd Pracy powinien prowadzić punkt informacji o nostryfikacji dyplomów i uznawaniu kwalifikacji, z doradcą mówiącym po ukraińsku.",
            "Воєводське управління праці має відкрити пункт інформації про нострифікацію дипломів і визнання кваліфікації з консультантом, який говорить українською.",
        ),
        (
            "Praca",
            "labour",
            "Informacja o prawach pracowniczych",
            "Інформація про трудові права",
            "Potrzebna jest kampania informacyjna o prawach pracowniczych i o tym, gdzie zgłaszać nadużycia, prowadzona razem z Państwową Inspekcją Pracy.",
            "Потрібна інформаційна кампанія про трудові права та про те, куди повідомляти про порушення, разом із Державною інспекцією праці.",
        ),
        (
            "Pobyt i legalizacja",
            "voivode",
            "Krótszy czas oczekiwania na decyzje pobytowe",
            "Коротший час очікування на рішення щодо перебування",
            "Urząd Wojewódzki powinien publikować aktualny czas oczekiwania na decyzje i pozwolić umawiać wizyty przez internet w kilku językach.",
            "Воєводський уряд має публікувати актуальний час очікування на рішення та дозволити записуватися на прийом онлайн кількома мовами.",
        ),
        (
            "Pobyt i legalizacja",
            "voivode",
            "Informacja o procedurach pobytowych w kilku językach",
            "Інформація про процедури перебування кількома мовами",
            "Strona internetowa i infolinia Urzędu Wojewódzkiego powinny działać po ukraińsku, rosyjsku i angielsku, z listą wymaganych dokumentów dla każdej procedury.",
            "Вебсайт і гаряча лінія Воєводського уряду мають працювати українською, російською та англійською мовами, зі списком потрібних документів для кожної процедури.",
        ),
    ],
    "polls": [
        (
            "Które trzy obszary są najpilniejsze?",
            "Які три сфери найнагальніші?",
            True,
            3,
            [
                ("Ochrona zdrowia", "Охорона здоров’я"),
                ("Edukacja", "Освіта"),
                ("Praca", "Робота"),
                ("Mieszkalnictwo", "Житло"),
                ("Pobyt i legalizacja", "Перебування та легалізація"),
                ("Nauka języka polskiego", "Вивчення польської мови"),
            ],
        ),
        (
            "Czy następne spotkanie zespołu ma się odbyć online?",
            "Чи проводити наступну зустріч команди онлайн?",
            False,
            None,
            [
                ("Tak, online", "Так, онлайн"),
                ("Nie, na miejscu w Toruniu", "Ні, очно в Торуні"),
                ("Wszystko mi jedno", "Мені все одно"),
            ],
        ),
    ],
    # English and Russian, in the order of the Polish above.
    "translations": {
        "en": {
            "title": "Draft regional strategy: integration of foreigners",
            "slug": "draft-regional-strategy",
            "intro": "The Kujawsko-Pomorskie regional government is preparing its development strategy. Below are our recommendations for its chapter on the integration of foreigners. Please give your stance on each of them, and your comments.",
            "recommendations": [
                ("Interpreting in regional hospitals", "Hospitals and clinics run by the region should provide interpreting, remote interpreting included, into Ukrainian, Russian and Arabic.\n\nInformation on patients’ rights and on how to use health insurance should be available in these languages."),
                ("Psychological support for people who have been refugees", "The strategy should fund psychological support in migrants’ own languages, above all for women and children who have lived through war."),
                ("Cultural assistants in schools", "Schools attended by children from abroad should employ cultural assistants. The region should co-fund their training."),
                ("Free Polish courses for adults", "Every district should offer free Polish courses at different levels, including evening courses and courses with childcare."),
                ("Recognition of professional qualifications", "The Regional Labour Office should run an information point on the recognition of diplomas and qualifications, with an adviser who speaks Ukrainian."),
                ("Information on workers’ rights", "We need an information campaign on workers’ rights and on where to report abuse, run together with the National Labour Inspectorate."),
                ("Shorter waiting times for residence decisions", "The Voivode’s Office should publish current waiting times for decisions and let people book appointments online in several languages."),
                ("Information on residence procedures in several languages", "The Voivode’s Office website and helpline should work in Ukrainian, Russian and English, with a list of the documents each procedure requires."),
            ],
            "polls": [
                ("Which three areas are the most urgent?", ["Health care", "Education", "Work", "Housing", "Residence and legalisation", "Learning Polish"]),
                ("Should the team’s next meeting be held online?", ["Yes, online", "No, in person in Toruń", "I don’t mind"]),
            ],
        },
        "ru": {
            "title": "Проект стратегии воеводства: интеграция иностранцев",
            "slug": "proekt-strategii-voevodstva",
            "intro": "Самоуправление Куявско-Поморского воеводства готовит стратегию развития. Ниже — наши рекомендации к разделу об интеграции иностранцев. Просим высказать позицию по каждой из них и оставить комментарии.",
            "recommendations": [
                ("Перевод в воеводских больницах", "Больницы и поликлиники, которыми управляет воеводство, должны обеспечить перевод, в том числе дистанционный, на украинский, русский и арабский языки.\n\nИнформация о правах пациента и о том, как пользоваться медицинской страховкой, должна быть доступна на этих языках."),
                ("Психологическая помощь людям, пережившим беженство", "Стратегия должна предусмотреть финансирование психологической помощи на языках мигрантов, прежде всего для женщин и детей, переживших войну."),
                ("Культурные ассистенты в школах", "В школах, где учатся дети-иностранцы, должны работать культурные ассистенты. Воеводство должно софинансировать их обучение."),
                ("Бесплатные курсы польского языка для взрослых", "В каждом повяте должны работать бесплатные курсы польского языка разных уровней, в том числе вечерние и с присмотром за детьми."),
                ("Признание профессиональной квалификации", "Воеводское управление труда должно открыть информационный пункт о нострификации дипломов и признании квалификации, с консультантом, говорящим по-украински."),
                ("Информация о трудовых правах", "Нужна информационная кампания о трудовых правах и о том, куда сообщать о нарушениях, вместе с Государственной инспекцией труда."),
                ("Более короткое ожидание решений о пребывании", "Воеводское управление должно публиковать актуальные сроки ожидания решений и дать возможность записываться на приём онлайн на нескольких языках."),
                ("Информация о процедурах пребывания на нескольких языках", "Сайт и горячая линия Воеводского управления должны работать на украинском, русском и английском языках, со списком документов, нужных для каждой процедуры."),
            ],
            "polls": [
                ("Какие три сферы самые неотложные?", ["Здравоохранение", "Образование", "Работа", "Жильё", "Пребывание и легализация", "Изучение польского языка"]),
                ("Провести следующую встречу команды онлайн?", ["Да, онлайн", "Нет, очно в Торуни", "Мне всё равно"]),
            ],
        },
    },
}  # fmt: skip

MONITORING = {
    "title": (
        "Rekomendacje z monitoringu systemu integracji w Lublinie",
        "Рекомендації моніторингу системи інтеграції в Любліні",
    ),
    "slug": ("rekomendacje-monitoringu-lublin", "rekomendatsii-monitorynhu-liublin"),
    "intro": (
        "Monitoring objął 14 obszarów lokalnego systemu integracji. Zespół konsultacyjny zaopiniował rekomendacje dla instytucji miejskich.",
        "Моніторинг охопив 14 сфер місцевої системи інтеграції. Консультаційна група висловила думку щодо рекомендацій для міських установ.",
    ),
    "recommendations": [
        (
            "Informacja i komunikacja",
            "lublin",
            "Osoby kontaktowe ds. cudzoziemców w urzędach",
            "Контактні особи для іноземців в установах",
            "Każdy wydział obsługujący mieszkańców powinien wyznaczyć osobę kontaktową dla cudzoziemców.",
            "Кожен відділ, що обслуговує мешканців, має призначити контактну особу для іноземців.",
        ),
        (
            "Informacja i komunikacja",
            "lublin",
            "Tłumaczenie formularzy i informacji",
            "Переклад форм та інформації",
            "Najczęściej używane formularze i informacje na stronie miasta powinny być dostępne po ukraińsku i po angielsku.",
            "Найуживаніші форми та інформація на сайті міста мають бути доступні українською та англійською мовами.",
        ),
        (
            "Przemoc domowa",
            "lublin",
            "Wsparcie dla cudzoziemek doświadczających przemocy",
            "Підтримка для іноземок, які зазнають насильства",
            "Ośrodek interwencji kryzysowej powinien zapewnić tłumacza i informację o prawach w językach cudzoziemek.",
            "Центр кризового втручання має забезпечити перекладача та інформацію про права мовами іноземок.",
        ),
        (
            "Edukacja",
            "lublin",
            "Zajęcia wyrównawcze z języka polskiego dla dzieci",
            "Додаткові заняття з польської мови для дітей",
            "Szkoły miejskie powinny prowadzić dodatkowe zajęcia z języka polskiego dla uczniów, którzy dopiero uczą się języka.",
            "Міські школи мають проводити додаткові заняття з польської мови для учнів, які лише вивчають мову.",
        ),
        (
            "Usługi publiczne i administracja",
            "lublin",
            "Prostszy kontakt z urzędem",
            "Простіший контакт з установою",
            "Urząd powinien umożliwić umawianie wizyt przez internet i przyjmowanie pism w prostym języku.",
            "Установа має дозволити записуватися на прийом онлайн і приймати листи, написані простою мовою.",
        ),
    ],
    "polls": [],
    "translations": {
        "en": {
            "title": "Recommendations from the monitoring of the integration system in Lublin",
            "slug": "lublin-monitoring-recommendations",
            "intro": "The monitoring covered 14 areas of the local integration system. The consultation group gave its opinion on the recommendations to the city’s institutions.",
            "recommendations": [
                ("Contact persons for foreigners in city offices", "Every department that serves residents should appoint a contact person for foreigners."),
                ("Translated forms and information", "The most frequently used forms and the information on the city’s website should be available in Ukrainian and English."),
                ("Support for foreign women who experience violence", "The crisis intervention centre should provide an interpreter and information on women’s rights in their own languages."),
                ("Extra Polish lessons for children", "City schools should offer extra Polish lessons to pupils who are still learning the language."),
                ("Easier contact with the city office", "The city office should let people book appointments online and accept letters written in plain language."),
            ],
            "polls": [],
        },
        "ru": {
            "title": "Рекомендации мониторинга системы интеграции в Люблине",
            "slug": "rekomendatsii-monitoringa-lyublin",
            "intro": "Мониторинг охватил 14 сфер местной системы интеграции. Консультационная группа высказала мнение о рекомендациях для городских учреждений.",
            "recommendations": [
                ("Контактные лица для иностранцев в учреждениях", "Каждый отдел, обслуживающий жителей, должен назначить контактное лицо для иностранцев."),
                ("Перевод бланков и информации", "Самые востребованные бланки и информация на сайте города должны быть доступны на украинском и английском языках."),
                ("Помощь иностранкам, пострадавшим от насилия", "Центр кризисного вмешательства должен обеспечить переводчика и информацию о правах на языках иностранок."),
                ("Дополнительные занятия по польскому языку для детей", "Городские школы должны проводить дополнительные занятия по польскому языку для учеников, которые только учат язык."),
                ("Более простой контакт с учреждением", "Учреждение должно дать возможность записываться на приём онлайн и принимать письма, написанные простым языком."),
            ],
            "polls": [],
        },
    },
}  # fmt: skip

DISPLAY_NAMES = [
    "Kalyna",
    "Irys",
    "Wiosna",
    "Oksana T.",
    "Mewa",
    "Rami",
    "Dnipro",
    "Lipa",
]

# (member number, recommendation number, choice, reason)
STRATEGY_STANCES = [
    (1, 1, StanceChoice.SUPPORT, "Bez tłumacza nie da się opisać lekarzowi objawów."),
    (
        2,
        1,
        StanceChoice.SUPPORT_WITH_CHANGES,
        "Dodać język białoruski i tłumaczenie na migowy.",
    ),
    (3, 1, StanceChoice.SUPPORT, ""),
    (4, 1, StanceChoice.SUPPORT, ""),
    (5, 1, StanceChoice.ABSTAIN, ""),
    (1, 2, StanceChoice.SUPPORT, ""),
    (6, 2, StanceChoice.SUPPORT, "Dzieci po wojnie potrzebują tego najbardziej."),
    (2, 3, StanceChoice.SUPPORT, ""),
    (
        3,
        3,
        StanceChoice.SUPPORT_WITH_CHANGES,
        "Asystent także w przedszkolach, nie tylko w szkołach.",
    ),
    (7, 4, StanceChoice.SUPPORT, ""),
    (8, 4, StanceChoice.OPPOSE, "Kursy powinna prowadzić gmina, nie województwo."),
    (4, 5, StanceChoice.SUPPORT, ""),
    (5, 7, StanceChoice.SUPPORT, "Czekałam na kartę pobytu czternaście miesięcy."),
    (6, 7, StanceChoice.SUPPORT, ""),
]

# (member number or None for the organisation, recommendation number or None,
#  reply to the n-th comment of this list or None, language, text)
STRATEGY_COMMENTS = [
    (
        2,
        1,
        None,
        "uk",
        "У Бидгощі в лікарні мені допомогла тільки донька, яка трохи знає польську. Переклад дуже потрібен.",
    ),
    (
        1,
        1,
        0,
        "pl",
        "U mnie było tak samo. Dobrze by było, żeby tłumaczenie zdalne działało też w nocy.",
    ),
    (
        None,
        1,
        0,
        "pl",
        "Dziękujemy. Przekażemy tę uwagę Urzędowi Marszałkowskiemu razem z opinią zespołu.",
    ),
    (6, 2, None, "ar", "الدعم النفسي بلغتنا مهم جدا للأطفال."),
    (
        3,
        3,
        None,
        "ru",
        "Асистент нужен и в детских садах: там дети совсем не понимают воспитателей.",
    ),
    (
        7,
        None,
        None,
        "uk",
        "Дякую за переклад рекомендацій українською — так легше читати весь документ.",
    ),
    (
        4,
        None,
        5,
        "pl",
        "Zgadzam się. Może warto też przetłumaczyć całą strategię, nie tylko ten rozdział?",
    ),
]

MONITORING_STANCES = [
    (1, 1, StanceChoice.SUPPORT, ""),
    (2, 1, StanceChoice.SUPPORT, ""),
    (
        3,
        2,
        StanceChoice.SUPPORT_WITH_CHANGES,
        "Także formularze w wydziale komunikacji.",
    ),
    (4, 3, StanceChoice.SUPPORT, ""),
    (5, 4, StanceChoice.SUPPORT, ""),
    (
        6,
        5,
        StanceChoice.OPPOSE,
        "Umawianie tylko przez internet wyklucza osoby starsze.",
    ),
]

MONITORING_COMMENTS = [
    (
        5,
        3,
        None,
        "pl",
        "W ośrodku nikt nie mówił po ukraińsku. To trzeba zmienić jak najszybciej.",
    ),
    (
        None,
        3,
        0,
        "pl",
        "Dziękujemy. Przekażemy tę uwagę miastu razem z opinią zespołu i zapytamy o tłumacza dyżurnego.",
    ),
]


def seed_consultations(log):
    pl = Locale.objects.get(language_code="pl")
    home = HomePage.objects.get(locale=pl, depth=2)
    existing = ConsultationIndexPage.objects.filter(locale=pl).first()
    if existing:
        log("consultations: already there")
        return existing, TrackerPage.objects.filter(locale=pl).first()

    title, slug, intro = INDEX["pl"]
    index = home.add_child(
        instance=ConsultationIndexPage(
            title=title, slug=slug, intro=intro, show_in_menus=True
        )
    )
    index.save_revision().publish()
    for language, (title, slug, intro) in INDEX.items():
        if language != "pl":
            source_title, source_slug, source_intro = INDEX["pl"]
            translate(
                index,
                Locale.objects.get(language_code=language),
                {
                    source_title: title,
                    source_slug: slug,
                    _inner(source_intro): _inner(intro),
                },
            )

    institutions = _seed_institutions(pl)
    members = _members()
    now = timezone.now()
    strategy = add_consultation(
        index,
        STRATEGY,
        institutions,
        now - timedelta(days=10),
        now + timedelta(days=20),
        Visibility.TEAM,
        group=Group.objects.get(name=KUJAWSKO_POMORSKIE_TEAM),
    )
    monitoring = add_consultation(
        index,
        MONITORING,
        institutions,
        now - timedelta(days=90),
        now - timedelta(days=60),
        Visibility.PUBLIC,
        results_published=True,
        group=Group.objects.get(name=LUBLIN_GROUP),
    )
    _participate(strategy, members, STRATEGY_STANCES, STRATEGY_COMMENTS)
    _participate(monitoring, members, MONITORING_STANCES, MONITORING_COMMENTS)
    _answer_polls(strategy, members)
    _translate_comments(strategy, members[None])
    for consultation in [strategy, monitoring]:
        _date_within_open_period(consultation)
    _respond(monitoring, now)
    _track(monitoring, institutions, now)
    tracker = _tracker_page(home)
    log(
        "consultations: 2 created (open and closed), "
        "translated into Ukrainian, English and Russian"
    )
    log("outcomes: responses, tracker entries and the tracker page")
    return index, tracker


IMPORTED = {
    "title": "Strategia województwa, rozdział 4: integracja cudzoziemców",
    "slug": "strategia-rozdzial-4",
    "intro": "<p>Rekomendacje zaimportowane z dokumentu zespołu roboczego.</p>",
    "document": Path(draft_import.__file__).parent
    / "demo_files"
    / "strategia-rozdzial-4.docx",
}


def seed_imported_draft(index, log):
    """The sample chapter (.docx) imported into a new consultation that is not
    published: what an editor sees after an import, to check and publish. It has
    no translation yet (one is made once it is published)."""
    if ConsultationPage.objects.filter(slug=IMPORTED["slug"]).exists():
        return
    now = timezone.now()
    page = ConsultationPage(
        title=IMPORTED["title"],
        slug=IMPORTED["slug"],
        intro=IMPORTED["intro"],
        opens_at=now + timedelta(days=30),
        closes_at=now + timedelta(days=60),
        visibility=Visibility.TEAM,
        participant_group=Group.objects.get(name=KUJAWSKO_POMORSKIE_TEAM),
        live=False,
    )
    index.add_child(instance=page)
    with IMPORTED["document"].open("rb") as document:
        draft = draft_import.read_draft(page, upload=File(document))
    editor = get_user_model().objects.filter(username="editor").first()
    draft_import.save_import(page, draft, editor, page.latest_revision_id)
    log(
        f"consultations: a draft imported from {IMPORTED['document'].name} "
        f"({len(draft.recommendations)} recommendations), not published"
    )


def _inner(html):
    return html.removeprefix("<p>").removesuffix("</p>")


def seed_institutions(homes, log):
    """The fifteen institutions (addressees of recommendations, partners of the
    cultural assistants), in every language, and the partner institutions page."""
    pl = homes["pl"].locale
    before = Institution.objects.filter(locale=pl).count()
    institutions = _seed_institutions(pl)
    page = InstitutionIndexPage.objects.filter(locale=pl).first()
    if page is None:
        title, slug, intro = INSTITUTION_PAGE["pl"]
        page = homes["pl"].add_child(
            instance=InstitutionIndexPage(
                title=title, slug=slug, intro=f"<p>{intro}</p>"
            )
        )
        page.save_revision().publish()
    for language, (title_t, slug_t, intro_t) in INSTITUTION_PAGE.items():
        locale = homes[language].locale
        if language != "pl" and page.get_translation_or_none(locale) is None:
            title, slug, intro = INSTITUTION_PAGE["pl"]
            translate(page, locale, {title: title_t, slug: slug_t, intro: intro_t})
    _track_partners(pl, institutions)
    created = Institution.objects.filter(locale=pl).count() - before
    log(f"institutions: {created} created, and the partner institutions page")
    return institutions, page


def _track_partners(pl, institutions):
    areas = {area.name: area for area in PolicyArea.objects.filter(locale=pl)}
    for title, area, institution, updates in PARTNER_TRACKED:
        if TrackerEntry.objects.filter(title=title, locale=pl).exists():
            continue
        now = timezone.now()
        entry = TrackerEntry(
            title=title,
            source=PARTNER_SOURCE,
            area=areas.get(area),
            institution=institutions[institution],
            updates=[
                ImplementationUpdate(
                    date=(now - timedelta(days=days)).date(), status=status, note=note
                )
                for days, status, note in updates
            ],
            locale=pl,
        )
        entry.save()
        _translate_outcome(entry)


def _seed_institutions(pl):
    """The demo's institutions by key, made (and translated) once."""
    institutions = {}
    for key, (name_pl, _name_uk, city) in INSTITUTIONS.items():
        institution = Institution.objects.filter(name=name_pl, locale=pl).first()
        if institution is None:
            institution = Institution.objects.create(name=name_pl, city=city, locale=pl)
        if any(
            institution.get_translation_or_none(locale) is None
            for locale in Locale.objects.filter(language_code__in=OUTCOME_LANGUAGES)
        ):
            _translate_outcome(institution)
        institutions[key] = institution
    return institutions


def _translate_outcome(instance):
    """Translate a response, tracker entry or institution into every other
    language with wagtail-localize (``OUTCOME_TEXTS``)."""
    for position, language in enumerate(OUTCOME_LANGUAGES):
        translate(
            instance,
            Locale.objects.get(language_code=language),
            {polish: texts[position] for polish, texts in OUTCOME_TEXTS.items()},
        )


def _members():
    User = get_user_model()
    members = {}
    for number, name in enumerate(DISPLAY_NAMES, start=1):
        user = User.objects.get(username=f"member{number}")
        MemberProfile.objects.get_or_create(user=user, defaults={"display_name": name})
        members[number] = user
    members[None] = User.objects.get(username="editor")
    return members


def add_consultation(
    index,
    data,
    institutions,
    opens_at,
    closes_at,
    visibility,
    results_published=False,
    group=None,
):
    pl_areas = {
        area.name: area for area in PolicyArea.objects.filter(locale=index.locale)
    }
    page = ConsultationPage(
        title=data["title"][0],
        slug=data["slug"][0],
        intro=f"<p>{data['intro'][0]}</p>",
        opens_at=opens_at,
        closes_at=closes_at,
        visibility=visibility,
        results_published=results_published,
        recommendations=[
            PageRecommendation(
                title=title_pl,
                text=text_pl,
                area=pl_areas[area],
                institution=institutions[institution],
                locale=index.locale,
                sort_order=position,
            )
            for position, (
                area,
                institution,
                title_pl,
                _title_uk,
                text_pl,
                _text_uk,
            ) in enumerate(data["recommendations"])
        ],
        polls=[
            PagePoll(
                question=question_pl,
                allows_multiple=multiple,
                max_choices=limit,
                choices=[("choice", choice_pl) for choice_pl, _choice_uk in choices],
                locale=index.locale,
                sort_order=position,
            )
            for position, (question_pl, _question_uk, multiple, limit, choices) in (
                enumerate(data["polls"])
            )
        ],
    )
    if group is not None:  # else the default group, the Migrant team
        page.participant_group = group
    index.add_child(instance=page)
    page.save_revision().publish()

    strings = {
        data["title"][0]: data["title"][1],
        data["slug"][0]: data["slug"][1],
        data["intro"][0]: data["intro"][1],
    }
    for _area, _institution, title_pl, title_uk, text_pl, text_uk in data[
        "recommendations"
    ]:
        strings[title_pl] = title_uk
        # wagtail-localize shows a plain text field's line breaks as <br/>.
        strings[text_pl.replace("\n", "<br/>")] = text_uk.replace("\n", "<br/>")
    for question_pl, question_uk, _multiple, _limit, choices in data["polls"]:
        strings[question_pl] = question_uk
        strings.update(choices)
    translate(page, Locale.objects.get(language_code="uk"), strings)
    source_content = {
        "title": data["title"][0],
        "slug": data["slug"][0],
        "intro": f"<p>{data['intro'][0]}</p>",
        "recommendations": [
            (title_pl, text_pl)
            for _area, _institution, title_pl, _title_uk, text_pl, _text_uk in data[
                "recommendations"
            ]
        ],
        "polls": [
            (question_pl, [choice_pl for choice_pl, _choice_uk in choices])
            for question_pl, _question_uk, _multiple, _limit, choices in data["polls"]
        ],
    }
    for language, content in data.get("translations", {}).items():
        locale = Locale.objects.get(language_code=language)
        # wagtail-localize translates a page only once the snippets it refers to
        # exist in the target language.
        _translate_institutions(institutions.values(), locale)
        translate(
            page,
            locale,
            demo_strings(
                source_content, {**content, "intro": f"<p>{content['intro']}</p>"}
            ),
        )
    page.refresh_from_db()
    return page.record


# The institutions' names in English and Russian, used when no translation of an
# institution into these languages exists yet.
INSTITUTION_NAMES = {
    "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego": {
        "en": "Marshal’s Office of the Kujawsko-Pomorskie Region",
        "ru": "Маршалковское управление Куявско-Поморского воеводства",
    },
    "Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy": {
        "en": "Kujawsko-Pomorskie Voivode’s Office in Bydgoszcz",
        "ru": "Куявско-Поморское воеводское управление в Быдгоще",
    },
    "Wojewódzki Urząd Pracy w Toruniu": {
        "en": "Regional Labour Office in Toruń",
        "ru": "Воеводское управление труда в Торуни",
    },
    "Regionalny Ośrodek Polityki Społecznej w Toruniu": {
        "en": "Regional Centre for Social Policy in Toruń",
        "ru": "Региональный центр социальной политики в Торуни",
    },
    "Kuratorium Oświaty w Bydgoszczy": {
        "en": "Education Authority in Bydgoszcz",
        "ru": "Кураториум образования в Быдгоще",
    },
    "Urząd Miasta Lublin": {"en": "Lublin City Office", "ru": "Мэрия Люблина"},
}
CITY_NAMES = {
    "Toruń": {"en": "Toruń", "ru": "Торунь"},
    "Bydgoszcz": {"en": "Bydgoszcz", "ru": "Быдгощ"},
    "Lublin": {"en": "Lublin", "ru": "Люблин"},
}


def _translate_institutions(institutions, locale):
    language = locale.language_code
    for institution in institutions:
        if institution.get_translation_or_none(locale) is None:
            translate(
                institution,
                locale,
                {
                    institution.name: INSTITUTION_NAMES[institution.name][language],
                    institution.city: CITY_NAMES[institution.city][language],
                },
            )


def _participate(consultation, members, stances, comments):
    recommendations = {r.number: r for r in consultation.recommendations.all()}
    for member, number, choice, reason in stances:
        services.record_stance(
            members[member], recommendations[number], choice, reason, "pl"
        )
    written = []
    for member, number, reply_to, language, text in comments:
        written.append(
            Comment.objects.create(
                consultation=consultation,
                recommendation=recommendations.get(number),
                parent=written[reply_to] if reply_to is not None else None,
                thread=(written[reply_to].thread or written[reply_to])
                if reply_to is not None
                else None,
                author=members[member],
                is_official=member is None,
                text=text,
                language=language,
                draft_version=consultation.draft_version,
            )
        )


def _date_within_open_period(consultation):
    """Spread the stances, comments and poll answers over the time the
    consultation was open, in the order they were written (so a reply comes after
    what it answers): left at the time of seeding, those on a closed consultation
    would be dated after it closed. Its wording and questions date from before it
    opened."""
    opened = consultation.opens_at
    until = min(consultation.closes_at, timezone.now())
    rows = [
        *Stance.objects.filter(recommendation__consultation=consultation),
        *consultation.comments.order_by("pk"),
        *PollAnswer.objects.filter(question__consultation=consultation),
    ]
    step = (until - opened) / (len(rows) + 1)
    for position, row in enumerate(rows, start=1):
        written = opened + step * position
        fields = {"created_at": written}
        if hasattr(row, "updated_at"):
            fields["updated_at"] = written
        type(row).objects.filter(pk=row.pk).update(**fields)
    published = opened - timedelta(days=1)
    type(consultation).objects.filter(pk=consultation.pk).update(created_at=published)
    RecommendationVersion.objects.filter(
        recommendation__consultation=consultation
    ).update(created_at=published)
    PollQuestion.objects.filter(consultation=consultation).update(pub_date=published)


def _answer_polls(consultation, members):
    urgent, meeting = consultation.poll_questions.order_by("sort_order")
    urgent_choices = list(urgent.choices.all())
    meeting_choices = list(meeting.choices.all())
    for number in range(1, 7):
        picks = [urgent_choices[i % 6] for i in (number, number + 1, number + 3)]
        services.answer_poll(members[number], urgent, picks, "uk")
        services.answer_poll(
            members[number], meeting, [meeting_choices[number % 3]], "uk"
        )


COMMENT_TRANSLATIONS = {
    "У Бидгощі в лікарні мені допомогла тільки донька, яка трохи знає польську. Переклад дуже потрібен.": "W szpitalu w Bydgoszczy pomogła mi tylko córka, która trochę zna polski. Tłumaczenie jest bardzo potrzebne.",
    "الدعم النفسي بلغتنا مهم جدا للأطفال.": "Wsparcie psychologiczne w naszym języku jest bardzo ważne dla dzieci.",
}

MONITORING_RESPONSES = [
    # (number, position, outcome, reasoning, days before now)
    (
        1,
        "Popieramy bez zmian: to najprostszy sposób, by cudzoziemcy wiedzieli, do kogo się zwrócić.",
        ResponseOutcome.ACCEPTED,
        "Osoby kontaktowe wyznaczono we wszystkich wydziałach obsługi mieszkańców.",
        45,
    ),
    (
        2,
        "Popieramy i prosimy o tłumaczenie także formularzy wydziału komunikacji.",
        ResponseOutcome.ACCEPTED_IN_PART,
        "Przetłumaczono 12 najczęściej używanych formularzy; pozostałe w przyszłym roku.",
        40,
    ),
    (
        3,
        "To sprawa pilna: bez tłumacza osoby doświadczające przemocy nie szukają pomocy.",
        ResponseOutcome.UNDER_CONSIDERATION,
        "Miasto szuka finansowania dla tłumacza dyżurnego.",
        30,
    ),
    (
        4,
        "Popieramy bez zmian.",
        ResponseOutcome.ACCEPTED,
        "Zajęcia ruszyły we wszystkich szkołach podstawowych z uczniami z zagranicy.",
        20,
    ),
    (
        5,
        "Popieramy, pod warunkiem że wizyty bez umawiania zostaną.",
        ResponseOutcome.ACCEPTED_IN_PART,
        "Umawianie przez internet działa; wizyty bez umawiania pozostają w dwóch punktach.",
        15,
    ),
]

TRACKED = [
    # (recommendation number or None, title, area, institution, source, [(days ago, status, note)])
    (
        1,
        None,
        None,
        None,
        "",
        [
            (50, ImplementationStatus.IN_PROGRESS, "Pierwsze osoby wyznaczone."),
            (
                40,
                ImplementationStatus.IMPLEMENTED,
                "Wszystkie wydziały mają osobę kontaktową.",
            ),
        ],
    ),
    (
        2,
        None,
        None,
        None,
        "",
        [(40, ImplementationStatus.IN_PROGRESS, "12 formularzy przetłumaczonych.")],
    ),
    (
        3,
        None,
        None,
        None,
        "",
        [(30, ImplementationStatus.NOT_STARTED, "Szukanie finansowania.")],
    ),
    (
        4,
        None,
        None,
        None,
        "",
        [(20, ImplementationStatus.IMPLEMENTED, "Zajęcia w szkołach podstawowych.")],
    ),
    (
        5,
        None,
        None,
        None,
        "",
        [(15, ImplementationStatus.IN_PROGRESS, "Umawianie online działa.")],
    ),
    (
        None,
        "Informacja o szczepieniach po ukraińsku w przychodniach miejskich",
        "Ochrona zdrowia",
        "lublin",
        "Monitoring lokalnego systemu integracji, Lublin",
        [
            (120, ImplementationStatus.IN_PROGRESS, ""),
            (
                80,
                ImplementationStatus.IMPLEMENTED,
                "Ulotki i plakaty w 9 przychodniach.",
            ),
        ],
    ),
    (
        None,
        "Tłumacz dyżurny w Miejskim Ośrodku Pomocy Rodzinie",
        "Pomoc społeczna",
        "lublin",
        "Monitoring lokalnego systemu integracji, Lublin",
        [(60, ImplementationStatus.IN_PROGRESS, "Dyżur dwa razy w tygodniu.")],
    ),
    (
        None,
        "Kursy języka polskiego dla rodziców uczniów",
        "Nauka języka polskiego",
        "lublin",
        "Monitoring lokalnego systemu integracji, Lublin",
        [(30, ImplementationStatus.NOT_STARTED, "")],
    ),
    (
        None,
        "Punkt informacyjny dla cudzoziemców w urzędzie pracy",
        "Praca",
        "labour",
        "Monitoring lokalnego systemu integracji, Lublin",
        [
            (
                100,
                ImplementationStatus.ABANDONED,
                "Zastąpiony dyżurem doradcy w punkcie miejskim.",
            )
        ],
    ),
]

# What became of the recommendations, in the other languages: (uk, en, ru) of each
# Polish text of the responses, tracker entries, their updates and institutions.
# They are translated with wagtail-localize, as an editor would with Translate.
OUTCOME_TEXTS = {
    # Institutions
    "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego": (
        "Маршалківський уряд Куявсько-Поморського воєводства",
        "Marshal's Office of the Kuyavian-Pomeranian Voivodeship",
        "Маршалковское управление Куявско-Поморского воеводства",
    ),
    "Kujawsko-Pomorski Urząd Wojewódzki w Bydgoszczy": (
        "Куявсько-Поморський воєводський уряд у Бидгощі",
        "Kuyavian-Pomeranian Voivodeship Office in Bydgoszcz",
        "Куявско-Поморское воеводское управление в Быдгоще",
    ),
    "Wojewódzki Urząd Pracy w Toruniu": (
        "Воєводське управління праці в Торуні",
        "Voivodeship Labour Office in Toruń",
        "Воеводское управление труда в Торуни",
    ),
    "Regionalny Ośrodek Polityki Społecznej w Toruniu": (
        "Регіональний центр соціальної політики в Торуні",
        "Regional Centre for Social Policy in Toruń",
        "Региональный центр социальной политики в Торуни",
    ),
    "Kuratorium Oświaty w Bydgoszczy": (
        "Кураторія освіти в Бидгощі",
        "Education Board in Bydgoszcz",
        "Кураторий образования в Быдгоще",
    ),
    "Urząd Miasta Lublin": (
        "Міська рада Любліна",
        "Lublin City Hall",
        "Городское управление Люблина",
    ),
    "Urząd Miasta Torunia": (
        "Міська рада Торуня",
        "Toruń City Hall",
        "Городское управление Торуни",
    ),
    "Urząd Miasta Bydgoszczy": (
        "Міська рада Бидгоща",
        "Bydgoszcz City Hall",
        "Городское управление Быдгоща",
    ),
    "Powiatowy Urząd Pracy w Bydgoszczy": (
        "Повітовий центр зайнятості в Бидгощі",
        "District Labour Office in Bydgoszcz",
        "Повятовое управление труда в Быдгоще",
    ),
    "Szkoła podstawowa z oddziałem przygotowawczym w Toruniu": (
        "Початкова школа з підготовчим класом у Торуні",
        "Primary school with a preparatory class in Toruń",
        "Начальная школа с подготовительным классом в Торуни",
    ),
    "Szpital Wojewódzki w Bydgoszczy": (
        "Воєводська лікарня в Бидгощі",
        "Voivodeship Hospital in Bydgoszcz",
        "Воеводская больница в Быдгоще",
    ),
    "Komenda Miejska Policji w Bydgoszczy": (
        "Міське управління поліції в Бидгощі",
        "Municipal Police Headquarters in Bydgoszcz",
        "Городское управление полиции в Быдгоще",
    ),
    "Miejski Ośrodek Pomocy Społecznej we Włocławku": (
        "Міський центр соціальної допомоги у Влоцлавеку",
        "Municipal Social Welfare Centre in Włocławek",
        "Городской центр социальной помощи во Влоцлавеке",
    ),
    "Ośrodek Pomocy Społecznej w Inowrocławiu": (
        "Центр соціальної допомоги в Іновроцлаві",
        "Social Welfare Centre in Inowrocław",
        "Центр социальной помощи в Иновроцлаве",
    ),
    "Miejska Biblioteka Publiczna w Toruniu": (
        "Міська публічна бібліотека в Торуні",
        "Municipal Public Library in Toruń",
        "Городская публичная библиотека в Торуни",
    ),
    # The partner institutions' tracker entries
    "Rekomendacje Międzysektorowego Zespołu ds. Migracji i Integracji": (
        "Рекомендації Міжсекторальної команди з питань міграції та інтеграції",
        "Recommendations of the Intersectoral Team on Migration and Integration",
        "Рекомендации Межсекторальной команды по вопросам миграции и интеграции",
    ),
    "Tłumacz dyżurny na izbie przyjęć": (
        "Черговий перекладач у приймальному відділенні",
        "An interpreter on duty in the admissions ward",
        "Дежурный переводчик в приёмном отделении",
    ),
    "Dyżury asystentki kulturowej w piątki.": (
        "Чергування культурної асистентки по п’ятницях.",
        "A cultural assistant is on duty on Fridays.",
        "Дежурства культурной ассистентки по пятницам.",
    ),
    "Ulotka o prawach osoby zatrzymanej w czterech językach": (
        "Листівка про права затриманої особи чотирма мовами",
        "A leaflet on the rights of a detained person in four languages",
        "Листовка о правах задержанного на четырёх языках",
    ),
    "Ulotka jest na każdym komisariacie.": (
        "Листівка є в кожному відділку поліції.",
        "The leaflet is at every police station.",
        "Листовка есть в каждом отделении полиции.",
    ),
    "Doradca zawodowy mówiący po ukraińsku": (
        "Кар’єрний радник, який говорить українською",
        "A careers adviser who speaks Ukrainian",
        "Карьерный консультант, говорящий по-украински",
    ),
    "Wnioski o świadczenia z tłumaczeniem na ukraiński i rosyjski": (
        "Заяви на виплати з перекладом українською та російською",
        "Benefit application forms translated into Ukrainian and Russian",
        "Заявления на пособия с переводом на украинский и русский",
    ),
    "Pierwsze trzy formularze gotowe.": (
        "Перші три форми готові.",
        "The first three forms are ready.",
        "Первые три формы готовы.",
    ),
    # Responses: the organisation's position and the authority's reasoning
    "Popieramy bez zmian: to najprostszy sposób, by cudzoziemcy wiedzieli, do kogo się zwrócić.": (
        "Підтримуємо без змін: це найпростіший спосіб, щоб іноземці знали, до кого звернутися.",
        "We support it as it stands: it is the simplest way for foreigners to know whom to turn to.",
        "Поддерживаем без изменений: это самый простой способ, чтобы иностранцы знали, к кому обратиться.",
    ),
    "Osoby kontaktowe wyznaczono we wszystkich wydziałach obsługi mieszkańców.": (
        "Контактних осіб призначено в усіх відділах обслуговування мешканців.",
        "Contact persons have been appointed in every department that serves residents.",
        "Контактные лица назначены во всех отделах обслуживания жителей.",
    ),
    "Popieramy i prosimy o tłumaczenie także formularzy wydziału komunikacji.": (
        "Підтримуємо і просимо перекласти також форми відділу транспорту.",
        "We support it and ask for the vehicle registration department's forms to be translated too.",
        "Поддерживаем и просим перевести также формы отдела транспорта.",
    ),
    "Przetłumaczono 12 najczęściej używanych formularzy; pozostałe w przyszłym roku.": (
        "Перекладено 12 найуживаніших форм; решту — наступного року.",
        "The 12 most used forms have been translated; the others will follow next year.",
        "Переведены 12 самых используемых форм; остальные — в следующем году.",
    ),
    "To sprawa pilna: bez tłumacza osoby doświadczające przemocy nie szukają pomocy.": (
        "Це нагальна справа: без перекладача люди, які зазнають насильства, не шукають допомоги.",
        "This is urgent: without an interpreter, people experiencing violence do not seek help.",
        "Это срочно: без переводчика люди, пострадавшие от насилия, не обращаются за помощью.",
    ),
    "Miasto szuka finansowania dla tłumacza dyżurnego.": (
        "Місто шукає фінансування для чергового перекладача.",
        "The city is looking for funding for an on-call interpreter.",
        "Город ищет финансирование для дежурного переводчика.",
    ),
    "Popieramy bez zmian.": (
        "Підтримуємо без змін.",
        "We support it as it stands.",
        "Поддерживаем без изменений.",
    ),
    "Zajęcia ruszyły we wszystkich szkołach podstawowych z uczniami z zagranicy.": (
        "Заняття розпочалися в усіх початкових школах, де навчаються учні з-за кордону.",
        "Classes have started in every primary school with pupils from abroad.",
        "Занятия начались во всех начальных школах, где учатся ученики из-за рубежа.",
    ),
    "Popieramy, pod warunkiem że wizyty bez umawiania zostaną.": (
        "Підтримуємо за умови, що візити без попереднього запису залишаться.",
        "We support it, provided that visits without an appointment remain possible.",
        "Поддерживаем при условии, что визиты без предварительной записи сохранятся.",
    ),
    "Umawianie przez internet działa; wizyty bez umawiania pozostają w dwóch punktach.": (
        "Запис онлайн працює; візити без запису залишаються у двох пунктах.",
        "Online appointments work; visits without an appointment remain at two service points.",
        "Запись онлайн работает; визиты без записи сохраняются в двух пунктах.",
    ),
    # Tracker entries: titles and where they come from
    "Osoby kontaktowe ds. cudzoziemców w urzędach": (
        "Контактні особи для іноземців в установах",
        "Contact persons for foreigners in public offices",
        "Контактные лица для иностранцев в учреждениях",
    ),
    "Tłumaczenie formularzy i informacji": (
        "Переклад форм та інформації",
        "Translation of forms and information",
        "Перевод форм и информации",
    ),
    "Wsparcie dla cudzoziemek doświadczających przemocy": (
        "Підтримка для іноземок, які зазнають насильства",
        "Support for foreign women experiencing violence",
        "Поддержка для иностранок, пострадавших от насилия",
    ),
    "Zajęcia wyrównawcze z języka polskiego dla dzieci": (
        "Додаткові заняття з польської мови для дітей",
        "Extra Polish lessons for children",
        "Дополнительные занятия по польскому языку для детей",
    ),
    "Prostszy kontakt z urzędem": (
        "Простіший контакт з установою",
        "Simpler contact with the city hall",
        "Более простой контакт с учреждением",
    ),
    "Rekomendacje z monitoringu systemu integracji w Lublinie": (
        "Рекомендації моніторингу системи інтеграції в Любліні",
        "Recommendations of the monitoring of the integration system in Lublin",
        "Рекомендации мониторинга системы интеграции в Люблине",
    ),
    "Informacja o szczepieniach po ukraińsku w przychodniach miejskich": (
        "Інформація про щеплення українською в міських поліклініках",
        "Information on vaccinations in Ukrainian in city clinics",
        "Информация о прививках на украинском языке в городских поликлиниках",
    ),
    "Tłumacz dyżurny w Miejskim Ośrodku Pomocy Rodzinie": (
        "Черговий перекладач у Міському центрі допомоги сім’ї",
        "An on-call interpreter at the City Family Support Centre",
        "Дежурный переводчик в Городском центре помощи семье",
    ),
    "Kursy języka polskiego dla rodziców uczniów": (
        "Курси польської мови для батьків учнів",
        "Polish courses for pupils' parents",
        "Курсы польского языка для родителей учеников",
    ),
    "Punkt informacyjny dla cudzoziemców w urzędzie pracy": (
        "Інформаційний пункт для іноземців в управлінні праці",
        "An information point for foreigners at the labour office",
        "Информационный пункт для иностранцев в управлении труда",
    ),
    "Monitoring lokalnego systemu integracji, Lublin": (
        "Моніторинг місцевої системи інтеграції, Люблін",
        "Monitoring of the local integration system, Lublin",
        "Мониторинг местной системы интеграции, Люблин",
    ),
    # Implementation updates
    "Pierwsze osoby wyznaczone.": (
        "Перших осіб призначено.",
        "The first contact persons are appointed.",
        "Первые контактные лица назначены.",
    ),
    "Wszystkie wydziały mają osobę kontaktową.": (
        "Усі відділи мають контактну особу.",
        "Every department has a contact person.",
        "У всех отделов есть контактное лицо.",
    ),
    "12 formularzy przetłumaczonych.": (
        "12 форм перекладено.",
        "12 forms translated.",
        "12 форм переведено.",
    ),
    "Szukanie finansowania.": (
        "Пошук фінансування.",
        "Looking for funding.",
        "Поиск финансирования.",
    ),
    "Zajęcia w szkołach podstawowych.": (
        "Заняття в початкових школах.",
        "Classes in primary schools.",
        "Занятия в начальных школах.",
    ),
    "Umawianie online działa.": (
        "Запис онлайн працює.",
        "Online appointments work.",
        "Запись онлайн работает.",
    ),
    "Ulotki i plakaty w 9 przychodniach.": (
        "Листівки та плакати в 9 поліклініках.",
        "Leaflets and posters in 9 clinics.",
        "Листовки и плакаты в 9 поликлиниках.",
    ),
    "Dyżur dwa razy w tygodniu.": (
        "Чергування двічі на тиждень.",
        "On call twice a week.",
        "Дежурство два раза в неделю.",
    ),
    "Zastąpiony dyżurem doradcy w punkcie miejskim.": (
        "Замінено чергуванням консультанта в міському пункті.",
        "Replaced by an adviser's hours at the city's information point.",
        "Заменён дежурством консультанта в городском пункте.",
    ),
}
OUTCOME_LANGUAGES = ("uk", "en", "ru")

TRACKER_PAGE = {
    "pl": (
        "Co się zmieniło",
        "co-sie-zmienilo",
        "Rekomendacje z konsultacji i monitoringu oraz to, co instytucje z nimi zrobiły.",
    ),
    "uk": (
        "Що змінилося",
        "shcho-zminylosia",
        "Рекомендації з консультацій і моніторингу та те, що з ними зробили установи.",
    ),
    "en": (
        "What changed",
        "what-changed",
        "Recommendations from consultations and monitoring, and what institutions did with them.",
    ),
    "ru": (
        "Что изменилось",
        "chto-izmenilos",
        "Рекомендации из консультаций и мониторинга и то, что с ними сделали учреждения.",
    ),
}


def _translate_comments(consultation, translator):
    for comment in consultation.comments.all():
        polish = COMMENT_TRANSLATIONS.get(comment.text)
        if polish:
            services.save_translation(comment, translator, polish, checked=True)


def _respond(consultation, now):
    for number, position, outcome, reasoning, days in MONITORING_RESPONSES:
        response = RecommendationResponse(
            recommendation=consultation.recommendations.get(number=number),
            organisation_position=position,
            outcome=outcome,
            authority_reasoning=reasoning,
            responded_on=(now - timedelta(days=days)).date(),
            # Published long ago: saved directly, so nobody gets an e-mail now.
            published_at=now - timedelta(days=days),
            locale=consultation.source_locale,
        )
        response.save()
        _translate_outcome(response)


def _track(consultation, institutions, now):
    areas = {
        area.name: area
        for area in PolicyArea.objects.filter(locale__language_code="pl")
    }
    for number, title, area, institution, source, updates in TRACKED:
        recommendation = (
            consultation.recommendations.get(number=number) if number else None
        )
        if recommendation:
            item = consultation.source_page.specific.recommendations.get(
                translation_key=recommendation.key
            )
            title, area_obj, institution_obj = item.title, item.area, item.institution
            source = consultation.title
        else:
            area_obj, institution_obj = areas[area], institutions[institution]
        entry = TrackerEntry(
            title=title,
            recommendation=recommendation,
            source=source,
            area=area_obj,
            institution=institution_obj,
            updates=[
                ImplementationUpdate(
                    date=(now - timedelta(days=days)).date(), status=status, note=note
                )
                for days, status, note in updates
            ],
            locale=consultation.source_locale,
        )
        entry.save()
        _translate_outcome(entry)


def _tracker_page(home):
    title, slug, intro = TRACKER_PAGE["pl"]
    page = home.add_child(
        instance=TrackerPage(
            title=title, slug=slug, intro=f"<p>{intro}</p>", show_in_menus=True
        )
    )
    page.save_revision().publish()
    for language, (title_t, slug_t, intro_t) in TRACKER_PAGE.items():
        if language != "pl":
            translate(
                page,
                Locale.objects.get(language_code=language),
                {title: title_t, slug: slug_t, intro: intro_t},
            )
    return page
