"""Questions about the money: one jurisdiction's awards, and the money at stake under a
definition of sanctuary on a date."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from sanctuary_tracker.places.gazetteer import Jurisdiction

CENTS = Decimal("0.01")


def money(value) -> str:
    """An amount in dollars and cents, the same on every database ("945100.00")."""
    return str(Decimal(value or 0).quantize(CENTS))


def _awards(program: str | None, fiscal_year: int | None, state: str | None = None):
    from sanctuary_tracker.store.models import Award

    rows = Award.objects.filter(jurisdiction__isnull=False)
    if program:
        rows = rows.filter(program=program)
    if fiscal_year:
        rows = rows.filter(fiscal_year=fiscal_year)
    if state:
        rows = rows.filter(jurisdiction__state=state.upper())
    return rows


def award_record(a) -> dict[str, Any]:
    return {
        "award_key": a.award_key,
        "recipient": a.recipient,
        "program": a.program,
        "program_title": a.program_title,
        "fiscal_year": a.fiscal_year,
        "amount": money(a.amount),
        "joint_amount": None if a.joint_amount is None else money(a.joint_amount),
        "source_file": a.source_file,
        "source_row": a.source_row,
        "match_method": a.match_method,
        "match_confidence": a.match_confidence,
        "review": a.review,
    }


def show(j: Jurisdiction, program: str | None = None, fiscal_year: int | None = None) -> dict:
    """The awards matched to ``j``, with their total (net of deobligations) and the totals
    by program and year."""
    rows = list(
        _awards(program, fiscal_year)
        .filter(jurisdiction__geoid=j.geoid)
        .order_by("fiscal_year", "program", "award_key")
    )
    by = defaultdict(Decimal)
    for a in rows:
        by[(a.program, a.fiscal_year)] += a.amount
    return {
        "jurisdiction": {"name": j.name, "state": j.state, "geoid": j.geoid, "ocd_id": j.ocd_id},
        "program": program,
        "fiscal_year": fiscal_year,
        "total": money(sum((a.amount for a in rows), Decimal(0))),
        "by_program_and_year": [
            {"program": p, "fiscal_year": y, "total": money(t)} for (p, y), t in sorted(by.items())
        ],
        "awards": [award_record(a) for a in rows],
    }


def at_stake(
    classifier, definition, date: str, gazetteer, program=None, fiscal_year=None, state=None
):
    """The jurisdictions ``definition`` counts as sanctuary (yes) on ``date`` and the money
    they received; partial ones are listed apart, never added to the total."""
    from django.db.models import Sum

    totals = (
        _awards(program, fiscal_year, state)
        .values("jurisdiction__geoid")
        .annotate(total=Sum("amount"))
    )
    rows = {"yes": [], "partial": []}
    for entry in totals:
        j = gazetteer.by_geoid(entry["jurisdiction__geoid"])
        result = classifier.classify(j, definition, date)
        if result.label in rows:
            rows[result.label].append(
                {
                    "name": j.name,
                    "state": j.state,
                    "kind": j.kind,
                    "geoid": j.geoid,
                    "ocd_id": j.ocd_id,
                    "label": result.label,
                    "total": money(entry["total"]),
                    "reasons": [r["text"] for r in result.reasons],
                }
            )
    for found in rows.values():
        found.sort(key=lambda r: -Decimal(r["total"]))
    return {
        "definition": definition.id,
        "date": date,
        "program": program,
        "fiscal_year": fiscal_year,
        "state": state,
        "total": money(sum((Decimal(r["total"]) for r in rows["yes"]), Decimal(0))),
        "jurisdictions": rows["yes"],
        "partial_total": money(sum((Decimal(r["total"]) for r in rows["partial"]), Decimal(0))),
        "partial": rows["partial"],
    }


def review_list(state: str | None, limit: int) -> tuple[int, list[dict[str, Any]]]:
    """(how many awards await review, the ``limit`` largest of them)."""
    from django.db.models.functions import Abs

    from sanctuary_tracker.store.models import Award

    rows = Award.objects.filter(review=True).select_related("jurisdiction")
    if state:
        rows = rows.filter(recipient_state=state.upper())
    total = rows.count()
    out = []
    for a in rows.order_by(Abs("amount").desc(), "award_key")[:limit]:
        j = a.jurisdiction
        out.append(
            {
                **award_record(a),
                "state": a.recipient_state,
                "matched_to": f"{j.name}, {j.state}" if j else None,
            }
        )
    return total, out
