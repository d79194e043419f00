"""One settings module: every environment variable is declared once in settings.py, read
only through it, shown in the README's tables with its default and in the commands' help."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import fields

import pytest
from click.testing import CliRunner
from conftest import ROOT

from sanctuary_tracker.settings import (
    SETTINGS,
    ReadLimits,
    SettingError,
    get,
    limit_name,
    settings_help,
)

SRC = ROOT / "src" / "sanctuary_tracker"
# `| `NAME` | default ... |` rows of the README's settings tables.
ROW = re.compile(r"^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|", re.M)
# An environment variable that is not a setting: tesseract's thread count, which read/ocr.py
# sets around each OCR call (one thread per page, the pages run in parallel).
NOT_SETTINGS = {("read/ocr.py", "OMP_THREAD_LIMIT")}
# Names that look like settings but are not environment variables: the web app's Django
# setting that carries the sign-in limits (web/settings.py, web/throttle.py).
DJANGO_SETTINGS = {"SANCTUARY_SIGNIN"}


def readme_rows() -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for name, default in ROW.findall((ROOT / "README.md").read_text()):
        rows.setdefault(name, []).append(default)
    return rows


def test_every_setting_is_in_a_readme_table_with_its_default():
    rows = readme_rows()
    for setting in SETTINGS:
        assert setting.name in rows, f"{setting.name} has no row in a README table"
        assert any(setting.default in cell for cell in rows[setting.name]), (
            f"{setting.name}: README row {rows[setting.name]} does not give {setting.default!r}"
        )
        assert setting.default in setting.help, f"{setting.name}: --help omits the default"


def test_every_readme_setting_row_is_declared():
    declared = {s.name for s in SETTINGS}
    variables = [n for n in readme_rows() if n.startswith(("SANCTUARY_", "DATABASE_", "XDG_"))]
    assert variables
    assert sorted(set(variables) - declared) == []


def test_every_read_limit_is_declared_with_its_default():
    for field in fields(ReadLimits):
        assert get(limit_name(field.name)) == field.default, field.name


def environment_reads(path) -> list[tuple[int, str]]:
    """(line, source line) of each os.environ / getenv use in the module at ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    lines = path.read_text().splitlines()
    found = []
    for node in ast.walk(tree):
        hit = (isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")) or (
            isinstance(node, ast.ImportFrom)
            and node.module == "os"
            and any(a.name in ("environ", "getenv") for a in node.names)
        )
        if hit:
            found.append((node.lineno, lines[node.lineno - 1]))
    return found


def test_only_settings_reads_the_environment():
    stray = []
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        if module == "settings.py":
            continue
        for line, text in environment_reads(path):
            if not any(module == m and name in text for m, name in NOT_SETTINGS):
                stray.append(f"{module}:{line}: {text.strip()}")
    assert stray == []


def test_the_check_finds_an_environment_read(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom os import getenv\nURL = os.environ.get('DATABASE_URL')\n")
    assert [line for line, _ in environment_reads(module)] == [2, 3]


def test_every_variable_named_in_the_code_is_declared():
    declared = {s.name for s in SETTINGS}
    named = set()
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.update(re.findall(r"\bSANCTUARY_[A-Z][A-Z_]*\b", node.value))
    assert named and sorted(named - declared - DJANGO_SETTINGS) == []


def test_commands_show_the_declared_settings():
    from sanctuary_tracker.cli import main

    runner = CliRunner()
    for command, parts in (("read", ["read"]), ("init", ["store", "cli"]), ("serve", ["web"])):
        shown = " ".join(runner.invoke(main, [command, "--help"]).output.split())
        for name, text in settings_help(*parts).items():
            assert f"{name}: {' '.join(text.split())}" in shown, (command, name)


def test_a_bad_value_is_one_line_naming_the_variable(monkeypatch):
    from sanctuary_tracker.web.settings import WebConfigError, signin_limits

    monkeypatch.setenv("SANCTUARY_SIGNIN_LOCKOUT_SECONDS", "0")
    with pytest.raises(WebConfigError, match=r"^SANCTUARY_SIGNIN_LOCKOUT_SECONDS '0': use a whole"):
        signin_limits()
    monkeypatch.setenv("SANCTUARY_FETCH_TIMEOUT", "-1")
    with pytest.raises(SystemExit, match="FETCH_TIMEOUT='-1' is not a number of 0 or more"):
        ReadLimits.from_env()
    with pytest.raises(SettingError):
        get("SANCTUARY_FETCH_TIMEOUT")
    with pytest.raises(KeyError):
        get("SANCTUARY_UNDECLARED")


def test_the_settings_module_imports_no_web_framework():
    code = "import sys, sanctuary_tracker.settings; print(sorted(m for m in sys.modules if m.startswith('django')))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
