import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.test.utils import override_settings, setup_databases, teardown_databases
from wagtail.models import Locale

from home.models import HomePage
from tests.factories import EditorFactory, MemberFactory


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    # Browser tests share one seeded, committed database and a live server; they
    # run after every other test so none of those sees the committed demo data.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


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
    with django_db_blocker.unblock():
        databases = setup_databases(
            verbosity=verbosity,
            interactive=False,
            keepdb=django_db_keepdb and not django_db_createdb,
            aliases={DEFAULT_DB_ALIAS},
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(databases, verbosity=verbosity)


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded and generated images go to a temporary folder, not to media/."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no rate-limit counters and no cached site roots."""
    cache.clear()
    yield
    cache.clear()


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
def member(db):
    return MemberFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()
