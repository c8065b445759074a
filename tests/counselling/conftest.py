import pytest

from tests.counselling.factories import CounsellorFactory
from tests.factories import CounsellingPageFactory, publish


@pytest.fixture
def counsellor(db):
    return CounsellorFactory()


@pytest.fixture
def counselling(home_pages):
    return publish(CounsellingPageFactory(parent=home_pages["pl"]))
