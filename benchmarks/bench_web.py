"""Load on the web app over loopback: requests per second and p50/p99 latency of the
jurisdiction JSON, the jurisdiction page and the map data at 50 concurrent connections
(wrk, from Debian's packages), and the map data's compressed size.

    .venv/bin/python benchmarks/bench_web.py [--seconds 10] [--connections 50] [--url URL]
        [--database-url postgresql://...] [--uncached] [--workers N] [--threads N]
        [--only WORDS]

Without --url it builds the demo database (SQLite in a temporary folder, or the empty
database --database-url names) with `sanctuary demo --build-only` and serves it
with `sanctuary serve` (gunicorn, default workers). --uncached adds a query string of its
own to every request (`&_=N`), so that none is answered from the response cache. Floors
(issue 16): p99 at 50 connections under 50 ms for cached answers and under 200 ms with the
response cache bypassed, on SQLite and on PostgreSQL; the map's data for all counties
under 1 MB compressed. The load average is printed with the figures (the machine may be
shared), and, for a server it started, the CPU time its processes spent per answered
request (user + system, from /proc): what the load of other work does not change."""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sanctuary_tracker.places.gazetteer import load_gazetteer

CHELSEA = "2513205"
NASSAU = "36059"  # the fullest demo page: every card, an unreviewed listing, 287(g), state laws
TARGETS = {
    "jurisdiction JSON": f"/api/jurisdictions/{CHELSEA}?date=2017-06-01",
    "jurisdiction page": f"/jurisdiction/{CHELSEA}/?date=2017-06-01",
    "jurisdiction JSON (Nassau)": f"/api/jurisdictions/{NASSAU}?date=2025-09-01",
    "jurisdiction page (Nassau)": f"/jurisdiction/{NASSAU}/?date=2025-09-01",
    "map data (JSON)": "/api/map?definition=doj-2025-08&date=2025-09-01",
    "map page (inline SVG)": "/?definition=doj-2025-08&date=2025-09-01",
}
P99_FLOOR_MS = {False: 50, True: 200}  # uncached?
MAP_FLOOR_BYTES = 1_000_000
WARM_PASSES, WARM_MOST_SECONDS = 8, 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, gzip_ok: bool = True) -> bytes:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


SANCTUARY = [sys.executable, "-m", "sanctuary_tracker.cli"]


def build_demo(workdir: Path, database_url: str | None) -> dict:
    """Build the demo (SQLite in ``workdir``, or the empty database named); the
    environment that names its database."""
    env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{workdir / 'demo.sqlite3'}"}
    built = subprocess.run([*SANCTUARY, "demo", "--build-only"], env=env, capture_output=True)
    if built.returncode != 0:
        sys.exit(f"bench_web: the demo was not built: {built.stderr.decode().strip()[-500:]}")
    return env


