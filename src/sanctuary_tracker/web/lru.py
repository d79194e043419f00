"""The per-process caches of answers: cachetools' least-recently-used map behind a lock
(the web server answers from several threads), with the one pattern every cache here
uses: the value held for a key, else built and kept."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from cachetools import LRUCache


class Lru:
    def __init__(self, size: int):
        self.items: LRUCache = LRUCache(maxsize=size)
        self.lock = threading.Lock()

    def get(self, key) -> Any:
        """The value held for ``key`` (now the most recent), or None."""
        with self.lock:
            return self.items.get(key)

    def put(self, key, value) -> None:
        with self.lock:
            self.items[key] = value

    def get_or_build(self, key, build: Callable[[], Any]) -> Any:
        """The value held for ``key``, else ``build()`` (kept for the next ask)."""
        found = self.get(key)
        if found is None:
            found = build()
            self.put(key, found)
        return found

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
