"""Each line of an assistant's free-text institutions becomes a link to the
institution of that name (in any language, compared without regard to case and
spaces), or to a new institution in the default language when none has it, so
nothing an editor wrote is lost. The lines of the default language's copy count
(else those of the first copy that has any), and every copy of the assistant
gets the same links."""

import re
import uuid

from django.conf import settings
from django.db import migrations


def normal(name):
    return re.sub(r"\s+", " ", name).strip().casefold()


def lines_of(text):
    seen, lines = set(), []
    for line in text.splitlines():
        line = re.sub(r"\s+", " ", line).strip().lstrip("-•*").strip()
        if line and normal(line) not in seen:
            seen.add(normal(line))
            lines.append(line)
    return lines


def links_from_text(apps, schema_editor):
    from consultations.models.snippets import slug_from

    Assistant = apps.get_model("clubs", "CulturalAssistant")
    Institution = apps.get_model("consultations", "Institution")
    Locale = apps.get_model("wagtailcore", "Locale")
    Link = Assistant._meta.get_field("institutions").remote_field.through
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()

    copies = {}
    for assistant in Assistant.objects.select_related("locale").order_by("pk"):
        copies.setdefault(assistant.translation_key, []).append(assistant)
    if not copies:
        return

    # name -> the institution to link: the default language's copy of the one
    # with that name in any language.
    institutions = list(Institution.objects.select_related("locale").order_by("pk"))
    originals = {}
    for institution in institutions:
        current = originals.get(institution.translation_key)
        if current is None or (
            institution.locale.language_code == settings.LANGUAGE_CODE
            and current.locale.language_code != settings.LANGUAGE_CODE
        ):
            originals[institution.translation_key] = institution
    by_name = {}
    for institution in institutions:
        by_name.setdefault(
            normal(institution.name), originals[institution.translation_key]
        )
    taken = {institution.slug for institution in institutions}

    for versions in copies.values():
        versions.sort(
            key=lambda v: (v.locale.language_code != settings.LANGUAGE_CODE, v.pk)
        )
        lines = next(
            (lines_of(v.institutions_text) for v in versions if v.institutions_text),
            [],
        )
        linked = []
        for line in lines:
            institution = by_name.get(normal(line))
            if institution is None:
                slug = slug_from(line, taken)
                taken.add(slug)
                institution = Institution.objects.create(
                    name=line[:200],
                    slug=slug,
                    locale=default or versions[0].locale,
                    translation_key=uuid.uuid4(),
                )
                by_name[normal(line)] = institution
            linked.append(institution)
        Link.objects.filter(culturalassistant__in=versions).delete()
        Link.objects.bulk_create(
            Link(culturalassistant=version, institution=institution)
            for version in versions
            for institution in linked
        )


def text_from_links(apps, schema_editor):
    Assistant = apps.get_model("clubs", "CulturalAssistant")
    Link = Assistant._meta.get_field("institutions").remote_field.through
    names = {}
    for assistant_id, name in Link.objects.values_list(
        "culturalassistant_id", "institution__name"
    ).order_by("institution__name"):
        names.setdefault(assistant_id, []).append(name)
    for assistant_id, lines in names.items():
        Assistant.objects.filter(pk=assistant_id).update(
            institutions_text="\n".join(lines)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0003_assistants_link_institutions"),
        ("consultations", "0016_partner_institutions"),
    ]

    operations = [migrations.RunPython(links_from_text, text_from_links)]
