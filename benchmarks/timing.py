"""What the benchmark scripts share: best-of-N and paired timing on one pinned core."""

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


def paired(rounds: int, first: Callable[[], object], second: Callable[[], object]):
    """``rounds`` timed runs of each of two pieces of work, run side by side (first then
    second, then second then first, and so on), as a list of (first's, second's) seconds.
    A machine whose speed drifts over a minute (another tenant, a clock that steps) moves
    both times of a round alike, so their ratio holds where two best-ofs taken a minute
    apart do not."""
    pairs = []
    for round_ in range(rounds):
        times = {}
        for work in (first, second) if round_ % 2 == 0 else (second, first):
            started = time.perf_counter()
            work()
            times[work] = time.perf_counter() - started
        pairs.append((times[first], times[second]))
    return pairs
