"""Demo content: home pages, standard pages, campaign topics and campaigns.

Written from the two source projects (Kujawsko-Pomorskie and Lublin), in Polish with
Ukrainian, English and Russian translations made with wagtail-localize (one of the
campaigns in Polish and Ukrainian only).
"""

import datetime

from wagtail.models import Locale

from home.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignTopic,
    HomePage,
    StandardPage,
)
from portal.demo import (
    add_page,
    demo_image,
    image_with_alt_text,
    translate_demo,
    translate_snippet,
)

# Home pages ------------------------------------------------------------------

HOME_INTRO = {
    "pl": (
        "<p>Portal Regionalnego Zespołu Migrantów i organizacji wspierających "
        "cudzoziemców w województwie kujawsko-pomorskim i w Lublinie. Tu migranci i "
        "migrantki opiniują projekty dokumentów publicznych, a wszyscy mogą poznać "
        "nasze kampanie, kluby i sieć asystentów kulturowych.</p>"
    ),
    "uk": (
        "<p>Портал Регіональної команди мігрантів та організацій, що підтримують "
        "іноземців у Куявсько-Поморському воєводстві та в Любліні. Тут мігранти й "
        "мігрантки висловлюють думку щодо проєктів публічних документів, а кожен "
        "може дізнатися про наші кампанії, клуби та мережу культурних асистентів.</p>"
    ),
    "en": (
        "<p>The portal of the Regional Migrant Team and of the organisations that "
        "support foreigners in the Kujawsko-Pomorskie region and in Lublin. Here "
        "migrants give their opinion on draft public documents, and everyone can "
        "learn about our campaigns, clubs and network of cultural assistants.</p>"
    ),
    "ru": (
        "<p>Портал Региональной команды мигрантов и организаций, поддерживающих "
        "иностранцев в Куявско-Поморском воеводстве и в Люблине. Здесь мигранты "
        "высказывают мнение о проектах публичных документов, а каждый может узнать "
        "о наших кампаниях, клубах и сети культурных ассистентов.</p>"
    ),
}

# (demo page, heading, text) for each language's featured blocks.
HOME_FEATURED = {
    "pl": [
        ("team", "Regionalny Zespół Migrantów", "Od 8 do 12 osób z Ukrainy, Białorusi, Syrii i innych krajów opiniuje projekt strategii województwa i rekomendacje dla instytucji publicznych — we własnym języku."),
        ("assistants", "Asystenci kulturowi", "Asystentki i asystenci wspierają piętnaście instytucji — urzędy, szkoły i przychodnie — w obsłudze cudzoziemców: tłumaczą, wyjaśniają procedury i pomagają usprawnić kontakt."),
        ("clubs", "Kluby kobiet", "W Bydgoszczy spotyka się klub przedsiębiorczych kobiet, a w Ośrodku dla Cudzoziemców w Grupie — kobiety w procedurze uchodźczej i Polki mieszkające w Grupie."),
        ("counselling", "Porady prawne", "Bezpłatne porady w sprawach zdrowia, edukacji, pracy, pobytu i legalizacji oraz przemocy domowej."),
        ("campaigns", "Kampanie", "Nasze kampanie społeczne o migrantach i migrantkach — i o tym, dlaczego integracja jest sprawą całego miasta."),
        ("initiatives", "Inicjatywy migrantów", "Sześć inicjatyw — od sąsiedzkich kolacji po turniej piłkarski — i spółdzielnia socjalna „Wspólny Stół”, która przyjmuje zamówienia."),
    ],
    "uk": [
        ("team", "Регіональна команда мігрантів", "Від 8 до 12 людей з України, Білорусі, Сирії та інших країн дають висновки щодо проєкту стратегії воєводства та рекомендацій для публічних установ — своєю мовою."),
        ("assistants", "Культурні асистенти", "Асистентки й асистенти допомагають п’ятнадцяти установам — урядам, школам і поліклінікам — обслуговувати іноземців: перекладають, пояснюють процедури та налагоджують контакт."),
        ("clubs", "Жіночі клуби", "У Бидгощі збирається клуб жінок-підприємиць, а в Центрі для іноземців у Групі — жінки в процедурі отримання захисту та польки, які живуть у Групі."),
        ("counselling", "Юридичні консультації", "Безкоштовні консультації з питань охорони здоров’я, освіти, роботи, перебування та легалізації, а також домашнього насильства."),
        ("campaigns", "Кампанії", "Наші соціальні кампанії про мігрантів і мігранток — і про те, чому інтеграція стосується всього міста."),
        ("initiatives", "Ініціативи мігрантів", "Шість ініціатив — від сусідських вечерь до футбольного турніру — і соціальний кооператив «Спільний стіл», який приймає замовлення."),
    ],
    "en": [
        ("team", "Regional Migrant Team", "Eight to twelve people from Ukraine, Belarus, Syria and other countries give their opinion on the draft regional strategy and on recommendations to public institutions — in their own language."),
        ("assistants", "Cultural assistants", "Assistants help fifteen institutions — offices, schools and clinics — serve foreigners: they interpret, explain procedures and make contact easier."),
        ("clubs", "Women’s clubs", "An entrepreneurial women’s club meets in Bydgoszcz; at the Centre for Foreigners in Grupa, women in the refugee procedure meet Polish women who live in Grupa."),
        ("counselling", "Legal advice", "Free advice on health care, education, work, residence and legalisation, and domestic violence."),
        ("campaigns", "Campaigns", "Our public campaigns about migrants and migrant women — and about why integration concerns the whole city."),
        ("initiatives", "Migrant initiatives", "Six initiatives — from neighbourhood dinners to a football tournament — and the “Common Table” social cooperative, which takes orders."),
    ],
    "ru": [
        ("team", "Региональная команда мигрантов", "От 8 до 12 человек из Украины, Беларуси, Сирии и других стран дают заключения по проекту стратегии воеводства и рекомендациям для публичных учреждений — на своём языке."),
        ("assistants", "Культурные ассистенты", "Ассистентки и ассистенты помогают пятнадцати учреждениям — ведомствам, школам и поликлиникам — обслуживать иностранцев: переводят, объясняют процедуры и налаживают контакт."),
        ("clubs", "Женские клубы", "В Быдгоще собирается клуб женщин-предпринимательниц, а в Центре для иностранцев в Групе — женщины в процедуре получения защиты и польки, живущие в Групе."),
        ("counselling", "Юридические консультации", "Бесплатные консультации по вопросам здравоохранения, образования, работы, пребывания и легализации, а также домашнего насилия."),
        ("campaigns", "Кампании", "Наши социальные кампании о мигрантах и мигрантках — и о том, почему интеграция касается всего города."),
        ("initiatives", "Инициативы мигрантов", "Шесть инициатив — от соседских ужинов до футбольного турнира — и социальный кооператив «Общий стол», который принимает заказы."),
    ],
}  # fmt: skip


