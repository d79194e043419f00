"""The store's reviewed evidence as classification facts: accepted observations only (a
proposal is not a fact until a reviewer accepts it), each with its document and span."""

from __future__ import annotations

import json

from sanctuary_tracker.classify.facts import FORMS, Fact
from sanctuary_tracker.document import public_source


def accepted_facts() -> list[Fact]:
    from sanctuary_tracker.store.models import Observation

    rows = (
        Observation.objects.filter(status="accepted", jurisdiction__isnull=False)
        .select_related("jurisdiction", "provision", "document", "span")
        .order_by("id")
    )
    out = []
    for o in rows.iterator(chunk_size=2000):
        form = o.form or "unknown"
        out.append(
            Fact(
                geoid=o.jurisdiction.geoid,
                provision=o.provision.code,
                value=json.loads(o.value),
                valid_from=o.effective_from.isoformat() if o.effective_from else None,
                valid_to=o.effective_to.isoformat() if o.effective_to else None,
                form=form if form in FORMS else "unknown",
                agency=o.agency or None,
                citation=o.citation,
                source=_source(o),
                origin="store",
            )
        )
    return out


def _source(o) -> str:
    """The document and span an observation was read from, or who entered it."""
    if o.document_id is None:
        return f"observation {o.id}, entered by a coder"
    where = public_source(o.document.source, o.document.url)
    if o.span_id is not None:
        where += f"#{o.span.field}:{o.span.start}-{o.span.end}"
    return where
