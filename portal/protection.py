"""People's words outlive pages.

Anything people send through a page (a join request, a counselling request, later a
stance or a comment) points at the page with ``on_delete=PROTECT``, so the database
refuses to delete a page that still has them. This module finds those rows before
an editor deletes a page, so the admin can explain instead of failing with a server
error. It discovers the protecting models itself: a new app only has to use PROTECT.
"""

from django.apps import apps
from django.db import models
from django.db.models import Q
from wagtail.models import Page


def _protecting_relations():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey)
                and field.remote_field.on_delete is models.PROTECT
                and issubclass(field.related_model, Page)
            ):
                yield model, field


def pages_deleted_with(pages):
    """The pages Wagtail deletes along with these: descendants and translations."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    roots = list(Page.objects.filter(translation_key__in=keys)) + pages
    subtree = Q()
    for root in roots:
        subtree |= Q(path__startswith=root.path, depth__gte=root.depth)
    return Page.objects.filter(subtree)


def protected_rows(pages):
    """How many rows people made would be lost with these pages, by model name."""
    page_ids = pages_deleted_with(pages).values("pk")
    counts = {}
    for model, field in _protecting_relations():
        count = model._default_manager.filter(**{f"{field.name}__in": page_ids}).count()
        if count:
            name = str(model._meta.verbose_name_plural)
            counts[name] = counts.get(name, 0) + count
    return counts
