"""Loading in a background thread while the caller reads and extracts the next document,
so that a run goes at the pace of its slower half, not of both added up. The thread has
its own database connection (Django's are per thread) and loads each document in its
own transaction; the queue between them is short, so a kill loses only documents that
were read but not yet loaded, never part of one."""

from __future__ import annotations

import queue
import threading
from typing import Any

from sanctuary_tracker.store.lookups import Lookups

_DONE = object()


class BackgroundLoader:
    """``put`` records; ``close`` waits for them to be loaded and returns the counts."""

    def __init__(self, *, user, lookups: Lookups, on_document=lambda: None, depth: int = 16):
        self.user, self.lookups, self.on_document = user, lookups, on_document
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._abandoned = False
        self._counts: dict[str, int] = {}
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
        except BaseException as exc:  # handed to the caller's thread
            self._error = exc
            while self._next() is not _DONE:  # let the producer finish
                pass
        finally:
            connection.close()
