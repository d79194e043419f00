"""The web commands: ``sanctuary demo`` (build a demo database from the bundled samples,
then serve it) and ``sanctuary serve`` (serve an existing database). Django is imported
only when one of them runs."""

from __future__ import annotations

import click

from sanctuary_tracker.cli.common import (
    configure_web,
    settings_epilog,
    store_errors,
    web_app,
    web_command,
)

HOST = click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
WORKERS = click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes (default: one per core, up to 4).",
)
THREADS = click.option(
    "--threads",
    type=click.IntRange(1, 256),
    default=2,
    show_default=True,
    help="Threads per worker.",
)


@click.command(epilog=settings_epilog("store", "cli", "web", "demo"))
@HOST
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--build-only", is_flag=True, help="Build the demo database and stop.")
@WORKERS
@THREADS
@web_app
@store_errors
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
    configure_web(url, need_tables=False)
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


@click.command(epilog=settings_epilog("store", "cli", "web"))
@HOST
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@WORKERS
@THREADS
@web_command
def serve(host: str, port: int, workers: int | None, threads: int) -> None:
    """Serve the web app and API over an existing database (DATABASE_URL, else the
    store's default file); `sanctuary init` must have been run on it."""
    _serve(host, port, workers, threads)
