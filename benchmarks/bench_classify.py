"""Classification speed: every jurisdiction of the gazetteer under every definition for one
date, and a monthly series from January 2014 to December 2026, with peak memory.

Facts: the shipped official lists, state laws, reference observations and ICE 287(g)
agreements, plus a synthetic set of local observations
(by default 2,000 jurisdictions with three provisions each, dated across the period) so that
the run does the work a full store would give it. Floors (issue 6): one date under 2 s; the
monthly series under a minute.

Run: ``.venv/bin/python benchmarks/bench_classify.py [--observed N]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

from timing import pin_to_one_core


def synthetic_facts(gazetteer, count: int, seed: int = 7):
    from sanctuary_tracker.classify.facts import Fact

    rng = random.Random(seed)
    locals_ = [j for j in gazetteer if j.level != "state"]
    values = {
        "P01": [
            "honor_all",
            "honor_with_exceptions",
            "judicial_warrant_or_order_only",
            "decline_all",
        ],
        "P05": [True, False],
        "P13": [True, False],
    }
    out = []
    for j in rng.sample(locals_, count):
        for provision, choices in values.items():
            year = rng.randint(2012, 2025)
            out.append(
                Fact(
                    geoid=j.geoid,
                    provision=provision,
                    value=rng.choice(choices),
                    valid_from=f"{year}-{rng.randint(1, 12):02d}-01",
                    valid_to=None,
                    form=rng.choice(["ordinance", "sheriff_policy", "practice"]),
                    agency="county",
                    citation="synthetic",
                    source="synthetic",
                )
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observed", type=int, default=2000, help="jurisdictions with facts")
    args = parser.parse_args()
    pin_to_one_core()

    from sanctuary_tracker.agreements.snapshot import snapshot_facts
    from sanctuary_tracker.classify import Classifier, Evidence, load_definitions
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    definitions = list(load_definitions().values())
    facts = load_reference().facts() + snapshot_facts() + synthetic_facts(gazetteer, args.observed)
    jurisdictions = list(gazetteer)

    started = time.perf_counter()
    classifier = Classifier(Evidence(facts, gazetteer))
    labels = sum(
        1 for d in definitions for _ in classifier.classify_all(d, "2025-09-01", jurisdictions)
    )
    one_date = time.perf_counter() - started

    months = [f"{y}-{m:02d}-01" for y in range(2014, 2027) for m in range(1, 13)]
    started = time.perf_counter()
    classifier = Classifier(Evidence(facts, gazetteer))
    series = 0
    for d in definitions:
        for members, row in classifier.series(d, months, jurisdictions):
            series += len(members) * len(row)
    monthly = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"{len(jurisdictions):,} jurisdictions x {len(definitions)} definitions; "
        f"{len(facts):,} facts ({args.observed:,} jurisdictions observed); one core"
    )
    print(f"one date:        {labels:>12,} labels in {one_date:6.2f} s")
    print(f"monthly series:  {series:>12,} labels in {monthly:6.2f} s ({len(months)} months)")
    print(f"peak memory:     {peak:,.0f} MB (resident, whole process)")
    ok = one_date < 2 and monthly < 60
    print(f"floors (one date < 2 s, series < 60 s): {'MET' if ok else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
