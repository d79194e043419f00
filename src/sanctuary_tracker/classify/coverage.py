"""How much of the country the tracker's dated, sourced facts reach.

Counts, by level (state, county, local), the jurisdictions with at least one fact of their
own, and the counties with at least one fact bearing on them (their own, or a statewide law
of their state, which applies inside every county: see ``classify.evidence``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from sanctuary_tracker.classify.evidence import STATE_WIDE
from sanctuary_tracker.classify.facts import Fact
from sanctuary_tracker.places.gazetteer import Gazetteer

LEVELS = ("state", "county", "local")


def _kind(fact: Fact) -> str:
    if fact.provision == "listing":
        return "listing"
    if fact.provision in STATE_WIDE:
        return "state law"
    if fact.provision == "P10":
        return "287(g) agreement"
    return "observation"


def coverage(facts: Iterable[Fact], gazetteer: Gazetteer) -> dict[str, Any]:
    """Counts of jurisdictions reached by ``facts`` (only dated facts count)."""
    own: dict[str, set[str]] = {}
    statewide: set[str] = set()
    for fact in facts:
        if fact.valid_from is None:
            continue
        own.setdefault(fact.geoid, set()).add(_kind(fact))
        if fact.provision in STATE_WIDE:
            statewide.add(fact.geoid[:2])
    totals: Counter[str] = Counter()
    with_own: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    counties_reached = 0
    for j in gazetteer:
        totals[j.level] += 1
        kinds = own.get(j.geoid)
        if kinds:
            with_own[j.level] += 1
            for kind in kinds:
                by_kind[(j.level, kind)] += 1
        if j.level == "county" and (kinds or j.geoid[:2] in statewide):
            counties_reached += 1
    counties = totals["county"]
    return {
        "jurisdictions_with_own_fact": sum(with_own.values()),
        "by_level": {
            level: {
                "total": totals[level],
                "with_own_fact": with_own[level],
                "by_source": {
                    kind: n for (lvl, kind), n in sorted(by_kind.items()) if lvl == level
                },
            }
            for level in LEVELS
        },
        "counties": {
            "total": counties,
            "with_own_fact": with_own["county"],
            "share_with_own_fact": round(with_own["county"] / counties, 4) if counties else 0.0,
            "with_fact_bearing": counties_reached,
            "share_with_fact_bearing": round(counties_reached / counties, 4) if counties else 0.0,
        },
    }
