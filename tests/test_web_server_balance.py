"""The server's workers share out connections: a worker takes a new one only while it
holds no more than SLACK above the least of the other live workers."""

from __future__ import annotations

import time

from sanctuary_tracker.web.server import BEAT_SECONDS, SLACK, ConnectionCounts


def other_worker(counts: ConnectionCounts, slot: int, connections: int, age: float = 0.0):
    entry = counts.entry
    entry.pack_into(counts.memory, slot * entry.size, 1, connections, time.monotonic() - age)


def test_a_worker_alone_always_accepts():
    counts = ConnectionCounts()
    assert counts.fair(0, 0) and counts.fair(0, 500)


def test_a_worker_ahead_of_the_least_loaded_other_waits():
    counts = ConnectionCounts()
    other_worker(counts, 1, 10)
    other_worker(counts, 2, 30)
    assert counts.fair(0, 10 + SLACK)  # measured against the least, not the mean
    assert not counts.fair(0, 10 + SLACK + 1)
    other_worker(counts, 1, 20)  # the other took more: this one may take again
    assert counts.fair(0, 10 + SLACK + 1)


def test_a_worker_not_heard_from_is_not_counted():
    counts = ConnectionCounts()
    other_worker(counts, 1, 0, age=BEAT_SECONDS + 1)  # gone or stuck
    assert counts.fair(0, 100)
