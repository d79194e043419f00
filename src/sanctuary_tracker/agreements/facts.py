"""287(g) agreements as classification facts: provision P10, the model as its value, from the
signing to the removal from ICE's list, cited to the sheet and row that list it."""

from __future__ import annotations

from collections.abc import Iterable

from sanctuary_tracker.agreements.history import Agreement
from sanctuary_tracker.agreements.sheets import MODEL_NAMES, PRIMARY_SOURCE
from sanctuary_tracker.classify.facts import Fact

PROVISION = "P10"


def citation(a: Agreement) -> str:
    """What a reader needs to find and judge it."""
    text = f"287(g) {MODEL_NAMES[a.model]} agreement of {a.agency}, "
    text += f"signed {a.signed}, " if a.signed else "signing date not given, "
    text += f"listed by ICE {a.first_listed} to {a.last_listed}"
    if a.ended:
        text += f", no longer listed {a.ended}"
    if a.moa:
        text += f"; MOA {a.moa}"
    return text


def source(a: Agreement) -> str:
    """ICE's page, then the sheet and row that first list it."""
    first = a.first_listing
    return f"{PRIMARY_SOURCE} ({first.file_name}, row {first.row})"


def agreement_fact(a: Agreement, origin: str = "reference") -> Fact | None:
    """The fact an agreement gives its jurisdiction; None when it matched none."""
    if not a.match.matched:
        return None
    return Fact(
        geoid=a.match.geoid,
        provision=PROVISION,
        value=a.model,
        valid_from=a.signed or a.first_listed,
        valid_to=a.ended,
        form="agency_policy",
        agency=a.match.agency,
        citation=citation(a),
        source=source(a),
        origin=origin,
    )


def agreement_facts(agreements: Iterable[Agreement], origin: str = "reference") -> list[Fact]:
    found = (agreement_fact(a, origin) for a in agreements)
    return [f for f in found if f is not None]
