"""The batch orchestrator: plan chunks, skip the ones done, run the rest, keep the books.

``run_batch`` is what ``sanctuary batch`` calls. It expands the inputs, cuts them into
chunks, drops the chunks the manifest says are done, and hands the rest to
``task.process_chunk`` (on a Dask cluster, or in this process with ``workers=0``). Each
worker writes its chunk's part file itself; this process alone writes the manifest and
the error list, as results come in, so a run stopped at any moment resumes where it
stopped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sanctuary_tracker.batch.chunks import (
    DEFAULT_CHUNK_BYTES,
    DEFAULT_FILES_PER_CHUNK,
    Chunk,
    plan_chunks,
)
from sanctuary_tracker.batch.inputs import expand_inputs
from sanctuary_tracker.batch.manifest import (
    done_chunks,
    orphan_parts,
    record_done,
    record_errors,
    superseded,
)
from sanctuary_tracker.batch.output import FORMATS
from sanctuary_tracker.batch.task import process_chunk


@dataclass
class BatchSummary:
    """What a run did; counts are for the chunks run this time."""

    inputs: int = 0
    chunks: int = 0  # planned in all
    skipped: int = 0  # already done by an earlier run
    finished: int = 0  # run now
    failed: int = 0  # tasks that failed (retried by the next run)
    documents: int = 0
    relevant: int = 0
    extracted: int = 0
    errors: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.monotonic)

    def line(self) -> str:
        failed = f", {self.failed} failed (rerun to retry)" if self.failed else ""
        return (
            f"{self.inputs} inputs, {self.chunks} chunks ({self.finished} run, "
            f"{self.skipped} already done{failed}); {self.documents} documents, "
            f"{self.relevant} relevant, {self.extracted} extracted, {self.errors} errors; "
            f"{self.seconds:.1f} s"
        )


def run_batch(
    arguments: list[str] | tuple[str, ...],
    out_dir: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    fmt: str = "parquet",
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    files_per_chunk: int = DEFAULT_FILES_PER_CHUNK,
    on_progress: Callable[[BatchSummary], None] = lambda _: None,
) -> BatchSummary:
    """Run read -> filter -> extract over ``arguments`` (folders, globs, files) into
    ``out_dir``. ``scheduler`` is a Dask scheduler address; without one, a local cluster
    of ``workers`` processes is started (``workers=0``: no Dask, this process only)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    summary = BatchSummary()
    out_dir = os.path.abspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    found = expand_inputs(arguments)
    files = [f for f in found.files if not f.startswith(out_dir + os.sep)]
    record_errors(
        out_dir,
        [
            {"input": a, "chunk": None, "source": a, "message": f"{a}: {p}"}
            for a, p in found.problems
        ],
    )
    summary.errors += len(found.problems)
    chunks = plan_chunks(files, chunk_bytes=chunk_bytes, files_per_chunk=files_per_chunk)
    done = done_chunks(out_dir)
    for entry in superseded(done, {c.id: set(c.paths) for c in chunks}, fmt):
        os.remove(os.path.join(out_dir, entry["part"]))
        del done[entry["chunk"]]
    for path in orphan_parts(out_dir, done):
        os.remove(path)
    todo = [c for c in chunks if c.id not in done]
    summary.inputs, summary.chunks = len(files), len(chunks)
    summary.skipped = len(chunks) - len(todo)
    on_progress(summary)

    def finished(chunk: Chunk, result: dict[str, Any] | None, failure: str | None) -> None:
        if result is None:
            summary.failed += 1
            summary.errors += 1
            record_errors(out_dir, [_error(chunk, chunk.paths[0], f"task failed: {failure}")])
        else:
            errors = [_error(chunk, e["source"], e["message"]) for e in result.pop("errors")]
            record_errors(out_dir, errors)
            record_done(
                out_dir, {**result, **chunk.to_dict(), "chunk": chunk.id, "errors": len(errors)}
            )
            summary.finished += 1
            summary.errors += len(errors)
            for name in ("documents", "relevant", "extracted"):
                setattr(summary, name, getattr(summary, name) + result[name])
        summary.seconds = time.monotonic() - summary.started
        on_progress(summary)

    if todo and (workers == 0 and scheduler is None):
        for chunk in todo:
            try:
                result = process_chunk(chunk, out_dir, fmt)
            except Exception as exc:  # as a cluster would: the chunk is retried next run
                finished(chunk, None, f"{type(exc).__name__}: {exc}")
            else:
                finished(chunk, result, None)
    elif todo:
        from sanctuary_tracker.batch.cluster import dask_client, run_on_cluster

        with dask_client(scheduler, workers) as client:
            for chunk, result, failure in run_on_cluster(client, todo, out_dir, fmt):
                finished(chunk, result, failure)
    summary.seconds = time.monotonic() - summary.started
    return summary


def _error(chunk: Chunk, source: str, message: str) -> dict[str, Any]:
    path = source.split("#", 1)[0] if chunk.kind == "warc" else source
    return {"input": path, "chunk": chunk.id, "source": source, "message": message}
