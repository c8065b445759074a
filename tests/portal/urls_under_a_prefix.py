"""Wagtail's pages under /<language>/pod/ (tests/portal/test_speedups.py: a
page's address follows the URLconf in use)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = i18n_patterns(path("pod/", include(wagtail_urls)))
