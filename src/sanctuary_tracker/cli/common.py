"""What every `sanctuary` command shares: the output options (--format, --output), the
progress line, error handling (a refusal is one line and exit status 1), the --user option
and the settings epilog. Imports no command module, so every command module may import it."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sys
import time
from collections.abc import Callable, Iterator

import click

# What each output format is, for --format's help; a command offers those that fit it.
FORMAT_HELP = {
    "text": "lines for people",
    "csv": "CSV with its header (nested values as JSON text)",
    "json": "JSON",
    "jsonl": "JSON Lines, one record a line",
    "parquet": "Parquet (needs --output)",
    "geojson": "GeoJSON features",
}


def format_option(*choices: str, default: str | None = None, help: str | None = None):
    """``--format`` (the parameter ``fmt``), one of ``choices`` (out of FORMAT_HELP), the
    first one unless ``default`` says otherwise; every command's --format is made here."""
    unknown = [c for c in choices if c not in FORMAT_HELP]
    if unknown:
        raise ValueError(f"unknown output formats {unknown}")
    if help is None:
        help = "; ".join(f"{c}: {FORMAT_HELP[c]}" for c in choices) + "."
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default or choices[0],
        show_default=True,
        help=help,
    )


def output_option(*, required: bool = False):
    """``--output FILE``: write there instead of standard output."""
    return click.option(
        "--output",
        type=click.Path(dir_okay=False),
        required=required,
        help="Write to this file." if required else "Write to this file, not standard output.",
    )


def output_options(*choices: str, default: str | None = None, help: str | None = None):
    """The shared output options of a listing or export: --format (``choices``) and --output."""

    def decorate(function):
        return format_option(*choices, default=default, help=help)(output_option()(function))

    return decorate


@contextlib.contextmanager
def output_lines(output: str | None) -> Iterator[Callable[..., None]]:
    """A ``click.echo`` that writes one line to the file ``output``, or to standard output
    when there is none."""
    if not output:
        yield click.echo
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        yield lambda text="": handle.write(f"{text}\n")


def write_text(text: str, output: str | None) -> None:
    """``text`` into the file ``output``, or to standard output when there is none."""
    if output:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


# The files a command reads (import commands).
files_argument = click.argument(
    "files", nargs=-1, required=True, metavar="FILE...", type=click.Path()
)

user_option = click.option(
    "--user",
    envvar="SANCTUARY_USER",
    metavar="NAME",
    help="Act as this user (default: $SANCTUARY_USER).",
)


def settings_epilog(*parts: str) -> str:
    """The "Settings (environment variables)" epilog of a command: the settings the given
    parts read, as sanctuary_tracker.settings declares them."""
    from sanctuary_tracker.settings import settings_help

    lines = ["Settings (environment variables):"]
    lines += [f"  {name}: {text}" for name, text in settings_help(*parts).items()]
    return "\n".join(lines)


def fail(text: str) -> None:
    """Stop the command: ``text`` as one error line on standard error, exit status 1."""
    click.echo(f"sanctuary: error: {text}", err=True)
    sys.exit(1)


def iso_date(ctx, param, value: str | None) -> str | None:
    """A click callback: ``value`` as YYYY-MM-DD, or a usage error naming it."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


# The library's refusals, by module and class: an error of these is one line, exit status 1.
# Looked up in sys.modules, so that no command loads Django or the classifier to catch them
# (an exception of a class from a module not loaded cannot have been raised).
REFUSALS = (
    ("sanctuary_tracker.store.errors", "StoreError"),
    ("sanctuary_tracker.classify.definitions", "DefinitionError"),
    ("sanctuary_tracker.classify.lookup", "NotFound"),
)


def store_errors(function):
    """Run a command whose refusals (a bad definition, an unknown jurisdiction, a store that
    cannot do it) are one line on standard error and exit status 1."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as exc:
            refused = _refusal(exc)
            if refused is None:
                raise
            fail(refused)

    return wrapper


def _refusal(exc: Exception) -> str | None:
    for module, name in REFUSALS:
        kind = getattr(sys.modules.get(module), name, None)
        if kind is not None and isinstance(exc, kind):
            return str(exc)
    return _refused_by_database(exc)


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


def configure_web(url: str | None = None, *, need_tables: bool = True) -> str:
    """Configure Django for the web app and open the store (initialised, unless told not to)."""
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.web.settings import configure

    return open_store(configure(url), need_tables=need_tables)


def web_app(function):
    """Mark a command that configures Django for the web app (a process already set up
    for the store alone cannot run it; the tests run such commands as child processes)."""
    function.web_app = True
    return function


def web_command(function):
    """A command over the web app's store: Django is configured for the web app and the
    store opened before its body runs, so the body may import models."""
    return web_app(store_command(function, opener=configure_web))


class Progress:
    """A one-line count on standard error, only when it is a terminal and the work is long."""

    def __init__(self, total: int):
        self.total, self.sources, self.documents = total, 0, 0
        self.enabled = sys.stderr.isatty()
        self.started = self.shown = time.monotonic()

    def document(self) -> None:
        self.documents += 1
        self._show()

    def source_done(self) -> None:
        self.sources += 1
        self._show()

    def _due(self) -> float | None:
        """The time now when a line may be shown (a second after the start, at most 5 a
        second), else None."""
        now = time.monotonic()
        if not self.enabled or now - self.started < 1 or now - self.shown < 0.2:
            return None
        self.shown = now
        return now

    def _show(self) -> None:
        now = self._due()
        if now is None:
            return
        rate = self.documents / (now - self.started)
        click.echo(
            f"\r{self.sources}/{self.total} sources, {self.documents} documents ({rate:.0f}/s)",
            err=True,
            nl=False,
        )

    def note(self, text: str) -> None:
        """Show ``text`` (a count of rows, say) with the time elapsed, at most 5 times a second."""
        now = self._due()
        if now is None:
            return
        click.echo(f"\r\033[K{text} ({now - self.started:.0f} s)", err=True, nl=False)

    def problem(self, text: str) -> None:
        """One error line, the progress line cleared first."""
        self.clear()
        click.echo(f"sanctuary: error: {text}", err=True)

    def clear(self) -> None:
        if self.enabled and self.shown > self.started:
            click.echo("\r\033[K", err=True, nl=False)


def emit_rows(rows: list[dict], fmt: str, columns: list[str], output: str | None) -> None:
    """Rows as JSON, CSV (nested values as JSON text) or Parquet (typed columns; needs
    --output), written by ``publish``: to the file ``output`` (whole or absent), else to
    standard output."""
    from sanctuary_tracker.publish import tables

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FILE")
    try:
        body = tables.render(rows, columns, fmt, indent=1)
    except ImportError:
        raise click.UsageError(f"--format {fmt} needs the pyarrow package") from None
    if fmt == "json":
        body += b"\n"
    if output:
        tables.write_atomically(body, output)
    else:
        click.echo(body, nl=False)
