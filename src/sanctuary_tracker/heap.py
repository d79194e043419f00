"""Giving the C heap that large temporary buffers freed back to the system.

glibc serves a large allocation from its heap once a buffer of that size has been freed
(its mmap threshold rises to match), and a freed heap chunk stays resident: Python's own
small objects live in separate mappings and cannot reuse it. After a step that made and
dropped several buffers the size of a 16 MiB text, ``release_freed_heap`` returns them
(glibc's ``malloc_trim``; a no-op elsewhere)."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

# Above this many characters, a text's temporary copies are worth handing back.
LARGE_TEXT = 1_000_000


def release_freed_heap() -> None:
    """Give the C heap's free pages back to the system."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None
