"""Loading one evidence record into the store, in one transaction.

Idempotent by (source, content hash): the same record again changes nothing; changed
metadata updates the row; a changed text becomes a new version of the source. A text
already held from another source (a syndicated copy) is stored as a copy linked to the
original, without evidence of its own. The hot path is plain portable SQL with
``executemany`` (one statement per table per document), so that loading is not the
bottleneck of a run; the models in ``store.models`` define the tables."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sanctuary_tracker.document import Document
from sanctuary_tracker.store.lookups import Lookups
from sanctuary_tracker.store.people import name_key

META = ("title", "published", "publisher", "original_publisher", "byline", "language", "url")
OUTCOMES = ("inserted", "updated", "unchanged")
_RETRIES = 3


class Loader:
    """Loads records one transaction each and counts what it did."""

    def __init__(self, *, user):
        self.user = user
        self.lookups = Lookups.load()
        self.counts: Counter[str] = Counter()
        self._people: dict[tuple[str, int | None], int] = {}

    def load(self, record: dict[str, Any], document: Document | None = None) -> str:
        """Store one checked record (and the document's text, when given); the outcome:
        inserted, updated or unchanged."""
        from django.db import IntegrityError, transaction

        for attempt in range(_RETRIES):
            try:
                with transaction.atomic():
                    outcome, people, linked = _DocumentLoad(self, record, document).run()
            except IntegrityError:
                # Another process stored this document (or person) first: look again.
                if attempt == _RETRIES - 1:
                    raise
                continue
            self._people.update(people)
            self.counts[outcome] += 1
            self.counts["linked"] += linked
            return outcome
        raise AssertionError("unreachable")


class _DocumentLoad:
    """The work of one document's transaction."""

    def __init__(self, loader: Loader, record: dict[str, Any], document: Document | None):
        from django.db import connection
        from django.utils import timezone

        self.loader, self.record, self.document = loader, record, document
        self.ops = connection.ops
        self.cursor = connection.cursor()
        self.now = self.ops.adapt_datetimefield_value(timezone.now())
        self.new_people: dict[tuple[str, int | None], int] = {}
        self.in_record = {
            (j.get("name") if j.get("kind") in ("state", "district", "territory") else None)
            or f"{j.get('name')}, {j.get('state')}": loader.lookups.by_ocd_id[j["ocd_id"]]
            for j in record["jurisdictions"]
        }

    def run(self) -> tuple[str, dict, int]:
        meta = self._meta()
        source, content_hash = self.record["source"], self.record["document"]["content_hash"]
        self.cursor.execute(
            "SELECT id, title, published, publisher, original_publisher, byline, language, "
            "url, body FROM store_document WHERE source = %s AND content_hash = %s",
            [source, content_hash],
        )
        held = self.cursor.fetchone()
        if held:
            return self._refresh(held, meta), {}, 0
        self.cursor.execute("SELECT 1 FROM store_document WHERE source = %s", [source])
        outcome = "updated" if self.cursor.fetchone() else "inserted"
        self.cursor.execute(
            "SELECT id FROM store_document WHERE content_hash = %s AND copy_of_id IS NULL",
            [content_hash],
        )
        original = self.cursor.fetchone()
        doc_id = self._insert_document(meta, original[0] if original else None)
        if original is None:
            self._insert_evidence(doc_id)
        self._audit("document.insert", doc_id, {"source": source, "copy_of": original})
        return outcome, self.new_people, int(original is not None)

    def _meta(self) -> list:
        document = self.record["document"]
        values = [document.get(name) for name in META]
        values[1] = self.ops.adapt_datefield_value(values[1]) if values[1] else None
        return values

    def _refresh(self, held: tuple, meta: list) -> str:
        """Unchanged, or updated in place when metadata (or missing text) differs."""
        held_meta = [str(v) if v is not None else None for v in held[1:8]]
        wanted = [str(v) if v is not None else None for v in meta]
        body = self.document.body if self.document else ""
        if held_meta == wanted and (held[8] or not body):
            return "unchanged"
        columns = ", ".join(f"{name} = %s" for name in META)
        params = [*meta]
        if body and not held[8]:
            columns += ", body = %s"
            params.append(body)
        self.cursor.execute(
            f"UPDATE store_document SET {columns} WHERE id = %s", [*params, held[0]]
        )
        self._audit(
            "document.update",
            held[0],
            dict(zip(META, wanted, strict=True)),
            before=dict(zip(META, held_meta, strict=True)),
        )
        return "updated"

    def _insert_document(self, meta: list, copy_of: int | None) -> int:
        d = self.document
        row = [
            self.record["source"],
            self.record["document"]["content_hash"],
            copy_of,
            *meta,
            d.media_type if d else self.record["document"].get("media_type") or "",
            d.fetched_at if d else self.record["document"].get("fetched_at"),
            d.body if d else "",
            json.dumps(d.captions if d else [], ensure_ascii=False),
            " ".join(map(str, d.minhash)) if d else "",
            self.now,
        ]
        self.cursor.execute(
            "INSERT INTO store_document (source, content_hash, copy_of_id, "
            + ", ".join(META)
            + ", media_type, fetched_at, body, captions, minhash, loaded_at) VALUES ("
            + ", ".join(["%s"] * len(row))
            + ") RETURNING id",
            row,
        )
        return self.cursor.fetchone()[0]

    def _insert_evidence(self, doc_id: int) -> None:
        r, lookups = self.record, self.loader.lookups
        spans: list[tuple] = []

        def span(s: dict) -> int:
            spans.append((doc_id, len(spans), s["field"], s["start"], s["end"]))
            return len(spans) - 1

        mentions = [
            (lookups.by_ocd_id[j["ocd_id"]], span(m), m["text"], m["confidence"], m.get("reason"))
            for j in r["jurisdictions"]
            for m in j["mentions"]
        ]
        people = [(p, span(p["span"])) for p in r["people"]]
        quotes = [(q, span(q["span"])) for q in r["quotes"]]
        amounts = [(a, span(a["span"])) for a in r["amounts"]]
        listings = [(item, span(item["span"])) for item in r["lists"]]
        observations = [(o, span(o["span"])) for o in r["observations"]]
        ids = self._insert_spans(doc_id, spans)
        c = self.cursor
        c.executemany(
            "INSERT INTO store_mention (document_id, jurisdiction_id, span_id, text, confidence, "
            "reason) VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (doc_id, j, ids[s], text, conf, reason or "")
                for j, s, text, conf, reason in mentions
            ],
        )
        speakers: dict[str, int] = {}
        roles = []
        for p, s in people:
            jurisdiction = lookups.named(p.get("of"), self.in_record)
            person = self._person(p["name"], jurisdiction)
            speakers.setdefault(p["name"], person)
            roles.append((person, p.get("title"), p.get("of"), jurisdiction, doc_id, ids[s]))
        c.executemany(
            "INSERT INTO store_role (person_id, title, of_name, jurisdiction_id, document_id, "
            "span_id) VALUES (%s, %s, %s, %s, %s, %s)",
            roles,
        )
        c.executemany(
            "INSERT INTO store_quote (document_id, span_id, speaker_id, speaker_name, text, "
            "direct) VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    doc_id,
                    ids[s],
                    self._speaker(q.get("speaker"), speakers),
                    q.get("speaker"),
                    q["text"],
                    q["direct"],
                )
                for q, s in quotes
            ],
        )
        c.executemany(
            "INSERT INTO store_amount (document_id, span_id, text, value, currency, refers_to, "
            "jurisdiction_id) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    doc_id,
                    ids[s],
                    a["text"],
                    self._money(a.get("value")),
                    a.get("currency") or "USD",
                    a.get("refers_to"),
                    lookups.named(a.get("jurisdiction"), self.in_record),
                )
                for a, s in amounts
            ],
        )
        c.executemany(
            "INSERT INTO store_listing (document_id, span_id, list_id, list_name, "
            "jurisdiction_id, cue) VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    doc_id,
                    ids[s],
                    item.get("list_id"),
                    item["list"],
                    lookups.by_ocd_id[m["ocd_id"]],
                    item.get("cue"),
                )
                for item, s in listings
                for m in item["members"]
            ],
        )
        c.executemany(
            "INSERT INTO store_observation (jurisdiction_id, provision_id, value, "
            "effective_from, citation, document_id, span_id, origin, status, negated, hedged, "
            "cue, rule, created_at, review_reason) VALUES "
            "(%s, %s, %s, %s, '', %s, %s, 'extracted', 'proposed', %s, %s, %s, %s, %s, '')",
            [
                (
                    lookups.by_geoid.get(o["geoid"]) if o.get("geoid") else None,
                    lookups.provisions[o["provision"]],
                    json.dumps(o["value"]),
                    self.ops.adapt_datefield_value(o["date"]) if o.get("date") else None,
                    doc_id,
                    ids[s],
                    bool(o.get("negated")),
                    bool(o.get("hedged")),
                    o.get("cue") or "",
                    o.get("rule") or "",
                    self.now,
                )
                for o, s in observations
            ],
        )

    def _insert_spans(self, doc_id: int, spans: list[tuple]) -> list[int]:
        """Insert the spans and return their ids by ordinal."""
        if not spans:
            return []
        self.cursor.executemany(
            "INSERT INTO store_span (document_id, ordinal, field, span_start, span_end) "
            "VALUES (%s, %s, %s, %s, %s)",
            spans,
        )
        self.cursor.execute(
            "SELECT ordinal, id FROM store_span WHERE document_id = %s ORDER BY ordinal", [doc_id]
        )
        return [pk for _, pk in self.cursor.fetchall()]

    def _money(self, value):
        return None if value is None else self.ops.adapt_decimalfield_value(value, 20, 2)

    def _speaker(self, name: str | None, speakers: dict[str, int]) -> int | None:
        if not name:
            return None
        return speakers.get(name) or self._person(name, None)

    def _person(self, name: str, jurisdiction: int | None) -> int:
        """The Person this mention is (the merge rule of ``store.people``), made if new."""
        key = (name_key(name) or name.casefold()[:200], jurisdiction)
        known = self.loader._people.get(key) or self.new_people.get(key)
        if known:
            return known
        c = self.cursor
        if jurisdiction is None:
            c.execute(
                "SELECT id FROM store_person WHERE name_key = %s AND jurisdiction_id IS NOT NULL",
                [key[0]],
            )
            placed = c.fetchall()
            if len(placed) == 1:
                self.new_people[key] = placed[0][0]
                return placed[0][0]
        where = "jurisdiction_id = %s" if jurisdiction else "jurisdiction_id IS NULL"
        # ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a concurrent loader that
        # made this person first wins, and we read its row.
        c.execute(
            "INSERT INTO store_person (name, name_key, jurisdiction_id) VALUES (%s, %s, %s) "
            "ON CONFLICT DO NOTHING",
            [name[:200], key[0], jurisdiction],
        )
        c.execute(
            f"SELECT id FROM store_person WHERE name_key = %s AND {where}",
            [key[0], *([jurisdiction] if jurisdiction else [])],
        )
        person = c.fetchone()[0]
        self.new_people[key] = person
        return person

    def _audit(self, action: str, object_id: int, after: dict, before: dict | None = None):
        self.cursor.execute(
            'INSERT INTO store_auditlog (at, user_id, action, "table", object_id, before, '
            "after, reason) VALUES (%s, %s, %s, 'store_document', %s, %s, %s, '')",
            [
                self.now,
                self.loader.user.pk if self.loader.user else None,
                action,
                object_id,
                None if before is None else json.dumps(before, sort_keys=True),
                json.dumps(after, sort_keys=True, default=str),
            ],
        )
