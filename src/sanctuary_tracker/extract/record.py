"""One document's evidence as the plain record that `sanctuary extract` prints and `load` reads."""

from __future__ import annotations

from typing import Any

from sanctuary_tracker.document import Document
from sanctuary_tracker.places.gazetteer import Jurisdiction
from sanctuary_tracker.places.resolve import PlaceMention, resolve_places

DOCUMENT_FIELDS = (
    "title",
    "published",
    "publisher",
    "original_publisher",
    "byline",
    "language",
    "url",
    "content_hash",
)


def extract(document: Document) -> dict[str, Any]:
    """The evidence record of one document (schema: ../shared/eval/README.md, plus spans)."""
    mentions = resolve_places(document)
    return {
        "source": document.source,
        "document": {name: getattr(document, name) for name in DOCUMENT_FIELDS},
        "jurisdictions": _jurisdictions(mentions),
    }


def _jurisdictions(mentions: list[PlaceMention]) -> list[dict[str, Any]]:
    grouped: dict[str, tuple[Jurisdiction, list[PlaceMention]]] = {}
    for mention in mentions:
        grouped.setdefault(mention.jurisdiction.geoid, (mention.jurisdiction, []))[1].append(
            mention
        )
    return [
        {
            "name": j.name,
            "state": j.state,
            "kind": record_kind(j),
            "geoid": j.geoid,
            "ocd_id": j.ocd_id,
            "confidence": max(m.confidence for m in found),
            "mentions": [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "confidence": m.confidence,
                    "reason": m.reason,
                }
                for m in found
            ],
        }
        for j, found in grouped.values()
    ]


def record_kind(j: Jurisdiction) -> str:
    """state, district or territory; county or parish; else the local kind (city, town ...)."""
    if j.level == "state":
        return j.kind if j.kind in ("state", "district", "territory") else "state"
    if j.level == "county":
        return "parish" if j.kind == "parish" else "county"
    return j.kind
