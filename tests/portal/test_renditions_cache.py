"""The "renditions" cache (portal/cache.py): a rendition Wagtail found in it is
used without a query and not written back; a new one is written once. With Redis
and with the files a deployment without Redis keeps."""

import os
import uuid

import pytest
from django.conf import settings
from wagtail.images import get_image_model

from portal import cache as portal_cache
from tests.factories import ImageFactory

SPECS = ("fill-80x45", "fill-160x90")


@pytest.fixture(params=["redis", "files"])
def renditions_cache(request, tmp_path, monkeypatch):
    """The cache Wagtail's renditions use, with the key of every write that
    reaches the storage."""
    if request.param == "redis":
        url = settings.REDIS_URL or os.environ.get(
            "SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/14"
        )
        stored = portal_cache.RedisCache
        # A prefix of its own, and only its own keys deleted: the database may be
        # the suite's or the scale-out servers' (no FLUSHDB under them).
        cache = portal_cache.RedisRenditionCache(
            url, {"KEY_PREFIX": f"renditions-test-{uuid.uuid4().hex}"}
        )
    else:
        stored = portal_cache.FileBasedCache
        cache = portal_cache.FileBasedRenditionCache(str(tmp_path), {})
    written = []

    def recorded(method):
        original = getattr(stored, method)

        def write(self, data_or_key, *args, **kwargs):
            if self is cache:  # not another cache of the same class
                written.extend(data_or_key if method == "set_many" else [data_or_key])
            return original(self, data_or_key, *args, **kwargs)

        monkeypatch.setattr(stored, method, write)

    recorded("set")
    recorded("set_many")
    monkeypatch.setattr(get_image_model().get_rendition_model(), "cache_backend", cache)
    yield cache, written
    cache.delete_many(set(written))


def fresh(image):
    """The image as a new request reads it: no renditions remembered."""
    return get_image_model().objects.get(pk=image.pk)


@pytest.mark.django_db
def test_a_rendition_found_in_the_cache_is_not_written_back(
    renditions_cache, django_assert_num_queries
):
    _cache, written = renditions_cache
    image = ImageFactory()
    made = fresh(image).get_renditions(*SPECS)
    assert len(set(written)) == 2  # the new ones
    written.clear()

    again = fresh(image)
    with django_assert_num_queries(0):
        found = again.get_renditions(*SPECS)
        single = again.get_rendition(SPECS[0])

    assert {spec: r.pk for spec, r in found.items()} == {
        spec: r.pk for spec, r in made.items()
    }
    assert single.pk == made[SPECS[0]].pk
    assert written == []


@pytest.mark.django_db
def test_a_single_rendition_read_from_the_cache_is_not_written_back(
    renditions_cache,
):
    _cache, written = renditions_cache
    image = ImageFactory()
    made = fresh(image).get_rendition(SPECS[0])
    assert len(set(written)) == 1
    written.clear()

    found = fresh(image).get_rendition(SPECS[0])

    assert found.pk == made.pk
    assert written == []
