"""Funding import speed: rows per second and peak memory for a generated USAspending-layout
file of one million rows, read, matched and (with ``--store``) loaded into a fresh SQLite
store.

The file is generated from the gazetteer: recipients spelled the ways federal files spell
them ("CITY OF X", "X, COUNTY OF", "X COUNTY SHERIFF'S OFFICE", "X POLICE DEPARTMENT",
non-governments), with deobligations, duplicates and bad cells mixed in. Floors (issue 7):
one million rows in under a minute, under 1 GB of memory.

Run: ``.venv/bin/python benchmarks/bench_funding.py [--rows N] [--store]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from timing import pin_to_one_core

COLUMNS = (
    "assistance_award_unique_key,award_id_fain,award_id_uri,total_obligated_amount,"
    "total_outlayed_amount,award_base_action_date,award_base_action_date_fiscal_year,"
    "awarding_agency_name,awarding_sub_agency_name,recipient_uei,recipient_name,"
    "recipient_city_name,prime_award_summary_recipient_county_fips_code,recipient_state_code,"
    "cfda_numbers_and_titles,assistance_type_code,usaspending_permalink"
).split(",")
PROGRAMS = (
    "16.738: EDWARD BYRNE MEMORIAL JUSTICE ASSISTANCE GRANT PROGRAM",
    "16.606: STATE CRIMINAL ALIEN ASSISTANCE PROGRAM",
    "16.710: PUBLIC SAFETY PARTNERSHIP AND COMMUNITY POLICING GRANTS",
)


def recipients(gazetteer, count: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(name as spelled, city, county FIPS, state) for ``count`` governments and others."""
    pool = [j for j in gazetteer if j.level in ("county", "local") and len(j.geoid) != 10]
    out = []
    for j in rng.sample(pool, count):
        name = j.name.upper()
        if j.level == "county":
            bare = name.removesuffix(" COUNTY")
            spelled = rng.choice(
                [f"{bare}, COUNTY OF", f"COUNTY OF {bare}", f"{name} SHERIFF'S OFFICE", name]
            )
            fips = j.geoid
        else:
            spelled = rng.choice(
                [f"CITY OF {name}", f"{name}, CITY OF", f"{name} POLICE DEPARTMENT"]
            )
            fips = j.county_geoid or ""
        out.append((spelled, name if j.level == "local" else "", fips, j.state))
    out += [(f"{rng.choice(['ACME', 'VALLEY', 'NORTH'])} SERVICES INC", "", "", "MA")] * (
        count // 50
    )
    return out


def generate(path: Path, rows: int, seed: int = 11) -> None:
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    rng = random.Random(seed)
    people = recipients(load_gazetteer(), 20_000, rng)
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for i in range(rows):
            name, city, fips, state = rng.choice(people)
            year = rng.randint(2012, 2025)
            key = f"ASST_NON_{year}BENCH{i:08d}_1550"
            if i and rng.random() < 0.01:
                key = f"ASST_NON_{year}BENCH{i - 1:08d}_1550"  # a duplicate
            amount = (
                f"{rng.randint(-50_000, 2_000_000) / 100 * (1 if rng.random() > 0.03 else -1):.2f}"
            )
            if rng.random() < 0.002:
                amount = "N/A"
            writer.writerow(
                [
                    key,
                    key[9:-5],
                    "",
                    amount,
                    "",
                    f"{year}-0{rng.randint(1, 9)}-15",
                    year,
                    "Department of Justice",
                    "Office of Justice Programs",
                    f"BENCH{i:07d}",
                    name,
                    city,
                    fips,
                    state,
                    rng.choice(PROGRAMS),
                    "04",
                    "",
                ]
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--store", action="store_true", help="also load into a fresh SQLite store")
    args = parser.parse_args()
    pin_to_one_core()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "awards.csv"
        started = time.perf_counter()
        generate(path, args.rows)
        made = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        print(f"generated {args.rows:,} rows ({size:.0f} MB) in {made:.1f} s")
        started, cpu = time.perf_counter(), time.process_time()
        if args.store:
            summary = _into_store(path, Path(folder) / "bench.sqlite3")
        else:
            summary = _read_only(path)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    what = "read, matched and stored" if args.store else "read and matched"
    print(f"{what}: {args.rows:,} rows in {seconds:.1f} s = {args.rows / seconds:,.0f} rows/s")
    print(f"CPU time of this process: {cpu:.1f} s; load average {os.getloadavg()[0]:.1f}")
    print(f"summary: {summary}")
    print(f"peak memory: {peak:,.0f} MB (resident, whole process)")
    if args.rows != 1_000_000:
        print("floors (1 M rows < 60 s, < 1 GB): not judged, they are for --rows 1000000")
        return 0
    ok = seconds < 60 and peak < 1024
    print(f"floors (1 M rows < 60 s, < 1 GB): {'MET' if ok else 'MISSED'}")
    return 0


def _read_only(path: Path) -> dict:
    from sanctuary_tracker.funding.awards import Summary, read_awards
    from sanctuary_tracker.funding.recipients import Matcher
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    summary, seen = Summary(), set()
    for _ in read_awards(path, Matcher(load_gazetteer()), summary, seen):
        pass
    return summary.to_record()


def _into_store(path: Path, database: Path) -> dict:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    from sanctuary_tracker.store.db import open_store
    from sanctuary_tracker.store.funding_load import import_files
    from sanctuary_tracker.store.init import init_store

    open_store(need_tables=False)
    init_store()
    return import_files([str(path)]).to_record()


if __name__ == "__main__":
    sys.exit(main())