def seed_home_pages(demo_pages, log):
    """Write the demo text into each language's home page, unless an editor has.

    ``demo_pages`` maps a key ("team", "campaigns"…) to the Polish demo page; each
    home page features its own language's translation, or the Polish page.
    """
    filled = 0
    for home in HomePage.objects.select_related("locale"):
        language = home.locale.language_code
        if language not in HOME_INTRO or home.intro:
            continue
        home.intro = HOME_INTRO[language]
        featured = []
        for key, heading, text in HOME_FEATURED[language]:
            page = demo_pages.get(key)
            if page is None:
                continue
            target = page.get_translation_or_none(home.locale) or page
            featured.append(
                ("featured_page", {"page": target, "heading": heading, "text": text})
            )
        home.featured = featured
        home.save_revision(log_action=True).publish()
        filled += 1
    log(f"home pages: {filled} filled")


# Standard pages ----------------------------------------------------------------

ABOUT = {
    "pl": {
        "title": "O nas",
        "slug": "o-nas",
        "intro": "Głos Migrantów łączy dwie inicjatywy obywatelskie: samoorganizację migrantów w województwie kujawsko-pomorskim i rzecznictwo na rzecz migrantów w Lublinie.",
        "body": [
            (
                "text",
                "<h2>Dlaczego</h2><p>W ciągu czterech lat liczba imigrantów w województwie kujawsko-pomorskim się podwoiła — szacuje się, że mieszka tu od 80 do 150 tysięcy osób z zagranicy. W Lublinie w ciągu dekady przybyło ich dziesięciokrotnie więcej, a migracja z czasowej stała się stała. Tymczasem polityki publiczne powstają bez głosu osób, których dotyczą, a urzędy rzadko mają wsparcie w obsłudze cudzoziemców.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Co już się udało",
                    "figures": [
                        {
                            "figure": "15",
                            "text": "instytucji wspieranych przez asystentów kulturowych",
                        },
                        {
                            "figure": "14",
                            "text": "obszarów lokalnego systemu integracji objętych monitoringiem w Lublinie",
                        },
                        {"figure": "70+", "text": "osób skorzystało z porad prawnych"},
                        {
                            "figure": "160",
                            "text": "godzin warsztatów z rzecznictwa i samoorganizacji",
                        },
                    ],
                },
            ),
            (
                "text",
                "<h2>Co robimy</h2><ul><li>Regionalny Zespół Migrantów opiniuje projekt strategii województwa i rekomendacje dla instytucji.</li><li>Asystenci kulturowi pomagają urzędom, szkołom i przychodniom.</li><li>Kluby kobiet są miejscem samopomocy i wspólnych inicjatyw.</li><li>Poradnia prawna w Lublinie udziela bezpłatnych porad.</li></ul><p>Projekty sfinansowano z Funduszy EOG w ramach Programu Aktywni Obywatele – Fundusz Krajowy.</p>",
            ),
        ],
    },
    "uk": {
        "title": "Про нас",
        "slug": "pro-nas",
        "intro": "«Голос мігрантів» об’єднує дві громадянські ініціативи: самоорганізацію мігрантів у Куявсько-Поморському воєводстві та адвокацію прав мігрантів у Любліні.",
        "body": [
            (
                "text",
                "<h2>Навіщо</h2><p>За чотири роки кількість іммігрантів у Куявсько-Поморському воєводстві подвоїлася — за оцінками, тут живе від 80 до 150 тисяч людей з-за кордону. У Любліні за десять років їх стало вдесятеро більше, а міграція з тимчасової стала постійною. Проте публічна політика твориться без голосу людей, яких вона стосується, а установи рідко мають підтримку в обслуговуванні іноземців.</p>",
            ),
            (
                "key_figures",
                {
                    "heading": "Що вже вдалося",
                    "figures": [
                        {
                            "figure": "15",
                            "text": "установ, яким допомагають культурні асистенти",
                        },
                        {
                            "figure": "14",
                            "text": "сфер місцевої системи інтеграції, охоплених моніторингом у Любліні",
                        },
                        {
                            "figure": "70+",
                            "text": "людей отримали юридичні консультації",
                        },
                        {
                            "figure": "160",
                            "text": "годин семінарів з адвокації та самоорганізації",
                        },
                    ],
                },
            ),
            (
                "text",
                "<h2>Що ми робимо</h2><ul><li>Регіональна команда мігрантів дає висновки щодо проєкту стратегії воєводства та рекомендацій для установ.</li><li>Культурні асистенти допомагають урядам, школам і поліклінікам.</li><li>Жіночі клуби — місце взаємодопомоги та спільних ініціатив.</li><li>Юридична консультація в Любліні надає безкоштовні поради.</li></ul><p>Проєкти профінансовано з Фондів ЄЕЗ у межах Програми «Активні громадяни – Національний фонд».</p>",
            ),
        ],
    },
    "en": {
        "title": "About us",
        "slug": "about-us",
        "intro": "Migrant Voices brings together two civic initiatives: migrants organising themselves in the Kujawsko-Pomorskie region, and advocacy for migrants in Lublin.",
        "body": [
            ("text", "<h2>Why</h2><p>In four years the number of immigrants in the Kujawsko-Pomorskie region has doubled: an estimated 80,000 to 150,000 people from abroad live here. In Lublin their number has grown tenfold in a decade, and migration that used to be temporary has become permanent. Yet public policy is made without the voice of the people it concerns, and offices rarely get any help in serving foreigners.</p>"),
            ("key_figures", {"heading": "What we have achieved", "figures": [
                {"figure": "15", "text": "institutions supported by cultural assistants"},
                {"figure": "14", "text": "areas of Lublin’s local integration system covered by our monitoring"},
                {"figure": "70+", "text": "people received legal advice"},
                {"figure": "160", "text": "hours of workshops on advocacy and self-organisation"},
            ]}),
            ("text", "<h2>What we do</h2><ul><li>The Regional Migrant Team gives its opinion on the draft regional strategy and on recommendations to institutions.</li><li>Cultural assistants help offices, schools and clinics.</li><li>Women’s clubs are places of mutual help and shared initiatives.</li><li>Our legal advice centre in Lublin gives free advice.</li></ul><p>The projects were funded by the EEA Grants under the Active Citizens Fund – National.</p>"),
        ],
    },
    "ru": {
        "title": "О нас",
        "slug": "o-nas",
        "intro": "«Голос мигрантов» объединяет две гражданские инициативы: самоорганизацию мигрантов в Куявско-Поморском воеводстве и адвокацию прав мигрантов в Люблине.",
        "body": [
            ("text", "<h2>Зачем</h2><p>За четыре года число иммигрантов в Куявско-Поморском воеводстве удвоилось: по оценкам, здесь живёт от 80 до 150 тысяч человек из-за границы. В Люблине за десять лет их стало в десять раз больше, а миграция из временной стала постоянной. При этом публичная политика создаётся без голоса тех, кого она касается, а учреждения редко получают поддержку в работе с иностранцами.</p>"),
            ("key_figures", {"heading": "Что уже удалось", "figures": [
                {"figure": "15", "text": "учреждений, которым помогают культурные ассистенты"},
                {"figure": "14", "text": "сфер местной системы интеграции в Люблине охвачены мониторингом"},
                {"figure": "70+", "text": "человек получили юридические консультации"},
                {"figure": "160", "text": "часов семинаров по адвокации и самоорганизации"},
            ]}),
            ("text", "<h2>Что мы делаем</h2><ul><li>Региональная команда мигрантов даёт заключения по проекту стратегии воеводства и рекомендациям для учреждений.</li><li>Культурные ассистенты помогают ведомствам, школам и поликлиникам.</li><li>Женские клубы — место взаимопомощи и совместных инициатив.</li><li>Юридическая консультация в Люблине бесплатно консультирует мигрантов.</li></ul><p>Проекты профинансированы из Фондов ЕЭЗ в рамках Программы «Активные граждане – Национальный фонд».</p>"),
        ],
    },
}  # fmt: skip

