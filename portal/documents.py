"""Uploaded documents are checked by what they contain, not only by their name.

Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS) and the size
(WAGTAILDOCS_MAX_UPLOAD_SIZE); this form also reads the first bytes, so an HTML page
or a program renamed to .pdf is refused. The checks are the cheap ones that catch
a wrong or disguised file, not a virus scanner.
"""

import os
import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

HEAD_SIZE = 8192
OFFICE_OPEN_XML = {"docx", "pptx", "xlsx"}
OPEN_DOCUMENT_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
CHECKED = {"csv", "pdf", "rtf", "txt", *OFFICE_OPEN_XML, *OPEN_DOCUMENT_MIMETYPES}


def _head(upload):
    upload.seek(0)
    head = upload.read(HEAD_SIZE)
    upload.seek(0)
    return head


def _zip_names(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return set()
    finally:
        upload.seek(0)


def content_matches_extension(upload, extension):
    head = _head(upload)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "rtf":
        return head.startswith(b"{\\rtf")
    if extension in {"csv", "txt"}:
        # Text has no NUL bytes (what `file` looks at too); HTML is not text here.
        return b"\x00" not in head and not head.lstrip().lower().startswith(
            (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script")
        )
    if extension in OFFICE_OPEN_XML:
        return "[Content_Types].xml" in _zip_names(upload)
    if extension in OPEN_DOCUMENT_MIMETYPES:
        # An OpenDocument file is a ZIP whose first entry, "mimetype", is stored
        # uncompressed: its content sits at byte 38.
        return head[:4] == b"PK\x03\x04" and head[38:].startswith(
            OPEN_DOCUMENT_MIMETYPES[extension]
        )
    return False


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
            # Other extensions are refused by Wagtail's own check.
            if extension in CHECKED and not content_matches_extension(
                upload, extension
            ):
                raise forms.ValidationError(
                    _(
                        "This file's content does not match its extension "
                        "“.%(extension)s”. Please upload the document itself, "
                        "saved in that format."
                    )
                    % {"extension": extension},
                    code="content_mismatch",
                )
        return upload
