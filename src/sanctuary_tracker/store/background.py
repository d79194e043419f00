"""Loading in the background while the caller reads and extracts the next document, so
that a run goes at the pace of its slower half, not of both added up.

On Linux the loader is a forked child process: a thread would compete with extraction
for the interpreter's lock, and on PostgreSQL the driver's Python work made ingest a
fifth slower than read + extract alone. It is a thread instead on other systems (a fork
after a native library has started threads of its own, as numpy's BLAS does, is not
safe there), inside a caller's transaction, and when the caller has other threads.
Either way it has its own database connection and loads each document in its own
transaction; at most ``depth`` documents are in flight, so a kill loses only documents
that were read but not yet loaded, never part of one. The child dies with its parent,
so a killed ingest stops loading at once, as a thread would."""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import sys
import threading
from typing import Any

from sanctuary_tracker.store.errors import StoreError
from sanctuary_tracker.store.lookups import Lookups

_DONE = object()
_LOADED = "loaded"  # the child's word for one document committed


def background_loader(*, user, lookups: Lookups, on_document=lambda: None, depth: int = 16):
    """A loader process, or a loader thread where a process cannot be forked safely: both
    take ``put(record, document)``, then ``close()`` (the counts) or ``abandon()``."""
    import multiprocessing

    from django.db import connection

    # A fork copies only the calling thread: another thread's open connections (or
    # locks) would be copied into the child half-owned.
    alone = threading.active_count() == 1
    if (
        alone
        and sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and not connection.in_atomic_block
    ):
        return LoaderProcess(user=user, lookups=lookups, on_document=on_document, depth=depth)
    return LoaderThread(user=user, lookups=lookups, on_document=on_document, depth=depth)


class LoaderProcess:
    """A forked child process that loads what ``put`` sends it, in order."""

    def __init__(self, *, user, lookups: Lookups, on_document=lambda: None, depth: int = 16):
        import multiprocessing

        from django.db import connections

        context = multiprocessing.get_context("fork")
        self.on_document, self.depth = on_document, depth
        self._in_flight = 0
        self._counts: dict[str, int] | None = None
        self.failures: list[str] = []  # documents the database refused, one line each
        records_in, self._records = context.Pipe(duplex=False)
        self._results, results_out = context.Pipe(duplex=False)
        self._stop = context.Event()
        # Each side opens its own connection: a connection shared across a fork is a
        # PostgreSQL session two processes talk on, or SQLite file locks each side
        # believes it holds. The caller's reopens when next used.
        connections.close_all()
        self._process = context.Process(
            target=_child,
            args=(records_in, results_out, self._records, self._results, self._stop),
            kwargs={"user": user, "lookups": lookups, "parent": os.getpid()},
            name="sanctuary-loader",
            daemon=True,
        )
        self._process.start()
        records_in.close()
        results_out.close()

    def put(self, record: dict[str, Any], document) -> None:
        self._receive(wait=False)
        while self._in_flight >= self.depth:
            self._receive(wait=True)
        self._send((record, document))
        self._in_flight += 1

    def close(self) -> dict[str, int]:
        """Wait until everything put is loaded; the loader's counts."""
        self._send(None)
        while self._counts is None:
            self._receive(wait=True)
        self._process.join()
        return self._counts

    def abandon(self) -> None:
        """Stop after the document being loaded (the caller failed); queued ones are
        dropped, each absent as a whole."""
        self._stop.set()
        self._records.close()
        self._process.join(timeout=60)
        if self._process.is_alive():
            self._process.terminate()  # its open transaction is rolled back

    def _send(self, item) -> None:
        try:
            self._records.send(item)
        except OSError:  # the child is gone: its last word says why
            self._receive(wait=True)
            raise

    def _receive(self, wait: bool) -> None:
        """Take the child's messages (all waiting ones, or at least one when ``wait``)
        until its last, the counts. (Once the child is gone, ``poll`` is true: its end
        of the pipe is closed.)"""
        while self._counts is None and (wait or self._results.poll()):
            wait = False
            try:
                message = self._results.recv()
            except EOFError:
                self._process.join(timeout=5)
                raise StoreError(
                    f"the loader process ended unexpectedly (exit code {self._process.exitcode})"
                ) from None
            if message == _LOADED:
                self._in_flight -= 1
                self.on_document()
            elif message[0] == "error":
                self._process.join(timeout=60)
                raise pickle.loads(message[1])
            else:
                self._counts, self.failures = message[1], message[2]


def _child(records, results, parent_records, parent_results, stop, *, user, lookups, parent):
    """The loader process: load each record sent until told it is done; report each
    document, then the counts (or the error that stopped it)."""
    from django.db import connection

    from sanctuary_tracker.store.loader import Loader

    parent_records.close()  # so that the parent's end closing is seen here as the end
    parent_results.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent)
    try:
        loader = Loader(user=user, lookups=lookups, on_document=lambda: results.send(_LOADED))
        while not stop.is_set() and os.getppid() == parent:
            try:
                item = records.recv()
            except EOFError:  # the parent closed its end: abandoned
                break
            if item is None:
                results.send(("counts", dict(loader.counts), loader.failures))
                break
            loader.load(*item)
    except BaseException as exc:  # handed to the parent
        results.send(("error", _portable(exc)))
    finally:
        connection.close()


def _die_with_parent(parent: int) -> None:
    """Be killed when the parent dies (Linux), as a thread would be."""
    import ctypes

    # Elsewhere the child stops at its next document (see _child).
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the line above


def _portable(exc: BaseException) -> bytes:
    """The error, pickled for the parent (as a RuntimeError naming it if it cannot be)."""
    try:
        text = pickle.dumps(exc)
        pickle.loads(text)
        return text
    except Exception:
        return pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))


class LoaderThread:
    """A thread that loads what ``put`` queues, in order."""

    def __init__(self, *, user, lookups: Lookups, on_document=lambda: None, depth: int = 16):
        self.user, self.lookups, self.on_document = user, lookups, on_document
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._abandoned = False
        self._counts: dict[str, int] = {}
        self.failures: list[str] = []  # documents the database refused, one line each
        self._thread = threading.Thread(target=self._run, name="sanctuary-loader", daemon=True)
        self._thread.start()

    def put(self, record: dict[str, Any], document) -> None:
        while True:
            self._raise_error()
            try:
                self._queue.put((record, document), timeout=0.5)
                return
            except queue.Full:
                continue

    def close(self) -> dict[str, int]:
        """Wait until everything put is loaded; the loader's counts."""
        while self._thread.is_alive():
            try:
                self._queue.put(_DONE, timeout=0.5)
                break
            except queue.Full:
                self._raise_error()
        self._thread.join()
        self._raise_error()
        return self._counts

    def abandon(self) -> None:
        """Stop after the document being loaded (the caller failed); queued ones are
        dropped, each absent as a whole."""
        self._abandoned = True
        self._thread.join(timeout=60)

    def _next(self):
        while not self._abandoned:
            try:
                return self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
        return _DONE

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        from django.db import connection

        from sanctuary_tracker.store.loader import Loader

        try:
            loader = Loader(user=self.user, lookups=self.lookups, on_document=self.on_document)
            while (item := self._next()) is not _DONE:
                loader.load(*item)
            self._counts = dict(loader.counts)
            self.failures = list(loader.failures)
        except BaseException as exc:  # handed to the caller's thread
            self._error = exc
            while self._next() is not _DONE:  # let the producer finish
                pass
        finally:
            connection.close()
