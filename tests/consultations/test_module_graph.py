"""The consultation module's imports form no cycle, and page models import no
views: the views read the models, the policy reads the records, and routes are
attached from below (``consultations/routes.py``)."""

import ast
from pathlib import Path

from django.conf import settings

PACKAGE = "consultations"


def module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path, name, known):
    """Every module of the package this file imports, at the top or inside a
    function (a lazy import is still a dependency)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            # "from a import b" imports the module a.b when there is one.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        found.update(target for target in targets if target in known)
    return found


def graph():
    root = Path(settings.BASE_DIR)
    files = {
        module_name(path, root): path
        for path in (root / PACKAGE).rglob("*.py")
        if "migrations" not in path.parts
    }
    return {name: imports_of(path, name, files) for name, path in files.items()}


def find_cycle(edges):
    state, stack = {}, []

    def visit(node):
        state[node] = "visiting"
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target == node:
                continue
            if state.get(target) == "visiting":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_consultation_module_has_no_import_cycle():
    assert find_cycle(graph()) is None


def test_models_import_no_views():
    edges = graph()
    for name, targets in edges.items():
        if name.startswith(f"{PACKAGE}.models"):
            assert not {t for t in targets if t.startswith(f"{PACKAGE}.views")}, name


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
