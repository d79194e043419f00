"""No module of the package over 600 lines (migrations aside, which Django writes): a
longer module holds more than one thing and is split along its parts."""

from __future__ import annotations

from conftest import ROOT

SOURCE = ROOT / "src" / "sanctuary_tracker"
MOST_LINES = 600


def module_lines(source=SOURCE) -> dict[str, int]:
    """Each module's physical lines, by its path under src/, migrations left out."""
    return {
        str(path.relative_to(source.parent)): len(path.read_bytes().splitlines())
        for path in sorted(source.rglob("*.py"))
        if "migrations" not in path.relative_to(source).parts
    }


def test_lines_are_counted_and_migrations_left_out(tmp_path):
    package = tmp_path / "sanctuary_tracker"
    (package / "store" / "migrations").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n\n# the last line has no newline\ny = 2")
    (package / "store" / "migrations" / "0001_initial.py").write_text("x = 1\n" * 700)
    assert module_lines(package) == {"sanctuary_tracker/a.py": 4}
    assert "sanctuary_tracker/document.py" in module_lines()


def test_no_module_over_600_lines():
    over = {name: n for name, n in module_lines().items() if n > MOST_LINES}
    offenders = ", ".join(f"{name} ({n} lines)" for name, n in over.items())
    assert not over, f"modules over {MOST_LINES} lines: {offenders}"
