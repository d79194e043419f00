"""Every command and subcommand of `sanctuary`: its --help, and a minimal valid run against
a fresh store on SQLite and on PostgreSQL, each exiting 0 with no traceback.

The command tree is walked, so a command added without a run in SMOKE fails
test_every_command_has_a_smoke_run. The web's commands (they configure Django for the
web app, which a process set up for the store alone cannot) run as child processes;
the others in this process, as the store's tests run them."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from store_support import STORE_FIXTURES, _drop_postgres_database, _postgres_database

from sanctuary_tracker.cli import main

ROOT = Path(__file__).resolve().parent.parent
FUNDING = ROOT / "tests" / "fixtures" / "funding" / "usaspending_awards.csv"
CHELSEA = "ocd-division/country:us/state:ma/place:chelsea"
PASSWORD = "smoke-" + uuid.uuid4().hex[:16]
SANCTUARY = (sys.executable, "-m", "sanctuary_tracker.cli")


@dataclass(frozen=True)
class Step:
    """One run of one command: ARGS (with {tmp}, {council}, {observation} ... filled in),
    what it reads on standard input, the exit statuses that mean it worked."""

    path: tuple[str, ...]
    args: tuple[str, ...] = ()
    stdin: str | None = None
    exit_codes: tuple[int, ...] = (0,)


def step(command: str, *args: str, stdin: str | None = None) -> Step:
    return Step(tuple(command.split()), args, stdin)


# Run in this order on a fresh database. `demo --build-only` first: it initialises the
# store and adds its own admin (demo-admin), who then adds the users the others act as.
SMOKE = [
    step("demo", "--build-only"),
    step("init"),
    step("users add", "root", "--role", "admin", "--user", "demo-admin"),
    step("users add", "casey", "--role", "coder", "--user", "root"),
    step("users add", "rita", "--role", "reviewer", "--user", "root"),
    step("users list"),
    step("password", "rita", "--password-stdin", stdin=PASSWORD + "\n"),
    step("read", "{council}"),
    step("extract", "{council}"),
    step("ingest", "{council}", "--user", "casey"),
    step("batch", "{budget}", "--out", "{tmp}/batch", "--workers", "0", "--format", "jsonl"),
    step("load", "{tmp}/batch", "--user", "casey"),
    step("review add", CHELSEA, "P04", "true", "--user", "casey"),
    step("review list", "--user", "rita"),
    step(
        *("review accept", "{observation}", "--reason", "council minutes"),
        *("--undated", "--no-citation", "--user", "rita"),
    ),
    step(
        "review edit",
        "{observation}",
        "--value",
        "false",
        "--reason",
        "misread",
        "--re-review",
        "--undated",
        "--no-citation",
        "--user",
        "rita",
    ),
    step("review reject", "{observation}", "--reason", "no", "--re-review", "--user", "rita"),
    step("review history", "{observation}", "--user", "casey"),
    step("review divergences", "--user", "casey"),
    step("review agreement", "--coders", "casey,rita", "--user", "casey"),
    step("definitions"),
    step("classify", "--definition", "cis", "--state", "MA"),
    step("explain", "Chelsea, MA"),
    step("compare", "--state", "MA"),
    step("lists"),
    step("lists show", "dhs-ddor-2017"),
    step("laws"),
    step("funding import", "{funding}", "--user", "casey"),
    step("funding show", "Chelsea, MA"),
    step("funding at-stake", "--definition", "cis", "--state", "MA"),
    step("funding review"),
    step("287g import", "{sheet}", "--user", "casey"),
    step("287g list", "--state", "TN"),
    step("287g review"),
    step("export", "observations", "--output", "{tmp}/observations.csv"),
    step("demo", "--build-only"),  # again, on the store it built, which now has two admins
    step("serve"),  # started, asked for /api/definitions, stopped
]


def walk(command: click.Command, path: tuple[str, ...] = ()):
    """Every (path, command) under ``command``, itself first, subcommands sorted."""
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name], (*path, name))


def runnable(command: click.Command) -> bool:
    """A command that does something when run (a group that only dispatches does not)."""
    return not isinstance(command, click.Group) or command.invoke_without_command


def test_every_command_has_a_smoke_run():
    commands = {path: c for path, c in walk(main) if path and runnable(c)}
    covered = {s.path for s in SMOKE}
    missing = sorted(" ".join(p) for p in commands.keys() - covered)
    assert not missing, f"no smoke run in SMOKE for: {', '.join(missing)}"
    stale = sorted(" ".join(p) for p in covered - commands.keys())
    assert not stale, f"SMOKE runs commands that do not exist: {', '.join(stale)}"


@pytest.mark.parametrize(
    "path", [path for path, _ in walk(main)], ids=lambda p: " ".join(p) or "sanctuary"
)
def test_every_command_has_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert result.exception is None and "Traceback" not in result.output
    assert result.output.startswith(f"Usage: main {' '.join(path)}".rstrip())


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_database(request, tmp_path, monkeypatch):
    """A database with nothing in it: a new SQLite file, or a new PostgreSQL database
    (dropped after the test). DATABASE_URL names it; the current folder is tmp_path."""
    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    else:
        name = f"sanctuary_smoke_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        url = _postgres_database(name)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("SANCTUARY_USER", raising=False)
    monkeypatch.setenv("SANCTUARY_ENV", "development")
    monkeypatch.chdir(tmp_path)
    yield url
    if name:
        from django.db import connections

        connections.close_all()
        _drop_postgres_database(name)


def _in_child(command: click.Command) -> bool:
    return getattr(command.callback, "web_app", False)


def _run_in_process(args: list[str], stdin: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"sanctuary {' '.join(args)} raised:\n{trace}")
    return result.exit_code, result.stdout, result.stderr


def _run_child(args: list[str], stdin: str | None) -> tuple[int, str, str]:
    child = subprocess.run(
        [*SANCTUARY, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return child.returncode, child.stdout, child.stderr


def _serve() -> tuple[int, str, str]:
    """Start `sanctuary serve` on a free port, wait for an answer, stop it."""
    from web_support import free_port, wait_for

    port = free_port()
    server = subprocess.Popen(
        [*SANCTUARY, "serve", "--port", str(port), "--workers", "1", "--threads", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}", server)
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    return 0, out, err


def test_every_command_runs_on_a_fresh_store(fresh_database, tmp_path):
    from ice287g_support import KNOX, write_sheet

    sheet = write_sheet(tmp_path / "participatingAgencies01062025am.xlsx", [KNOX])
    values = {
        "tmp": str(tmp_path),
        "council": str(STORE_FIXTURES / "chelsea-council.txt"),
        "budget": str(STORE_FIXTURES / "chelsea-budget.txt"),
        "funding": str(FUNDING),
        "sheet": str(sheet),
    }
    commands = dict(walk(main))
    for smoke in SMOKE:
        args = [*smoke.path, *(a.format(**values) for a in smoke.args)]
        shown = f"sanctuary {' '.join(args)}"
        if smoke.path == ("serve",):
            code, out, err = _serve()
        elif _in_child(commands[smoke.path]):
            code, out, err = _run_child(args, smoke.stdin)
        else:
            code, out, err = _run_in_process(args, smoke.stdin)
        assert code in smoke.exit_codes, f"{shown} exited {code}:\n{err}"
        assert "Traceback" not in out + err, f"{shown}:\n{err}"
        if smoke.path == ("review", "add"):
            values["observation"] = out.split()[1].rstrip(":")
