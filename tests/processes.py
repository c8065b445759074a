"""How ``make test`` shares the suite between its processes (pytest-xdist).

Tests of the demo content (and the live site and browser tests, which read it)
need the demo seeded, the dearest set-up of the suite. Sent wherever a process is
free, each process seeds it; here one process takes all of them, after its share
of the other tests, so the demo is seeded once. The other tests are shared module
by module so that the processes finish at about the same time: by the seconds each
module took when they were last recorded (tests/durations.json, written by
``make durations``), the longest first, each to the process with the least to do,
the demo's process starting with the demo's own seconds. Without demo tests (a run
of a few folders) the modules are shared among all the processes the same way.

Each process writes which group its tests belong to into one file (all write the
same), and the controller's scheduler reads it once the processes have collected.
pytest-xdist's own ``--dist loadgroup`` marks cannot do this under pytest 9: the
group is added to a node id that pytest no longer lets a plugin change.
"""

import fcntl
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

GROUPS_FILE = "TEST_PROCESS_GROUPS"
DEMO = "demo"
DURATIONS = Path(__file__).with_name("durations.json")
# What a test not yet recorded is taken to cost.
UNRECORDED_TEST_SECONDS = 0.3


def needs_demo(item):
    return "seeded_demo" in getattr(item, "fixturenames", ())


def part_of(item):
    """The unit shared out and recorded: a module's plain tests, or its demo tests."""
    path = item.nodeid.split("::")[0]
    return f"{path}::{DEMO}" if needs_demo(item) else path


def read_durations(path=DURATIONS):
    """{database vendor: {part: {"seconds": s, "tests": n}}} as last recorded."""
    try:
        return json.loads(Path(path).read_text())
    except FileNotFoundError:
        return {}


def database_vendor():
    from django.db import connection

    return connection.vendor


def groups_of(items, processes, durations=None):
    """{node id: group}: every demo test in the demo's group, and the other tests'
    modules in whichever group has the least to do when its turn comes."""
    if durations is None:
        recorded = read_durations()
        # Another database's, where this one's were never recorded: the same tests
        # are dear on both.
        durations = recorded.get(database_vendor()) or next(iter(recorded.values()), {})
    tests = Counter(part_of(item) for item in items)

    def seconds(part):
        recorded = durations.get(part)
        if recorded and recorded["tests"]:
            # A module with tests added or removed since: in proportion.
            return recorded["seconds"] * tests[part] / recorded["tests"]
        return tests[part] * UNRECORDED_TEST_SECONDS

    demo_parts = [part for part in tests if part.endswith(f"::{DEMO}")]
    if demo_parts:
        load = {DEMO: sum(seconds(part) for part in demo_parts)}
        load |= {f"plain-{n}": 0.0 for n in range(max(processes - 1, 1))}
    else:
        load = {f"plain-{n}": 0.0 for n in range(processes)}
    group = dict.fromkeys(demo_parts, DEMO)
    plain = sorted(
        (part for part in tests if part not in group),
        key=lambda part: (-seconds(part), part),
    )
    for part in plain:
        lightest = min(load, key=lambda name: (load[name], name))
        group[part] = lightest
        load[lightest] += seconds(part)
    return {item.nodeid: group[part_of(item)] for item in items}


def configure(config):
    """In the controller of several processes: a file for them to write their
    groups into (they inherit the environment), and the scheduler that reads it."""
    if config.getoption("record_durations", False):
        config.pluginmanager.register(Recorder(), "record-durations")
    if (
        os.environ.get("PYTEST_XDIST_WORKER")
        or not config.pluginmanager.hasplugin("xdist")
        or not config.getoption("numprocesses")
    ):
        return
    handle, path = tempfile.mkstemp(prefix="test-groups-", suffix=".json")
    os.close(handle)
    os.environ[GROUPS_FILE] = path
    config.add_cleanup(lambda: Path(path).unlink(missing_ok=True))
    config.pluginmanager.register(Scheduler(), "one-demo-process")


class Scheduler:
    @staticmethod
    def pytest_xdist_make_scheduler(config, log):
        return OneDemoProcess(config, log)


def write_groups(items):
    """In each process, after collection."""
    path = os.environ.get(GROUPS_FILE)
    if not path or not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    processes = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", 1))
    mine = f"{path}.{os.environ['PYTEST_XDIST_WORKER']}"
    Path(mine).write_text(json.dumps(groups_of(items, processes)))
    os.replace(mine, path)


class OneDemoProcess(LoadScopeScheduling):
    """pytest-xdist's scheduling by scope, with the groups above as scopes: with as
    many groups as processes, each process runs one group, in collection order."""

    groups = None

    def _split_scope(self, nodeid):
        if self.groups is None:
            self.groups = json.loads(Path(os.environ[GROUPS_FILE]).read_text())
        # A test the file does not name (none should) goes with its module.
        return self.groups.get(nodeid, nodeid.split("::")[0])


class Recorder:
    """``--record-durations``: each part's seconds on this run's database, written
    to tests/durations.json at the end of the run by each process (pytest-xdist's
    or the only one) for its own tests, over what the file held for them. The
    first set-up of each process is left out: it makes the test database, which
    every process does alike."""

    def __init__(self, path=DURATIONS):
        self.path = path
        self.parts = {}  # node id: part
        self.seconds = Counter()
        self.tests = Counter()
        self.started = False

    def pytest_collection_modifyitems(self, items):
        self.parts = {item.nodeid: part_of(item) for item in items}

    def pytest_runtest_logreport(self, report):
        part = self.parts.get(report.nodeid)
        if part is None:  # the controller of several processes
            return
        if report.when == "setup" and not self.started:
            self.started = True
            return
        self.seconds[part] += report.duration
        if report.when == "call":
            self.tests[part] += 1

    def pytest_sessionfinish(self):
        if not self.tests:
            return
        mine = {
            part: {"seconds": round(self.seconds[part], 2), "tests": count}
            for part, count in self.tests.items()
        }
        vendor = database_vendor()
        # The processes end one by one, each adding its own parts to the file.
        lock_path = Path(tempfile.gettempdir()) / "portal-test-durations.lock"
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            recorded = read_durations(self.path)
            recorded[vendor] = recorded.get(vendor, {}) | mine
            Path(self.path).write_text(_one_part_a_line(recorded))


def _one_part_a_line(recorded):
    vendors = [
        f"  {json.dumps(vendor)}: {{\n"
        + ",\n".join(
            f"    {json.dumps(part)}: {json.dumps(parts[part])}"
            for part in sorted(parts)
        )
        + "\n  }"
        for vendor, parts in sorted(recorded.items())
    ]
    return "{\n" + ",\n".join(vendors) + "\n}\n"
