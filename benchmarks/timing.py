"""What the benchmark scripts share: best-of-N timing on one pinned core."""

from __future__ import annotations

import os
import time
from collections.abc import Callable


def pin_to_one_core() -> None:
    """Run on one core, so that figures are per core and steady (Linux only; else a no-op)."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The shortest of ``repeat`` timed runs of ``work``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)
