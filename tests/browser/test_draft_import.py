"""An editor turns the organisation's document into a published consultation: the
demo's chapter imported as a draft, its revised version imported over it, and the
result published, in at most ten actions (clicks, fills, uploads)."""

import io
import re
import zipfile

import pytest
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Revision

from consultations import draft_import
from consultations.demo import IMPORTED
from consultations.models import ConsultationPage

pytestmark = pytest.mark.browser

DEMO_FILES = IMPORTED["document"].parent
DOCX = DEMO_FILES / "strategia-rozdzial-4.docx"
ODT = DEMO_FILES / "strategia-rozdzial-4-wersja-2.odt"


def imported_page():
    return ConsultationPage.objects.get(slug=IMPORTED["slug"])


class Actions:
    """Counts what the editor does."""

    def __init__(self, tab):
        self.tab, self.count = tab, 0

    def fill(self, selector, value):
        self.count += 1
        self.tab.locator(selector).fill(value)

    def click(self, selector):
        self.count += 1
        self.tab.locator(selector).click()

    def upload(self, selector, path):
        self.count += 1
        self.tab.locator(selector).set_input_files(path)


def log_in_to_admin(actions, demo_password, next_url):
    actions.tab.goto(f"/admin/login/?next={next_url}")
    actions.fill("#id_username", "editor")
    actions.fill("#id_password", demo_password)
    actions.click("main button[type=submit]")
    expect(actions.tab).to_have_url(re.compile(re.escape(next_url) + "$"))


def test_a_macro_enabled_document_gets_its_message_and_creates_nothing(
    tab, demo_password, tmp_path
):
    page = imported_page()
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    macros = tmp_path / "strategia.docx"
    with zipfile.ZipFile(DOCX) as source:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in source.namelist():
                archive.writestr(name, source.read(name))
            archive.writestr("word/vbaProject.bin", b"\x00" * 64)
    macros.write_bytes(buffer.getvalue())
    actions = Actions(tab)
    import_url = f"/admin/consultations/import/{page.pk}/"
    log_in_to_admin(actions, demo_password, import_url)

    actions.upload("#id_document", macros)
    actions.click("button[value=preview]")

    with translation.override("pl"):
        message = str(draft_import.MACROS)
    expect(tab.locator("main")).to_contain_text(message)
    expect(tab.locator("button[value=confirm]")).to_have_count(0)
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions


def test_an_editor_imports_the_docx_then_the_odt_and_publishes_in_ten_actions(
    tab, demo_password
):
    page = imported_page()
    assert not page.live
    edit_url = f"/admin/pages/{page.pk}/edit/"
    actions = Actions(tab)
    log_in_to_admin(actions, demo_password, edit_url)

    actions.click(f"a[href$='/admin/consultations/import/{page.pk}/']")
    actions.upload("#id_document", DOCX)
    actions.click("button[value=preview]")
    rows = tab.locator("table.listing tbody tr")
    expect(rows).to_have_count(14)
    expect(rows.first).to_contain_text("Tłumacze w szpitalach wojewódzkich")
    expect(rows.first).to_contain_text("Ochrona zdrowia")
    expect(rows.first.locator("td div strong")).to_have_text("zapewniają tłumaczenie")
    expect(rows.first.locator("td div em")).to_have_text("zdalne")

    actions.upload("#id_document", ODT)
    actions.click("button[value=preview]")
    expect(rows).to_have_count(15)
    expect(rows.nth(8)).to_contain_text("Staże dla absolwentów z zagranicy")
    actions.click("button[value=publish]")

    expect(tab).to_have_url(re.compile(re.escape(edit_url) + "$"))
    assert actions.count <= 10
    page = imported_page()
    assert page.live
    record = page.record
    assert record.recommendations.filter(archived_at=None).count() == 15
    titles = [r.title for r in page.recommendations.all()]
    assert titles[3] == "Asystenci kulturowi w szkołach"
    assert "zatrudnienie" in page.recommendations.all()[3].text
