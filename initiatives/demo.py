"""Demo content: the six migrant initiatives of the Kujawsko-Pomorskie project (more
than 70 people took part) and the social cooperative that grew out of its social
entrepreneurship workshops; in Polish, Ukrainian, English and Russian."""

import datetime

from initiatives.models import (
    CooperativeGalleryImage,
    CooperativePage,
    InitiativeGalleryImage,
    InitiativeIndexPage,
    InitiativePage,
)
from portal.demo import add_page, demo_image, translate_demo

LANGUAGES = ["uk", "en", "ru"]

INDEX = {
    "pl": {
        "title": "Inicjatywy migrantów",
        "slug": "inicjatywy-migrantow",
        "intro": "<p>Sześć inicjatyw, które migranci i migrantki zorganizowali w województwie kujawsko-pomorskim — wzięło w nich udział ponad 70 osób — i spółdzielnia socjalna, która wyrosła z warsztatów przedsiębiorczości społecznej.</p>",
    },
    "uk": {
        "title": "Ініціативи мігрантів",
        "slug": "initsiatyvy-mihrantiv",
        "intro": "<p>Шість ініціатив, які мігранти й мігрантки організували в Куявсько-Поморському воєводстві, — у них взяли участь понад 70 людей, — і соціальний кооператив, що виріс із семінарів із соціального підприємництва.</p>",
    },
    "en": {
        "title": "Migrant initiatives",
        "slug": "migrant-initiatives",
        "intro": "<p>Six initiatives that migrants organised in the Kujawsko-Pomorskie region — more than 70 people took part — and the social cooperative that grew out of the social entrepreneurship workshops.</p>",
    },
    "ru": {
        "title": "Инициативы мигрантов",
        "slug": "initsiativy-migrantov",
        "intro": "<p>Шесть инициатив, которые мигранты и мигрантки организовали в Куявско-Поморском воеводстве, — в них приняли участие более 70 человек, — и социальный кооператив, выросший из семинаров по социальному предпринимательству.</p>",
    },
}

