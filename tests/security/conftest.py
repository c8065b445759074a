# The consultation fixtures, shared with tests/consultations.
from tests.consultations.conftest import (  # noqa: F401
    consultation_page,
    other_member,
    outsider,
    recommendation,
    record,
    ukrainian_page,
)
