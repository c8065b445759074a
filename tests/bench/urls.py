"""The portal's URLs plus one minimal view: the ceiling of what a request through
the same server, WSGI handler and middleware can cost."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from portal.urls import urlpatterns as portal_urlpatterns


@never_cache  # a whole Django request every time, never the page cache's copy
def minimal(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal")]
urlpatterns += portal_urlpatterns