# (start, end, participants, [(picture title, palette, seed), …]) and the text in
# each language; the photos' alt texts are in the same order as the pictures.
INITIATIVES = [
    {
        "dates": (datetime.date(2022, 3, 1), datetime.date(2022, 6, 30)),
        "participants": 10,
        "pictures": [
            ("Inicjatywa: dyżur sąsiedzki", ["#e7eef7", "#2f4b8f", "#f2b134", "#b34700"], 301),
            ("Inicjatywa: dyżur sąsiedzki, punkt informacyjny", ["#fdf1dc", "#005a70", "#b34700", "#2f4b8f"], 302),
        ],
        "pl": {
            "title": "Dyżur sąsiedzki dla uchodźców z Ukrainy",
            "slug": "dyzur-sasiedzki",
            "summary": "Wiosną 2022 roku asystentki kulturowe i wolontariuszki pomagały osobom uciekającym przed wojną załatwić pierwsze sprawy w Bydgoszczy.",
            "people": "Volha, Nataliia i asystentki kulturowe z sieci",
            "partners": "Miejski Ośrodek Pomocy Społecznej w Bydgoszczy\nPunkt recepcyjny przy dworcu Bydgoszcz Główna",
            "city": "Bydgoszcz",
            "body": [("text", "<p>Kiedy do Bydgoszczy przyjechały tysiące osób z Ukrainy, sieć asystentów kulturowych zamieniła się w dyżur sąsiedzki: codziennie od 10:00 do 18:00 pomagałyśmy wypełnić wniosek o PESEL, zapisać dziecko do szkoły, znaleźć lekarza i mieszkanie.</p>")],
            "outcome": "<p>Przez cztery miesiące z dyżuru skorzystało około 600 osób. Urzędnicy, z którymi pracowałyśmy, poprosili o dalsze wsparcie — tak sieć asystentów zaczęła pracę z instytucjami.</p>",
            "gallery_alt": ["Ilustracja: postaci stoją w kolejce do stolika z napisem „informacja”.", "Ilustracja: dwie postaci pochylają się nad formularzem."],
        },
        "uk": {
            "title": "Сусідське чергування для біженців з України",
            "slug": "susidske-cherhuvannia",
            "summary": "Навесні 2022 року культурні асистентки й волонтерки допомагали людям, які тікали від війни, залагодити перші справи в Бидгощі.",
            "people": "Вольга, Наталія та культурні асистентки з мережі",
            "partners": "Міський центр соціальної допомоги в Бидгощі\nПункт прийому біля вокзалу Бидгощ Головна",
            "city": "Бидгощ",
            "body": [("text", "<p>Коли до Бидгоща приїхали тисячі людей з України, мережа культурних асистентів перетворилася на сусідське чергування: щодня з 10:00 до 18:00 ми допомагали заповнити заяву на PESEL, записати дитину до школи, знайти лікаря й житло.</p>")],
            "outcome": "<p>За чотири місяці чергуванням скористалися близько 600 людей. Посадовці, з якими ми працювали, попросили про подальшу підтримку — так мережа асистентів почала співпрацю з установами.</p>",
            "gallery_alt": ["Ілюстрація: постаті стоять у черзі до столика з написом «інформація».", "Ілюстрація: дві постаті схилилися над формуляром."],
        },
        "en": {
            "title": "Neighbourhood help desk for refugees from Ukraine",
            "slug": "neighbourhood-help-desk",
            "summary": "In spring 2022 cultural assistants and volunteers helped people fleeing the war with their first errands in Bydgoszcz.",
            "people": "Volha, Nataliia and cultural assistants from the network",
            "partners": "Municipal Social Welfare Centre in Bydgoszcz\nReception point at Bydgoszcz Główna station",
            "city": "Bydgoszcz",
            "body": [("text", "<p>When thousands of people from Ukraine arrived in Bydgoszcz, the network of cultural assistants became a neighbourhood help desk: every day from 10:00 to 18:00 we helped people apply for a PESEL number, enrol their children at school, and find a doctor and a flat.</p>")],
            "outcome": "<p>In four months about 600 people came to the desk. The officials we worked with asked for more support — which is how the assistants’ network began working with institutions.</p>",
            "gallery_alt": ["Illustration: figures queue at a table marked “information”.", "Illustration: two figures lean over a form."],
        },
        "ru": {
            "title": "Соседское дежурство для беженцев из Украины",
            "slug": "sosedskoe-dezhurstvo",
            "summary": "Весной 2022 года культурные ассистентки и волонтёрки помогали людям, бежавшим от войны, уладить первые дела в Быдгоще.",
            "people": "Вольга, Наталия и культурные ассистентки из сети",
            "partners": "Городской центр социальной помощи в Быдгоще\nПункт приёма у вокзала Быдгощ Главная",
            "city": "Быдгощ",
            "body": [("text", "<p>Когда в Быдгощ приехали тысячи людей из Украины, сеть культурных ассистентов превратилась в соседское дежурство: каждый день с 10:00 до 18:00 мы помогали заполнить заявление на PESEL, записать ребёнка в школу, найти врача и жильё.</p>")],
            "outcome": "<p>За четыре месяца дежурством воспользовались около 600 человек. Чиновники, с которыми мы работали, попросили о дальнейшей поддержке — так сеть ассистентов начала работать с учреждениями.</p>",
            "gallery_alt": ["Иллюстрация: фигуры стоят в очереди к столику с надписью «информация».", "Иллюстрация: две фигуры склонились над бланком."],
        },
    },
    {
        "dates": (datetime.date(2022, 9, 10), datetime.date(2022, 12, 3)),
        "participants": 16,
        "pictures": [
            ("Inicjatywa: smaki sąsiadów", ["#fbe6d4", "#b34700", "#1d6b2f", "#7a4e9c"], 311),
            ("Inicjatywa: smaki sąsiadów, wspólny stół", ["#f6ead8", "#7a4e9c", "#c45f2b", "#005a70"], 312),
        ],
        "pl": {
            "title": "Smaki sąsiadów: kolacje na Błoniu",
            "slug": "smaki-sasiadow",
            "summary": "Cztery sąsiedzkie kolacje, na których migrantki gotowały dania z Ukrainy, Białorusi i Gruzji dla mieszkańców osiedla.",
            "people": "Olena, Maryna i Tetiana z Klubu Przedsiębiorczych Kobiet",
            "partners": "Dom sąsiedzki na Błoniu\nRada Osiedla Błonie",
            "city": "Bydgoszcz",
            "body": [("text", "<p>Raz w miesiącu gotowałyśmy w kuchni domu sąsiedzkiego i zapraszałyśmy sąsiadów do wspólnego stołu. Każda kolacja miała gospodynię, która opowiadała o swoim mieście i o tym, jak trafiła do Bydgoszczy.</p>")],
            "outcome": "<p>Na kolacje przyszło ponad 120 osób. Powstała książeczka z przepisami po polsku i po ukraińsku, a trzy gospodynie założyły później spółdzielnię socjalną „Wspólny Stół”.</p>",
            "gallery_alt": ["Ilustracja: postaci siedzą wokół długiego stołu.", "Ilustracja: dwie postaci nakładają jedzenie na talerze."],
        },
        "uk": {
            "title": "Смаки сусідів: вечері на Блоню",
            "slug": "smaky-susidiv",
            "summary": "Чотири сусідські вечері, на яких мігрантки готували страви з України, Білорусі та Грузії для мешканців мікрорайону.",
            "people": "Олена, Марина й Тетяна з Клубу жінок-підприємиць",
            "partners": "Сусідський дім на Блоню\nРада мікрорайону Блоне",
            "city": "Бидгощ",
            "body": [("text", "<p>Раз на місяць ми готували на кухні сусідського дому й запрошували сусідів за спільний стіл. Кожна вечеря мала господиню, яка розповідала про своє місто і про те, як потрапила до Бидгоща.</p>")],
            "outcome": "<p>На вечері прийшли понад 120 людей. З’явилася книжечка рецептів польською та українською, а три господині згодом заснували соціальний кооператив «Спільний стіл».</p>",
            "gallery_alt": ["Ілюстрація: постаті сидять навколо довгого столу.", "Ілюстрація: дві постаті накладають їжу на тарілки."],
        },
        "en": {
            "title": "Neighbours’ flavours: dinners in Błonie",
            "slug": "neighbours-flavours",
            "summary": "Four neighbourhood dinners at which migrant women cooked dishes from Ukraine, Belarus and Georgia for the people of the estate.",
            "people": "Olena, Maryna and Tetiana of the Entrepreneurial Women’s Club",
            "partners": "Błonie neighbourhood house\nBłonie estate council",
            "city": "Bydgoszcz",
            "body": [("text", "<p>Once a month we cooked in the kitchen of the neighbourhood house and invited our neighbours to share the table. Each dinner had a host who talked about her home town and how she came to Bydgoszcz.</p>")],
            "outcome": "<p>More than 120 people came to the dinners. A booklet of recipes in Polish and Ukrainian came out of them, and three of the hosts later founded the “Common Table” social cooperative.</p>",
            "gallery_alt": ["Illustration: figures sit around a long table.", "Illustration: two figures serve food onto plates."],
        },
        "ru": {
            "title": "Вкусы соседей: ужины на Блоне",
            "slug": "vkusy-sosedei",
            "summary": "Четыре соседских ужина, на которых мигрантки готовили блюда из Украины, Беларуси и Грузии для жителей микрорайона.",
            "people": "Елена, Марина и Татьяна из Клуба женщин-предпринимательниц",
            "partners": "Соседский дом на Блоне\nСовет микрорайона Блоне",
            "city": "Быдгощ",
            "body": [("text", "<p>Раз в месяц мы готовили на кухне соседского дома и приглашали соседей за общий стол. У каждого ужина была хозяйка, которая рассказывала о своём городе и о том, как оказалась в Быдгоще.</p>")],
            "outcome": "<p>На ужины пришли более 120 человек. Появилась книжечка рецептов на польском и украинском, а три хозяйки позже основали социальный кооператив «Общий стол».</p>",
            "gallery_alt": ["Иллюстрация: фигуры сидят вокруг длинного стола.", "Иллюстрация: две фигуры накладывают еду на тарелки."],
        },
    },
    {
        "dates": (datetime.date(2022, 10, 1), None),
        "participants": 12,
        "pictures": [
            ("Inicjatywa: bajki w dwóch językach", ["#e2efe9", "#1d6b2f", "#f2b134", "#2f4b8f"], 321),
        ],
        "pl": {
            "title": "Bajki w dwóch językach",
            "slug": "bajki-w-dwoch-jezykach",
            "summary": "W sobotnie poranki mamy z Ukrainy i bibliotekarki czytają dzieciom tę samą bajkę po polsku i po ukraińsku.",
            "people": "Iryna i Hanna, mamy z Torunia",
            "partners": "Filia biblioteki miejskiej na Rubinkowie",
            "city": "Toruń",
            "body": [("text", "<p>Jedna strona po polsku, ta sama po ukraińsku — dzieci uczą się od siebie nawzajem, a rodzice poznają się przy okazji. Po czytaniu jest rysowanie i wymiana książek.</p>")],
            "outcome": "<p>Odbyło się już ponad 20 czytań, a w filii stanęła półka z książkami po ukraińsku, z której korzystają też dorośli. Czytania trwają.</p>",
            "gallery_alt": ["Ilustracja: dorosła postać czyta książkę grupce dzieci."],
        },
        "uk": {
            "title": "Казки двома мовами",
            "slug": "kazky-dvoma-movamy",
            "summary": "Суботніми ранками мами з України та бібліотекарки читають дітям ту саму казку польською та українською.",
            "people": "Ірина й Ганна, мами з Торуня",
            "partners": "Філія міської бібліотеки на Рубінкові",
            "city": "Торунь",
            "body": [("text", "<p>Одна сторінка польською, та сама — українською: діти вчаться одне від одного, а батьки тим часом знайомляться. Після читання — малювання й обмін книжками.</p>")],
            "outcome": "<p>Відбулося вже понад 20 читань, а у філії з’явилася полиця з українськими книжками, якою користуються й дорослі. Читання тривають.</p>",
            "gallery_alt": ["Ілюстрація: доросла постать читає книжку групі дітей."],
        },
        "en": {
            "title": "Fairy tales in two languages",
            "slug": "fairy-tales-in-two-languages",
            "summary": "On Saturday mornings mothers from Ukraine and librarians read children the same fairy tale in Polish and in Ukrainian.",
            "people": "Iryna and Hanna, mothers from Toruń",
            "partners": "Rubinkowo branch of the city library",
            "city": "Toruń",
            "body": [("text", "<p>One page in Polish, the same page in Ukrainian: the children learn from each other, and their parents get to know each other too. After the reading there is drawing and a book swap.</p>")],
            "outcome": "<p>There have been more than 20 readings so far, and the branch now has a shelf of books in Ukrainian that adults borrow too. The readings go on.</p>",
            "gallery_alt": ["Illustration: an adult figure reads a book to a group of children."],
        },
        "ru": {
            "title": "Сказки на двух языках",
            "slug": "skazki-na-dvukh-yazykakh",
            "summary": "По субботам утром мамы из Украины и библиотекари читают детям одну и ту же сказку по-польски и по-украински.",
            "people": "Ирина и Анна, мамы из Торуня",
            "partners": "Филиал городской библиотеки на Рубинкове",
            "city": "Торунь",
            "body": [("text", "<p>Одна страница по-польски, та же — по-украински: дети учатся друг у друга, а родители заодно знакомятся. После чтения — рисование и обмен книгами.</p>")],
            "outcome": "<p>Прошло уже более 20 чтений, а в филиале появилась полка с книгами на украинском, которой пользуются и взрослые. Чтения продолжаются.</p>",
            "gallery_alt": ["Иллюстрация: взрослая фигура читает книгу группе детей."],
        },
    },
    {
        "dates": (datetime.date(2022, 11, 5), datetime.date(2023, 2, 25)),
        "participants": 11,
        "pictures": [
            ("Inicjatywa: szyjemy razem", ["#f3e6f0", "#7a4e9c", "#1d6b2f", "#b34700"], 331),
            ("Inicjatywa: szyjemy razem, kiermasz", ["#e7eef7", "#b34700", "#7a4e9c", "#005a70"], 332),
        ],
        "pl": {
            "title": "Szyjemy razem w Grupie",
            "slug": "szyjemy-razem",
            "summary": "Warsztaty szycia, na których kobiety z ośrodka dla cudzoziemców i gospodynie z Grupy uszyły torby na świąteczny kiermasz.",
            "people": "Kobiety z Klubu Kobiet w Grupie",
            "partners": "Ośrodek dla Cudzoziemców w Grupie\nKoło Gospodyń Wiejskich w Grupie",
            "city": "Grupa",
            "body": [("text", "<p>Koło gospodyń pożyczyło maszyny do szycia, a mieszkanki ośrodka przyniosły wzory ze swoich krajów. Przez cztery miesiące spotykałyśmy się w każdą sobotę.</p>")],
            "outcome": "<p>Uszyłyśmy 150 toreb i sprzedałyśmy je na kiermaszu bożonarodzeniowym. Za zebrane pieniądze kupiłyśmy zabawki do świetlicy dla dzieci w ośrodku.</p>",
            "gallery_alt": ["Ilustracja: postaci przy maszynach do szycia.", "Ilustracja: stoisko z kolorowymi torbami na kiermaszu."],
        },
        "uk": {
            "title": "Шиємо разом у Групі",
            "slug": "shyiemo-razom",
            "summary": "Майстер-класи з шиття, на яких жінки з центру для іноземців і господині з Групи пошили торби для різдвяного ярмарку.",
            "people": "Жінки з Жіночого клубу в Групі",
            "partners": "Центр для іноземців у Групі\nКоло сільських господинь у Групі",
            "city": "Група",
            "body": [("text", "<p>Коло господинь позичило швейні машини, а мешканки центру принесли візерунки зі своїх країн. Чотири місяці ми зустрічалися щосуботи.</p>")],
            "outcome": "<p>Ми пошили 150 торб і продали їх на різдвяному ярмарку. За зібрані гроші купили іграшки до дитячої кімнати в центрі.</p>",
            "gallery_alt": ["Ілюстрація: постаті за швейними машинами.", "Ілюстрація: стенд із барвистими торбами на ярмарку."],
        },
        "en": {
            "title": "Sewing together in Grupa",
            "slug": "sewing-together",
            "summary": "Sewing workshops at which women from the centre for foreigners and housewives from Grupa made bags for the Christmas fair.",
            "people": "Women of the Women’s Club in Grupa",
            "partners": "Centre for Foreigners in Grupa\nGrupa Rural Housewives’ Association",
            "city": "Grupa",
            "body": [("text", "<p>The housewives’ association lent us sewing machines, and the women living at the centre brought patterns from their countries. For four months we met every Saturday.</p>")],
            "outcome": "<p>We made 150 bags and sold them at the Christmas fair. With the money we bought toys for the children’s room at the centre.</p>",
            "gallery_alt": ["Illustration: figures at sewing machines.", "Illustration: a stand with colourful bags at a fair."],
        },
        "ru": {
            "title": "Шьём вместе в Групе",
            "slug": "shyom-vmeste",
            "summary": "Мастер-классы по шитью, на которых женщины из центра для иностранцев и хозяйки из Групы сшили сумки для рождественской ярмарки.",
            "people": "Женщины из Женского клуба в Групе",
            "partners": "Центр для иностранцев в Групе\nКружок сельских хозяек в Групе",
            "city": "Група",
            "body": [("text", "<p>Кружок хозяек одолжил швейные машины, а жительницы центра принесли узоры из своих стран. Четыре месяца мы встречались каждую субботу.</p>")],
            "outcome": "<p>Мы сшили 150 сумок и продали их на рождественской ярмарке. На вырученные деньги купили игрушки в детскую комнату центра.</p>",
            "gallery_alt": ["Иллюстрация: фигуры за швейными машинами.", "Иллюстрация: стенд с яркими сумками на ярмарке."],
        },
    },
    {
        "dates": (datetime.date(2023, 1, 15), datetime.date(2023, 5, 31)),
        "participants": 9,
        "pictures": [
            ("Inicjatywa: pierwsze kroki w Grudziądzu", ["#dde8f3", "#003f4f", "#f2b134", "#6a8e3f"], 341),
        ],
        "pl": {
            "title": "Pierwsze kroki w Grudziądzu",
            "slug": "pierwsze-kroki-w-grudziadzu",
            "summary": "Poradnik dla nowych mieszkańców miasta, napisany przez tych, którzy przyjechali tu kilka lat wcześniej.",
            "people": "Grupa inicjatywna „Nowi grudziądzanie”",
            "partners": "Urząd Miejski w Grudziądzu\nPowiatowy Urząd Pracy w Grudziądzu",
            "city": "Grudziądz",
            "body": [("text", "<p>Co załatwić w pierwszym tygodniu, gdzie zapisać dziecko do przedszkola, jak zarejestrować się u lekarza — zebraliśmy to, czego sami kiedyś szukaliśmy, i sprawdziliśmy każdą informację z urzędnikami.</p>")],
            "outcome": "<p>Poradnik ma 24 strony, wydaliśmy go po polsku, ukraińsku i rosyjsku w nakładzie 1500 egzemplarzy. Leży w urzędzie miasta, urzędzie pracy i przychodniach.</p>",
            "gallery_alt": ["Ilustracja: postaci oglądają rozłożoną mapę miasta."],
        },
        "uk": {
            "title": "Перші кроки в Грудзьондзі",
            "slug": "pershi-kroky-v-hrudziondzi",
            "summary": "Порадник для нових мешканців міста, написаний тими, хто приїхав сюди кілька років тому.",
            "people": "Ініціативна група «Нові грудзьондзці»",
            "partners": "Міська управа Грудзьондза\nПовітовий центр зайнятості в Грудзьондзі",
            "city": "Грудзьондз",
            "body": [("text", "<p>Що залагодити в перший тиждень, куди записати дитину до садочка, як зареєструватися в лікаря — ми зібрали те, чого колись шукали самі, і перевірили кожну інформацію з посадовцями.</p>")],
            "outcome": "<p>Порадник має 24 сторінки, ми видали його польською, українською та російською накладом 1500 примірників. Він лежить у міській управі, центрі зайнятості та поліклініках.</p>",
            "gallery_alt": ["Ілюстрація: постаті розглядають розгорнуту мапу міста."],
        },
        "en": {
            "title": "First steps in Grudziądz",
            "slug": "first-steps-in-grudziadz",
            "summary": "A guide for the town’s new residents, written by people who came here a few years earlier.",
            "people": "The “New Grudziądz residents” group",
            "partners": "Grudziądz Town Hall\nGrudziądz District Labour Office",
            "city": "Grudziądz",
            "body": [("text", "<p>What to sort out in the first week, where to enrol a child at nursery school, how to register with a doctor: we gathered what we had once looked for ourselves, and checked every piece of information with officials.</p>")],
            "outcome": "<p>The guide has 24 pages; we published 1,500 copies in Polish, Ukrainian and Russian. It is available at the town hall, the labour office and the clinics.</p>",
            "gallery_alt": ["Illustration: figures look at an unfolded map of the town."],
        },
        "ru": {
            "title": "Первые шаги в Грудзёндзе",
            "slug": "pervye-shagi-v-grudzyondze",
            "summary": "Путеводитель для новых жителей города, написанный теми, кто приехал сюда несколько лет назад.",
            "people": "Инициативная группа «Новые грудзёндзцы»",
            "partners": "Городская управа Грудзёндза\nПоветовое бюро труда в Грудзёндзе",
            "city": "Грудзёндз",
            "body": [("text", "<p>Что уладить в первую неделю, куда записать ребёнка в детский сад, как зарегистрироваться у врача — мы собрали то, что когда-то искали сами, и проверили каждую информацию с чиновниками.</p>")],
            "outcome": "<p>В путеводителе 24 страницы, мы издали его на польском, украинском и русском тиражом 1500 экземпляров. Он лежит в городской управе, бюро труда и поликлиниках.</p>",
            "gallery_alt": ["Иллюстрация: фигуры рассматривают развёрнутую карту города."],
        },
    },
    {
        "dates": (datetime.date(2023, 6, 17), datetime.date(2023, 6, 18)),
        "participants": 14,
        "pictures": [
            ("Inicjatywa: jedno boisko", ["#e2efe9", "#1d6b2f", "#2f4b8f", "#b34700"], 351),
            ("Inicjatywa: jedno boisko, finał", ["#fdf1dc", "#2f4b8f", "#1d6b2f", "#c45f2b"], 352),
        ],
        "pl": {
            "title": "Jedno boisko: turniej piłkarski",
            "slug": "jedno-boisko",
            "summary": "Weekendowy turniej, w którym każda drużyna musiała mieć graczy urodzonych w Polsce i za granicą.",
            "people": "Rami, Yuliia i drużyna „Włocławek United”",
            "partners": "Ośrodek Sportu i Rekreacji we Włocławku\nSzkoła podstawowa na Zazamczu",
            "city": "Włocławek",
            "body": [("text", "<p>Zasada była jedna: w każdej drużynie grają razem osoby, które urodziły się w Polsce, i te, które przyjechały z innych krajów. Sędziowali uczniowie szkoły, a kibice przynieśli flagi wszystkich krajów.</p>")],
            "outcome": "<p>Zagrało osiem drużyn, prawie 90 zawodników i zawodniczek. Ośrodek sportu udostępni boisko za rok — turniej ma się powtarzać.</p>",
            "gallery_alt": ["Ilustracja: postaci w koszulkach dwóch kolorów na boisku.", "Ilustracja: drużyna z pucharem."],
        },
        "uk": {
            "title": "Одне поле: футбольний турнір",
            "slug": "odne-pole",
            "summary": "Турнір вихідного дня, у якому кожна команда мала мати гравців, народжених у Польщі та за кордоном.",
            "people": "Рамі, Юлія та команда «Włocławek United»",
            "partners": "Центр спорту й відпочинку у Влоцлавеку\nПочаткова школа на Зазамчу",
            "city": "Влоцлавек",
            "body": [("text", "<p>Правило було одне: у кожній команді разом грають ті, хто народився в Польщі, і ті, хто приїхав з інших країн. Судили учні школи, а вболівальники принесли прапори всіх країн.</p>")],
            "outcome": "<p>Зіграли вісім команд, майже 90 гравців і гравчинь. Центр спорту надасть поле й наступного року — турнір має повторюватися.</p>",
            "gallery_alt": ["Ілюстрація: постаті у футболках двох кольорів на полі.", "Ілюстрація: команда з кубком."],
        },
        "en": {
            "title": "One pitch: a football tournament",
            "slug": "one-pitch",
            "summary": "A weekend tournament in which every team had to have players born in Poland and abroad.",
            "people": "Rami, Yuliia and the “Włocławek United” team",
            "partners": "Włocławek Sport and Recreation Centre\nPrimary school in Zazamcze",
            "city": "Włocławek",
            "body": [("text", "<p>There was one rule: in every team, people born in Poland play together with people who came from other countries. Pupils of the school refereed, and the fans brought the flags of every country.</p>")],
            "outcome": "<p>Eight teams played, almost 90 players, women and men. The sport centre will lend the pitch again next year: the tournament is to become a tradition.</p>",
            "gallery_alt": ["Illustration: figures in shirts of two colours on a pitch.", "Illustration: a team with a cup."],
        },
        "ru": {
            "title": "Одно поле: футбольный турнир",
            "slug": "odno-pole",
            "summary": "Турнир выходного дня, в котором в каждой команде должны были быть игроки, родившиеся в Польше и за границей.",
            "people": "Рами, Юлия и команда «Włocławek United»",
            "partners": "Центр спорта и отдыха во Влоцлавеке\nНачальная школа на Зазамче",
            "city": "Влоцлавек",
            "body": [("text", "<p>Правило было одно: в каждой команде вместе играют те, кто родился в Польше, и те, кто приехал из других стран. Судили ученики школы, а болельщики принесли флаги всех стран.</p>")],
            "outcome": "<p>Сыграли восемь команд, почти 90 игроков — мужчин и женщин. Центр спорта предоставит поле и в следующем году — турнир станет традицией.</p>",
            "gallery_alt": ["Иллюстрация: фигуры в футболках двух цветов на поле.", "Иллюстрация: команда с кубком."],
        },
    },
]  # fmt: skip

