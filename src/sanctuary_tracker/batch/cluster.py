"""The Dask side of a batch run, and the only module that imports Dask.

``dask_client`` connects to a scheduler by address, or starts a local cluster of
worker processes with one thread each (the work is pure Python: threads would share
one interpreter lock). A worker plugin warms every worker up once (gazetteer, name
automaton, codebook: about two seconds) before its first chunk. Workers write part
files into the output folder themselves, so with a remote scheduler that folder must
be on storage every worker sees, at the same path.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from sanctuary_tracker.batch.chunks import Chunk
from sanctuary_tracker.batch.task import process_chunk


class Prepare(WorkerPlugin):
    """Loads what extraction needs when a worker starts, not inside its first task, and
    turns off the worker's sampling profiler.

    The profiler holds the task thread's frames from the worker's event-loop thread; a
    frame it lets go of after the task has moved on frees its locals on that thread,
    and resiliparse's HTML trees cannot be freed off the thread that made them (each
    is then leaked, with an error on standard error)."""

    name = "sanctuary-prepare"

    def setup(self, worker) -> None:
        from sanctuary_tracker.batch.pipeline import prepare

        for name in ("profile", "profile-cycle"):
            callback = worker.periodic_callbacks.pop(name, None)
            if callback is not None:
                callback.stop()
        prepare()


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a new local cluster."""
    # The run's own progress line is the display: Dask's notes on starting and closing
    # (and on connections closed at shutdown) are not for the user.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    try:
        client.register_plugin(Prepare())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_on_cluster(
    client: Client, chunks: list[Chunk], out_dir: str, fmt: str
) -> Iterator[tuple[Chunk, dict[str, Any] | None, str | None]]:
    """(chunk, result, None) or (chunk, None, failure) for each chunk, as they finish."""
    run = uuid.uuid4().hex[:8]  # keys unique per run: a shared cluster may hold older ones
    futures = {
        client.submit(process_chunk, chunk, out_dir, fmt, key=f"chunk-{chunk.id}-{run}"): chunk
        for chunk in chunks
    }
    for future in as_completed(futures):
        chunk = futures.pop(future)
        if future.status == "finished":
            yield chunk, future.result(), None
        else:
            exc = future.exception()
            yield chunk, None, f"{type(exc).__name__}: {exc}"
        future.release()
