"""Demo accounts (one editor, one counsellor, twelve members of the Regional
Immigrant Team of Kujawsko-Pomorskie and of the Lublin migrant consultation
group), the site furniture, and helpers the apps' demo content uses."""

import copy
import io
import random
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)
from wagtail_localize.strings import StringValue, extract_strings

from portal.groups import COUNSELLORS, EDITORS, MIGRANT_TEAM
from portal.localize import translate

MEMBER_FIRST_NAMES = [
    "Olena", "Iryna", "Aliaksandra", "Oksana", "Tetiana", "Maryna",
    "Hanna", "Yuliia", "Volha", "Nataliia", "Rami", "Lina",
]  # fmt: skip


# The two project teams of the demo. The code never looks a group up by name: each
# consultation names the group that takes part (``participant_group``).
KUJAWSKO_POMORSKIE_TEAM = "Regional Immigrant Team (Kujawsko-Pomorskie)"
LUBLIN_GROUP = "Lublin migrant consultation group"
# Members 1-6 are in both, 7, 8, 9 and 11 only in the Regional Immigrant Team,
# 10 and 12 only in the Lublin group (the demo's stances on the Lublin
# consultation are members 1-6's). All twelve stay in the Migrant team, the
# group a new consultation takes by default.
PROJECT_TEAMS = {
    KUJAWSKO_POMORSKIE_TEAM: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11],
    LUBLIN_GROUP: [1, 2, 3, 4, 5, 6, 10, 12],
}


def seed_accounts(password, log):
    User = get_user_model()
    editors = Group.objects.get(name=EDITORS)
    counsellors = Group.objects.get(name=COUNSELLORS)
    team = Group.objects.get(name=MIGRANT_TEAM)
    projects = {
        name: Group.objects.get_or_create(name=name)[0] for name in PROJECT_TEAMS
    }
    accounts = [
        ("editor", "Editor", [editors]),
        ("counsellor", "Counsellor", [counsellors]),
    ] + [
        (
            f"member{number}",
            first_name,
            [team]
            + [
                projects[name]
                for name, numbers in PROJECT_TEAMS.items()
                if number in numbers
            ],
        )
        for number, first_name in enumerate(MEMBER_FIRST_NAMES, start=1)
    ]
    created = 0
    for username, first_name, groups in accounts:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "email": f"{username}@example.org",
            },
        )
        if was_created:
            user.set_password(password)
            user.save(update_fields=["password"])
            created += 1
        user.groups.add(*groups)
    log(f"accounts: {created} created, {len(accounts) - created} already there")
    return created


@contextmanager
def search_index_built_at_the_end():
    """Seeding saves each page several times (created, revised, published,
    translated), and each save re-indexed it for search: a sixth of seeding. The
    index is built once instead, when the content is all there."""
    models = get_indexed_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            if getattr(model, "search_auto_update", True):
                post_save.connect(post_save_signal_handler, sender=model)
    call_command("update_index", verbosity=0)


@contextmanager
def references_indexed_at_the_end():
    """Each save of a page or snippet also rewrote its rows in Wagtail's reference
    index (what links to what, shown as "usage" in the admin): a fifth of seeding.
    The index is rebuilt once instead, when the content is all there, unless
    whoever seeds keeps no index at all (the tests)."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        yield
        return
    with disable_reference_index_auto_update():
        yield
    call_command("rebuild_references_index", verbosity=0)


# Pages, translations and pictures for the other apps' demo content ------------


def add_page(parent, page):
    """Publish ``page`` under ``parent`` unless a page with its slug is there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    return page, True


