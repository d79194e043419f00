"""The `sanctuary batch` command: read and extract many inputs on a Dask cluster.

A thin shell over ``sanctuary_tracker.batch.runner.run_batch``; Dask is imported only
when the command runs (and only when it needs a cluster)."""

from __future__ import annotations

import sys

import click

from sanctuary_tracker.batch.chunks import DEFAULT_CHUNK_BYTES
from sanctuary_tracker.batch.output import FORMATS
from sanctuary_tracker.cli.common import Progress, format_option, settings_epilog


@click.command(epilog=settings_epilog("read"))
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Output folder: evidence/ part files, manifest.jsonl, errors.jsonl.",
)
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler.")
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Worker processes of the local cluster (0: no Dask, this process only).",
)
@format_option(
    *FORMATS, help="Evidence part files: Parquet, or JSON Lines as `sanctuary extract` prints."
)
@click.option(
    "--chunk-mb",
    type=click.FloatRange(min=0.001),
    default=DEFAULT_CHUNK_BYTES >> 20,
    show_default=True,
    help="Cut compressed WARC files into chunks of about this many MB (and group small files).",
)
def batch(
    inputs: tuple[str, ...],
    out_dir: str,
    scheduler: str | None,
    workers: int,
    fmt: str,
    chunk_mb: float,
) -> None:
    """Read INPUT... (folders, searched recursively; globs; files, WARC archives included),
    keep the documents the relevance filter passes, extract their evidence and write it
    to --out as part files, one per chunk.

    A rerun with the same --out skips the chunks already done; problems are listed in
    errors.jsonl and never stop the run."""
    from sanctuary_tracker.batch.runner import run_batch

    progress = Progress(total=0)

    def show(summary) -> None:
        done = summary.finished + summary.failed + summary.skipped
        rate = summary.documents / summary.seconds if summary.seconds else 0.0
        progress.note(
            f"{done}/{summary.chunks} chunks, {summary.documents} documents ({rate:.0f}/s), "
            f"{summary.relevant} relevant, {summary.extracted} extracted, {summary.errors} errors"
        )

    summary = run_batch(
        inputs,
        out_dir,
        scheduler=scheduler,
        workers=workers,
        fmt=fmt,
        chunk_bytes=int(chunk_mb * (1 << 20)),
        on_progress=show,
    )
    progress.clear()
    click.echo(f"sanctuary batch: {summary.line()}")
    if summary.errors:
        click.echo(f"sanctuary batch: problems are listed in {out_dir}/errors.jsonl", err=True)
    if summary.failed:
        sys.exit(1)
