"""Store benchmark: documents per second for ``ingest`` into SQLite and PostgreSQL against
read + extract alone on the same corpus, and seconds and peak memory to ``load`` 100,000
evidence records into SQLite.

    .venv/bin/python benchmarks/bench_store.py [--repeat 8] [--records 100000]

The corpus is the bundled samples and ../shared/eval/dev/*.txt, each copy given a line of
its own so that every document is new to the store. The 100,000 records replicate real
``extract`` output with their sources and content hashes varied, so every one is a new
document with all its evidence. Floors (issue 5): ingest at least 80% of read + extract
throughput; 100,000 records loaded in under a minute on SQLite. PostgreSQL is skipped,
with a note, when 127.0.0.1:5432 does not answer."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "sanctuary_tracker" / "samples"
DEV = ROOT.parent / "shared" / "eval" / "dev"
PG_SERVER = os.environ.get("SANCTUARY_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
INGEST_FLOOR, LOAD_SECONDS_FLOOR = 0.80, 60.0


def corpus(folder: Path, repeat: int, tag: str) -> list[Path]:
    originals = sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html"))
    originals += sorted(DEV.glob("*.txt"))
    paths = []
    for copy in range(repeat):
        for original in originals:
            path = folder / f"{tag}-{copy:02d}-{original.name}"
            data = original.read_bytes()
            if original.suffix == ".txt":
                data += f"\n\nBenchmark copy {tag} {copy}.\n".encode()
            else:
                note = f"<p>Benchmark copy {tag} {copy}.</p></body>"
                data = data.replace(b"</body>", note.encode())
            path.write_bytes(data)
            paths.append(path)
    return paths


# Runs the command as its parent's only child, so the parent's RUSAGE_CHILDREN figures are
# the command's own: peak memory (KiB) and CPU seconds, the last line of standard error.
_PEAK_OF_CHILD = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr); sys.exit(r.returncode)"
)


def sanctuary(*args: str, url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "-m", "sanctuary_tracker.cli", *args]
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_CHILD, *command],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"sanctuary {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result


def prepare(url: str) -> None:
    sanctuary("init", url=url)
    sanctuary("users", "add", "bench", "--role", "admin", url=url)


def read_extract_rate(paths: list[Path]) -> tuple[float, float]:
    """Documents per second and CPU milliseconds per document of read + extract."""
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read

    extract(read(str(paths[0])))  # warm: gazetteer and automaton
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        extract(read(str(path)))
    return _rates(len(paths), started, cpu)


def _rates(documents: int, started: float, cpu: float) -> tuple[float, float]:
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    return documents / wall, 1000 * used / documents


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest_rate(paths: list[Path], url: str) -> tuple[float, float, float]:
    """Documents per second and CPU milliseconds per document (this process's threads,
    then its loader process; not PostgreSQL's server) of ``ingest_sources`` (read +
    extract + check + load), after its one-off setup (the reference lookups, about
    0.2 s a run)."""
    from sanctuary_tracker.store.config import setup

    setup(url)
    from django.contrib.auth.models import User

    from sanctuary_tracker.store.ingest import ingest_sources
    from sanctuary_tracker.store.lookups import Lookups

    user = User.objects.get(username="bench")
    lookups = Lookups.load()
    ingest_sources([str(paths[0])], user=user, lookups=lookups)  # warm, as for read + extract
    started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    report = ingest_sources([str(p) for p in paths[1:]], user=user, lookups=lookups)
    loader = 1000 * (_children_cpu() - children) / (len(paths) - 1)
    assert report.counts.get("inserted") == len(paths) - 1, report.summary()
    assert not report.counts.get("linked"), report.summary()  # all new texts, all evidence
    return (*_rates(len(paths) - 1, started, cpu), loader)


def evidence_file(paths: list[Path], target: Path, records: int) -> None:
    """``records`` lines of real extract output, sources and hashes varied."""
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read

    originals = [extract(read(str(p))) for p in paths]
    with target.open("w") as out:
        for i in range(records):
            record = originals[i % len(originals)]
            source = f"bench/{i:06d}/{record['source']}"
            digest = hashlib.sha256(source.encode()).hexdigest()
            out.write(
                json.dumps(
                    {
                        **record,
                        "source": source,
                        "document": {**record["document"], "content_hash": f"sha256:{digest}"},
                    }
                )
                + "\n"
            )


def postgres_database() -> tuple[str, str] | None:
    try:
        import psycopg

        name = f"sanctuary_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return f"{PG_SERVER}/{name}", name
    except Exception as exc:  # any failure to reach the server: report and go on
        print(f"PostgreSQL: skipped ({PG_SERVER} not usable: {str(exc).splitlines()[0]})")
        return None


def drop_postgres(name: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="copies of the corpus a run")
    parser.add_argument("--rounds", type=int, default=3, help="turns of each ingest run")
    parser.add_argument("--records", type=int, default=100_000, help="records to load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Each run gets texts of its own, so that no run gains from another's caches;
        # the runs take turns, round after round, so that a busy machine slows all alike,
        # and each figure is the median of its rounds.
        load_at_start = " ".join(f"{x:.1f}" for x in os.getloadavg())
        sqlite_url = f"sqlite:///{folder / 'ingest.sqlite3'}"
        pg = postgres_database()
        targets = [("SQLite", sqlite_url)] + ([("PostgreSQL", pg[0])] if pg else [])
        rates: dict[str, list[tuple[float, ...]]] = {"read + extract": []}
        rates |= {t: [] for t, _ in targets}
        failed = []
        try:
            for _, url in targets:
                prepare(url)
            for round_ in range(args.rounds):
                docs = folder / f"round{round_}"
                docs.mkdir()
                # The round in each text too: a text ingested in an earlier round would be
                # stored as a linked copy, without its evidence.
                texts = corpus(docs, args.repeat, f"read-{round_}")
                rates["read + extract"].append(read_extract_rate(texts))
                for label, url in targets:
                    texts = corpus(docs, args.repeat, f"{label}-{round_}")
                    rates[label].append(ingest_rate(texts, url))
        finally:
            if pg:
                drop_postgres(pg[1])
        size = len(corpus(folder, 1, "count"))
        print(
            f"corpus: {size * args.repeat} documents a run ({args.repeat} copies of the "
            f"samples + eval/dev), {args.rounds} rounds"
        )
        print(f"load average at start: {load_at_start}")
        baseline = statistics.median(r[0] for r in rates["read + extract"])
        base_cpu = statistics.median(r[1] for r in rates["read + extract"])
        print(f"read + extract alone: {baseline:.1f} docs/s, {base_cpu:.1f} ms CPU a document")
        for label, _ in targets:
            rate, cpu, loader = (statistics.median(r[i] for r in rates[label]) for i in range(3))
            share = rate / baseline
            print(
                f"ingest into {label}: {rate:.1f} docs/s ({share:.0%} of read + extract), "
                f"{cpu:.1f} ms CPU a document in this process + {loader:.1f} ms in its "
                "loader process"
            )
            if share < INGEST_FLOOR:
                failed.append(f"ingest into {label} below {INGEST_FLOOR:.0%}")
        paths = corpus(folder, 1, "evidence")
        evidence = folder / "evidence.jsonl"
        evidence_file(paths, evidence, args.records)
        size = evidence.stat().st_size / 2**20
        load_url = f"sqlite:///{folder / 'load.sqlite3'}"
        prepare(load_url)
        started = time.perf_counter()
        result = sanctuary("load", str(evidence), "--user", "bench", url=load_url)
        seconds = time.perf_counter() - started
        *said, usage = result.stderr.strip().splitlines()
        peak, cpu = usage.split()
        print(
            f"load {args.records} records ({size:.0f} MiB) into SQLite: {seconds:.1f} s "
            f"({args.records / seconds:.0f} records/s, {float(cpu):.1f} s CPU); {said[-1]}"
        )
        print(f"peak memory of the load command: {int(peak) / 1024:.0f} MiB")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process (read, extract, ingest): {own:.0f} MiB")
        print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if args.records >= 100_000 and seconds >= LOAD_SECONDS_FLOOR:
            failed.append(f"load took {seconds:.0f} s, over {LOAD_SECONDS_FLOOR:.0f} s")
        print("floors: " + ("all hold" if not failed else "FAILED: " + "; ".join(failed)))
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