def translate_demo(instance, locale, source_content, content):
    """``instance``'s translation into ``locale``, made with wagtail-localize (so an
    editor can go on with it in the admin) unless there is one already.

    ``content`` is the demo text in ``locale`` written in the same shape as
    ``source_content``, the text ``instance`` was made from: each string is the
    translation of the string in the same place.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return getattr(existing, "specific", existing), False
    return translate(instance, locale, demo_strings(source_content, content)), True


def demo_strings(source, translation, strings=None):
    """Pair the strings of two pieces of demo content of the same shape, as
    wagtail-localize segments them: rich text by block element, plain text with
    its line breaks as ``<br/>``. Anything but text (images, pages, dates) is left
    alone, except an image's alt text for this page."""
    strings = {} if strings is None else strings
    if isinstance(source, str):
        if source.lstrip().startswith("<"):
            _template, source_segments = extract_strings(source)
            _template, segments = extract_strings(translation)
            for (source_value, _), (value, _) in zip(
                source_segments, segments, strict=True
            ):
                strings[source_value.data] = value.data
        else:
            strings[StringValue.from_plaintext(source).data] = (
                StringValue.from_plaintext(translation).data
            )
    elif isinstance(source, dict):
        for key in source.keys() & translation.keys():
            demo_strings(source[key], translation[key], strings)
    elif isinstance(source, (list, tuple)):
        for source_item, item in zip(source, translation, strict=True):
            demo_strings(source_item, item, strings)
    elif getattr(source, "contextual_alt_text", None):
        demo_strings(
            source.contextual_alt_text, translation.contextual_alt_text, strings
        )
    return strings


def translate_snippet(snippet, locale, **fields):
    existing = snippet.get_translation_or_none(locale)
    if existing is not None:
        return existing, False
    translation = snippet.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    if hasattr(snippet, "languages"):
        translation.languages.set(snippet.languages.all())
        translation.save()
    return translation, True


def image_with_alt_text(image, alt_text):
    """An ImageBlock value: the image with the alt text this page gives it."""
    image = copy.copy(image)
    image.contextual_alt_text = alt_text
    image.decorative = False
    return image


