"""The 287(g) agreements shown on a jurisdiction's page and in its JSON: a county's own and
those of the police of its places, a place's own, a state's agencies'; from the store when
it holds ICE's sheets, else the shipped snapshot. Links are kept only when http(s)."""

from __future__ import annotations

from typing import Any

from sanctuary_tracker.agreements.records import agreement_record, bearing_on
from sanctuary_tracker.agreements.sheets import PRIMARY_SOURCE
from sanctuary_tracker.web.classification import gazetteer
from sanctuary_tracker.web.templatetags.links import is_web_url


def agreements_of(j) -> list[dict[str, Any]]:
    from sanctuary_tracker.store.agreements287g import current_history

    found = bearing_on(current_history().agreements, j, gazetteer())
    rows = []
    for a in found:
        record = agreement_record(a, gazetteer())
        first = a.first_listing
        record.update(
            moa=record["moa"] if is_web_url(record["moa"]) else None,
            source_url=PRIMARY_SOURCE,
            source_sheet=f"{first.file_name}, row {first.row}",
            own=a.match.geoid == j.geoid,
        )
        rows.append(record)
    return sorted(
        rows,
        key=lambda r: (
            not r["own"],
            r["jurisdiction"] or "",
            r["model"],
            r["signed"] or "",
            r["agency"],
        ),
    )
