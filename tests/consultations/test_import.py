"""Editors import a consultation's recommendations from their own document:
.docx, .odt, Markdown or pasted text, previewed before anything is saved."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Revision

from consultations import draft_import, services
from consultations.draft_import import ImportRefused, Names, read_draft
from consultations.models import (
    ConsultationPage,
    Institution,
    PageRecommendation,
    PolicyArea,
    Recommendation,
    Stance,
)
from consultations.models.participation import StanceChoice
from tests.consultations.conftest import make_consultation
from tests.factories import UserFactory

DEMO_FILES = Path(draft_import.__file__).parent / "demo_files"
DOCX = DEMO_FILES / "strategia-rozdzial-4.docx"
ODT = DEMO_FILES / "strategia-rozdzial-4-wersja-2.odt"


def upload(name, content):
    return SimpleUploadedFile(name, content)


def docx_bytes(build):
    """A .docx made with python-docx: ``build(document)`` writes into it."""
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def pl(db):
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def marshal(pl):
    return Institution.objects.create(
        name="Urząd Marszałkowski Województwa Kujawsko-Pomorskiego", locale=pl
    )


@pytest.fixture
def draft_page(index_page):
    """A consultation saved as a draft, never published."""
    page = make_consultation(index_page, polls=False)
    page.unpublish()
    page.refresh_from_db()
    return page


@pytest.fixture
def polish_page(pl):
    """A consultation page to read documents for: reading needs only its language
    (the names of areas and addressees), so it is not saved."""
    return ConsultationPage(title="Strategia województwa", locale=pl)


def read(page, text):
    return read_draft(page, text=text)


# --- Numbering styles and formats -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1. Tłumacze w szpitalach\n\nSzpitale zapewniają tłumaczenie.\n\n"
        "2. Kursy języka\n\nKursy w każdym powiecie.",
        "## Rekomendacja 1: Tłumacze w szpitalach\n\nSzpitale zapewniają tłumaczenie."
        "\n\n## Rekomendacja 2 – Kursy języka\n\nKursy w każdym powiecie.",
        "# Recommendation 1. Tłumacze w szpitalach\n\nSzpitale zapewniają tłumaczenie."
        "\n\n# Recommendation 2\n\nKursy języka\n\nKursy w każdym powiecie.",
        "### Рекомендація 1. Tłumacze w szpitalach\n\nSzpitale zapewniają tłumaczenie."
        "\n\n### Рекомендація 2. Kursy języka\n\nKursy w każdym powiecie.",
        "## 1) Tłumacze w szpitalach\n\nSzpitale zapewniają tłumaczenie.\n\n"
        "## 2) Kursy języka\n\nKursy w każdym powiecie.",
    ],
    ids=["numbered paragraphs", "polish", "english", "ukrainian", "parenthesis"],
)
def test_numbered_headings_and_paragraphs_start_recommendations(polish_page, text):
    draft = read(polish_page, text)

    assert [(r.label, r.title, r.text) for r in draft.recommendations] == [
        ("1", "Tłumacze w szpitalach", "Szpitale zapewniają tłumaczenie."),
        ("2", "Kursy języka", "Kursy w każdym powiecie."),
    ]


def test_sections_numbered_above_the_recommendations_are_not_recommendations(
    polish_page,
):
    draft = read(
        polish_page,
        "# 1. Wstęp\n\nO dokumencie.\n\n# 2. Zdrowie\n\n## 2.1 Tłumacze\n\nTekst a."
        "\n\n## 2.2 Psycholodzy\n\nTekst b.\n\n# 3. Szkoła\n\n## 3.1 Asystenci\n\n"
        "Tekst c.",
    )

    assert [(r.label, r.title) for r in draft.recommendations] == [
        ("2.1", "Tłumacze"),
        ("2.2", "Psycholodzy"),
        ("3.1", "Asystenci"),
    ]
    # The sections' headings name no policy area (it is "Ochrona zdrowia").
    assert [(i.reason, i.text) for i in draft.ignored] == [
        ("before", "1. Wstęp"),
        ("before", "O dokumencie."),
        ("before", "2. Zdrowie"),
        ("outside", "3. Szkoła"),
    ]


def test_recommendation_words_outrank_numbered_section_headings(polish_page):
    draft = read(
        polish_page,
        "## 1. Zdrowie\n\nRekomendacja 1: Tłumacze\n\nTekst a.\n\n"
        "## 2. Szkoła\n\nRekomendacja 2: Asystenci\n\n1. krok\n2. krok",
    )

    assert [(r.title, r.text) for r in draft.recommendations] == [
        ("Tłumacze", "Tekst a."),
        ("Asystenci", "1. krok\n2. krok"),
    ]


def test_paragraphs_lists_and_emphasis_are_kept(polish_page):
    draft = read(
        polish_page,
        "## 1. **Tłumacze**\n\nPierwszy **akapit**, _ważny_.\n\nDrugi akapit, 5*3:"
        "\n\n- ukraiński\n- *rosyjski*\n  - w szpitalach\n\n1. krok pierwszy\n"
        "2. krok drugi\n",
    )

    assert draft.recommendations[0].title == "Tłumacze"
    assert draft.recommendations[0].text == (
        "Pierwszy **akapit**, *ważny*.\n\nDrugi akapit, 5\\*3:\n\n– ukraiński\n"
        "– *rosyjski*\n  – w szpitalach\n1. krok pierwszy\n2. krok drugi"
    )


def test_a_long_numbered_paragraph_gives_its_first_sentence_as_the_title(polish_page):
    sentence = "Szpitale wojewódzkie zapewniają tłumaczenie na język ukraiński."
    rest = "Tłumaczenie może być zdalne, także w nocy, i jest bezpłatne. " * 3
    draft = read(polish_page, f"1. {sentence} {rest}")

    assert draft.recommendations[0].title == sentence
    assert draft.recommendations[0].text == rest.strip()


def test_numbers_inside_a_sentence_do_not_start_a_recommendation(polish_page):
    draft = read(polish_page, "1. Kursy\n\n15 osób czeka na kurs, 2024 był rekordowy.")

    assert len(draft.recommendations) == 1
    assert draft.recommendations[0].text == "15 osób czeka na kurs, 2024 był rekordowy."


def test_the_sample_docx_gives_fourteen_recommendations_with_areas_and_addressees(
    polish_page, marshal
):
    with DOCX.open("rb") as file:
        draft = read_draft(polish_page, upload=upload("chapter.docx", file.read()))

    recommendations = draft.recommendations
    assert len(recommendations) == 14
    first = recommendations[0]
    assert (first.label, first.title) == ("1", "Tłumacze w szpitalach wojewódzkich")
    assert first.text.startswith(
        "Szpitale prowadzone przez województwo **zapewniają tłumaczenie**, także "
        "*zdalne*, w najczęstszych"
    )
    assert first.text.endswith("– język ukraiński\n– język rosyjski\n– język arabski")
    assert first.area.name == "Ochrona zdrowia"
    assert first.institution == marshal
    assert recommendations[3].area.name == "Edukacja"
    assert recommendations[3].institution is None  # not among the institutions
    ignored = [(i.reason, i.text) for i in draft.ignored]
    assert ignored[0] == ("before", "Rozdział 4. Integracja cudzoziemców")
    assert ("addressee", "Kuratorium Oświaty w Bydgoszczy") in ignored
    assert ("outside", "Rozdział zostanie uzupełniony po konsultacjach.") in ignored


def test_the_sample_odt_gives_the_revised_fifteen(polish_page):
    with ODT.open("rb") as file:
        draft = read_draft(polish_page, upload=upload("anything.bin", file.read()))

    assert [r.label for r in draft.recommendations] == [str(n) for n in range(1, 16)]
    first = draft.recommendations[0]
    assert "**zapewniają tłumaczenie**, także *zdalne*," in first.text
    assert draft.recommendations[8].title == "Staże dla absolwentów z zagranicy"
    assert draft.recommendations[8].area.name == "Praca"


def test_word_numbering_and_emphasis_in_a_docx(polish_page):
    def build(document):
        document.add_paragraph("Wstęp do rozdziału.")
        for title in ["Tłumacze w szpitalach", "Kursy języka polskiego"]:
            document.add_paragraph(title, style="List Number")
            paragraph = document.add_paragraph()
            paragraph.add_run("Bardzo ").bold = True
            paragraph.add_run("ważne i ")
            paragraph.add_run("pilne").italic = True
            paragraph.add_run(", 5*3.")
            document.add_paragraph("Obszar: edukacja")

    draft = read_draft(polish_page, upload=upload("a.docx", docx_bytes(build)))

    text = "**Bardzo** ważne i *pilne*, 5\\*3."
    assert [(r.title, r.text, r.area.name) for r in draft.recommendations] == [
        ("Tłumacze w szpitalach", text, "Edukacja"),
        ("Kursy języka polskiego", text, "Edukacja"),
    ]
    assert [i.text for i in draft.ignored] == ["Wstęp do rozdziału."]


def test_bold_and_italic_spans_in_an_odt(polish_page):
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, S, Span

    document = OpenDocumentText()
    styles = {}
    looks = [("T1", {"fontweight": "bold"}), ("T2", {"fontstyle": "italic"})]
    for name, properties in looks:
        styles[name] = Style(name=name, family="text")
        styles[name].addElement(TextProperties(**properties))
        document.automaticstyles.addElement(styles[name])
    document.text.addElement(P(text="1. Tłumacze w szpitalach"))
    paragraph = P()
    paragraph.addElement(Span(stylename=styles["T1"], text="Bardzo"))
    paragraph.addText(" ważne,")
    paragraph.addElement(S(c=2))
    paragraph.addElement(Span(stylename=styles["T2"], text="pilne "))
    paragraph.addText("i *tanie*.")
    document.text.addElement(paragraph)
    buffer = io.BytesIO()
    document.write(buffer)

    draft = read_draft(polish_page, upload=upload("a.odt", buffer.getvalue()))

    assert draft.recommendations[0].text == ("**Bardzo** ważne, *pilne* i \\*tanie\\*.")


def test_area_and_addressee_lines_match_names_of_the_pages_language(
    polish_page, marshal
):
    Institution.objects.create(
        name="Wojewódzki Urząd Pracy w Toruniu",
        locale=Locale.objects.get(language_code="uk"),
    )
    draft = read(
        polish_page,
        "Area: Praca\n\n1. Staże\n\nTekst.\n\nAdresat: urząd marszałkowski "
        "województwa kujawsko-pomorskiego\n\n2. Doradcy\n\nTekst.\n\n"
        "Obszar: Kosmos\n\nAddressed to: Wojewódzki Urząd Pracy w Toruniu",
    )

    first, second = draft.recommendations
    assert (first.area.name, first.institution) == ("Praca", marshal)
    assert first.text == "Tekst."
    assert (second.area.name, second.institution) == ("Praca", None)
    assert [(i.reason, i.text) for i in draft.ignored] == [
        ("area", "Kosmos"),
        ("addressee", "Wojewódzki Urząd Pracy w Toruniu"),
    ]


def test_a_heading_naming_an_area_applies_until_the_next_section(polish_page):
    draft = read(
        polish_page,
        "## Edukacja\n\n### 1. Asystenci\n\nTekst.\n\n## Inne\n\n### 2. Kolejki\n\n"
        "Tekst.",
    )

    assert [r.area and r.area.name for r in draft.recommendations] == [
        "Edukacja",
        None,
    ]


def test_names_are_matched_in_the_pages_language_only(pl):
    names = Names(pl)
    assert names.areas["ochrona zdrowia"].locale == pl
    assert "health care" not in names.areas


# --- Bad files: each gets its message and nothing is created ----------------------


def zip_bytes(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def odt_with(extra):
    with ODT.open("rb") as file, zipfile.ZipFile(file) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    return zip_bytes({**entries, **extra})


def docx_with(extra=None, content_types=None):
    with DOCX.open("rb") as file, zipfile.ZipFile(file) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    if content_types:
        entries["[Content_Types].xml"] = content_types(entries["[Content_Types].xml"])
    return zip_bytes({**entries, **(extra or {})})


class BigUpload(SimpleUploadedFile):
    """An upload whose size is told before it is read."""

    def read(self, *args):
        raise AssertionError("read although it is too big")


BAD_FILES = {
    "empty": (lambda: b"", draft_import.EMPTY),
    "pdf": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", draft_import.WRONG_TYPE),
    "image": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", draft_import.WRONG_TYPE),
    "latin-1 text": (lambda: "Zażółć".encode("cp1250"), draft_import.WRONG_TYPE),
    "spreadsheet": (
        lambda: zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b""}),
        draft_import.WRONG_TYPE,
    ),
    "encrypted office": (
        lambda: draft_import.OLE_SIGNATURE + b"\x00" * 512,
        draft_import.ENCRYPTED,
    ),
    "encrypted odt": (
        lambda: odt_with(
            {
                "META-INF/manifest.xml": b'<manifest:manifest xmlns:manifest="urn:'
                b'oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry>'
                b"<manifest:encryption-data/></manifest:file-entry></manifest:manifest>"
            }
        ),
        draft_import.ENCRYPTED,
    ),
    "docm": (
        lambda: docx_with(
            content_types=lambda xml: xml.replace(
                b"wordprocessingml.document.main+xml",
                b"ms-word.document.macroEnabled.main+xml",
            )
        ),
        draft_import.MACROS,
    ),
    "vba project": (
        lambda: docx_with({"word/vbaProject.bin": b"\x00" * 100}),
        draft_import.MACROS,
    ),
    "odt basic": (
        lambda: odt_with({"Basic/Standard/Module1.xml": b"<module/>"}),
        draft_import.MACROS,
    ),
    "zip bomb": (
        lambda: zip_bytes({"word/document.xml": b"\x00" * (20 * 1024 * 1024)}),
        draft_import.BOMB,
    ),
    "damaged zip": (lambda: DOCX.read_bytes()[:3000], draft_import.DAMAGED),
    "damaged docx": (
        lambda: docx_with({"word/document.xml": b"<w:document><unclosed"}),
        draft_import.DAMAGED,
    ),
    "no recommendations": (
        lambda: "# Wstęp\n\nTu nie ma rekomendacji.\n".encode(),
        draft_import.NO_RECOMMENDATIONS,
    ),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_gets_its_message_and_creates_nothing(draft_page, kind):
    content, message = BAD_FILES[kind]
    revisions = Revision.objects.count()

    with pytest.raises(ImportRefused) as refused:
        read_draft(draft_page, upload=upload("strategy.docx", content()))

    assert refused.value.message == message
    assert Revision.objects.count() == revisions
    assert PageRecommendation.objects.filter(page=draft_page).count() == 3


def test_a_20_mb_upload_is_refused_by_its_size_before_it_is_read(draft_page):
    big = BigUpload("big.docx", b"")
    big.size = 20 * 1024 * 1024

    with pytest.raises(ImportRefused) as refused:
        read_draft(draft_page, upload=big)

    assert refused.value.message == draft_import.TOO_BIG


# --- Re-importing into a consultation people have spoken in -----------------------


def import_text(page, text, user=None, publish=False):
    page.refresh_from_db()
    draft = read_draft(page, text=text)
    revision, plan = draft_import.save_import(
        page, draft, user, page.latest_revision_id, publish=publish
    )
    return revision, plan


def as_document(titles_and_texts):
    return "\n\n".join(
        f"{number}. {title}\n\n{text}"
        for number, (title, text) in enumerate(titles_and_texts, start=1)
    )


def test_reimport_keeps_identity_rewords_adds_and_archives_keeping_stances(
    consultation_page, member
):
    record = consultation_page.record
    first, second, third = record.recommendations.order_by("number")
    services.record_stance(member, second, StanceChoice.SUPPORT, "", "pl")
    services.record_stance(member, third, StanceChoice.OPPOSE, "", "pl")
    keys = list(
        consultation_page.recommendations.values_list("translation_key", flat=True)
    )
    pks = list(consultation_page.recommendations.values_list("pk", flat=True))

    # The first moved to the end, the second reworded, the third removed, one new.
    document = as_document(
        [
            ("Kursy języka polskiego", "Bezpłatne kursy w każdym gminie."),
            ("Mieszkania na start", "Gminy dają mieszkania na rok."),
            ("Tłumacze w szpitalach", "Szpitale zapewniają tłumaczenie na ukraiński."),
        ]
    )
    preview = draft_import.plan_import(
        consultation_page, read_draft(consultation_page, text=document)
    )
    revision, plan = import_text(consultation_page, document)

    assert ("removed", "powiecie.") in preview.changes[0].text_diff
    assert ("added", "gminie.") in preview.changes[0].text_diff

    assert [c.kind for c in plan.changes] == ["updated", "new", "unchanged"]
    assert [r.existing.title for r in plan.removals] == ["Krótsze kolejki"]
    assert (plan.removals[0].stances, plan.removals[0].comments) == (1, 0)
    # A draft: the live page is as it was until an editor publishes.
    consultation_page.refresh_from_db()
    assert consultation_page.has_unpublished_changes
    assert consultation_page.recommendations.count() == 3

    revision.publish()
    page = ConsultationPage.objects.get(pk=consultation_page.pk)
    items = list(page.recommendations.all())
    assert [i.title for i in items] == [
        "Kursy języka polskiego",
        "Mieszkania na start",
        "Tłumacze w szpitalach",
    ]
    assert items[0].translation_key == keys[1] and items[0].pk == pks[1]
    assert items[2].translation_key == keys[0] and items[2].pk == pks[0]
    assert items[1].translation_key not in keys
    assert Stance.objects.filter(recommendation__consultation=record).count() == 2
    third.refresh_from_db()
    assert third.archived_at is not None
    assert Recommendation.objects.get(key=keys[1]).number == 1


def test_reimport_keeps_areas_chosen_by_hand_when_the_document_names_none(
    consultation_page,
):
    area = PolicyArea.objects.get(locale=consultation_page.locale, name="Praca")
    rows = list(consultation_page.recommendations.all())
    for row in rows:
        row.area = area
    consultation_page.recommendations = rows
    consultation_page.save_revision().publish()

    import_text(consultation_page, as_document([("Tłumacze w szpitalach", "Nowy.")]))

    consultation_page.refresh_from_db()
    latest = consultation_page.get_latest_revision_as_object()
    assert [r.area for r in latest.recommendations.all()] == [area]


def test_saving_after_someone_else_saved_is_refused(draft_page):
    draft = read_draft(draft_page, text="1. Nowa\n\nTekst.")
    seen = draft_page.latest_revision_id
    draft_page.save_revision()

    with pytest.raises(draft_import.ChangedSincePreview):
        draft_import.save_import(draft_page, draft, None, seen)


def test_a_translation_takes_no_import(ukrainian_page):
    draft = read_draft(ukrainian_page, text="1. Nowa\n\nTekst.")

    with pytest.raises(ImportRefused) as refused:
        draft_import.save_import(
            ukrainian_page, draft, None, ukrainian_page.latest_revision_id
        )

    assert refused.value.message == draft_import.TRANSLATION


# --- The admin view --------------------------------------------------------------


def test_whoever_may_edit_the_page_may_import_into_it(draft_page, editor, member):
    from django.contrib.auth.models import AnonymousUser

    from consultations.access import may_import_into, may_publish_import

    assert may_import_into(editor, draft_page)
    assert may_publish_import(editor, draft_page)
    assert not may_import_into(member, draft_page)
    assert not may_import_into(AnonymousUser(), draft_page)
    editor.is_active = False
    assert not may_import_into(editor, draft_page)


def import_url(page):
    return reverse("consultations_import", args=[page.pk])


def test_the_view_asks_the_policy_and_refuses_those_who_may_not_edit(
    client, draft_page, monkeypatch
):
    asked = []

    def may_import_into(user, page):
        asked.append((user, page.pk))
        return False

    monkeypatch.setattr("consultations.views.admin.may_import_into", may_import_into)
    editor = UserFactory(is_superuser=True)
    client.force_login(editor)

    assert client.get(import_url(draft_page)).status_code == 403
    assert asked == [(editor, draft_page.pk)]


def test_a_member_without_page_permissions_is_refused(client, draft_page, member):
    from django.contrib.auth.models import Permission

    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member)

    assert client.get(import_url(draft_page)).status_code == 403


def test_preview_creates_nothing_and_confirm_saves_a_draft_revision(
    client, draft_page, editor
):
    client.force_login(editor)
    revisions = Revision.objects.filter(object_id=str(draft_page.pk)).count()

    response = client.post(
        import_url(draft_page),
        {"action": "preview", "text": "1. Nowa rekomendacja\n\nTekst nowej."},
    )
    assert response.status_code == 302
    preview = client.get(import_url(draft_page))
    assert "Nowa rekomendacja" in preview.content.decode()
    assert Revision.objects.filter(object_id=str(draft_page.pk)).count() == revisions

    response = client.post(import_url(draft_page), {"action": "confirm"})

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[draft_page.pk])
    draft_page.refresh_from_db()
    assert not draft_page.live
    latest = draft_page.get_latest_revision_as_object()
    # Matched by number: the first is reworded, the two the text lacks leave.
    assert [r.title for r in latest.recommendations.all()] == ["Nowa rekomendacja"]


def test_a_bad_upload_is_shown_its_message_with_status_400(client, draft_page, editor):
    client.force_login(editor)

    response = client.post(
        import_url(draft_page),
        {"action": "preview", "document": upload("a.docx", b"%PDF-1.4")},
    )

    assert response.status_code == 400
    assert str(draft_import.WRONG_TYPE) in response.content.decode()
    assert client.session.get(f"consultations:draft-import:{draft_page.pk}") is None


def test_confirming_after_someone_saved_the_page_answers_409(
    client, draft_page, editor
):
    client.force_login(editor)
    client.post(import_url(draft_page), {"action": "preview", "text": "1. A\n\nB."})
    draft_page.save_revision()
    revisions = Revision.objects.filter(object_id=str(draft_page.pk)).count()

    response = client.post(import_url(draft_page), {"action": "confirm"})

    assert response.status_code == 409
    assert Revision.objects.filter(object_id=str(draft_page.pk)).count() == revisions


def test_the_edit_view_links_to_the_import_and_the_create_view_does_not(
    client, draft_page, index_page, editor
):
    client.force_login(editor)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft_page.pk]))
    create = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["consultations", "consultationpage", index_page.pk],
        )
    )

    assert import_url(draft_page) in edit.content.decode()
    assert create.status_code == 200
    assert "/admin/consultations/import/" not in create.content.decode()


def test_a_new_page_is_not_autosaved_but_an_existing_one_is(
    client, draft_page, index_page, editor
):
    """Autosave on the create view saved a draft at the first pause, which took
    the address of a page the editor then left unsaved."""
    client.force_login(editor)
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=["consultations", "consultationpage", index_page.pk],
    )

    create = client.get(add_url)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft_page.pk]))

    assert create.status_code == 200
    assert "w-autosave#save" not in create.content.decode()
    assert "w-autosave#save" in edit.content.decode()
    assert add_url.startswith("/admin/pages/add/")
