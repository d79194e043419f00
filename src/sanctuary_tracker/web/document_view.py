"""A document's evidence as records and spans, its body with every span highlighted by
type (all text escaped; the only markup is ours), and a person's profile; the rows are
the store's (``store.selectors``)."""

from __future__ import annotations

import itertools
from html import escape
from typing import Any

from sanctuary_tracker.store import selectors
from sanctuary_tracker.web import records


def evidence_of(d) -> dict[str, Any]:
    """Every fact read from document ``d`` (an original; a copy shows its original's)."""
    held = selectors.document_evidence(d)
    return {
        "mentions": [
            {
                "text": m.text,
                "jurisdiction": records.ref(m.jurisdiction),
                "confidence": m.confidence,
                "reason": m.reason,
                "span": records.span(m.span),
            }
            for m in held["mentions"]
        ],
        "people": [
            {
                "person": {"id": r.person_id, "name": r.person.name},
                "title": r.title,
                "of": r.of_name,
                "jurisdiction": records.ref(r.jurisdiction),
                "span": records.span(r.span),
            }
            for r in held["people"]
        ],
        "quotes": [records.quote(q) for q in held["quotes"]],
        "amounts": [records.amount(a) for a in held["amounts"]],
        "listings": [records.listing(x) for x in held["listings"]],
        "observations": [records.observation(o) for o in held["observations"]],
    }


def spans(evidence: dict[str, Any]) -> list[dict[str, Any]]:
    """(field, start, end, type, link, label) for every span of the evidence."""
    out = []

    def add(kind, item, link, label):
        s = item.get("span")
        if s:
            out.append({**s, "type": kind, "link": link, "label": label})

    for m in evidence["mentions"]:
        j = m["jurisdiction"]
        add("place", m, f"/jurisdiction/{j['geoid']}/", f"{j['name']}, {j['state']}")
    for r in evidence["people"]:
        add("person", r, f"/person/{r['person']['id']}/", r["person"]["name"])
    for q in evidence["quotes"]:
        who = q["speaker"]
        link = f"/person/{who['id']}/" if who else None
        add("quote", q, link, f"quote: {q['speaker_name'] or 'unattributed'}")
    for a in evidence["amounts"]:
        add("amount", a, None, f"amount: {a['text']}")
    for x in evidence["listings"]:
        j = x["jurisdiction"]
        add("listing", x, f"/jurisdiction/{j['geoid']}/", f"listed: {x['list_name']}")
    for o in evidence["observations"]:
        j = o["jurisdiction"]
        link = f"/jurisdiction/{j['geoid']}/" if j else None
        add("observation", o, link, f"{o['provision']} {o['provision_name']} ({o['status']})")
    return out


def highlight(text: str, field_spans: list[dict[str, Any]]) -> str:
    """``text`` as escaped HTML, each stretch covered by spans wrapped in a <mark> whose
    classes name the span types; linked to the innermost span's page when it has one."""
    bounds = {0, len(text)}
    for s in field_spans:
        start, end = max(0, min(s["start"], len(text))), max(0, min(s["end"], len(text)))
        if end > start:
            bounds.update((start, end))
    points = sorted(bounds)
    order = {id(s): i for i, s in enumerate(field_spans)}  # ties keep the evidence's order
    waiting = sorted((s for s in field_spans if s["end"] > s["start"]), key=lambda s: s["start"])
    out, active, taken = [], [], 0
    for start, end in itertools.pairwise(points):
        piece = escape(text[start:end])
        # Sweep: spans join when they start and leave when they end (linear, not spans x cuts).
        while taken < len(waiting) and waiting[taken]["start"] <= start:
            active.append(waiting[taken])
            taken += 1
        active = [s for s in active if s["end"] >= end]
        if not active:
            out.append(piece)
            continue
        inner = sorted(active, key=lambda s: (s["end"] - s["start"], order[id(s)]))
        classes = " ".join(sorted({f"t-{s['type']}" for s in inner}))
        labels = escape("; ".join(dict.fromkeys(s["label"] for s in inner)))
        linked = next((s["link"] for s in inner if s["link"]), None)
        mark = f'<mark class="{classes}" title="{labels}">{piece}</mark>'
        out.append(f'<a href="{escape(linked)}">{mark}</a>' if linked else mark)
    return "".join(out)


def person_profile(p) -> dict[str, Any]:
    return {
        **records.person(p),
        "roles": [
            {
                "title": r.title,
                "of": r.of_name,
                "jurisdiction": records.ref(r.jurisdiction),
                "document": r.document_id,
                "as_of": r.document.published.isoformat() if r.document.published else None,
            }
            for r in selectors.person_roles(p)
        ],
        "quotes": [records.quote(q) for q in selectors.person_quotes(p)],
    }
