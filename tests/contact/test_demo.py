from django.core import mail
from django.core.management import call_command

from contact.models import ContactMessage, ContactPage
from portal.models import FooterContent

LANGUAGES = ["pl", "uk", "en", "ru"]


def footer_pages(language):
    footer = FooterContent.objects.get(locale__language_code=language)
    return [block.value["page"].specific for block in footer.links]


def test_the_demo_has_a_working_contact_page_in_every_language_in_the_footer(
    demo, client
):
    source = ContactPage.objects.get(locale__language_code="pl")
    labels = set()
    for language in LANGUAGES:
        page = ContactPage.objects.get(locale__language_code=language)
        assert page.live
        assert page in footer_pages(language)
        topics = list(page.topics.all())
        assert [topic.notify_address for topic in topics] == [
            "kontakt@example.org",
            "zespol@example.org",
            "prasa@example.org",
        ]
        labels |= {topic.label for topic in topics}
        response = client.get(page.url)
        assert response.status_code == 200
        if language != "pl":
            assert page.title != source.title
            assert str(page.intro) != str(source.intro)
    assert len(labels) == 12  # three topics, each in its own words per language

    # A message through the Ukrainian page reaches the press address.
    page = ContactPage.objects.get(locale__language_code="uk")
    press = page.topics.get(notify_address="prasa@example.org")

    response = client.post(
        page.url,
        {
            "email": "olena@example.org",
            "topic": str(press.translation_key),
            "message": "Хочу написати статтю.",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 200
    assert ContactMessage.objects.get().topic == "ЗМІ та преса"
    assert mail.outbox[0].to == ["prasa@example.org"]


def test_a_footer_seeded_before_the_contact_page_gets_its_link_once(demo):
    for footer in FooterContent.objects.all():
        footer.links = [
            (block.block_type, block.value)
            for block in footer.links
            if not isinstance(block.value["page"].specific, ContactPage)
        ]
        footer.save()

    call_command("seed_demo", verbosity=0)

    for language in LANGUAGES:
        pages = footer_pages(language)
        contact = ContactPage.objects.get(locale__language_code=language)
        assert pages.count(contact) == 1, language
