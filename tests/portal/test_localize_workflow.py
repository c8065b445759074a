"""An editor translates a campaign and a club page with wagtail-localize.

This goes through wagtail-localize's own machinery: submit for translation,
translate the extracted strings (as a PO file, as a translator would), publish,
then change the source and re-sync.
"""

import datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import TranslationCreator

from clubs.models import (
    ClubGalleryImage,
    ClubMeeting,
    ClubPage,
    JoinRequest,
    SpokenLanguage,
)
from home.models import CampaignPage
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    CampaignTopicFactory,
    ClubFormFieldFactory,
    ClubIndexPageFactory,
    ClubPageFactory,
    ImageFactory,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """wagtail-localize publishes when the transaction commits; tests never commit."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def translate_with_localize(instance, locale, user, on_commit):
    """Submit, translate every string as "[uk] …", and publish the translation."""
    with on_commit():
        _translate(instance, locale, user)
    translated = instance.get_translation(locale)
    return getattr(translated, "specific", translated)


def _translate(instance, locale, user):
    TranslationCreator(user, [locale]).create_translations(instance)
    translation = TranslationSource.objects.get_for_instance(instance).translations.get(
        target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[uk] {entry.msgid}"
    translation.import_po(po)
    translation.save_target(user=user, publish=True)


def resync(instance, locale, user, on_commit):
    with on_commit():
        _resync(instance, locale, user)


def _resync(instance, locale, user):
    source = TranslationSource.objects.get_for_instance(instance)
    source.update_from_db()
    translation = source.translations.get(target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgstr or f"[uk] {entry.msgid}"
    translation.import_po(po)
    translation.save_target(user=user, publish=True)


@pytest.fixture
def uk():
    return Locale.objects.get(language_code="uk")


def test_a_campaign_is_translated_and_keeps_its_topics_and_images(
    client, editor, home_pages, uk, on_commit
):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    topic = CampaignTopicFactory(name="Kobiety", slug="women")
    image = ImageFactory()
    campaign = publish(
        CampaignPageFactory(
            parent=index,
            title="Sąsiadki",
            summary="Kampania o sąsiadkach.",
            topics=[topic],
            hero_image=image,
            hero_image_alt_text="Kobiety przy stole",
            end_date=datetime.date(2030, 1, 1),
            body=[
                ("quote", {"quote": "Chcemy być widziane.", "attribution": ""}),
                (
                    "key_figures",
                    {
                        "heading": "Liczby",
                        "figures": [{"figure": "10×", "text": "więcej"}],
                    },
                ),
            ],
        )
    )
    translate_with_localize(index, uk, editor, on_commit)
    translate_with_localize(topic, uk, editor, on_commit)

    translation = translate_with_localize(campaign, uk, editor, on_commit)

    assert translation.title == "[uk] Sąsiadki"
    assert translation.hero_image_alt_text == "[uk] Kobiety przy stole"
    assert list(translation.topics.all()) == [topic]
    html = client.get(translation.url).content.decode()
    assert "[uk] Chcemy być widziane." in html
    assert "[uk] Kobiety</a>" in html  # the topic's own translation
    assert 'alt="[uk] Kobiety przy stole"' in html


def test_a_club_is_translated_and_submissions_survive_a_resync_that_drops_a_field(
    client, editor, home_pages, uk, on_commit
):
    index = publish(ClubIndexPageFactory(parent=home_pages["pl"]))
    club = ClubPageFactory(
        parent=index,
        title="Klub",
        languages=list(SpokenLanguage.objects.filter(code__in=["uk", "ru"])),
    )
    ClubFormFieldFactory(page=club, label="Imię")
    ClubFormFieldFactory(page=club, label="Skąd jesteś?", required=False)
    ClubMeeting.objects.create(
        page=club,
        date=datetime.date(2099, 1, 1),
        start_time=datetime.time(17),
        place="Sala",
    )
    ClubGalleryImage.objects.create(
        page=club, image=ImageFactory(), alt_text="Warsztaty"
    )
    club = publish(club)
    translate_with_localize(index, uk, editor, on_commit)

    translation = translate_with_localize(club, uk, editor, on_commit)

    assert [f.label for f in translation.form_fields.all()] == [
        "[uk] Imię",
        "[uk] Skąd jesteś?",
    ]
    assert [f.clean_name for f in translation.form_fields.all()] == [
        "imie",
        "skad_jestes",
    ]
    assert translation.meetings.get().place == "[uk] Sala"
    assert translation.gallery_images.get().alt_text == "[uk] Warsztaty"
    assert {language.code for language in translation.languages.all()} == {"uk", "ru"}
    response = client.post(
        translation.url,
        {"imie": "Olena", "skad_jestes": "Lwów", "privacy_consent": "on"},
    )
    assert response.status_code == 200
    assert JoinRequest.objects.get().page_id == translation.pk

    # The editor drops a question from the source and re-syncs the translation.
    club = ClubPage.objects.get(pk=club.pk)
    club.form_fields = [
        field for field in club.form_fields.all() if field.clean_name == "imie"
    ]
    club.save_revision().publish()
    resync(club, uk, editor, on_commit)

    translation = ClubPage.objects.get(pk=translation.pk)
    assert [f.clean_name for f in translation.form_fields.all()] == ["imie"]
    assert JoinRequest.objects.get().form_data["skad_jestes"] == "Lwów"


def test_a_campaign_translation_follows_a_changed_topic_list(
    client, editor, home_pages, uk, on_commit
):
    index = publish(CampaignIndexPageFactory(parent=home_pages["pl"]))
    first, second = CampaignTopicFactory(), CampaignTopicFactory()
    campaign = publish(CampaignPageFactory(parent=index, topics=[first]))
    translate_with_localize(index, uk, editor, on_commit)
    translate_with_localize(campaign, uk, editor, on_commit)

    campaign = CampaignPage.objects.get(pk=campaign.pk)
    campaign.topics = [first, second]
    campaign.save_revision().publish()
    resync(campaign, uk, editor, on_commit)

    translation = campaign.get_translation(uk).specific
    assert set(translation.topics.all()) == {first, second}
