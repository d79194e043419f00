"""The unit of batch work: one chunk read, filtered and extracted into its part file.

It runs on a Dask worker (``cluster.run_on_cluster``) or in the orchestrator's own
process (``runner.run_batch`` with ``workers=0``); both import it from here.
"""

from __future__ import annotations

import gc
import os
import time
from typing import Any

from sanctuary_tracker.batch.chunks import Chunk
from sanctuary_tracker.batch.output import part_name, write_part


def process_chunk(chunk: Chunk, out_dir: str, fmt: str) -> dict[str, Any]:
    """Read, filter and extract one chunk and write its part file (runs on a worker)."""
    from sanctuary_tracker.batch.pipeline import chunk_evidence

    started, cpu = time.monotonic(), time.thread_time()
    # A Dask worker runs tasks in a thread of its own. With automatic collection, the
    # worker's event-loop thread may free the parser's objects (resiliparse's cannot
    # leave the thread that made them: they would be leaked, with an error each), so
    # cycles are collected here, in this thread, once the chunk is done. With collection
    # off, everything the chunk made is still in the youngest generation: collecting
    # that one alone finds the chunk's garbage without walking the whole heap.
    automatic = gc.isenabled()
    gc.disable()
    try:
        evidence = chunk_evidence(chunk)
    finally:
        gc.collect(0)
        if automatic:
            gc.enable()
    part = part_name(chunk.id, fmt)
    write_part(evidence.records, os.path.join(out_dir, part), fmt)
    return {
        "chunk": chunk.id,
        "part": part,
        "documents": evidence.documents,
        "relevant": evidence.relevant,
        "extracted": evidence.extracted,
        "errors": evidence.errors,
        "seconds": round(time.monotonic() - started, 3),
        "cpu_seconds": round(time.thread_time() - cpu, 3),
    }
