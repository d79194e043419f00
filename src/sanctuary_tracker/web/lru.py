"""A small thread-safe least-recently-used map, for the per-process caches of answers."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class Lru:
    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key) -> Any:
        """The value held for ``key`` (now the most recent), or None."""
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def put(self, key, value) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

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
