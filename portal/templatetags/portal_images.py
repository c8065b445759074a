"""Wagtail's ``image``, ``srcset_image`` and ``picture`` tags, same syntax and same
markup, with each tag's ``Filter`` objects made once, when its template is
compiled, and so their operations parsed once, on the first render.

Wagtail's nodes build new ``Filter`` objects on every render, and each parses
its spec again (``Filter.operations`` inspects every operation's signature): a
``picture`` with two formats and four sizes parsed 8 filters of 2 operations
each, per image, per page view. A spec means the same on every render, so a
node keeps its filters; Wagtail writes nothing to a ``Filter`` but the
operations parsed from its spec (with the image operations registered then).
"""

from django import template
from wagtail.images.models import Filter
from wagtail.images.templatetags import wagtailimages_tags as wagtail_images

register = template.Library()


class ImageNode(wagtail_images.ImageNode):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filter = Filter(spec="|".join(self.filter_specs))

    def get_filter(self):
        return self.filter


class FiltersOnce:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = [
            Filter(spec=spec) for spec in Filter.expand_spec(self.filter_specs)
        ]

    def get_filters(self):
        return self.filters


class SrcsetImageNode(FiltersOnce, wagtail_images.SrcsetImageNode):
    pass


class PictureNode(FiltersOnce, wagtail_images.PictureNode):
    pass


NODES = {
    wagtail_images.ImageNode: ImageNode,
    wagtail_images.SrcsetImageNode: SrcsetImageNode,
    wagtail_images.PictureNode: PictureNode,
}


def image(parser, token):
    """Parsed (and refused, when wrong) by Wagtail's own tag."""
    node = wagtail_images.image(parser, token)
    return NODES[type(node)](
        node.image_expr,
        node.filter_specs,
        attrs=node.attrs,
        output_var_name=node.output_var_name,
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
