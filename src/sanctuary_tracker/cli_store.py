"""The store's commands (init, ingest, load, users, review): thin shells over
``sanctuary_tracker.store``, which they import only when run, so that ``sanctuary read``
and ``extract`` never load Django."""

from __future__ import annotations

import functools
import sys

import click

user_option = click.option(
    "--user",
    envvar="SANCTUARY_USER",
    metavar="NAME",
    help="Act as this user (default: $SANCTUARY_USER).",
)


def _epilog() -> str:
    from sanctuary_tracker.store.config import STORE_SETTINGS_HELP

    return "Settings (environment variables):\n" + "\n".join(
        f"  {name}: {text}" for name, text in STORE_SETTINGS_HELP.items()
    )


def store_errors(function):
    """Run a command with the store open; its refusals are one line and exit status 1."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        from sanctuary_tracker.store.errors import StoreError

        try:
            return function(*args, **kwargs)
        except StoreError as exc:
            click.echo(f"sanctuary: error: {exc}", err=True)
            sys.exit(1)
        except Exception as exc:
            refused = _refused_by_database(exc)
            if refused is None:
                raise
            click.echo(f"sanctuary: error: {refused}", err=True)
            sys.exit(1)

    return wrapper


def _refused_by_database(exc: Exception) -> str | None:
    """The one-line message for a database login without the privilege a command needs
    (PostgreSQL roles: see the README's store section); None for any other error."""
    django_db = sys.modules.get("django.db")
    if django_db is None or not isinstance(exc, django_db.ProgrammingError):
        return None
    first = (str(exc).strip().splitlines() or [""])[0]
    if "permission denied" not in first:
        return None
    return f"the database refused: {first} (this database login may not do that)"


def open_store_for_command(need_tables: bool = True) -> None:
    """Open the configured store for a command (a StoreError when it is not usable)."""
    from sanctuary_tracker.store.db import open_store

    open_store(need_tables=need_tables)


def store_command(function=None, *, opener=open_store_for_command):
    """A command over the store: ``opener`` configures Django and opens the store before
    the body runs, so the body may import models (and Django) freely; refusals are one line
    and exit status 1 (``store_errors``). Importing a model before this, at module level or
    above ``opener``, fails with Django's "settings are not configured"."""

    def decorate(body):
        @functools.wraps(body)
        def opened(*args, **kwargs):
            opener()
            return body(*args, **kwargs)

        return store_errors(opened)

    return decorate(function) if function is not None else decorate


@click.command(epilog=_epilog())
@store_errors
def init() -> None:
    """Create or migrate the database, then load the gazetteer, the codebook, the role
    groups and the shipped 287(g) sheets. Safe to run again: it changes only what differs."""
    from sanctuary_tracker.store.config import shown_url
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.reference import init_store

    url = open_store(need_tables=False)
    report = init_store()
    click.echo(f"database: {shown_url(url)}")
    click.echo(f"migrations applied: {report.migrations}")
    for name, counts in (
        ("jurisdictions", report.jurisdictions),
        ("provisions", report.provisions),
        ("287(g) publications", report.agreement_publications),
    ):
        click.echo(
            f"{name}: {counts['inserted']} inserted, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged"
        )


def _run(what: str, run, items, user_name: str | None, **kwargs) -> None:
    """Shared body of ingest and load: check the role, run with a progress line, report."""
    from sanctuary_tracker.cli import Progress
    from sanctuary_tracker.store.users import LOAD, require

    user = require(user_name, LOAD)
    progress = Progress(total=len(items))

    def problem(text: str) -> None:
        progress.clear()
        click.echo(f"sanctuary: error: {text}", err=True)

    report = run(items, user=user, on_problem=problem, on_document=progress.document, **kwargs)
    progress.clear()
    click.echo(f"{what}: {report.summary()}", err=True)
    if report.problems:
        sys.exit(1)


@click.command(epilog=_epilog())
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback or private networks.")
@user_option
@store_command
def ingest(sources: tuple[str, ...], allow_private: bool, user: str | None) -> None:
    """Read SOURCE..., extract its evidence and load it into the store, one transaction
    per document. Prints inserted / updated / unchanged counts; exit status 1 when any
    source failed (the others are still loaded)."""
    from sanctuary_tracker.store.ingest import ingest_sources

    _run("ingest", ingest_sources, list(sources), user, allow_private=allow_private)


@click.command(epilog=_epilog())
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--group",
    type=click.IntRange(min=1),
    help="Documents per commit (default: 200 on SQLite, 1 on PostgreSQL). Each document "
    "is whole or absent either way; a kill loses at most the uncommitted group.",
)
@user_option
@store_command
def load(files: tuple[str, ...], group: int | None, user: str | None) -> None:
    """Load evidence FILE... (JSON Lines, as `sanctuary extract --format jsonl` writes;
    also a batch run's Parquet parts or its output folder). Bad lines are rejected one by
    one as FILE:LINE: problem (FILE:row N in Parquet), the valid ones loaded, and the exit
    status is 1 when any line was rejected."""
    from sanctuary_tracker.store.ingest import load_files

    _run("load", load_files, list(files), user, group=group)


@click.group()
def users() -> None:
    """Users and their roles: viewer, coder, reviewer, admin."""


@users.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(["viewer", "coder", "reviewer", "admin"]),
    required=True,
    help="viewer reads; coder loads and enters observations; reviewer also reviews; "
    "admin does everything, users included.",
)
@user_option
@store_command
def users_add(name: str, role: str, user: str | None) -> None:
    """Add user NAME with a role (or change their role). Needs an admin, except for the
    first admin of a new store."""
    from sanctuary_tracker.store.users import add_user

    _, created = add_user(name, role, acting=user)
    click.echo(f"{'added' if created else 'updated'} {name}: {role}")


@users.command("list")
@store_command
def users_list() -> None:
    """List users and their roles."""
    from django.contrib.auth.models import User

    from sanctuary_tracker.store.users import role_of

    for user in User.objects.order_by("username"):
        click.echo(f"{user.username}\t{role_of(user) or '-'}")


def register(main: click.Group) -> None:
    """Add the store's commands to the ``sanctuary`` group."""
    from sanctuary_tracker.review_cli import review

    for command in (init, ingest, load, users, review):
        main.add_command(command)