def start_demo(
    workdir: Path, workers: int | None, threads: int | None, database_url: str | None
) -> tuple[str, subprocess.Popen]:
    env = build_demo(workdir, database_url)
    port = free_port()
    extra = (["--workers", str(workers)] if workers else []) + (
        ["--threads", str(threads)] if threads else []
    )
    server = subprocess.Popen(
        [*SANCTUARY, "serve", "--port", str(port), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            fetch(url + "/api/definitions")
            return url, server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("the demo server did not start")


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def rotation(paths: list[str], folder: Path, unique: bool = False) -> Path:
    """A wrk script that asks for each of ``paths`` in turn; with ``unique``, each request
    with a query string no other request has (each wrk thread counts in its own range)."""
    script = folder / f"rotate-{len(list(folder.glob('rotate-*.lua')))}.lua"
    listed = ",\n".join(f'  "{p}"' for p in paths)
    suffix = ' .. sep .. "_=" .. (base + i)' if unique else ""
    script.write_text(
        f"paths = {{\n{listed}\n}}\ni = 0\nbase = 0\nthreads = 0\n"
        "setup = function(thread)\n  thread:set('base', threads * 1000000000)\n"
        "  threads = threads + 1\nend\n"
        "request = function()\n  i = i + 1\n  local path = paths[(i % #paths) + 1]\n"
        '  local sep = string.find(path, "?", 1, true) and "&" or "?"\n'
        f'  return wrk.format("GET", path{suffix})\nend\n'
    )
    return script


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` and its children (gunicorn's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that ended meanwhile
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_wrk(url: str, seconds: int, connections: int, threads: int, script=None) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip"] + (["-s", str(script)] if script else [])
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.M))
    if set(latency) != {"50", "99"}:
        sys.exit(f"bench_web: cannot read wrk's output:\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def warm(target: str, paths: int, connections: int, threads: int, script) -> None:
    """Load ``target`` for 3 s, and on until each of its ``paths`` has been asked for
    WARM_PASSES times (at most WARM_MOST_SECONDS): each worker process keeps answers of
    its own, and a connection stays with one worker, so a path asked once per worker is
    not enough."""
    asked, started = 0, time.monotonic()
    while asked < WARM_PASSES * paths or not asked:
        if time.monotonic() - started > WARM_MOST_SECONDS:
            print(f"(warm-up stopped after {WARM_MOST_SECONDS} s: {asked:,} requests)")
            return
        asked += run_wrk(target, 3, connections, threads, script)["requests"]


def timed(url: str) -> float:
    started = time.perf_counter()
    fetch(url)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="A running server (default: build and serve the demo).")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--workers", type=int, help="Server worker processes (default: serve's).")
    parser.add_argument("--threads", type=int, help="Threads per worker (default: serve's).")
    parser.add_argument(
        "--distinct", type=int, default=1000, help="Jurisdictions asked for in turn (default 1000)."
    )
    parser.add_argument(
        "--database-url", help="Build and serve the demo in this empty database (default: SQLite)."
    )
    parser.add_argument(
        "--uncached",
        action="store_true",
        help="A query string of its own on every request: the response cache never answers.",
    )
    parser.add_argument(
        "--only", metavar="WORDS", help="Only the targets whose name contains WORDS."
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench_web: wrk is not installed (Debian: apt-get install wrk)")
    server = None
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if not url:
            url, server = start_demo(Path(tmp), args.workers, args.threads, args.database_url)
        try:
            for path in TARGETS.values():  # warm every cache the timing would otherwise include
                for _ in range(20):
                    fetch(url + path)
            counties = [j.geoid for j in load_gazetteer() if j.level == "county"]
            rotated = [f"/api/jurisdictions/{g}?date=2017-06-01" for g in counties[: args.distinct]]
            cold = [f"/api/jurisdictions/{g}?date=2018-06-01" for g in counties[-200:]]
            cold_ms = sorted(timed(url + path) for path in cold)
            for path in rotated:
                fetch(url + path)
            mode = "response cache bypassed" if args.uncached else "cached"
            print(
                f"server {url} ({args.database_url.split(':')[0] if args.database_url else 'sqlite'}"
                f", {mode}); wrk: {args.connections} connections, {args.seconds} s, gzip"
            )
            print(
                f"{'target':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
                f"{'CPU ms/req':>12}"
            )
            results = {}
            folder, unique = Path(tmp), args.uncached
            runs = [
                (name, url + path, rotation([path], folder, unique) if unique else None, 1)
                for name, path in TARGETS.items()
            ]
            runs.insert(
                1,
                (
                    f"jurisdiction JSON, {len(rotated)} in turn",
                    url + rotated[0],
                    rotation(rotated, folder, unique),
                    len(rotated),
                ),
            )
            for name, target, script, paths in runs:
                if args.only and args.only not in name:
                    continue
                # Warm every worker's caches first (the cold cost is reported below).
                warm(target, paths, args.connections, args.wrk_threads, script)
                cpu = server_cpu_seconds(server.pid) if server else None
                r = results[name] = run_wrk(
                    target, args.seconds, args.connections, args.wrk_threads, script
                )
                per_request = (
                    f"{(server_cpu_seconds(server.pid) - cpu) * 1000 / r['requests']:>12.2f}"
                    if server
                    else f"{'-':>12}"
                )
                print(
                    f"{name:<34}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}"
                    f"{per_request}   load average {load_average()}"
                )
            print(
                f"jurisdiction JSON first asked (nothing cached), one client, {len(cold)} "
                f"counties: p50 {cold_ms[len(cold_ms) // 2]:.1f} ms, "
                f"p99 {cold_ms[int(len(cold_ms) * 0.99) - 1]:.1f} ms"
            )
            labels = fetch(url + TARGETS["map data (JSON)"], gzip_ok=False)
            shapes = fetch(url + "/static/us-map.json", gzip_ok=False)
            sizes = {
                "labels": (len(labels), len(gzip.compress(labels, 6))),
                "geometry": (len(shapes), len(gzip.compress(shapes, 6))),
            }
            total = sum(z for _, z in sizes.values())
            for name, (raw, packed) in sizes.items():
                print(f"map {name}: {raw:,} bytes, {packed:,} gzipped")
            print(f"map data for all counties (geometry + labels), gzipped: {total:,} bytes")
            p99, floor = max(r["p99"] for r in results.values()), P99_FLOOR_MS[args.uncached]
            print(
                f"floor p99 < {floor} ms ({mode}, every target): "
                f"{'met' if p99 < floor else 'NOT met'} ({p99:.1f} ms)"
            )
            print(
                f"floor map data < 1 MB compressed: "
                f"{'met' if total < MAP_FLOOR_BYTES else 'NOT met'} ({total:,} bytes)"
            )
        finally:
            if server:
                server.terminate()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
