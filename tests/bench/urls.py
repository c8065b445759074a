"""The portal's URLs plus one minimal view: the ceiling of what a request through
the same server, WSGI handler and middleware can cost."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def minimal(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/minimal/", minimal, name="bench_minimal")]
urlpatterns += portal_urlpatterns
