"""287(g) agreements as plain records for the CLI, the web pages and the API, and the
agreements that bear on one jurisdiction (a county's include those of its places)."""

from __future__ import annotations

from collections.abc import Iterable

from sanctuary_tracker.agreements.facts import citation, source
from sanctuary_tracker.agreements.history import Agreement, Request, in_force
from sanctuary_tracker.agreements.sheets import MODEL_NAMES
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction

COLUMNS = [
    "agency",
    "state",
    "type",
    "county",
    "model",
    "signed",
    "first_listed",
    "last_listed",
    "ended",
    "jurisdiction",
    "geoid",
    "match_method",
    "match_confidence",
    "moa",
    "source",
]


def bearing_on(
    agreements: Iterable[Agreement], j: Jurisdiction, gazetteer: Gazetteer
) -> list[Agreement]:
    """A county's agreements and those of the places inside it; a place's own; a state's
    own (its state agencies)."""
    out = []
    for a in agreements:
        geoid = a.match.geoid
        if geoid is None:
            continue
        if geoid == j.geoid:
            out.append(a)
        elif j.level == "county" and len(geoid) > 5:
            bound = gazetteer.by_geoid(geoid)
            if bound.county_geoid == j.geoid:
                out.append(a)
    return out


def in_state(items: Iterable, state: str | None, gazetteer: Gazetteer) -> list:
    """Those ICE lists in ``state`` (a postal code or a name), matched or not."""
    items = list(items)
    if not state:
        return items
    found = gazetteer.state(state)
    wanted = found.state if found else state.strip().upper()
    codes: dict[str, str] = {}
    for a in items:
        if a.state not in codes:
            named = gazetteer.state(a.state)
            codes[a.state] = named.state if named else a.state.strip().upper()
    return [a for a in items if codes[a.state] == wanted]


def on_date(agreements: Iterable[Agreement], date: str | None) -> list[Agreement]:
    return [a for a in agreements if date is None or in_force(a, date)]


def agreement_record(a: Agreement, gazetteer: Gazetteer) -> dict:
    bound = gazetteer.by_geoid(a.match.geoid) if a.match.geoid else None
    return {
        "agency": a.agency,
        "state": a.state,
        "type": a.type,
        "county": a.county,
        "model": a.model,
        "model_name": MODEL_NAMES[a.model],
        "signed": a.signed,
        "first_listed": a.first_listed,
        "last_listed": a.last_listed,
        "ended": a.ended,
        "jurisdiction": f"{bound.name}, {bound.state}"
        if bound and bound.level != "state"
        else bound.name
        if bound
        else None,
        "geoid": a.match.geoid,
        "match_method": a.match.method,
        "match_confidence": a.match.confidence,
        "moa": a.moa,
        "citation": citation(a),
        "source": source(a),
    }


def unmatched_record(a: Agreement | Request) -> dict:
    first = a.listings[0]
    return {
        "kind": "agreement" if isinstance(a, Agreement) else "request",
        "state": a.state,
        "agency": a.agency,
        "type": a.type,
        "county": a.county,
        "model": a.model,
        "reason": a.match.method,
        "rows": len(a.listings),
        "first_listed": a.first_listed,
        "last_listed": a.last_listed,
        "first": f"{first.file_name}, row {first.row}",
    }
