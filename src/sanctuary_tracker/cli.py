"""The `sanctuary` command: a thin shell over the library."""

from __future__ import annotations

import json
import sys
import time

import click

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.settings import SETTINGS_HELP, ReadLimits

FORMATS = ("text", "json", "jsonl")


def _settings_epilog() -> str:
    lines = ["Settings (environment variables):"]
    lines += [f"  {name}: {text}" for name, text in SETTINGS_HELP.items()]
    return "\n".join(lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sanctuary-tracker")
def main() -> None:
    """Sanctuary Tracker: read documents about local immigration-enforcement policy
    and turn them into sourced evidence."""


@main.command(epilog=_settings_epilog())
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people; json (an object, or a list for several) or jsonl for programs.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow URLs on loopback or private networks (refused by default).",
)
def read(sources: tuple[str, ...], fmt: str, allow_private: bool) -> None:
    """Read SOURCE... (HTML, PDF, text or WARC files, http(s) URLs, or - for standard
    input) into clean body text with its metadata.

    Bad sources are reported one line each on standard error and the others are
    still read; the exit status is 1 when any source failed.
    """
    from sanctuary_tracker.read import iter_documents

    documents: list[Document] = []
    failures = record_failures = 0
    progress = Progress(total=len(sources))

    def record_failed(error: ReadError) -> None:
        nonlocal record_failures
        record_failures += 1
        progress.clear()
        click.echo(f"sanctuary: error: {error}", err=True)

    for source in sources:
        count = 0
        try:
            for document in iter_documents(
                source, allow_private=allow_private, on_record_error=record_failed
            ):
                count += 1
                progress.document()
                if fmt == "json":
                    documents.append(document)
                else:
                    _emit(document, fmt)
        except ReadError as exc:
            failures += 1
            progress.clear()
            click.echo(f"sanctuary: error: {exc}", err=True)
        else:
            if count == 0:
                click.echo(f"sanctuary: note: {source}: holds no readable document", err=True)
        progress.source_done()
    progress.clear()
    if fmt == "json":
        as_list = len(sources) > 1 or len(documents) != 1
        payload = [d.to_dict() for d in documents] if as_list else documents[0].to_dict()
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if record_failures:
        click.echo(f"sanctuary: {record_failures} records inside archives failed", err=True)
    if failures:
        click.echo(f"sanctuary: {failures} of {len(sources)} sources failed", err=True)
    if failures or record_failures:
        sys.exit(1)


@main.command(epilog=_settings_epilog())
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one record per document per line; json: a list.",
)
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback or private networks.")
def extract(sources: tuple[str, ...], fmt: str, allow_private: bool) -> None:
    """Read SOURCE... and print each document's evidence: its jurisdictions (with spans,
    confidence and reasons) and its metadata. Bad sources are reported and skipped."""
    from sanctuary_tracker.extract import extract as extract_record
    from sanctuary_tracker.extract.record import prepare
    from sanctuary_tracker.read import iter_documents
    from sanctuary_tracker.read.deadline import time_limit

    seconds = ReadLimits.from_env().extract_seconds
    prepare()  # one-time setup, outside the per-document time limit
    records, failures = [], 0
    for source in sources:
        try:
            for document in iter_documents(source, allow_private=allow_private):
                with time_limit(seconds, document.source, "extract evidence from"):
                    record = extract_record(document)
                if fmt == "jsonl":
                    click.echo(json.dumps(record, ensure_ascii=False))
                else:
                    records.append(record)
        except ReadError as exc:
            failures += 1
            click.echo(f"sanctuary: error: {exc}", err=True)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failures:
        click.echo(f"sanctuary: {failures} of {len(sources)} sources failed", err=True)
        sys.exit(1)


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

    def _show(self) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < 1 or now - self.shown < 0.2:
            return
        self.shown = now
        rate = self.documents / (now - self.started)
        click.echo(
            f"\r{self.sources}/{self.total} sources, {self.documents} documents ({rate:.0f}/s)",
            err=True,
            nl=False,
        )

    def note(self, text: str) -> None:
        """Show ``text`` (a count of rows, say) with the time elapsed, at most 5 times a second."""
        now = time.monotonic()
        if not self.enabled or now - self.started < 1 or now - self.shown < 0.2:
            return
        self.shown = now
        click.echo(f"\r\033[K{text} ({now - self.started:.0f} s)", err=True, nl=False)

    def clear(self) -> None:
        if self.enabled and self.shown > self.started:
            click.echo("\r\033[K", err=True, nl=False)


def _emit(document: Document, fmt: str) -> None:
    if fmt == "jsonl":
        click.echo(json.dumps(document.to_dict(), ensure_ascii=False))
        return
    fields = [
        ("Source", document.source),
        ("Type", document.media_type),
        ("Title", document.title),
        ("Published", document.published),
        ("Publisher", document.publisher),
        ("Original publisher", document.original_publisher),
        ("Byline", document.byline),
        ("Language", document.language),
        ("Hash", document.content_hash),
    ]
    for label, value in fields:
        if value:
            click.echo(f"{label}: {value}")
    for caption in document.captions:
        click.echo(f"Caption: {caption}")
    for credit in document.credits:
        click.echo(f"Credit: {credit}")
    for warning in document.warnings:
        click.echo(f"Warning: {warning}")
    click.echo("")
    click.echo(document.body)
    click.echo("\n" + "-" * 72)


# The store's commands (init, ingest, load, users, review); they import Django only when run.
from sanctuary_tracker.cli_store import register  # noqa: E402

register(main)

# Classification and the official lists (definitions, classify, explain, compare, lists).
from sanctuary_tracker.cli_classify import register as register_classify  # noqa: E402

register_classify(main)

# The web app and API (demo, serve, password, export); they import Django only when run.
from sanctuary_tracker.cli_web import register as register_web  # noqa: E402

register_web(main)

# Batch runs on a Dask cluster (sanctuary batch); Dask is imported only when it runs.
from sanctuary_tracker.cli_batch import register as register_batch  # noqa: E402

register_batch(main)

# Federal money at stake (funding import, show, at-stake).
from sanctuary_tracker.cli_funding import register as register_funding  # noqa: E402

register_funding(main)

# ICE's 287(g) agreements (287g import, review, list).
from sanctuary_tracker.cli_287g import register as register_287g  # noqa: E402

register_287g(main)

# State laws per state, DC and Puerto Rico, or "none found" with the sources checked.
from sanctuary_tracker.cli_laws import register as register_laws  # noqa: E402

register_laws(main)

if __name__ == "__main__":
    main()
