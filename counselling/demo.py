"""Demo content: the legal advice centre's page, in Polish, Ukrainian, English and
Russian."""

from counselling.models import CounsellingPage
from portal.demo import add_page, translate_demo

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
    "en": {
        "title": "Legal advice",
        "slug": "legal-advice",
        "intro": "<p>Free legal advice for migrants in Lublin: health care, education, work, residence and legalisation, domestic violence.</p>",
        "body": [
            (
                "text",
                "<h2>How it works</h2><p>Advice is given by the lawyers and advisers of our legal advice centre in Lublin. We meet on Tuesdays and Thursdays, from 10:00 to 16:00, by appointment — in person or online. We speak Polish, Ukrainian, Russian and English, and arrange an interpreter for other languages.</p><h2>What to bring</h2><ul><li>an identity document,</li><li>any letters from the office your case is about,</li><li>your employment contract or tenancy agreement, if you have one.</li></ul>",
            ),
            (
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {
                            "figure": "70+",
                            "text": "people received advice in 2022–2023",
                        }
                    ],
                },
            ),
        ],
    },
    "ru": {
        "title": "Юридические консультации",
        "slug": "yuridicheskie-konsultatsii",
        "intro": "<p>Бесплатные юридические консультации для мигрантов и мигранток в Люблине: здравоохранение, образование, работа, пребывание и легализация, домашнее насилие.</p>",
        "body": [
            (
                "text",
                "<h2>Как это работает</h2><p>Консультируют юристки, юристы и консультанты юридической консультации в Люблине. Мы принимаем по вторникам и четвергам с 10:00 до 16:00 по предварительной записи — очно или онлайн. Говорим по-польски, по-украински, по-русски и по-английски; для других языков приглашаем переводчика.</p><h2>Что взять с собой</h2><ul><li>документ, удостоверяющий личность,</li><li>письма из учреждения, которых касается дело,</li><li>если есть, — трудовой договор или договор аренды.</li></ul>",
            ),
            (
                "key_figures",
                {
                    "heading": "",
                    "figures": [
                        {
                            "figure": "70+",
                            "text": "человек получили консультации в 2022–2023 годах",
                        }
                    ],
                },
            ),
        ],
    },
}


def seed_counselling(homes, log):
    page, created = add_page(homes["pl"], CounsellingPage(**COUNSELLING["pl"]))
    for language in ["uk", "en", "ru"]:
        translate_demo(
            page, homes[language].locale, COUNSELLING["pl"], COUNSELLING[language]
        )
    log(f"counselling page: {'created' if created else 'already there'}")
    return page
