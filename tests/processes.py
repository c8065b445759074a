"""How ``make test`` shares the suite between its processes (pytest-xdist).

Tests of the demo content (and the live site and browser tests, which read it)
need the demo seeded, the dearest set-up of the suite. Sent wherever a process is
free, each process seeds it; here one process takes all of them and the others
share the rest, module by module, so the demo is seeded once and the processes
finish at about the same time. Without demo tests (a run of a few folders) the
modules are shared among all the processes.

Each process writes which group its tests belong to into one file (all write the
same), and the controller's scheduler reads it once the processes have collected.
pytest-xdist's own ``--dist loadgroup`` marks cannot do this under pytest 9: the
group is added to a node id that pytest no longer lets a plugin change.
"""

import json
import os
import tempfile
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

GROUPS_FILE = "TEST_PROCESS_GROUPS"
DEMO = "demo"


def needs_demo(item):
    return "seeded_demo" in getattr(item, "fixturenames", ())


def groups_of(items, processes):
    """{node id: group}: every demo test in one group, the other tests' modules
    in round turns over the remaining processes (or all, without demo tests)."""
    has_demo = any(needs_demo(item) for item in items)
    plain_processes = max(processes - 1, 1) if has_demo else processes
    modules = sorted({item.module.__name__ for item in items if not needs_demo(item)})
    share = {module: turn % plain_processes for turn, module in enumerate(modules)}
    return {
        item.nodeid: DEMO
        if needs_demo(item)
        else f"plain-{share[item.module.__name__]}"
        for item in items
    }


def configure(config):
    """In the controller of several processes: a file for them to write their
    groups into (they inherit the environment), and the scheduler that reads it."""
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
