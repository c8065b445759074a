"""Form widgets of the admin's edit forms."""

from django import forms


class NativeDateTimeInput(forms.DateTimeInput):
    """The browser's own date and time field (``datetime-local``).

    Wagtail's date picker opens as an overlay that stays open after a day is
    chosen, over the fields around it (on a consultation, the document chooser's
    buttons) until the editor clicks elsewhere. The browser's field has no
    overlay to leave open, is reached and filled by keyboard like any input, and
    is the phone's own picker on a phone. Minutes are the finest step, as in
    Wagtail's picker."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")
