"""What one answer of each bench_web target costs in CPU time, in this process (Django's
test client, one request at a time, no server, no network): the figure the load of other
work on the machine does not change, for answers built ("uncached": a query string of
their own each, so the response cache never answers) and answers from the response cache.

    .venv/bin/python benchmarks/bench_web_cpu.py [--repeat 50] [--database-url URL]

It builds the demo as bench_web does (SQLite in a temporary folder, or the empty database
--database-url names), warms the caches as `sanctuary serve` does, then times each target
``--repeat`` times with time.process_time (gzip accepted) and prints the median and the
90th percentile in milliseconds."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench_web import TARGETS, build_demo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--database-url", help="Build the demo in this empty database.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = build_demo(Path(tmp), args.database_url)["DATABASE_URL"]
        from sanctuary_tracker.web.settings import configure

        configure(url)
        from django.test import Client

        from sanctuary_tracker.web.server import prepare

        prepare()
        client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
        print(f"{url.split(':')[0]}; CPU ms per answer, median / 90th percentile of {args.repeat}")
        print(f"{'target':<30}{'built':>16}{'cached':>16}   load average")
        asked = 0
        for name, path in TARGETS.items():
            cells = []
            for cached in (False, True):
                times = []
                for _ in range(args.repeat + 3):  # the first three warm what they touch
                    asked += 1
                    started = time.process_time()
                    answer = client.get(path if cached else f"{path}&_={asked}")
                    times.append((time.process_time() - started) * 1000)
                    if answer.status_code != 200:
                        raise SystemExit(f"bench_web_cpu: {path} answered {answer.status_code}")
                times = sorted(times[3:])
                cells.append(f"{statistics.median(times):.2f} / {times[len(times) * 9 // 10]:.2f}")
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"{name:<30}{cells[0]:>16}{cells[1]:>16}   {load}")


if __name__ == "__main__":
    main()