COOPERATIVE = {
    "founded": datetime.date(2023, 4, 20),
    "pictures": [
        ("Spółdzielnia socjalna Wspólny Stół", ["#fbe6d4", "#b34700", "#005a70", "#1d6b2f"], 361),
        ("Spółdzielnia socjalna Wspólny Stół: pracownia", ["#f3e6f0", "#005a70", "#7a4e9c", "#b34700"], 362),
    ],
    "contact_email": "wspolny-stol@example.org",
    "contact_phone": "+48 52 000 00 00",
    "pl": {
        "title": "Spółdzielnia Socjalna „Wspólny Stół”",
        "slug": "spoldzielnia-wspolny-stol",
        "summary": "Catering z kuchni Ukrainy, Białorusi i Gruzji oraz szycie na zamówienie: spółdzielnia, którą migrantki założyły po warsztatach przedsiębiorczości społecznej.",
        "people": "Olena, Maryna, Tetiana, Lina i Hanna — założycielki",
        "partners": "Ośrodek Wsparcia Ekonomii Społecznej w Bydgoszczy\nKlub Przedsiębiorczych Kobiet",
        "city": "Bydgoszcz",
        "body": [("text", "<p>Spółdzielnia wyrosła z sąsiedzkich kolacji i z warsztatów przedsiębiorczości społecznej w projekcie. Daje pracę osobom, którym najtrudniej ją znaleźć, a zysk przeznacza na kursy języka polskiego dla swoich członkiń.</p>")],
        "offer": "<ul><li>Catering na spotkania, konferencje i uroczystości rodzinne: dania kuchni ukraińskiej, białoruskiej i gruzińskiej, także wegetariańskie.</li><li>Szycie i przeróbki krawieckie, torby i fartuchy z nadrukiem dla firm i organizacji.</li></ul>",
        "how_to_order": "<p>Napisz lub zadzwoń co najmniej pięć dni roboczych przed terminem: podaj datę, liczbę osób i miejsce. Odpowiemy z wyceną w ciągu dwóch dni. Wystawiamy faktury.</p>",
        "how_to_join": "<p>Członkiniami i członkami spółdzielni socjalnej mogą zostać między innymi osoby bezrobotne i osoby z doświadczeniem uchodźstwa. Przyjdź na otwarte spotkanie w pierwszy poniedziałek miesiąca o 17:00 — zaczynamy od trzech miesięcy wspólnej pracy na próbę.</p>",
        "contact_name": "Maryna (zamówienia)",
        "address": "Bydgoszcz, Stare Miasto (dokładny adres podajemy przy zamówieniu)",
        "gallery_alt": ["Ilustracja: postaci w fartuchach przy kuchennym stole.", "Ilustracja: postać przy maszynie do szycia wśród kolorowych tkanin."],
    },
    "uk": {
        "title": "Соціальний кооператив «Спільний стіл»",
        "slug": "kooperatyv-spilnyi-stil",
        "summary": "Кейтеринг з кухні України, Білорусі та Грузії й пошиття на замовлення: кооператив, який мігрантки заснували після семінарів із соціального підприємництва.",
        "people": "Олена, Марина, Тетяна, Ліна й Ганна — засновниці",
        "partners": "Центр підтримки соціальної економіки в Бидгощі\nКлуб жінок-підприємиць",
        "city": "Бидгощ",
        "body": [("text", "<p>Кооператив виріс із сусідських вечерь і семінарів із соціального підприємництва в проєкті. Він дає роботу людям, яким найважче її знайти, а прибуток спрямовує на курси польської мови для своїх учасниць.</p>")],
        "offer": "<ul><li>Кейтеринг на зустрічі, конференції та родинні свята: страви української, білоруської та грузинської кухні, також вегетаріанські.</li><li>Пошиття та переробка одягу, торби й фартухи з друком для фірм і організацій.</li></ul>",
        "how_to_order": "<p>Напишіть або зателефонуйте щонайменше за п’ять робочих днів: вкажіть дату, кількість людей і місце. Ми відповімо з кошторисом протягом двох днів. Виставляємо рахунки-фактури.</p>",
        "how_to_join": "<p>Учасницями й учасниками соціального кооперативу можуть стати, зокрема, безробітні та люди з досвідом біженства. Приходьте на відкриту зустріч у перший понеділок місяця о 17:00 — починаємо з трьох місяців спільної роботи на пробу.</p>",
        "contact_name": "Марина (замовлення)",
        "address": "Бидгощ, Старе Місто (точну адресу повідомляємо під час замовлення)",
        "gallery_alt": ["Ілюстрація: постаті у фартухах біля кухонного столу.", "Ілюстрація: постать за швейною машиною серед барвистих тканин."],
    },
    "en": {
        "title": "“Common Table” Social Cooperative",
        "slug": "common-table-cooperative",
        "summary": "Catering from the cuisines of Ukraine, Belarus and Georgia, and sewing to order: a cooperative that migrant women founded after the social entrepreneurship workshops.",
        "people": "Olena, Maryna, Tetiana, Lina and Hanna, its founders",
        "partners": "Social Economy Support Centre in Bydgoszcz\nEntrepreneurial Women’s Club",
        "city": "Bydgoszcz",
        "body": [("text", "<p>The cooperative grew out of the neighbourhood dinners and the project’s social entrepreneurship workshops. It gives work to people who find it hardest to get a job, and spends its profit on Polish courses for its members.</p>")],
        "offer": "<ul><li>Catering for meetings, conferences and family celebrations: Ukrainian, Belarusian and Georgian dishes, vegetarian ones too.</li><li>Sewing and alterations; printed bags and aprons for businesses and organisations.</li></ul>",
        "how_to_order": "<p>Write or call at least five working days ahead with the date, the number of people and the place. We will reply with a quote within two days. We issue invoices.</p>",
        "how_to_join": "<p>Among those who may become members of a social cooperative are unemployed people and people with a refugee background. Come to the open meeting on the first Monday of the month at 17:00: we start with three months of working together on trial.</p>",
        "contact_name": "Maryna (orders)",
        "address": "Bydgoszcz, Old Town (we give the exact address with your order)",
        "gallery_alt": ["Illustration: figures in aprons at a kitchen table.", "Illustration: a figure at a sewing machine among colourful fabrics."],
    },
    "ru": {
        "title": "Социальный кооператив «Общий стол»",
        "slug": "kooperativ-obshchii-stol",
        "summary": "Кейтеринг украинской, белорусской и грузинской кухни и пошив на заказ: кооператив, который мигрантки основали после семинаров по социальному предпринимательству.",
        "people": "Елена, Марина, Татьяна, Лина и Анна — основательницы",
        "partners": "Центр поддержки социальной экономики в Быдгоще\nКлуб женщин-предпринимательниц",
        "city": "Быдгощ",
        "body": [("text", "<p>Кооператив вырос из соседских ужинов и семинаров по социальному предпринимательству в проекте. Он даёт работу людям, которым труднее всего её найти, а прибыль направляет на курсы польского языка для своих участниц.</p>")],
        "offer": "<ul><li>Кейтеринг на встречи, конференции и семейные праздники: блюда украинской, белорусской и грузинской кухни, в том числе вегетарианские.</li><li>Пошив и переделка одежды, сумки и фартуки с печатью для фирм и организаций.</li></ul>",
        "how_to_order": "<p>Напишите или позвоните не менее чем за пять рабочих дней: укажите дату, число гостей и место. Мы ответим со сметой в течение двух дней. Выставляем счета-фактуры.</p>",
        "how_to_join": "<p>Участницами и участниками социального кооператива могут стать, в частности, безработные и люди с опытом беженства. Приходите на открытую встречу в первый понедельник месяца в 17:00 — начинаем с трёх месяцев совместной работы на пробу.</p>",
        "contact_name": "Марина (заказы)",
        "address": "Быдгощ, Старый город (точный адрес сообщаем при заказе)",
        "gallery_alt": ["Иллюстрация: фигуры в фартуках у кухонного стола.", "Иллюстрация: фигура за швейной машиной среди ярких тканей."],
    },
}  # fmt: skip


