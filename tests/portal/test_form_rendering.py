"""The public's forms render with Django's Jinja2 form templates (portal/spam.py):
the markup people get (labels, help texts, errors and their links, the fields'
attributes) is the one Django's own templates give, but for whitespace."""

import re

import pytest
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from clubs.models import ClubFormField, JoinFormBuilder
from contact.forms import ContactForm
from counselling.forms import CounsellingRequestForm
from portal.spam import PUBLIC_FORM_RENDERER

pytestmark = pytest.mark.django_db

DJANGO_TEMPLATES = DjangoTemplates()


def join_form_class():
    fields = [
        ClubFormField(label=label, clean_name=name, field_type=kind, required=required)
        for label, name, kind, required in [
            ("Imię", "imie", "singleline", True),
            ("E-mail", "email", "email", True),
            ("O sobie", "o_sobie", "multiline", False),
            ("Dzień", "dzien", "date", False),
            ("Dni", "dni", "checkboxes", True),
            ("Pora", "pora", "radio", True),
            ("Język", "jezyk", "dropdown", False),
        ]
    ]
    for field in fields:
        field.choices = (
            "Poniedziałek\nWtorek"
            if field.field_type
            in (
                "checkboxes",
                "radio",
                "dropdown",
            )
            else ""
        )
    return JoinFormBuilder(fields).get_form_class()


def normalized(html):
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


@pytest.mark.parametrize(
    "form_class",
    [CounsellingRequestForm, ContactForm, join_form_class],
    ids=["counselling", "contact", "club"],
)
@pytest.mark.parametrize(
    "data", [None, {"email": "not an address"}], ids=["new", "sent"]
)
def test_a_public_form_renders_as_djangos_templates_render_it(form_class, data):
    if form_class is join_form_class:
        form_class = join_form_class()
    with translation.override("uk"):
        ours = form_class(data)
        djangos = form_class(data, renderer=DJANGO_TEMPLATES)
        assert ours.renderer is PUBLIC_FORM_RENDERER
        if data:
            assert not ours.is_valid() and not djangos.is_valid()
        for name in ours.fields:
            assert normalized(ours[name].as_field_group()) == normalized(
                djangos[name].as_field_group()
            ), name
        assert normalized(ours.non_field_errors()) == normalized(
            djangos.non_field_errors()
        )
