"""A jurisdiction's whole profile (the jurisdiction page and its JSON): status under every
definition with reasons, timeline, listings, officials' quotes, money at stake, documents.
Cached per process until the store's data changes."""

from __future__ import annotations

from typing import Any

from sanctuary_tracker.web import records, selectors
from sanctuary_tracker.web.agreements import agreements_of
from sanctuary_tracker.web.classification import classifier, data_version, statuses, timeline
from sanctuary_tracker.web.lru import Lru

_CACHE = Lru(4096)

NO_AWARDS = (
    "No federal award in the store is matched to it (award files are loaded with "
    "`sanctuary funding import`)."
)
AWARDS_SHOWN = 200  # the largest awards listed on the page; the totals count them all


def profile(j, date: str) -> dict[str, Any]:
    key = (j.geoid, date, data_version())
    found = _CACHE.get(key)
    if found is None:
        found = _build(j, date)
        _CACHE.put(key, found)
    return found


def _build(j, date: str) -> dict[str, Any]:
    none, current = selectors.Filters(), classifier()
    # Most jurisdictions have nothing in the store: skip its queries for them.
    held = j.geoid in selectors.geoids_with_evidence()
    return {
        "jurisdiction": records.jurisdiction(j),
        "date": date,
        "statuses": statuses(j, date, current),
        "timeline": timeline(j, current),
        "listings": selectors.listings(none, geoid=j.geoid, store=held),
        "agreements": agreements_of(j),
        "quotes": selectors.quotes_of(j.geoid) if held else [],
        "money_at_stake": {
            "amounts_in_documents": [
                records.amount(a) for a in selectors.amounts(none, geoid=j.geoid)[:200]
            ]
            if held
            else [],
            **_awards(j),
        },
        "observations": [
            records.observation(o) for o in selectors.observations(none, geoid=j.geoid)[:500]
        ]
        if held
        else [],
        "documents": selectors.documents_mentioning(j.geoid) if held else [],
    }


def _awards(j) -> dict[str, Any]:
    """The federal awards matched to ``j``: totals by program and fiscal year (net of
    deobligations) and the largest awards, each with its source file and row."""
    from sanctuary_tracker.funding.queries import show

    found = show(j)
    awards = sorted(found["awards"], key=lambda a: -abs(float(a["amount"])))
    return {
        "awards_total": found["total"],
        "awards_by_program_and_year": found["by_program_and_year"],
        "awards": awards[:AWARDS_SHOWN],
        "awards_count": len(awards),
        "awards_note": None if awards else NO_AWARDS,
    }
