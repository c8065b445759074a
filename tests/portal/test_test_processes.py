"""How ``make test`` shares the suite between its processes (tests/processes.py)."""

import json
from types import SimpleNamespace

from tests.processes import DEMO, Recorder, groups_of


def item(nodeid, demo=False):
    return SimpleNamespace(
        nodeid=nodeid, fixturenames=["seeded_demo"] if demo else ["db"]
    )


def recorded(seconds, tests=1):
    return {"seconds": seconds, "tests": tests}


def test_the_demo_process_takes_the_demo_and_what_balances_the_rest():
    items = [
        item("tests/a.py::test_one"),
        item("tests/b.py::test_one"),
        item("tests/c.py::test_one"),
        item("tests/d.py::test_one"),
        item("tests/d.py::test_seeded", demo=True),
        item("tests/e.py::test_seeded", demo=True),
    ]
    durations = {
        "tests/a.py": recorded(90),
        "tests/b.py": recorded(30),
        "tests/c.py": recorded(20),
        "tests/d.py": recorded(10),
        "tests/d.py::demo": recorded(60),
        "tests/e.py::demo": recorded(40),
    }

    groups = groups_of(items, 2, durations)

    # The demo's 100 s, then the longest first to whichever has less to do:
    # a (90) and b (30) to the other process, c (20) and d (10) to the demo's.
    assert groups == {
        "tests/a.py::test_one": "plain-0",
        "tests/b.py::test_one": "plain-0",
        "tests/c.py::test_one": DEMO,
        "tests/d.py::test_one": DEMO,
        "tests/d.py::test_seeded": DEMO,
        "tests/e.py::test_seeded": DEMO,
    }


def test_modules_not_recorded_or_grown_since_are_counted_by_their_tests():
    items = [item("tests/big.py::test_one")]
    items += [item(f"tests/grown.py::test_{n}") for n in range(4)]
    items += [item(f"tests/new.py::test_{n}") for n in range(100)]
    durations = {"tests/big.py": recorded(20), "tests/grown.py": recorded(5, tests=2)}

    groups = groups_of(items, 2, durations)

    # new.py: 100 tests at 0.3 s is 30 s, more than big.py; grown.py: 10 s.
    assert groups["tests/new.py::test_0"] == "plain-0"
    assert groups["tests/big.py::test_one"] == "plain-1"
    assert groups["tests/grown.py::test_0"] == "plain-1"


def test_without_demo_tests_every_process_shares_the_modules():
    items = [item(f"tests/m{n}.py::test_one") for n in range(4)]
    durations = {f"tests/m{n}.py": recorded(10 * (n + 1)) for n in range(4)}

    groups = groups_of(items, 2, durations)

    assert {groups[f"tests/m{n}.py::test_one"] for n in (3, 0)} == {"plain-0"}
    assert {groups[f"tests/m{n}.py::test_one"] for n in (2, 1)} == {"plain-1"}


def report(nodeid, when, duration):
    return SimpleNamespace(nodeid=nodeid, when=when, duration=duration)


def test_the_recorder_leaves_out_the_databases_set_up_and_keeps_other_parts(
    tmp_path, monkeypatch
):
    monkeypatch.setattr("tests.processes.database_vendor", lambda: "sqlite")
    path = tmp_path / "durations.json"
    path.write_text(
        json.dumps(
            {
                "postgresql": {"tests/a.py": recorded(9.0)},
                "sqlite": {"tests/other.py": recorded(7.5, tests=3)},
            }
        )
    )
    recorder = Recorder(path)
    recorder.pytest_collection_modifyitems(
        [item("tests/a.py::test_one"), item("tests/a.py::test_seeded", demo=True)]
    )

    for nodeid, when, duration in [
        ("tests/a.py::test_one", "setup", 30.0),  # the test database
        ("tests/a.py::test_one", "call", 1.0),
        ("tests/a.py::test_one", "teardown", 0.25),
        ("tests/a.py::test_seeded", "setup", 20.0),  # the demo's seeding
        ("tests/a.py::test_seeded", "call", 2.0),
        ("tests/a.py::test_seeded", "teardown", 0.0),
    ]:
        recorder.pytest_runtest_logreport(report(nodeid, when, duration))
    recorder.pytest_sessionfinish()

    assert json.loads(path.read_text()) == {
        "postgresql": {"tests/a.py": recorded(9.0)},
        "sqlite": {
            "tests/a.py": recorded(1.25),
            "tests/a.py::demo": recorded(22.0),
            "tests/other.py": recorded(7.5, tests=3),
        },
    }
