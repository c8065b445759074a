"""Production settings, with the benchmark's URLconf (the minimal view it compares
every case with). Only `make bench` selects this module."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
