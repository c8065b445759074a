"""Every interface string is translated into Polish, Ukrainian, English and Russian."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
# The project's apps (every folder with an apps.py, so a new app cannot be left
# out), its templates and its catalogues.
SOURCES = [
    "manage.py",
    "templates",
    "locale",
    *sorted(path.name for path in BASE_DIR.iterdir() if (path / "apps.py").is_file()),
]
LANGUAGES = ["pl", "uk", "en", "ru"]


def require_gettext():
    if shutil.which("xgettext") and shutil.which("msgfmt"):
        return
    message = "GNU gettext is not installed (apt-get install gettext)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def test_makemessages_finds_no_untranslated_entry(tmp_path):
    """Extract the strings afresh, as a translator would, in a copy of the code."""
    require_gettext()
    for name in SOURCES:
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(
                source,
                tmp_path / name,
                ignore=shutil.ignore_patterns("*.mo", "__pycache__"),
            )
        else:
            shutil.copy(source, tmp_path / name)
    language_args = [arg for language in LANGUAGES for arg in ("-l", language)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *language_args, "--no-wrap"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        check=True,
        capture_output=True,
    )

    for language in LANGUAGES:
        catalogue = tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(catalogue)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        statistics = result.stderr.strip().splitlines()[-1]
        assert "untranslated" not in statistics, (language, statistics)
        assert "fuzzy" not in statistics, (language, statistics)