PRIVACY = {
    "pl": {
        "title": "Polityka prywatności",
        "slug": "polityka-prywatnosci",
        "intro": "Jakie dane zbieramy przez portal, po co, jak długo je przechowujemy i jakie masz prawa.",
        "body": [
            (
                "text",
                "<h2>Jakie dane</h2><p>Dane osobowe zbieramy tylko wtedy, gdy sam(a) je nam podajesz: w formularzu zgłoszenia do klubu i w prośbie o poradę prawną. Portal nie używa narzędzi analitycznych ani reklamowych; zapisuje tylko pliki cookie potrzebne do działania formularzy i logowania.</p><h2>Po co i jak długo</h2><p>Zgłoszenie do klubu służy wyłącznie do kontaktu w sprawie dołączenia; prośba o poradę — do udzielenia porady. Dane przechowujemy przez 12 miesięcy od wysłania formularza, a potem je usuwamy. Widzą je tylko osoby z naszego zespołu, które odpowiadają na zgłoszenia.</p><h2>Twoje prawa</h2><p>Możesz poprosić o wgląd w swoje dane, ich poprawienie lub usunięcie, a także wycofać zgodę. Masz też prawo złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych.</p>",
            ),
        ],
    },
    "uk": {
        "title": "Політика конфіденційності",
        "slug": "polityka-konfidentsiinosti",
        "intro": "Які дані ми збираємо через портал, навіщо, як довго зберігаємо і які у вас права.",
        "body": [
            (
                "text",
                "<h2>Які дані</h2><p>Ми збираємо персональні дані лише тоді, коли ви самі їх надаєте: у формі заявки до клубу та в запиті на юридичну консультацію. Портал не використовує аналітичних чи рекламних інструментів; він зберігає лише файли cookie, потрібні для роботи форм і входу.</p><h2>Навіщо і як довго</h2><p>Заявка до клубу потрібна лише для того, щоб зв’язатися з вами щодо вступу; запит на консультацію — щоб надати пораду. Ми зберігаємо дані 12 місяців від надсилання форми, а потім видаляємо. Їх бачать лише люди з нашої команди, які відповідають на заявки.</p><h2>Ваші права</h2><p>Ви можете попросити доступ до своїх даних, їх виправлення чи видалення, а також відкликати згоду. Ви також маєте право подати скаргу Голові Управління захисту персональних даних (Польща).</p>",
            ),
        ],
    },
    "en": {
        "title": "Privacy policy",
        "slug": "privacy-policy",
        "intro": "What data we collect through the portal, why, how long we keep it and what your rights are.",
        "body": [
            ("text", "<h2>What data</h2><p>We collect personal data only when you give it to us yourself: in the form for joining a club and in a request for legal advice. The portal uses no analytics or advertising tools; it stores only the cookies that forms and logging in need to work.</p><h2>Why and for how long</h2><p>A request to join a club is used only to contact you about joining; a request for advice only to give you advice. We keep the data for 12 months after you send the form and then delete it. Only the members of our team who answer requests can see it.</p><h2>Your rights</h2><p>You can ask to see your data, to have it corrected or deleted, and you can withdraw your consent. You also have the right to complain to the President of the Personal Data Protection Office (UODO) in Poland.</p>"),
        ],
    },
    "ru": {
        "title": "Политика конфиденциальности",
        "slug": "politika-konfidentsialnosti",
        "intro": "Какие данные мы собираем через портал, зачем, как долго храним и какие у вас права.",
        "body": [
            ("text", "<h2>Какие данные</h2><p>Мы собираем персональные данные только тогда, когда вы сами их нам сообщаете: в форме заявки в клуб и в запросе на юридическую консультацию. Портал не использует инструменты аналитики и рекламы; он сохраняет только файлы cookie, необходимые для работы форм и входа.</p><h2>Зачем и как долго</h2><p>Заявка в клуб нужна только для того, чтобы связаться с вами по поводу вступления; запрос на консультацию — чтобы проконсультировать вас. Мы храним данные 12 месяцев после отправки формы, а затем удаляем их. Их видят только люди из нашей команды, которые отвечают на заявки.</p><h2>Ваши права</h2><p>Вы можете запросить доступ к своим данным, их исправление или удаление, а также отозвать согласие. Вы также вправе подать жалобу Председателю Управления по защите персональных данных (Польша).</p>"),
        ],
    },
}  # fmt: skip

