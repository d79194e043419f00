"""The layers the README's Architecture section draws: the library core imports no Django
and nothing of the store, the web app, batch runs or the CLI, not even inside a function
(read with ast, so nothing runs)."""

from __future__ import annotations

import ast

from test_import_cycles import SOURCE, import_graph, module_files

CORE = ("text", "read", "places", "extract", "classify", "publish", "agreements", "funding")
ABOVE = ("store", "web", "batch", "cli")


def _package(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def _django_imports(path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        found += [n for n in names if n == "django" or n.startswith(("django.", "ninja"))]
    return found


def test_the_core_imports_nothing_above_it():
    graph = import_graph(SOURCE, functions=True)
    wrong = sorted(
        f"{module} imports {other}"
        for module, imported in graph.items()
        if _package(module) in CORE
        for other in imported
        if _package(other) in ABOVE
    )
    assert not wrong, wrong


def test_the_core_imports_no_web_framework():
    wrong = sorted(
        f"{name} imports {found}"
        for name, path in module_files(SOURCE).items()
        if _package(name) in CORE
        for found in _django_imports(path)
    )
    assert not wrong, wrong


def test_the_checks_see_a_layer_broken(tmp_path):
    package = tmp_path / "sanctuary_tracker"
    for folder in ("extract", "store"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "store" / "models.py").write_text("X = 1\n")
    bad = "def f():\n    from django.db import models\n    from sanctuary_tracker.store import models\n"
    (package / "extract" / "bad.py").write_text(bad)
    graph = import_graph(package, functions=True)
    assert "sanctuary_tracker.store.models" in graph["sanctuary_tracker.extract.bad"]
    assert _django_imports(package / "extract" / "bad.py") == ["django.db"]
