"""Serving the web app with gunicorn: pre-forked worker processes (one per core by
default), each with two threads (four gave fewer answers a second and longer tails at 50
connections on two cores, measured: the threads of one process share one interpreter
lock, and each answer passes between the polling thread and a worker thread twice); the
gazetteer, definitions and classifier are loaded once before the fork and shared."""

from __future__ import annotations

import gc
import mmap
import os
import struct
import time

from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.http.errors import LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker

# The longest request line read (gunicorn's most, 4,094 by default): a search or filter of
# a few thousand characters still reaches the views, which say what is wrong with it.
MAX_REQUEST_LINE = 8190


class Worker(ThreadWorker):
    """gunicorn's threaded worker, whose answer to an address too long to read is the
    site's own 414 page (in its layout, saying the limit) instead of gunicorn's bare one,
    and which takes a new connection only while it holds no more than SLACK connections
    above the least of the other live workers: gunicorn's own worker takes every
    connection it can, and kept-alive connections stay where they land (47 of wrk's 50
    on one worker of two, measured, whose single core then served them all)."""

    def handle_error(self, req, client, addr, exc):
        if not isinstance(exc, LimitRequestLine):
            return super().handle_error(req, client, addr, exc)
        from sanctuary_tracker.web.errors import too_long

        self.log.warning("request line too long from %s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, too_long(MAX_REQUEST_LINE))
        except OSError:
            self.log.debug("Failed to send the 414 page.")
        return None

    def wait_for_and_dispatch_events(self, timeout):
        if self.alive:  # a stopping worker accepts nothing (run() has turned it off)
            fair = _COUNTS.fair(self.age % _COUNTS.slots, self.nr_conns)
            self.set_accept_enabled(fair and self.nr_conns < self.worker_connections)
            if not fair:  # look again soon: the others' connections end without a word
                timeout = min(timeout, RECHECK_SECONDS)
        super().wait_for_and_dispatch_events(timeout)


SLACK = 2
RECHECK_SECONDS = 0.02
BEAT_SECONDS = 3.0  # a worker not heard from for this long is not counted (its loop
# wakes at least once a second)


class ConnectionCounts:
    """Each worker's open connections, in memory shared by the workers (mapped before the
    fork): a slot per worker of (pid, connections, last update on the monotonic clock)."""

    slots = 16
    entry = struct.Struct("qqd")

    def __init__(self):
        self.memory = mmap.mmap(-1, self.slots * self.entry.size)

    def fair(self, slot: int, mine: int) -> bool:
        """Record ``mine`` in ``slot``; whether ``mine`` is within SLACK of the fewest
        connections any other live worker holds (true when there is none)."""
        now, pid = time.monotonic(), os.getpid()
        self.entry.pack_into(self.memory, slot * self.entry.size, pid, mine, now)
        others = [
            n
            for other, n, beat in self.entry.iter_unpack(self.memory)
            if other and other != pid and now - beat < BEAT_SECONDS
        ]
        return not others or mine <= min(others) + SLACK


_COUNTS = ConnectionCounts()


class _Gunicorn(BaseApplication):
    def __init__(self, application, options: dict):
        self.application, self.options = application, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def prepare() -> None:
    """Make the store ready to serve: the sessions table and warm caches (so that the
    first visitors do not wait for them)."""
    from django.core.management import call_command
    from django.db import connections

    from sanctuary_tracker.web import mapdata
    from sanctuary_tracker.web.classification import classifier, default_definition, today

    _check_migrated()
    call_command("migrate", "sessions", verbosity=0, interactive=False)
    classifier()
    mapdata.geometry()
    mapdata.map_data(default_definition(), today())
    connections.close_all()  # workers open their own connections after the fork
    # The gazetteer, definitions and classifier live as long as the server: move them out
    # of the collector's sight, so that a full collection (which otherwise walks them all,
    # tens of milliseconds in the middle of some request) stays short, and forked workers
    # share their pages instead of copying them when the collector touches them.
    gc.collect()
    gc.freeze()


def _check_migrated() -> None:
    """A store made by an older version needs `sanctuary init` before it can be served."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from sanctuary_tracker.store.errors import StoreError

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    pending = [m.app_label + "." + m.name for m, _ in plan if m.app_label != "sessions"]
    if pending:
        raise StoreError(
            f"the database needs {len(pending)} migrations ({', '.join(pending[:3])}): "
            "run `sanctuary init` first"
        )


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def serve(host: str, port: int, *, workers: int | None = None, threads: int = 2) -> None:
    """Serve until interrupted (Ctrl-C)."""
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    prepare()
    _Gunicorn(
        application,
        {
            "bind": f"{host}:{port}",
            "workers": workers or default_workers(),
            "threads": threads,
            "worker_class": Worker,
            "limit_request_line": MAX_REQUEST_LINE,
            "preload_app": True,
            "timeout": 120,
            "keepalive": 5,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "proc_name": "sanctuary-web",
            "backlog": 2048,
        },
    ).run()
