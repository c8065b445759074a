"""Versions across languages: a reader never sees an older translation as the
current wording, and a stance is counted only on the words the member was shown."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from consultations import services
from consultations.models import Comment, Stance
from consultations.results import consultation_results
from portal.localize import translate
from tests.consultations.conftest import UKRAINIAN, route
from tests.consultations.test_versions import reword_first

pytestmark = pytest.mark.django_db

NEW_POLISH = "Szpitale zapewniają tłumaczenie na ukraiński, rosyjski i arabski."
NEW_UKRAINIAN = "Лікарні забезпечують переклад українською, російською та арабською."
OLD_UKRAINIAN = UKRAINIAN["Szpitale zapewniają tłumaczenie na ukraiński."]


def recommendation_page(client, page, recommendation):
    return client.get(route(page, "recommendation", recommendation.pk))


def text_block(html):
    return re.search(r'<div class="recommendation-text"([^>]*)>(.*?)</div>', html, re.S)


def test_a_ukrainian_reader_sees_the_new_original_not_the_old_translation(
    client, consultation_page, ukrainian_page, recommendation, member
):
    reword_first(consultation_page, NEW_POLISH)
    client.force_login(member)

    html = recommendation_page(client, ukrainian_page, recommendation).content.decode()
    overview = client.get(ukrainian_page.url).content.decode()

    attributes, text = text_block(html).groups()
    assert NEW_POLISH in text and 'lang="pl"' in attributes
    assert OLD_UKRAINIAN not in text
    assert 'id="translation-behind"' in html
    # The diff against the version the translation they could read says.
    changes = html.split('id="changes-heading"')[1].split("</section>")[0]
    assert 'lang="pl"' in changes and "<ins>" in changes and "<del>" in changes
    assert NEW_POLISH in overview and OLD_UKRAINIAN not in overview


def test_a_synced_but_untranslated_recommendation_is_shown_as_the_original(
    client, consultation_page, ukrainian_page, recommendation, member
):
    """The editor syncs the translation and publishes it before a translator has
    translated the new text: wagtail-localize fills in the Polish."""
    reword_first(consultation_page, NEW_POLISH)
    source = TranslationSource.objects.get(
        object_id=consultation_page.translation_key,
        locale=consultation_page.locale,
    )
    source.update_from_db()
    Translation.objects.get(
        source=source, target_locale=ukrainian_page.locale
    ).save_target(publish=True)
    client.force_login(member)

    html = recommendation_page(client, ukrainian_page, recommendation).content.decode()

    attributes, text = text_block(html).groups()
    assert NEW_POLISH in text and 'lang="pl"' in attributes
    assert 'id="translation-behind"' in html


def test_once_translated_again_the_reader_has_their_language(
    client, consultation_page, ukrainian_page, recommendation, member
):
    reword_first(consultation_page, NEW_POLISH)
    uk = Locale.objects.get(language_code="uk")
    strings = {
        **UKRAINIAN,
        NEW_POLISH: NEW_UKRAINIAN,
        consultation_page.slug: ukrainian_page.slug,
    }
    translate(consultation_page, uk, strings)
    client.force_login(member)

    html = recommendation_page(client, ukrainian_page, recommendation).content.decode()

    attributes, text = text_block(html).groups()
    assert NEW_UKRAINIAN in text and "lang=" not in attributes
    assert 'id="translation-behind"' not in html
    record = recommendation.consultation
    record.refresh_from_db()
    shown = services.reader_wordings(record, uk, [recommendation])[recommendation.pk]
    assert (shown.behind, shown.version) == (False, 2)


def test_a_stance_from_a_page_opened_before_the_change_is_confirmed_first(
    client, consultation_page, ukrainian_page, recommendation, member
):
    client.force_login(member)
    opened = recommendation_page(client, ukrainian_page, recommendation)
    seen = opened.context["stance_form"]["version"].value()
    reword_first(consultation_page, NEW_POLISH)
    url = route(ukrainian_page, "stance", recommendation.pk)

    stale = client.post(url, {"choice": "support", "reason": "", "version": seen})
    stored_meanwhile = Stance.objects.count()
    current = stale.context["stance_form"]["version"].value()
    confirmed = client.post(
        url, {"choice": "support", "reason": "", "version": current}
    )

    assert seen == 1 and current == 2
    assert stale.status_code == 409
    html = stale.content.decode()
    assert "<ins>" in html and NEW_POLISH.split()[-1].rstrip(".") in html
    assert stored_meanwhile == 0
    assert confirmed.status_code == 302
    record = recommendation.consultation
    record.refresh_from_db()
    assert Stance.objects.get().draft_version == record.draft_version == 2


def test_a_comment_records_the_wording_its_author_was_shown(
    client, consultation_page, recommendation, member
):
    client.force_login(member)
    opened = recommendation_page(client, consultation_page, recommendation)
    seen = opened.context["comment_form"]["version"].value()
    reword_first(consultation_page, NEW_POLISH)

    client.post(
        route(consultation_page, "comment"),
        {
            "text": "Dobry pomysł",
            "language": "pl",
            "display_name": "Ola",
            "recommendation": recommendation.pk,
            "version": seen,
        },
    )

    assert Comment.objects.get().draft_version == 1


def test_results_count_stances_on_the_current_and_an_earlier_wording(
    consultation_page, record, recommendation, member, other_member
):
    services.record_stance(member, recommendation, "support", "", "pl")
    reword_first(consultation_page, NEW_POLISH)
    services.record_stance(other_member, recommendation, "oppose", "", "pl")
    record.refresh_from_db()

    rows, _general = consultation_results(record, consultation_page.locale)

    result = next(row for row in rows if row.recommendation == recommendation)
    assert (result.on_current, result.on_earlier) == (1, 1)
    untouched = next(row for row in rows if row.number == 2)
    assert (untouched.on_current, untouched.on_earlier) == (0, 0)


def test_editors_see_which_translations_are_behind_and_how_to_update_them(
    client, consultation_page, ukrainian_page, recommendation, editor
):
    reword_first(consultation_page, NEW_POLISH)
    client.force_login(editor)
    record = recommendation.consultation

    behind = client.get(
        f"/admin/consultations/outcomes/{record.pk}/translations-behind/"
    )
    dashboard = client.get("/admin/").content.decode()

    (language,) = behind.context["languages"]
    assert language.locale.language_code == "uk"
    assert [r.number for r, _wording in language.recommendations] == [1]
    sync = client.get(language.sync_url)
    assert sync.status_code == 200  # wagtail-localize's "sync translated pages"
    assert f"next=%2Fadmin%2Fpages%2F{ukrainian_page.pk}%2Fedit%2F" in (
        language.sync_url
    )
    assert f"/admin/consultations/outcomes/{record.pk}/translations-behind/" in (
        dashboard
    )


def test_nothing_is_behind_once_translated(
    client, consultation_page, ukrainian_page, recommendation
):
    reword_first(consultation_page, NEW_POLISH)
    uk = Locale.objects.get(language_code="uk")
    strings = {
        **UKRAINIAN,
        NEW_POLISH: NEW_UKRAINIAN,
        consultation_page.slug: ukrainian_page.slug,
    }
    translate(consultation_page, uk, strings)
    record = recommendation.consultation
    record.refresh_from_db()

    assert services.translations_behind(record) == []


def test_a_poll_answer_records_the_draft_version_it_was_given_on(
    client, consultation_page, record, member
):
    reword_first(consultation_page, NEW_POLISH)
    record.refresh_from_db()
    question = record.poll_questions.get(sort_order=1)
    client.force_login(member)

    client.post(
        route(consultation_page, "answer_poll", question.pk),
        {f"poll{question.pk}-choices": str(question.choices.first().key)},
    )

    assert question.answers.get().draft_version == record.draft_version == 2