def demo_image(title, palette, seed, size=(1600, 900)):
    """A picture drawn in code (no downloads): shapes in the palette's colours,
    with a row of figures standing together. Made once, found by title after."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(seed)
    width, height = size
    picture = PILImage.new("RGB", size, palette[0])
    draw = ImageDraw.Draw(picture)
    for _ in range(18):
        radius = rng.randint(height // 12, height // 3)
        x, y = rng.randint(-radius, width), rng.randint(-radius, height)
        draw.ellipse((x, y, x + radius, y + radius), fill=palette[1 + rng.randrange(3)])
    figures = rng.randint(4, 7)
    step = width // (figures + 1)
    for number in range(1, figures + 1):
        cx = number * step + rng.randint(-step // 6, step // 6)
        head = rng.randint(height // 16, height // 11)
        top = height - rng.randint(height // 3, height // 2)
        colour = palette[1 + (number % 3)]
        draw.ellipse((cx - head, top, cx + head, top + 2 * head), fill=colour)
        draw.rounded_rectangle(
            (cx - int(head * 1.6), top + int(2.3 * head), cx + int(head * 1.6), height),
            radius=head,
            fill=colour,
        )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    image = Image(title=title, file=ImageFile(buffer, name=f"demo-{seed}.jpg"))
    image.save()
    return image


# Site furniture: settings, footer and menu ----------------------------------------

FOOTER = {
    "pl": {
        "contact": "<p>Lublin i Bydgoszcz<br>Dyżur telefoniczny: od poniedziałku do piątku, 10:00–16:00</p>",
        "funder_acknowledgement": "<p>Projekty „Niewidzialni mieszkańcy — rzecznictwo na rzecz imigrantów w Lublinie” i „Organizowanie społeczności imigranckiej w województwie kujawsko-pomorskim” sfinansowały Islandia, Liechtenstein i Norwegia z Funduszy EOG w ramach Programu Aktywni Obywatele – Fundusz Krajowy.</p>",
    },
    "uk": {
        "contact": "<p>Люблін і Бидгощ<br>Телефонне чергування: з понеділка до п’ятниці, 10:00–16:00</p>",
        "funder_acknowledgement": "<p>Проєкти «Невидимі мешканці — адвокація прав іммігрантів у Любліні» та «Організація іммігрантської спільноти в Куявсько-Поморському воєводстві» профінансували Ісландія, Ліхтенштейн і Норвегія з Фондів ЄЕЗ у межах Програми «Активні громадяни – Національний фонд».</p>",
    },
    "en": {
        "contact": "<p>Lublin and Bydgoszcz<br>Telephone hours: Monday to Friday, 10:00–16:00</p>",
        "funder_acknowledgement": "<p>The projects “Invisible residents – advocacy for immigrants in Lublin” and “Organizing the immigrant community in the Kujawsko-Pomorskie voivodship” were funded by Iceland, Liechtenstein and Norway through the EEA Grants, Active Citizens Fund – National.</p>",
    },
    "ru": {
        "contact": "<p>Люблин и Быдгощ<br>Телефонное дежурство: с понедельника по пятницу, 10:00–16:00</p>",
        "funder_acknowledgement": "<p>Проекты «Невидимые жители — адвокация прав иммигрантов в Люблине» и «Организация иммигрантского сообщества в Куявско-Поморском воеводстве» профинансировали Исландия, Лихтенштейн и Норвегия из Фондов ЕЭЗ в рамках Программы «Активные граждане – Национальный фонд».</p>",
    },
}  # fmt: skip

# Menu and footer labels; Polish and Ukrainian ones show each page's own title.
MENU_LABELS = {
    "en": [
        "Campaigns",
        "Clubs and networks",
        "Calendar",
        "Consultations",
        "What changed",
        "Publications",
        "Legal advice",
        "About us",
    ],
    "ru": [
        "Кампании",
        "Клубы и сети",
        "Календарь",
        "Консультации",
        "Что изменилось",
        "Публикации",
        "Юридические консультации",
        "О нас",
    ],
}
FOOTER_LINK_LABELS = {
    "en": ["Privacy policy", "Accessibility statement", "Contact"],
    "ru": ["Политика конфиденциальности", "Заявление о доступности", "Контакты"],
}


def _links(pages, locale, labels=None):
    """Links to each page's translation into ``locale``, or to the page itself
    where it has none."""
    labels = labels or [""] * len(pages)
    return [
        (
            "link",
            {
                "page": page.get_translation_or_none(locale) or page,
                "url": "",
                "label": label,
            },
        )
        for page, label in zip(pages, labels, strict=True)
    ]


def seed_site_furniture(homes, menu_pages, footer_pages, log):
    """Site settings, and the footer and main menu in every language."""
    from wagtail.models import Site

    from portal.models import FooterContent, MainMenu, SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not site_settings.contact_email:
        site_settings.contact_email = "kontakt@example.org"
        site_settings.contact_phone = "+48 81 000 00 00"
        site_settings.social_links = [
            (
                "link",
                {
                    "network": "mastodon",
                    "url": "https://social.example.org/@glosmigrantow",
                },
            )
        ]
        site_settings.save()

    default = homes["pl"].locale
    footer = FooterContent.objects.filter(locale=default).first()
    if footer is None:
        footer = FooterContent.objects.create(
            locale=default, links=_links(footer_pages, default), **FOOTER["pl"]
        )
    menu = MainMenu.objects.filter(locale=default).first()
    if menu is None:
        menu = MainMenu.objects.create(
            locale=default, items=_links(menu_pages, default)
        )
    for language in ["uk", "en", "ru"]:
        locale = homes[language].locale
        footer_links = _links(footer_pages, locale, FOOTER_LINK_LABELS.get(language))
        translate_snippet(footer, locale, links=footer_links, **FOOTER[language])
        translate_snippet(
            menu, locale, items=_links(menu_pages, locale, MENU_LABELS.get(language))
        )
    _add_missing_footer_links(homes, footer_pages)
    log("site settings, footer and main menu: in every language")


def _add_missing_footer_links(homes, footer_pages):
    """A footer seeded before a page was added to the demo (the contact page) gets
    a link to it; a second run finds it there and changes nothing."""
    from portal.models import FooterContent

    for language, home in homes.items():
        footer = FooterContent.objects.filter(locale=home.locale).first()
        if footer is None:
            continue
        links = _links(footer_pages, home.locale, FOOTER_LINK_LABELS.get(language))
        linked = {
            block.value["page"].pk for block in footer.links if block.value["page"]
        }
        missing = [link for link in links if link[1]["page"].pk not in linked]
        if missing:
            footer.links = [*((b.block_type, b.value) for b in footer.links), *missing]
            footer.save()
