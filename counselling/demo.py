"""Demo content: the legal advice centre's page, in Polish and Ukrainian."""

from counselling.models import CounsellingPage
from portal.demo import add_page, translate_page

COUNSELLING = {
    "pl": {
        "title": "Porady prawne",
        "slug": "porady-prawne",
        "intro": "<p>Bezpłatne porady prawne dla migrantów i migrantek w Lublinie: zdrowie, edukacja, praca, pobyt i legalizacja, przemoc domowa.</p>",
        "body": [
            (
                "text",
                "<h2>Jak to działa</h2><p>Porad udzielają prawniczki, prawnicy i doradcy poradni prawnej w Lublinie. Spotykamy się we wtorki i czwartki, od 10:00 do 16:00, po wcześniejszym umówieniu — na miejscu albo online. Rozmawiamy po polsku, ukraińsku, rosyjsku i angielsku; na inne języki zapewniamy tłumaczenie.</p><h2>Co zabrać</h2><ul><li>dokument tożsamości,</li><li>pisma z urzędu, których dotyczy sprawa,</li><li>jeśli masz — umowę o pracę lub najmu.</li></ul>",
            ),
            (
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {
                            "figure": "70+",
                            "text": "osób otrzymało porady w latach 2022–2023",
                        }
                    ],
                },
            ),
        ],
        "notify_addresses": "porady@example.org",
    },
    "uk": {
        "title": "Юридичні консультації",
        "slug": "yurydychni-konsultatsii",
        "intro": "<p>Безкоштовні юридичні консультації для мігрантів і мігранток у Любліні: охорона здоров’я, освіта, робота, перебування та легалізація, домашнє насильство.</p>",
        "body": [
            (
                "text",
                "<h2>Як це працює</h2><p>Консультації надають юристки, юристи та консультанти юридичної консультації в Любліні. Ми зустрічаємося у вівторок і четвер з 10:00 до 16:00 за попереднім записом — на місці або онлайн. Говоримо польською, українською, російською та англійською; для інших мов забезпечуємо переклад.</p><h2>Що взяти з собою</h2><ul><li>документ, що посвідчує особу,</li><li>листи з установи, яких стосується справа,</li><li>якщо маєте, — трудовий договір або договір оренди.</li></ul>",
            ),
            (
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {
                            "figure": "70+",
                            "text": "людей отримали консультації у 2022–2023 роках",
                        }
                    ],
                },
            ),
        ],
    },
}


def seed_counselling(homes, log):
    pl, uk = COUNSELLING["pl"], COUNSELLING["uk"]
    page, created = add_page(homes["pl"], CounsellingPage(**pl))
    translate_page(page, homes["uk"].locale, **uk)
    log(f"counselling page: {'created' if created else 'already there'}")
    return page
