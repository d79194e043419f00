"""`sanctuary read` and `sanctuary extract`: documents into clean text with their metadata,
and their evidence."""

from __future__ import annotations

import json
import sys

import click

from sanctuary_tracker.cli.common import Progress, format_option, settings_epilog
from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.settings import ReadLimits


@click.command(epilog=settings_epilog("read"))
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@format_option(
    "text",
    "json",
    "jsonl",
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
        progress.problem(str(error))

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
            progress.problem(str(exc))
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


@click.command(epilog=settings_epilog("read"))
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@format_option(
    "json", "jsonl", default="jsonl", help="jsonl: one record per document per line; json: a list."
)
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback or private networks.")
def extract(sources: tuple[str, ...], fmt: str, allow_private: bool) -> None:
    """Read SOURCE... and print each document's evidence: its jurisdictions (with spans,
    confidence and reasons) and its metadata. Bad sources are reported and skipped."""
    import gc

    from sanctuary_tracker.extract import extract as extract_record
    from sanctuary_tracker.extract.stage import prepare
    from sanctuary_tracker.read import iter_documents
    from sanctuary_tracker.read.deadline import time_limit

    seconds = ReadLimits.from_env().extract_seconds
    prepare()  # one-time setup, outside the per-document time limit
    # The gazetteer and automata are long-lived objects: out of the cycle collector's way,
    # as in a batch worker (batch.pipeline) and the web server.
    gc.freeze()
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
