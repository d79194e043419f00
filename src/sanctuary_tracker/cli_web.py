"""The web commands: ``sanctuary demo`` (build a demo database from the bundled samples,
then serve it), ``sanctuary serve`` (serve an existing database), ``sanctuary password``
(set a user's sign-in password) and ``sanctuary export`` (the API's downloads as files).
Django is imported only when one of them runs."""

from __future__ import annotations

import sys

import click

# Refusals are one line and exit status 1, as in the store's commands.
from sanctuary_tracker.cli_store import store_command
from sanctuary_tracker.cli_store import store_errors as web_errors

HOST = click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
WORKERS = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes (default: one per core, up to 4).",
)
THREADS = click.option(
    "--threads",
    type=click.IntRange(1, 256),
    default=4,
    show_default=True,
    help="Threads per worker.",
)


def _epilog() -> str:
    from sanctuary_tracker.store.config import STORE_SETTINGS_HELP
    from sanctuary_tracker.web.settings import WEB_SETTINGS_HELP

    return "Settings (environment variables):\n" + "\n".join(
        f"  {name}: {text}" for name, text in {**STORE_SETTINGS_HELP, **WEB_SETTINGS_HELP}.items()
    )


def _configure(url: str | None = None, *, need_tables: bool = True) -> str:
    """Configure Django for the web app and open the store (initialised, unless told not to)."""
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.web.settings import configure

    return open_store(configure(url), need_tables=need_tables)


# A command over the web app's store: Django is configured and the store opened before
# its body runs, so the body may import models.
web_command = store_command(opener=_configure)


@click.command(epilog=_epilog())
@HOST
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--build-only", is_flag=True, help="Build the demo database and stop.")
@WORKERS
@THREADS
@web_errors
def demo(host: str, port: int, build_only: bool, workers: int | None, threads: int) -> None:
    """Build a demo database from the bundled sample documents plus the shipped official
    lists and state laws (at DATABASE_URL when set, else data/demo.sqlite3, rebuilt each
    time), then serve the web app on http://HOST:PORT."""
    from sanctuary_tracker.store.config import shown_url
    from sanctuary_tracker.web.demo import DEFAULT_DEMO, build_demo, demo_url, remove_sqlite

    url, default = demo_url()
    if default:
        DEFAULT_DEMO.parent.mkdir(parents=True, exist_ok=True)
        remove_sqlite(DEFAULT_DEMO.resolve())
    _configure(url, need_tables=False)
    report = build_demo(url)
    click.echo(f"demo database: {shown_url(url)}", err=True)
    counts = report.documents
    click.echo(
        f"samples: {counts.get('inserted', 0)} inserted, {counts.get('unchanged', 0)} unchanged",
        err=True,
    )
    for problem in report.problems:
        click.echo(f"sanctuary: warning: {problem}", err=True)
    for name, password in report.passwords.items():
        click.echo(f"sign in as {name} with password {password}", err=True)
    if build_only:
        return
    _serve(host, port, workers, threads)


def _serve(host: str, port: int, workers: int | None, threads: int) -> None:
    from sanctuary_tracker.web.server import serve as run

    click.echo(f"serving on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    run(host, port, workers=workers, threads=threads)


@click.command(epilog=_epilog())
@HOST
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@WORKERS
@THREADS
@web_command
def serve(host: str, port: int, workers: int | None, threads: int) -> None:
    """Serve the web app and API over an existing database (DATABASE_URL, else the
    store's default file); `sanctuary init` must have been run on it."""
    _serve(host, port, workers, threads)


@click.command()
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input (the default when "
    "standard input is not a terminal).",
)
@web_command
def password(name: str, password_stdin: bool) -> None:
    """Set the web sign-in password of user NAME (users are added with `sanctuary users add`).

    At a terminal the password is asked twice and must match; otherwise (or with
    --password-stdin) it is the first line of standard input: `printf '%s\\n' "$PW" |
    sanctuary password NAME`. It is checked by the web app's password rules."""
    from django.contrib.auth.models import User
    from django.contrib.auth.password_validation import ValidationError, validate_password

    from sanctuary_tracker.store.errors import StoreError

    user = User.objects.filter(username=name).first()
    if user is None:
        raise StoreError(f"user {name!r}: no such user (an admin adds one: sanctuary users add)")
    if password_stdin or not sys.stdin.isatty():
        secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise StoreError(
                "no password on standard input: give it as the first line "
                "(or run `sanctuary password NAME` at a terminal to be asked)"
            )
    else:
        secret = click.prompt(f"New password for {name}", hide_input=True, confirmation_prompt=True)
    try:
        validate_password(secret, user)
    except ValidationError as exc:
        raise StoreError(f"password for {name!r} refused: {' '.join(exc.messages)}") from None
    user.set_password(secret)
    user.save(update_fields=["password"])
    click.echo(f"password set for {name}")


@click.command("export")
@click.argument(
    "dataset",
    type=click.Choice(["classifications", "observations", "listings", "quotes", "datasette"]),
)
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "parquet", "geojson"]), default="csv"
)
@click.option("--output", type=click.Path(dir_okay=False), required=True)
@click.option("--definition", metavar="ID", help="For classifications (default: the first).")
@click.option("--date", metavar="YYYY-MM-DD", help="Default: today.")
@click.option("--state", metavar="ST")
@click.option(
    "--full",
    is_flag=True,
    help="Classifications: also every reason that says what is not known (column "
    "`missing`; many times the size).",
)
@web_command
def export(dataset, fmt, output, definition, date, state, full) -> None:
    """Write DATASET to --output: classifications, observations, listings or quotes as
    CSV, JSON, Parquet or GeoJSON; `datasette` writes the whole store as one SQLite file.
    A CSV always has its header, even with no rows."""
    from pathlib import Path

    from sanctuary_tracker.web import exports
    from sanctuary_tracker.web.classification import definitions, today
    from sanctuary_tracker.web.params import iso_date
    from sanctuary_tracker.web.selectors import Filters

    try:  # the one date parser of the web app and its API
        when = iso_date(date) or today()
    except ValueError as exc:
        raise click.BadParameter(f"{date!r}: {exc}", param_hint="--date") from None
    if definition and definition not in definitions():
        raise click.BadParameter(f"unknown definition {definition!r}")
    problem = exports.full_problem(dataset, full)
    if problem:
        raise click.BadParameter(problem.removeprefix("full: "), param_hint="--full")
    if dataset == "datasette":
        counts = exports.write_sqlite(Path(output), when)
        click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()), err=True)
        return
    chosen = Filters(state=state, date=when, definition=definition)
    body = exports.render(dataset, fmt, chosen, full=full)
    Path(output).write_bytes(body)
    click.echo(f"{output}: {len(body):,} bytes", err=True)


def register(main: click.Group) -> None:
    for command in (demo, serve, password, export):
        main.add_command(command)
