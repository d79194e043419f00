"""A jurisdiction's whole profile (the jurisdiction page and its JSON): status under every
definition with reasons, timeline, listings, officials' quotes, money at stake, documents.
Cached per process until the store's data changes."""

from __future__ import annotations

from typing import Any

from sanctuary_tracker.web import records, selectors
from sanctuary_tracker.web.classification import classifier, data_version, statuses, timeline
from sanctuary_tracker.web.lru import Lru

_CACHE = Lru(4096)

# Federal awards are matched to jurisdictions by the funding stage (not loaded yet): the
# profile carries the key now so that clients need not change when they arrive.
AWARDS_PENDING = "Federal awards are not loaded yet: this section will list grants at stake."


def profile(j, date: str) -> dict[str, Any]:
    key = (j.geoid, date, data_version())
    found = _CACHE.get(key)
    if found is None:
        found = _build(j, date)
        _CACHE.put(key, found)
    return found


def _build(j, date: str) -> dict[str, Any]:
    from sanctuary_tracker.web.selectors import Filters

    none, current = Filters(), classifier()
    # Most jurisdictions have nothing in the store: skip its queries for them.
    held = j.geoid in selectors.geoids_with_evidence()
    return {
        "jurisdiction": records.jurisdiction(j),
        "date": date,
        "statuses": statuses(j, date, current),
        "timeline": timeline(j, current),
        "listings": selectors.listings(none, geoid=j.geoid, store=held),
        "quotes": selectors.quotes_of(j.geoid) if held else [],
        "money_at_stake": {
            "amounts_in_documents": [
                records.amount(a) for a in selectors.amounts(none, geoid=j.geoid)[:200]
            ]
            if held
            else [],
            "awards": [],
            "awards_note": AWARDS_PENDING,
        },
        "observations": [
            records.observation(o) for o in selectors.observations(none, geoid=j.geoid)[:500]
        ]
        if held
        else [],
        "documents": selectors.documents_mentioning(j.geoid) if held else [],
    }
