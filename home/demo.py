"""Demo content for the home page of each language."""

from home.models import HomePage

HOME_CONTENT = {
    "pl": {
        "intro": (
            "<p>Portal Regionalnego Zespołu Migrantów i organizacji wspierających "
            "cudzoziemców w województwie kujawsko-pomorskim i w Lublinie. Tu migranci i "
            "migrantki opiniują projekty dokumentów publicznych, a wszyscy mogą poznać "
            "nasze kampanie, kluby i sieć asystentów kulturowych.</p>"
        ),
        "featured": [
            (
                "<h2>Regionalny Zespół Migrantów</h2><p>Od 8 do 12 osób z Ukrainy, "
                "Białorusi, Syrii i innych krajów opiniuje projekt strategii województwa "
                "i rekomendacje dla instytucji publicznych — we własnym języku.</p>"
            ),
            (
                "<h2>Asystenci kulturowi</h2><p>Piętnaście osób wspiera urzędy, szkoły i "
                "przychodnie w obsłudze cudzoziemców: tłumaczą, wyjaśniają procedury i "
                "pomagają usprawnić kontakt.</p>"
            ),
            (
                "<h2>Kluby kobiet</h2><p>W Bydgoszczy spotyka się klub przedsiębiorczych "
                "kobiet, a w Ośrodku dla Cudzoziemców w Grupie — kobiety w procedurze "
                "uchodźczej i Polki mieszkające w Grupie.</p>"
            ),
            (
                "<h2>Porady prawne</h2><p>Bezpłatne porady w sprawach zdrowia, edukacji, "
                "pracy, pobytu i legalizacji oraz przemocy domowej.</p>"
            ),
        ],
    },
    "uk": {
        "intro": (
            "<p>Портал Регіональної команди мігрантів та організацій, що підтримують "
            "іноземців у Куявсько-Поморському воєводстві та в Любліні. Тут мігранти й "
            "мігрантки висловлюють думку щодо проєктів публічних документів, а кожен "
            "може дізнатися про наші кампанії, клуби та мережу культурних асистентів.</p>"
        ),
        "featured": [
            (
                "<h2>Регіональна команда мігрантів</h2><p>Від 8 до 12 людей з України, "
                "Білорусі, Сирії та інших країн дають висновки щодо проєкту стратегії "
                "воєводства та рекомендацій для публічних установ — своєю мовою.</p>"
            ),
            (
                "<h2>Культурні асистенти</h2><p>П’ятнадцять людей допомагають урядам, "
                "школам і поліклінікам обслуговувати іноземців: перекладають, пояснюють "
                "процедури та налагоджують контакт.</p>"
            ),
            (
                "<h2>Жіночі клуби</h2><p>У Бидгощі збирається клуб жінок-підприємиць, а в "
                "Центрі для іноземців у Групі — жінки в процедурі отримання захисту та "
                "польки, які живуть у Групі.</p>"
            ),
            (
                "<h2>Юридичні консультації</h2><p>Безкоштовні консультації з питань "
                "охорони здоров’я, освіти, роботи, перебування та легалізації, а також "
                "домашнього насильства.</p>"
            ),
        ],
    },
    "en": {
        "intro": (
            "<p>The portal of the Regional Migrant Team and of the organisations that "
            "support foreigners in the Kujawsko-Pomorskie region and in Lublin. Here "
            "migrants give their opinion on draft public documents, and everyone can "
            "learn about our campaigns, clubs and network of cultural assistants.</p>"
        ),
        "featured": [
            (
                "<h2>Regional Migrant Team</h2><p>Eight to twelve people from Ukraine, "
                "Belarus, Syria and other countries give their opinion on the draft "
                "regional strategy and on recommendations to public institutions — in "
                "their own language.</p>"
            ),
            (
                "<h2>Cultural assistants</h2><p>Fifteen people help offices, schools and "
                "clinics serve foreigners: they interpret, explain procedures and make "
                "contact easier.</p>"
            ),
            (
                "<h2>Women’s clubs</h2><p>An entrepreneurial women’s club meets in "
                "Bydgoszcz; at the Centre for Foreigners in Grupa, women in the refugee "
                "procedure meet Polish women who live in Grupa.</p>"
            ),
            (
                "<h2>Legal advice</h2><p>Free advice on health care, education, work, "
                "residence and legalisation, and domestic violence.</p>"
            ),
        ],
    },
    "ru": {
        "intro": (
            "<p>Портал Региональной команды мигрантов и организаций, поддерживающих "
            "иностранцев в Куявско-Поморском воеводстве и в Люблине. Здесь мигранты "
            "высказывают мнение о проектах публичных документов, а каждый может узнать "
            "о наших кампаниях, клубах и сети культурных ассистентов.</p>"
        ),
        "featured": [
            (
                "<h2>Региональная команда мигрантов</h2><p>От 8 до 12 человек из Украины, "
                "Беларуси, Сирии и других стран дают заключения по проекту стратегии "
                "воеводства и рекомендациям для публичных учреждений — на своём языке.</p>"
            ),
            (
                "<h2>Культурные ассистенты</h2><p>Пятнадцать человек помогают ведомствам, "
                "школам и поликлиникам обслуживать иностранцев: переводят, объясняют "
                "процедуры и налаживают контакт.</p>"
            ),
            (
                "<h2>Женские клубы</h2><p>В Быдгоще собирается клуб женщин-"
                "предпринимательниц, а в Центре для иностранцев в Групе — женщины в "
                "процедуре получения защиты и польки, живущие в Групе.</p>"
            ),
            (
                "<h2>Юридические консультации</h2><p>Бесплатные консультации по вопросам "
                "здравоохранения, образования, работы, пребывания и легализации, а также "
                "домашнего насилия.</p>"
            ),
        ],
    },
}


def seed_home_pages(log):
    """Write the demo text into each language's home page, unless an editor has."""
    filled = 0
    for home in HomePage.objects.select_related("locale"):
        content = HOME_CONTENT.get(home.locale.language_code)
        if content is None or home.intro:
            continue
        home.intro = content["intro"]
        home.featured = [("text", html) for html in content["featured"]]
        home.save_revision(log_action=True).publish()
        filled += 1
    log(f"home pages: {filled} filled")
