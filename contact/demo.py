"""Demo content: the contact page, in Polish, Ukrainian, English and Russian, with a
topic for general questions, one for the migrant team and one for the press."""

from contact.models import ContactPage, ContactTopic
from portal.demo import add_page, translate_demo

ADDRESSES = ["kontakt@example.org", "zespol@example.org", "prasa@example.org"]

CONTACT = {
    "pl": {
        "title": "Kontakt",
        "slug": "kontakt",
        "intro": "<p>Napisz do nas: odpowiadamy po polsku, ukraińsku, rosyjsku i angielsku, zwykle w ciągu tygodnia. Z pytaniami prawnymi skorzystaj z formularza porad prawnych.</p>",
        "thank_you_text": "<p>Dziękujemy za wiadomość. Odpowiemy e-mailem, zwykle w ciągu tygodnia.</p>",
        "topics": ["Sprawy ogólne", "Regionalny Zespół Migrantów", "Media i prasa"],
    },
    "uk": {
        "title": "Контакти",
        "slug": "kontakty",
        "intro": "<p>Напишіть нам: ми відповідаємо польською, українською, російською та англійською, зазвичай протягом тижня. З юридичними питаннями скористайтеся формою юридичних консультацій.</p>",
        "thank_you_text": "<p>Дякуємо за повідомлення. Ми відповімо електронною поштою, зазвичай протягом тижня.</p>",
        "topics": ["Загальні питання", "Регіональна команда мігрантів", "ЗМІ та преса"],
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "intro": "<p>Write to us: we answer in Polish, Ukrainian, Russian and English, usually within a week. For legal questions, please use the legal advice form.</p>",
        "thank_you_text": "<p>Thank you for your message. We will answer by e-mail, usually within a week.</p>",
        "topics": ["General questions", "Regional Migrant Team", "Media and press"],
    },
    "ru": {
        "title": "Контакты",
        "slug": "kontakty",
        "intro": "<p>Напишите нам: мы отвечаем по-польски, по-украински, по-русски и по-английски, обычно в течение недели. С юридическими вопросами воспользуйтесь формой юридических консультаций.</p>",
        "thank_you_text": "<p>Спасибо за сообщение. Мы ответим по электронной почте, обычно в течение недели.</p>",
        "topics": ["Общие вопросы", "Региональная команда мигрантов", "СМИ и пресса"],
    },
}


def seed_contact(homes, log):
    content = CONTACT["pl"]
    topics = [
        ContactTopic(label=label, notify_address=address)
        for label, address in zip(content["topics"], ADDRESSES, strict=True)
    ]
    fields = {name: value for name, value in content.items() if name != "topics"}
    page, created = add_page(homes["pl"], ContactPage(**fields, topics=topics))
    for language in ["uk", "en", "ru"]:
        translate_demo(page, homes[language].locale, content, CONTACT[language])
    log(f"contact page: {'created' if created else 'already there'}")
    return page
