"""The portal's image tags (portal/templatetags/portal_images.py): Wagtail's
markup, with each tag's filters parsed once for every render."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError
from wagtail.images.models import Filter

from tests.factories import ImageFactory

TAGS = [
    "{% picture img format-{webp,jpeg} fill-{80x45,160x90} sizes='50vw' alt='' %}",
    "{% srcset_image img width-{80,160} sizes='50vw' alt='' %}",
    "{% image img fill-80x45 format-jpeg %}",
    "{% image img fill-80x45 as shown %}{{ shown.url }} {{ shown.width }}",
    "{% picture img format-{webp,jpeg} width-80 as shown %}"
    "{{ shown.formats.webp.0.url }}",
]


def rendered(library, tag, image):
    return Template("{% load " + library + " %}" + tag).render(Context({"img": image}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tag", TAGS, ids=["picture", "srcset", "image", "as", "as-picture"]
)
def test_each_tag_renders_what_wagtails_renders(tag):
    image = ImageFactory()
    ours = rendered("portal_images", tag, image)
    assert ours == rendered("wagtailimages_tags", tag, image)
    assert "images/" in ours


@pytest.mark.django_db
def test_a_tags_filters_are_parsed_when_its_template_is_compiled():
    template = Template(
        "{% load portal_images %}"
        "{% picture img format-{webp,jpeg} fill-{80x45,160x90} %}"
    )
    node = template.nodelist[-1]
    filters = node.get_filters()
    assert [f.spec for f in filters] == [
        "format-webp|fill-80x45",
        "format-webp|fill-160x90",
        "format-jpeg|fill-80x45",
        "format-jpeg|fill-160x90",
    ]
    for image in (ImageFactory(), ImageFactory()):
        template.render(Context({"img": image}))
    # The same objects, their operations parsed once.
    assert node.get_filters() is filters
    assert all("operations" in vars(f) for f in filters)


def test_a_wrong_spec_is_refused_as_wagtail_refuses_it():
    with pytest.raises(TemplateSyntaxError, match="filter specs in image tags"):
        Template("{% load portal_images %}{% image img fill-80x45! %}")
    with pytest.raises(TemplateSyntaxError, match="at least one filter spec"):
        Template("{% load portal_images %}{% picture img %}")


def test_the_portals_templates_use_these_tags():
    """A template that loads Wagtail's tags instead would parse its filters on
    every render again."""
    templates = Path(settings.BASE_DIR) / "templates"
    loading = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if "wagtailimages_tags" in path.read_text()
    ]
    assert loading == []


def test_a_filter_is_what_wagtail_makes_of_the_spec():
    node = Template("{% load portal_images %}{% image img fill-80x45 format-webp %}")
    filter_ = node.nodelist[-1].get_filter()
    assert filter_.spec == "fill-80x45|format-webp"
    assert [type(op) for op in filter_.operations] == [
        type(op) for op in Filter(spec="fill-80x45|format-webp").operations
    ]
