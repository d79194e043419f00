"""Coverage of the shipped official data: how many jurisdictions have at least one dated fact
from an official source (an official list edition, a state law, an ICE 287(g) agreement), as
a count and as a share of counties.

Run: ``.venv/bin/python benchmarks/bench_coverage.py [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys


def official_facts():
    from sanctuary_tracker.agreements.snapshot import snapshot_facts
    from sanctuary_tracker.classify.reference import load_reference

    return load_reference().facts() + snapshot_facts()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args()
    from sanctuary_tracker.classify.coverage import coverage
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    found = coverage(official_facts(), load_gazetteer())
    if args.json:
        print(json.dumps(found, indent=1, sort_keys=True))
        return 0
    print(
        f"jurisdictions with at least one dated official fact: {found['jurisdictions_with_own_fact']}"
    )
    for level, row in found["by_level"].items():
        sources = ", ".join(f"{k} {n}" for k, n in row["by_source"].items()) or "none"
        print(f"  {level}: {row['with_own_fact']} of {row['total']} ({sources})")
    c = found["counties"]
    print(
        f"counties with a fact of their own: {c['with_own_fact']} of {c['total']} "
        f"({c['share_with_own_fact']:.1%}); with a fact bearing on them (own or a statewide "
        f"law): {c['with_fact_bearing']} ({c['share_with_fact_bearing']:.1%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