ACCESSIBILITY = {
    "pl": {
        "title": "Deklaracja dostępności",
        "slug": "deklaracja-dostepnosci",
        "intro": "Chcemy, by z portalu mógł korzystać każdy — także z czytnikiem ekranu, tylko za pomocą klawiatury albo na telefonie.",
        "body": [
            (
                "text",
                "<h2>Stan dostępności</h2><p>Portal jest projektowany zgodnie z wytycznymi WCAG 2.1 na poziomie AA. Każda zmiana jest sprawdzana automatycznie narzędziem axe-core, a główne ścieżki — ręcznie, z klawiatury. Treści są dostępne w czterech językach: polskim, ukraińskim, angielskim i rosyjskim.</p><h2>Znane ograniczenia</h2><ul><li>Filmy osadzone z serwisów zewnętrznych mogą nie mieć napisów.</li><li>Niektóre dokumenty PDF przygotowane przez partnerów mogą nie być w pełni dostępne.</li></ul><h2>Informacje zwrotne</h2><p>Jeśli coś nie działa, napisz do nas — postaramy się udostępnić treść w inny sposób w ciągu 7 dni. Jeżeli odmówimy, możesz złożyć skargę do Rzecznika Praw Obywatelskich.</p>",
            ),
        ],
    },
    "uk": {
        "title": "Декларація доступності",
        "slug": "deklaratsiia-dostupnosti",
        "intro": "Ми хочемо, щоб порталом міг користуватися кожен — зокрема з програмою зчитування з екрана, лише з клавіатури або на телефоні.",
        "body": [
            (
                "text",
                "<h2>Стан доступності</h2><p>Портал створюється відповідно до настанов WCAG 2.1 на рівні AA. Кожну зміну автоматично перевіряє інструмент axe-core, а основні сценарії — вручну, з клавіатури. Матеріали доступні чотирма мовами: польською, українською, англійською та російською.</p><h2>Відомі обмеження</h2><ul><li>Відео із зовнішніх сервісів можуть не мати субтитрів.</li><li>Деякі PDF-документи від партнерів можуть бути не повністю доступними.</li></ul><h2>Зворотний зв’язок</h2><p>Якщо щось не працює, напишіть нам — ми спробуємо надати матеріал в інший спосіб протягом 7 днів. Якщо ми відмовимо, ви можете подати скаргу Уповноваженому з прав людини (Польща).</p>",
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "intro": "We want everyone to be able to use the portal — with a screen reader, with a keyboard only or on a phone.",
        "body": [
            ("text", "<h2>How accessible the portal is</h2><p>The portal is designed to meet WCAG 2.1 at level AA. Every change is checked automatically with axe-core, and the main paths through the site are tested by hand with a keyboard. The content is available in four languages: Polish, Ukrainian, English and Russian.</p><h2>Known limitations</h2><ul><li>Videos embedded from other services may have no subtitles.</li><li>Some PDF documents prepared by our partners may not be fully accessible.</li></ul><h2>Feedback</h2><p>If something does not work, write to us: we will try to give you the content in another way within 7 days. If we refuse, you can complain to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich).</p>"),
        ],
    },
    "ru": {
        "title": "Заявление о доступности",
        "slug": "zayavlenie-o-dostupnosti",
        "intro": "Мы хотим, чтобы порталом мог пользоваться каждый — в том числе с программой чтения с экрана, только с клавиатуры или с телефона.",
        "body": [
            ("text", "<h2>Уровень доступности</h2><p>Портал разрабатывается в соответствии с рекомендациями WCAG 2.1 на уровне AA. Каждое изменение автоматически проверяется инструментом axe-core, а основные сценарии — вручную, с клавиатуры. Материалы доступны на четырёх языках: польском, украинском, английском и русском.</p><h2>Известные ограничения</h2><ul><li>Видео со сторонних сервисов могут быть без субтитров.</li><li>Некоторые PDF-документы партнёров могут быть доступны не полностью.</li></ul><h2>Обратная связь</h2><p>Если что-то не работает, напишите нам — мы постараемся предоставить материал другим способом в течение 7 дней. Если мы откажем, вы можете подать жалобу Уполномоченному по правам человека (Польша).</p>"),
        ],
    },
}  # fmt: skip


def _standard_page(content):
    return StandardPage(
        title=content["title"],
        slug=content["slug"],
        intro=content["intro"],
        body=content["body"],
    )


def seed_standard_pages(homes, log):
    """About, privacy and accessibility pages in every language."""
    pages = {}
    for key, content in [
        ("about", ABOUT),
        ("privacy", PRIVACY),
        ("accessibility", ACCESSIBILITY),
    ]:
        page, _ = add_page(homes["pl"], _standard_page(content["pl"]))
        for language in ["uk", "en", "ru"]:
            translate_demo(
                page, homes[language].locale, content["pl"], content[language]
            )
        pages[key] = page
    log(f"standard pages: {len(pages)} in every language")
    return pages


# Campaigns -----------------------------------------------------------------------

# (slug, names in Polish, Ukrainian, English and Russian)
TOPICS = [
    ("integration", "Integracja", "Інтеграція", "Integration", "Интеграция"),
    ("women", "Kobiety", "Жінки", "Women", "Женщины"),
    ("participation", "Udział w życiu publicznym", "Участь у громадському житті", "Taking part in public life", "Участие в общественной жизни"),
    ("public-services", "Urzędy i usługi publiczne", "Установи та публічні послуги", "Offices and public services", "Учреждения и публичные услуги"),
]  # fmt: skip

CAMPAIGNS = [
    {
        "key": "neighbours",
        "topics": ["integration", "women"],
        "start_date": datetime.date(2023, 5, 15),
        "end_date": datetime.date(2023, 7, 31),
        "image": ("Kampania: sąsiadki i sąsiedzi", ["#f4e3c1", "#005a70", "#b34700", "#6a8e3f"], 31),
        "figure_image": ("Kampania: spotkanie w bibliotece", ["#dbe9ee", "#003f4f", "#c45f2b", "#f2b134"], 32),
        "pl": {
            "title": "Migrantki i migranci — nasze sąsiadki i sąsiedzi",
            "slug": "sasiadki-i-sasiedzi",
            "summary": "Kampania społeczna w Lublinie o osobach z innych krajów, które tu mieszkają, pracują i współtworzą miasto — a szczególnie o migrantkach.",
            "hero_image_alt_text": "Ilustracja: grupa postaci w różnych kolorach stoi obok siebie na tle kolorowych kół.",
            "body": lambda image, counselling: [
                ("text", "<h2>Niewidzialne mieszkanki i mieszkańcy</h2><p>W ciągu dekady liczba cudzoziemców w Lublinie wzrosła dziesięciokrotnie, a migracja z czasowej stała się stała. Migranci i migrantki pracują w szpitalach, prowadzą firmy, uczą w szkołach — a mimo to w życiu miasta często są niewidoczni. Kampania pokazała ich historie na plakatach, w mediach lokalnych i na spotkaniach w bibliotekach.</p>"),
                ("quote", {"quote": "Nie jesteśmy gośćmi. Mieszkamy tu, pracujemy i płacimy podatki. Chcemy, żeby miasto nas widziało.", "attribution": "Uczestniczka kampanii, Lublin"}),
                ("image", {"image": image_with_alt_text(image, "Ilustracja: rozmowa kilku osób przy stole, w tle półki z książkami."), "caption": "Spotkanie w bibliotece dzielnicowej.", "credit": "Głos Migrantów"}),
                ("key_figures", {"heading": "Lublin w liczbach", "figures": [
                    {"figure": "10×", "text": "więcej cudzoziemców niż dekadę temu"},
                    {"figure": "14", "text": "obszarów integracji objętych monitoringiem"},
                    {"figure": "82", "text": "urzędniczki i urzędników na seminariach i wizytach studyjnych"},
                ]}),
                ("call_to_action", {"text": "Potrzebujesz porady prawnej?", "page": counselling, "url": ""}),
            ],
        },
        "uk": {
            "title": "Мігрантки та мігранти — наші сусідки й сусіди",
            "slug": "susidky-i-susidy",
            "summary": "Соціальна кампанія в Любліні про людей з інших країн, які тут живуть, працюють і творять місто разом з усіма, — а особливо про мігранток.",
            "hero_image_alt_text": "Ілюстрація: група різнокольорових постатей стоїть поруч на тлі кольорових кіл.",
            "body": lambda image, counselling: [
                ("text", "<h2>Невидимі мешканки й мешканці</h2><p>За десять років кількість іноземців у Любліні зросла вдесятеро, а міграція з тимчасової стала постійною. Мігранти й мігрантки працюють у лікарнях, ведуть бізнес, навчають у школах — і все ж у житті міста їх часто не помічають. Кампанія розповіла їхні історії на плакатах, у місцевих медіа та на зустрічах у бібліотеках.</p>"),
                ("quote", {"quote": "Ми не гості. Ми тут живемо, працюємо і платимо податки. Ми хочемо, щоб місто нас бачило.", "attribution": "Учасниця кампанії, Люблін"}),
                ("image", {"image": image_with_alt_text(image, "Ілюстрація: кілька людей розмовляють за столом, позаду полиці з книжками."), "caption": "Зустріч у районній бібліотеці.", "credit": "Голос мігрантів"}),
                ("key_figures", {"heading": "Люблін у цифрах", "figures": [
                    {"figure": "10×", "text": "більше іноземців, ніж десять років тому"},
                    {"figure": "14", "text": "сфер інтеграції, охоплених моніторингом"},
                    {"figure": "82", "text": "посадовиці й посадовці на семінарах і навчальних візитах"},
                ]}),
                ("call_to_action", {"text": "Потрібна юридична консультація?", "page": counselling, "url": ""}),
            ],
        },
        "en": {
            "title": "Migrants — our neighbours",
            "slug": "our-neighbours",
            "summary": "A public campaign in Lublin about people from other countries who live and work here and help shape the city — and about migrant women in particular.",
            "hero_image_alt_text": "Illustration: a group of figures in different colours stands side by side against a background of coloured circles.",
            "body": lambda image, counselling: [
                ("text", "<h2>Invisible residents</h2><p>In a decade the number of foreigners in Lublin has grown tenfold, and migration that used to be temporary has become permanent. Migrants work in hospitals, run businesses and teach in schools — and yet they often go unseen in the life of the city. The campaign told their stories on posters, in the local media and at meetings in libraries.</p>"),
                ("quote", {"quote": "We are not guests. We live here, we work and we pay taxes. We want the city to see us.", "attribution": "A woman taking part in the campaign, Lublin"}),
                ("image", {"image": image_with_alt_text(image, "Illustration: several people talking at a table, with bookshelves behind them."), "caption": "A meeting in a local library.", "credit": "Migrant Voices"}),
                ("key_figures", {"heading": "Lublin in figures", "figures": [
                    {"figure": "10×", "text": "more foreigners than a decade ago"},
                    {"figure": "14", "text": "areas of integration covered by the monitoring"},
                    {"figure": "82", "text": "city officials at seminars and study visits"},
                ]}),
                ("call_to_action", {"text": "Do you need legal advice?", "page": counselling, "url": ""}),
            ],
        },
        "ru": {
            "title": "Мигрантки и мигранты — наши соседки и соседи",
            "slug": "sosedki-i-sosedi",
            "summary": "Социальная кампания в Люблине о людях из других стран, которые здесь живут, работают и вместе со всеми создают город, — и особенно о мигрантках.",
            "hero_image_alt_text": "Иллюстрация: группа разноцветных фигур стоит рядом на фоне цветных кругов.",
            "body": lambda image, counselling: [
                ("text", "<h2>Невидимые жительницы и жители</h2><p>За десять лет число иностранцев в Люблине выросло в десять раз, а миграция из временной стала постоянной. Мигранты и мигрантки работают в больницах, ведут бизнес, преподают в школах — и всё же в жизни города их часто не замечают. Кампания рассказала их истории на плакатах, в местных СМИ и на встречах в библиотеках.</p>"),
                ("quote", {"quote": "Мы не гости. Мы здесь живём, работаем и платим налоги. Мы хотим, чтобы город нас видел.", "attribution": "Участница кампании, Люблин"}),
                ("image", {"image": image_with_alt_text(image, "Иллюстрация: несколько человек беседуют за столом, за ними книжные полки."), "caption": "Встреча в районной библиотеке.", "credit": "Голос мигрантов"}),
                ("key_figures", {"heading": "Люблин в цифрах", "figures": [
                    {"figure": "10×", "text": "больше иностранцев, чем десять лет назад"},
                    {"figure": "14", "text": "сфер интеграции охвачены мониторингом"},
                    {"figure": "82", "text": "чиновницы и чиновника на семинарах и ознакомительных визитах"},
                ]}),
                ("call_to_action", {"text": "Нужна юридическая консультация?", "page": counselling, "url": ""}),
            ],
        },
    },
    {
        "key": "elections",
        "topics": ["participation", "integration"],
        "start_date": datetime.date(2023, 9, 1),
        "end_date": datetime.date(2023, 10, 15),
        "image": ("Kampania: integracja na wybory", ["#e8e0f0", "#4b2e83", "#b34700", "#1d6b2f"], 41),
        "pl": {
            "title": "Integracja to temat na wybory",
            "slug": "integracja-na-wybory",
            "summary": "W czasie kampanii wyborczej pytaliśmy kandydatki i kandydatów, co zrobią dla integracji migrantów w Lublinie — żeby ten temat trafił do debaty publicznej.",
            "hero_image_alt_text": "Ilustracja: postaci stoją obok siebie pod dużymi kołami w barwach fioletu i pomarańczu.",
            "body": lambda image, counselling: [
                ("text", "<h2>Dlaczego w czasie wyborów</h2><p>Migranci i migrantki w większości nie mogą głosować, ale decyzje podejmowane po wyborach dotyczą ich codzienności: szkół, przychodni, urzędów i mieszkań. Dlatego w czasie kampanii wyborczej zadawaliśmy kandydatom i kandydatkom pytania o integrację i publikowaliśmy odpowiedzi.</p><h2>Nasze pytania</h2><ul><li>Czy miasto przyjmie lokalną politykę integracyjną i zapewni na nią budżet?</li><li>Jak urzędy będą obsługiwać osoby, które nie mówią po polsku?</li><li>Kto w urzędzie będzie osobą kontaktową dla migrantów?</li></ul>"),
                ("quote", {"quote": "Nie mogę głosować, ale mogę pytać. I chcę usłyszeć odpowiedź.", "attribution": "Członkini zespołu konsultacyjnego"}),
                ("text", "<p>Pod koniec 2023 roku miasto zapowiedziało przyjęcie dokumentu „Zarys lokalnej polityki integracyjnej”, a rada miasta uchwaliła budżet na integrację.</p>"),
            ],
        },
        "uk": {
            "title": "Інтеграція — тема для виборів",
            "slug": "intehratsiia-na-vybory",
            "summary": "Під час виборчої кампанії ми запитували кандидаток і кандидатів, що вони зроблять для інтеграції мігрантів у Любліні, — щоб ця тема потрапила в публічну дискусію.",
            "hero_image_alt_text": "Ілюстрація: постаті стоять поруч під великими колами фіолетового й помаранчевого кольорів.",
            "body": lambda image, counselling: [
                ("text", "<h2>Чому під час виборів</h2><p>Більшість мігрантів і мігранток не можуть голосувати, але рішення, ухвалені після виборів, стосуються їхнього повсякдення: шкіл, поліклінік, установ і житла. Тому під час виборчої кампанії ми ставили кандидатам і кандидаткам запитання про інтеграцію та публікували відповіді.</p><h2>Наші запитання</h2><ul><li>Чи ухвалить місто місцеву політику інтеграції та чи виділить на неї бюджет?</li><li>Як установи обслуговуватимуть людей, які не говорять польською?</li><li>Хто в міській раді буде контактною особою для мігрантів?</li></ul>"),
                ("quote", {"quote": "Я не можу голосувати, але можу запитувати. І хочу почути відповідь.", "attribution": "Учасниця консультаційної групи"}),
                ("text", "<p>Наприкінці 2023 року місто пообіцяло ухвалити документ «Засади місцевої політики інтеграції», а міська рада затвердила бюджет на інтеграцію.</p>"),
            ],
        },
    },
    {
        "key": "strategy",
        "topics": ["participation", "public-services"],
        "start_date": datetime.date(2025, 3, 1),
        "end_date": None,
        "image": ("Kampania: głos w strategii województwa", ["#e3f1e6", "#1d6b2f", "#005a70", "#f2b134"], 51),
        "pl": {
            "title": "Głos migrantów w strategii województwa",
            "slug": "glos-w-strategii",
            "summary": "Regionalny Zespół Migrantów czyta projekt strategii województwa kujawsko-pomorskiego i mówi, co w nim zmienić — a my pokazujemy, co z tych uwag wynika.",
            "hero_image_alt_text": "Ilustracja: rząd postaci w zieleni i błękicie na tle żółtych i zielonych kół.",
            "body": lambda image, counselling: [
                ("text", "<h2>O co chodzi</h2><p>Województwo przygotowuje strategię, która na lata określi, jak działają urzędy, szkoły i służba zdrowia. Osoby z doświadczeniem migracji najlepiej wiedzą, gdzie system zawodzi — dlatego Regionalny Zespół Migrantów opiniuje projekt strategii rozdział po rozdziale.</p><p>Każdą uwagę publikujemy razem z odpowiedzią urzędu, żeby było widać, czyj głos coś zmienił.</p>"),
                ("key_figures", {"heading": "Zespół", "figures": [
                    {"figure": "8–12", "text": "osób w Regionalnym Zespole Migrantów"},
                    {"figure": "4", "text": "języki, w których czytamy projekt"},
                    {"figure": "15", "text": "instytucji, z którymi współpracują asystenci kulturowi"},
                ]}),
            ],
        },
        "uk": {
            "title": "Голос мігрантів у стратегії воєводства",
            "slug": "holos-u-stratehii",
            "summary": "Регіональна команда мігрантів читає проєкт стратегії Куявсько-Поморського воєводства і каже, що в ньому змінити, — а ми показуємо, що з цих зауважень випливає.",
            "hero_image_alt_text": "Ілюстрація: ряд постатей у зелених і блакитних тонах на тлі жовтих і зелених кіл.",
            "body": lambda image, counselling: [
                ("text", "<h2>Про що йдеться</h2><p>Воєводство готує стратегію, яка на роки визначить, як працюють установи, школи та охорона здоров’я. Люди з досвідом міграції найкраще знають, де система дає збій, — тому Регіональна команда мігрантів дає висновки щодо проєкту стратегії розділ за розділом.</p><p>Кожне зауваження ми публікуємо разом з відповіддю установи, щоб було видно, чий голос щось змінив.</p>"),
                ("key_figures", {"heading": "Команда", "figures": [
                    {"figure": "8–12", "text": "людей у Регіональній команді мігрантів"},
                    {"figure": "4", "text": "мови, якими ми читаємо проєкт"},
                    {"figure": "15", "text": "установ, з якими співпрацюють культурні асистенти"},
                ]}),
            ],
        },
    },
]  # fmt: skip

CAMPAIGN_INDEX = {
    "pl": {
        "title": "Kampanie",
        "slug": "kampanie",
        "intro": "<p>Kampanie społeczne o migrantach i migrantkach w naszych miastach: kim są, czego potrzebują i dlaczego integracja jest sprawą wszystkich.</p>",
    },
    "uk": {
        "title": "Кампанії",
        "slug": "kampanii",
        "intro": "<p>Соціальні кампанії про мігрантів і мігранток у наших містах: хто вони, чого потребують і чому інтеграція стосується всіх.</p>",
    },
    "en": {
        "title": "Campaigns",
        "slug": "campaigns",
        "intro": "<p>Public campaigns about migrants in our cities: who they are, what they need and why integration concerns everyone.</p>",
    },
    "ru": {
        "title": "Кампании",
        "slug": "kampanii",
        "intro": "<p>Социальные кампании о мигрантах и мигрантках в наших городах: кто они, что им нужно и почему интеграция касается всех.</p>",
    },
}


def seed_topics(homes, log):
    topics = {}
    for slug, *names in TOPICS:
        topic = CampaignTopic.objects.filter(
            slug=slug, locale=Locale.get_default()
        ).first()
        if topic is None:
            topic = CampaignTopic.objects.create(
                slug=slug, name=names[0], locale=Locale.get_default()
            )
        for language, name in zip(["uk", "en", "ru"], names[1:], strict=True):
            translate_snippet(topic, homes[language].locale, name=name)
        topics[slug] = topic
    log(f"campaign topics: {len(topics)} in every language")
    return topics


def seed_campaigns(homes, counselling_page, log):
    """The campaign index and three campaigns, in Polish and Ukrainian, and the
    index and the first campaign also in English and Russian."""
    topics = seed_topics(homes, log)
    index, _ = add_page(homes["pl"], CampaignIndexPage(**CAMPAIGN_INDEX["pl"]))
    for language in ["uk", "en", "ru"]:
        translate_demo(
            index,
            homes[language].locale,
            CAMPAIGN_INDEX["pl"],
            CAMPAIGN_INDEX[language],
        )
    created = 0
    for campaign in CAMPAIGNS:
        hero = demo_image(*campaign["image"])
        figure = demo_image(*campaign.get("figure_image", campaign["image"]))
        pl = campaign["pl"]
        page, was_created = add_page(
            index,
            CampaignPage(
                title=pl["title"],
                slug=pl["slug"],
                summary=pl["summary"],
                hero_image=hero,
                hero_image_alt_text=pl["hero_image_alt_text"],
                start_date=campaign["start_date"],
                end_date=campaign["end_date"],
                topics=[topics[slug] for slug in campaign["topics"]],
                body=pl["body"](figure, counselling_page),
            ),
        )
        created += was_created
        for language in ["uk", "en", "ru"]:
            if language in campaign:
                content = campaign[language]
                translate_demo(
                    page,
                    homes[language].locale,
                    {**pl, "body": pl["body"](figure, counselling_page)},
                    {**content, "body": content["body"](figure, counselling_page)},
                )
    log(f"campaigns: {created} created, {len(CAMPAIGNS) - created} already there")
    return index
