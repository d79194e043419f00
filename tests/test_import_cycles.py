"""No import cycle in the package: every module imports alone, and a walk over the
module-level ``sanctuary_tracker`` imports (read with ast, so nothing runs) finds no cycle
but the known ones listed below, none of them in the CLI."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = "sanctuary_tracker"
SOURCE = ROOT / "src" / PACKAGE

# Cycles allowed through imports inside functions (none may close at import time), each as
# the modules that import one another; a cycle not within one of these fails the test. None
# is left: add one only with the reason beside it, and remove it when its cycle is gone.
KNOWN_CYCLES: list[frozenset[str]] = []


def module_files(source: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(source.rglob("*.py")):
        parts = path.relative_to(source.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _type_checking(node: ast.stmt) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(test)


def _statements(body: list[ast.stmt], functions: bool):
    """The statements run when the module is imported: the module's own, those in its
    if/try/with blocks and class bodies, not those in TYPE_CHECKING blocks, nor those in
    functions unless ``functions``."""
    for node in body:
        if _type_checking(node) or (
            not functions and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        ):
            continue
        yield node
        for field in ("body", "orelse", "finalbody", "handlers"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                yield from _statements(inner, functions)


def imported_modules(
    name: str, path: Path, modules: dict[str, Path], *, functions: bool = False
) -> set[str]:
    """The package's modules that ``name`` imports when it is imported (and, with
    ``functions``, when its functions run). A module's parent packages are left out: they
    are loaded before it runs, so they close no cycle."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _statements(ast.parse(path.read_text(), str(path)).body, functions):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # a submodule, else a name the module `base` defines
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {m for m in found if m in modules and m != name}


def import_graph(source: Path = SOURCE, *, functions: bool = False) -> dict[str, set[str]]:
    modules = module_files(source)
    return {
        name: imported_modules(name, path, modules, functions=functions)
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for after in sorted(graph[node]):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups, key=sorted)


def test_the_walk_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [frozenset("abc")]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_walk_reads_the_imports_that_run():
    graph = import_graph()
    assert f"{PACKAGE}.cli.common" in graph[f"{PACKAGE}.cli.read"]
    assert f"{PACKAGE}.cli.read" in graph[f"{PACKAGE}.cli"]  # from the package import a module
    # imported inside a function only, when the command runs
    assert f"{PACKAGE}.read" not in graph[f"{PACKAGE}.cli.read"]


def test_no_import_cycle_in_the_cli():
    """Not even through the imports a command makes when it runs: the command modules
    share only what ``cli.common`` and ``cli.classifier`` hold."""
    graph = import_graph(functions=True)
    cli = {name: {m for m in graph[name] if m.startswith(f"{PACKAGE}.cli")} for name in graph}
    in_cli = [c for c in cycles(cli) if any(m.startswith(f"{PACKAGE}.cli") for m in c)]
    assert not in_cli, [sorted(c) for c in in_cli]


def test_no_import_cycle_at_import_time():
    found = cycles(import_graph())
    assert not found, [sorted(c) for c in found]


def test_no_import_cycle_but_the_known_ones():
    """Imports inside functions included: a cycle there is one module asking for another
    that asks for it back, the tangle that makes a package hard to find one's way in."""
    found = cycles(import_graph(functions=True))
    new = [c for c in found if not any(c <= known for known in KNOWN_CYCLES)]
    assert not new, f"new import cycles: {[sorted(c) for c in new]}"


IMPORT_EACH_ALONE = """
import importlib, json, pkgutil, sys, tempfile, warnings
from pathlib import Path

warnings.simplefilter("ignore")  # Django's "model already registered" on a re-import
from sanctuary_tracker.web.settings import configure

configure("sqlite:///" + str(Path(tempfile.mkdtemp()) / "never-opened.sqlite3"))
import sanctuary_tracker

names = sorted(m.name for m in pkgutil.walk_packages(sanctuary_tracker.__path__, "sanctuary_tracker."))
failed = {}
for name in names:
    if name.endswith(".__main__"):
        continue
    for loaded in [m for m in sys.modules if m.startswith("sanctuary_tracker.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps({"imported": len(names), "failed": failed}))
"""


def test_every_module_imports_alone():
    """Each module imported first, with none of the package loaded (Django configured, as
    the store and web modules need): an import cycle that bites shows as an ImportError."""
    child = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH_ALONE], capture_output=True, text=True, timeout=600
    )
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["imported"] >= len(module_files()) - 5
    assert not result["failed"], result["failed"]
