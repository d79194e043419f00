"""A jurisdiction's whole profile (the jurisdiction page and its JSON): status under every
definition with reasons, timeline, listings, officials' quotes, money at stake, documents.
Cached per process until the store's data changes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath
from typing import Any

from sanctuary_tracker.web import records, selectors, verdict
from sanctuary_tracker.web.agreements import agreements_of
from sanctuary_tracker.web.classification import classifier, data_version, statuses, timeline
from sanctuary_tracker.web.lru import Lru

_CACHE = Lru(4096)

NO_AWARD_DATA = (
    "this store holds no federal award data, so no sum can be shown (award files are loaded "
    "with `sanctuary funding import`)."
)
AWARDS_SHOWN = 200  # the largest awards listed on the page; the totals count them all


def profile(j, date: str) -> dict[str, Any]:
    return _CACHE.get_or_build((j.geoid, date, data_version()), lambda: _build(j, date))


def _build(j, date: str) -> dict[str, Any]:
    none, current = selectors.Filters(), classifier()
    # Most jurisdictions have nothing in the store: skip its queries for them.
    held = j.geoid in selectors.geoids_with_evidence()
    found_statuses = statuses(j, date, current)
    listings = _titled(selectors.listings(none, geoid=j.geoid, store=held))
    cards = verdict.cards(found_statuses, date, [x for x in listings if not x["reviewed"]])
    return {
        "jurisdiction": records.jurisdiction(j),
        "date": date,
        "verdict": verdict.summary(cards),
        "cards": cards,
        "not_known": verdict.unknowns(cards),
        "statuses": found_statuses,
        "timeline": [
            {
                **t,
                "describe": verdict.plain(t["describe"]),
                "name": verdict.provision_name(t["provision"]),
            }
            for t in timeline(j, current)
        ],
        "listings": listings,
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
            {**(o := records.observation(x)), "value_text": verdict.value_text(o["value"])}
            for x in selectors.observations(none, geoid=j.geoid)[:500]
        ]
        if held
        else [],
        "documents": selectors.documents_mentioning(j.geoid) if held else [],
    }


def _titled(listings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``listings`` with the title of the document each unreviewed one was read from."""
    from sanctuary_tracker.store.models import Document

    ids = sorted({x["document"] for x in listings if x["document"] is not None})
    titles = dict(Document.objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
    return [
        {**x, "document_title": titles.get(x["document"]) or f"document {x['document']}"}
        if x["document"] is not None
        else x
        for x in listings
    ]


def _awards(j) -> dict[str, Any]:
    """The federal awards matched to ``j``: totals by program and fiscal year (net of
    deobligations) and the largest awards, each with its source file's name and row."""
    from sanctuary_tracker.store.funding_queries import show

    found = show(j)
    awards = sorted(found["awards"], key=lambda a: (-abs(Decimal(a["amount"])), a["award_key"]))
    titles = {a["program"]: a["program_title"] for a in awards}
    return {
        "awards_total": found["total"],
        "awards_total_text": _dollars(found["total"]),
        "awards_by_program_and_year": [
            {
                **row,
                "program_title": titles.get(row["program"], ""),
                "total_text": _dollars(row["total"]),
            }
            for row in found["by_program_and_year"]
        ],
        "programs": sorted({f"{a['program']} {a['program_title']}".strip() for a in awards}),
        "awards": [
            {**a, "amount_text": _dollars(a["amount"]), "source_name": _file_name(a["source_file"])}
            for a in awards[:AWARDS_SHOWN]
        ],
        "awards_count": len(awards),
        "awards_note": None if awards else _no_awards_note(),
    }


def _dollars(amount: str) -> str:
    return f"{Decimal(amount):,.2f}"


def _file_name(path: str) -> str:
    """The award file's name as given, never the server's folder."""
    return PurePath(path.replace("\\", "/")).name


def _no_awards_note() -> str:
    from sanctuary_tracker.store.models import Award

    held = Award.objects.filter(jurisdiction__isnull=False).count()
    if not held:
        return NO_AWARD_DATA
    return (
        f"No federal award in this store is matched to it (the store holds {held} matched awards)."
    )
