"""A wall-clock bound on reading (or extracting from) one source, so that no input can hang
a run."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

from sanctuary_tracker.errors import ReadError


@contextlib.contextmanager
def time_limit(seconds: float, source: str, doing: str = "read") -> Iterator[None]:
    """Raise ReadError if the block runs longer than ``seconds``.

    Uses a real-time interval timer, so it works in the main thread of a
    process (the CLI, batch workers); elsewhere the size limits alone bound
    the work.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise ReadError(source, f"took longer than {seconds:g} s to {doing} (the time limit)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def seconds_left() -> float | None:
    """Seconds before the running ``time_limit`` fires; None when none runs in this thread.

    Slow steps that start a subprocess (OCR) stop it themselves before this runs out, so
    that the limit never leaves a child process behind.
    """
    if (
        not hasattr(signal, "getitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return None
    left = signal.getitimer(signal.ITIMER_REAL)[0]
    return left if left > 0 else None
