"""The store's commands (init, ingest, load, users, password): thin shells over
``sanctuary_tracker.store``, which they import only when run, so that ``sanctuary read``
and ``extract`` never load Django."""

from __future__ import annotations

import sys

import click

from sanctuary_tracker.cli.common import (
    Progress,
    settings_epilog,
    store_command,
    store_errors,
    user_option,
    web_command,
)


@click.command(epilog=settings_epilog("store", "cli"))
@store_errors
def init() -> None:
    """Create or migrate the database, then load the gazetteer, the codebook, the role
    groups and the shipped 287(g) sheets. Safe to run again: it changes only what differs."""
    from sanctuary_tracker.store.config import shown_url
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.init import init_store

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
    from sanctuary_tracker.store.users import LOAD, require

    user = require(user_name, LOAD)
    progress = Progress(total=len(items))
    report = run(
        items, user=user, on_problem=progress.problem, on_document=progress.document, **kwargs
    )
    progress.clear()
    click.echo(f"{what}: {report.summary()}", err=True)
    if report.problems:
        sys.exit(1)


@click.command(epilog=settings_epilog("store", "cli"))
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


@click.command(epilog=settings_epilog("store", "cli"))
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
