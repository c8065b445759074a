from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings, setup_databases, teardown_databases
from django.utils import translation
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from consultations.models import ConsultationIndexPage
from home.models import HomePage
from tests import processes
from tests.databases import copy_of_template, sqlite_copy_of_template, url_of
from tests.factories import EditorFactory, MemberFactory

DEMO_PASSWORD = "browser-demo-password-1"


def pytest_addoption(parser):
    parser.addoption(
        "--record-durations",
        action="store_true",
        help="write each module's seconds to tests/durations.json, by which "
        "make test shares the modules between its processes (tests/processes.py)",
    )


def pytest_configure(config):
    processes.configure(config)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Tests of the demo and on the live site share one seeded, committed database;
    # they run after every other test so none of those sees the committed demo
    # data, and the live site's (which commit more) after the demo's. Browser tests
    # go last of all: once Playwright runs an event loop in this thread, Django
    # hands each greenlet its own database connection.
    def order(item):
        fixtures = getattr(item, "fixturenames", ())
        return (
            "seeded_demo" in fixtures,
            "live_site" in fixtures,
            "browser" in fixtures,
        )

    items.sort(key=order)
    processes.write_groups(items)


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's set-up, but always of the default database.

    pytest-django creates only the databases that collected tests ask for with a
    db fixture or mark; browser tests reach the database through a live server
    instead, and without this would run against the development database.
    """
    verbosity = request.config.option.verbose
    keepdb = django_db_keepdb and not django_db_createdb
    with django_db_blocker.unblock():
        databases = None
        if connection.vendor == "postgresql" and not keepdb:
            databases = postgres_from_template()
        elif connection.vendor == "sqlite" and not keepdb:
            databases = sqlite_from_template()
        if databases is None:
            databases = setup_databases(
                verbosity=verbosity,
                interactive=False,
                keepdb=keepdb,
                aliases={DEFAULT_DB_ALIAS},
                # No test restores a serialized copy of the database.
                serialized_aliases=set(),
            )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(databases, verbosity=verbosity)


def postgres_from_template():
    """The test database as a copy of the migrated template (tests/databases.py),
    in the shape ``setup_databases`` returns; None if another process is making
    the template just now."""
    name = connection.creation._get_test_db_name()
    if not copy_of_template(url_of(connection.settings_dict), name):
        return None
    return _switched_to(name)


def _switched_to(name):
    """The connection moved to the test database ``name``, as ``setup_databases``
    leaves it, in the shape it returns."""
    old_name = connection.settings_dict["NAME"]
    connection.close()
    settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()
    return [(connection, old_name, True)]


def sqlite_from_template():
    """The same from the SQLite template file; None for an in-memory database or
    while another process makes the template."""
    name = connection.creation._get_test_db_name()
    if connection.creation.is_in_memory_db(name) or not sqlite_copy_of_template(name):
        return None
    return _switched_to(name)


@pytest.fixture(scope="session")
def demo_password():
    return DEMO_PASSWORD


@pytest.fixture(scope="session")
def seeded_demo(django_db_setup, django_db_blocker):
    """The demo content, seeded and committed to the test database once per
    session: seeding is the dearest set-up of the suite. Tests ask for ``demo``."""
    with django_db_blocker.unblock():
        call_command("seed_demo", password=DEMO_PASSWORD, force=True, verbosity=0)
    clear_caches()


@pytest.fixture
def demo(seeded_demo, db, settings):
    """The seeded demo, each test's changes to it rolled back. DEBUG is on, as
    for ``make run``, so a test may seed again."""
    settings.DEBUG = True


@pytest.fixture(scope="session")
def live_site(seeded_demo, django_db_blocker):
    """Base URL of a live server with the demo content (so these tests run last)."""
    # pytest-django's blocker is process-wide: the server thread needs it lifted.
    with django_db_blocker.unblock():
        server = LiveServerThread("127.0.0.1", StaticFilesHandler)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
        server.terminate()
        close_stray_connections()


@contextmanager
def shared_by_the_module(django_db_blocker):
    """For a module-scoped fixture: data made once for a module's tests, in a
    transaction rolled back after the last of them. Each test's own transaction
    is a savepoint inside it, so what one test changes the next does not see.
    Objects it yields are shared: tests read them again from the database
    rather than change them."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def close_stray_connections():
    """Let the test database be dropped: connections opened in other threads or
    greenlets (the server's, Playwright's) are not closed by the teardown."""
    connections.close_all()
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="session", autouse=True)
def no_reference_index():
    """Wagtail's reference index (the admin's "used in" lists) is not kept in
    tests: no test reads it, and keeping it was a quarter of what saving a page
    costs in a test's set-up. The site keeps it as usual."""
    with disable_reference_index_auto_update():
        yield


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded and generated images go to a temporary folder, not to media/."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


def clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request through the test client
    leaves its language active in the thread (LocaleMiddleware activates it and
    nothing deactivates it), and the next test would read in it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no rate-limit counters, cached site roots or pages."""
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def uncached_pages(settings):
    """Render every request and read sessions from the database, whatever the
    cache: for counting what a page costs when nothing is stored."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(db):
    """The home page of each language, made by the data migration."""
    return {
        home.locale.language_code: home
        for home in HomePage.objects.select_related("locale")
    }


@pytest.fixture
def index_page(home_pages):
    """A published consultation index under the Polish home page."""
    index = home_pages["pl"].add_child(
        instance=ConsultationIndexPage(title="Konsultacje", slug="konsultacje")
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()