def _fields(content):
    """A page's model fields from its demo text (the photos' alt texts go apart)."""
    return {name: value for name, value in content.items() if name != "gallery_alt"}


def _photos(model, pictures, alt_texts):
    return [
        model(image=demo_image(*picture), alt_text=alt_text, sort_order=number)
        for number, (picture, alt_text) in enumerate(
            zip(pictures, alt_texts, strict=True)
        )
    ]


def _translate(page, homes, content):
    for language in LANGUAGES:
        translate_demo(page, homes[language].locale, content["pl"], content[language])


def seed_initiatives(homes, log):
    """The initiatives index under the Polish home page, with the six initiatives
    and the cooperative, each translated into Ukrainian, English and Russian."""
    index, _ = add_page(homes["pl"], InitiativeIndexPage(**INDEX["pl"]))
    _translate(index, homes, INDEX)
    created = 0
    for initiative in INITIATIVES:
        start_date, end_date = initiative["dates"]
        pl = initiative["pl"]
        page, was_created = add_page(
            index,
            InitiativePage(
                **_fields(pl),
                start_date=start_date,
                end_date=end_date,
                participants=initiative["participants"],
                gallery_images=_photos(
                    InitiativeGalleryImage, initiative["pictures"], pl["gallery_alt"]
                ),
            ),
        )
        created += was_created
        _translate(page, homes, initiative)
    pl = COOPERATIVE["pl"]
    cooperative, was_created = add_page(
        index,
        CooperativePage(
            **_fields(pl),
            founded=COOPERATIVE["founded"],
            contact_email=COOPERATIVE["contact_email"],
            contact_phone=COOPERATIVE["contact_phone"],
            gallery_images=_photos(
                CooperativeGalleryImage, COOPERATIVE["pictures"], pl["gallery_alt"]
            ),
        ),
    )
    created += was_created
    _translate(cooperative, homes, COOPERATIVE)
    log(
        f"initiatives and the cooperative: {created} created, "
        f"{len(INITIATIVES) + 1 - created} already there"
    )
    return index
