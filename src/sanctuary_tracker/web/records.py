"""Store rows as the plain records the API, the pages and the exports share."""

from __future__ import annotations

import json
from typing import Any

from sanctuary_tracker.document import public_source
from sanctuary_tracker.extract.stage import record_kind


def jurisdiction(j) -> dict[str, Any]:
    """A gazetteer jurisdiction."""
    return {
        "geoid": j.geoid,
        "ocd_id": j.ocd_id,
        "name": j.name,
        "state": j.state,
        "kind": j.kind,
        "type": record_kind(j),
        "level": j.level,
        "county_geoid": j.county_geoid,
        "population": j.population,
    }


def span(s) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"document": s.document_id, "field": s.field, "start": s.start, "end": s.end}


def document(d, *, body: bool = False) -> dict[str, Any]:
    row = {
        "id": d.pk,
        "source": public_source(d.source, d.url),
        "url": d.url,
        "title": d.title,
        "published": d.published.isoformat() if d.published else None,
        "publisher": d.publisher,
        "original_publisher": d.original_publisher,
        "byline": d.byline,
        "language": d.language,
        "media_type": d.media_type,
        "content_hash": d.content_hash,
        "copy_of": d.copy_of_id,
    }
    if body:
        row["body"] = d.body
        row["captions"] = json.loads(d.captions or "[]")
    return row


def person(p) -> dict[str, Any]:
    j = p.jurisdiction
    return {
        "id": p.pk,
        "name": p.name,
        "jurisdiction": ref(j),
    }


def ref(j) -> dict[str, Any] | None:
    if j is None:
        return None
    return {"geoid": j.geoid, "name": j.name, "state": j.state, "kind": j.kind}


def quote(q) -> dict[str, Any]:
    return {
        "id": q.pk,
        "text": q.text,
        "direct": q.direct,
        "speaker": {"id": q.speaker_id, "name": q.speaker.name} if q.speaker_id else None,
        "speaker_name": q.speaker_name,
        "jurisdiction": ref(q.speaker.jurisdiction) if q.speaker_id else None,
        "document": {
            "id": q.document_id,
            "title": q.document.title,
            "published": q.document.published.isoformat() if q.document.published else None,
            "source": public_source(q.document.source, q.document.url),
            "url": q.document.url,
        },
        "span": span(q.span),
    }


def amount(a) -> dict[str, Any]:
    return {
        "id": a.pk,
        "text": a.text,
        "value": float(a.value) if a.value is not None else None,
        "currency": a.currency,
        "refers_to": a.refers_to,
        "jurisdiction": ref(a.jurisdiction),
        "document": a.document_id,
        "span": span(a.span),
    }


def listing(row) -> dict[str, Any]:
    """A document's statement that a jurisdiction is on a list."""
    return {
        "list_id": row.list_id,
        "list_name": row.list_name,
        "jurisdiction": ref(row.jurisdiction),
        "date": None,
        "origin": "document",
        "reviewed": False,  # a document's statement no reviewer has accepted: no definition counts it
        "source": f"document {row.document_id}",
        "document": row.document_id,
        "span": span(row.span),
        "cue": row.cue,
    }


def edition_member(edition, member: dict) -> dict[str, Any]:
    """A member of a shipped official list edition."""
    return {
        "list_id": edition.id,
        "list_name": edition.name,
        "jurisdiction": {
            "geoid": member["geoid"],
            "name": member["name"],
            "state": member["state"],
            "kind": None,
        },
        "date": edition.date,
        "withdrawn": edition.withdrawn,
        "origin": "reference",
        "reviewed": True,  # the shipped edition, each member with its source
        "source": member["source_url"],
        "document": None,
        "span": None,
        "cue": member.get("as_listed"),
    }


def observation(o) -> dict[str, Any]:
    return {
        "id": o.pk,
        "jurisdiction": ref(o.jurisdiction),
        "provision": o.provision.code,
        "provision_name": o.provision.name,
        "value": json.loads(o.value),
        "effective_from": o.effective_from.isoformat() if o.effective_from else None,
        "effective_to": o.effective_to.isoformat() if o.effective_to else None,
        "citation": o.citation,
        "status": o.status,
        "origin": o.origin,
        "negated": o.negated,
        "hedged": o.hedged,
        "cue": o.cue,
        "document": o.document_id,
        "span": span(o.span),
        "review_reason": o.review_reason,
        "reviewer": o.reviewer.username if o.reviewer_id else None,
        "reviewed_at": o.reviewed_at.isoformat() if o.reviewed_at else None,
    }
