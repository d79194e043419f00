"""Loading one evidence record into the store, in one transaction.

Idempotent by (source, content hash): the same record again changes nothing; changed
metadata updates the row; a changed text becomes a new version of the source. A text
already held from another source (a syndicated copy) is stored as a copy linked to the
original, without evidence of its own. The hot path is plain portable SQL with
multi-row ``INSERT`` (one statement per table per document), so that loading is not the
bottleneck of a run; the models in ``store.models`` define the tables."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from sanctuary_tracker.document import Document
from sanctuary_tracker.store.lookups import Lookups
from sanctuary_tracker.store.people import name_key

META = ("title", "published", "publisher", "original_publisher", "byline", "language", "url")
OUTCOMES = ("inserted", "updated", "unchanged")
_RETRIES = 3
_ROWS_PER_STATEMENT = 200  # well under both databases' limits on parameters a statement
_VALUES = re.compile(r"^(.*?\bVALUES\s*)(\([^()]*\))(.*)$", re.DOTALL)


class Loader:
    """Loads records, each document all or nothing, and counts what it did.

    ``group`` documents share a commit (1: a transaction per document). Each document
    is then a savepoint inside the group's transaction, so it is still whole or absent:
    a kill loses at most the uncommitted group, never part of a document, and running
    the load again completes it. Grouping only pays on SQLite, where a commit writes
    every index page a document touched; ``load_files`` groups there only."""

    def __init__(self, *, user, group: int = 1, lookups: Lookups | None = None):
        from django.db import connection

        connection.ensure_connection()
        self.user, self.group = user, max(1, group)
        self.lookups = lookups or Lookups.load()
        self.counts: Counter[str] = Counter()
        self.sql = _Sql(connection)
        if connection.vendor == "postgresql":
            # A commit need not wait for its WAL flush: a killed loader keeps every
            # commit, and a server crash can lose only the last moments of them, never
            # part of a document; ingest and load are idempotent, so a rerun restores
            # them. Without this, each document waits for a disk flush.
            self.sql.execute("SET synchronous_commit TO off")
        self._people: dict[tuple[str, int | None], int] = {}
        self._open = None  # the group's transaction, while one is open
        self._in_group = 0

    def load(self, record: dict[str, Any], document: Document | None = None) -> str:
        """Store one checked record (and the document's text, when given); the outcome:
        inserted, updated or unchanged."""
        from django.db import IntegrityError, connection, transaction

        # Statements on the driver's own cursor raise the driver's errors, not Django's:
        # a race lost to another loader is either.
        lost_race = (IntegrityError, connection.Database.IntegrityError)
        if self.group > 1 and self._open is None:
            self._open = transaction.atomic()
            self._open.__enter__()
        for attempt in range(_RETRIES):
            try:
                if self._open is not None:
                    # Inside a group a failure rolls the whole group back, so the
                    # document needs no savepoint of its own to stay whole or absent.
                    outcome, people, linked = _DocumentLoad(self, record, document).run()
                else:
                    with transaction.atomic():
                        outcome, people, linked = _DocumentLoad(self, record, document).run()
            except lost_race:
                # Another process stored this document (or person) first: look again.
                if attempt == _RETRIES - 1 or self._open is not None:
                    self.close(failed=True)
                    raise
                continue
            except BaseException:
                self.close(failed=True)
                raise
            self._people.update(people)
            self.counts[outcome] += 1
            self.counts["linked"] += linked
            self._in_group += 1
            if self._in_group >= self.group:
                self.close()
            return outcome
        raise AssertionError("unreachable")

    def close(self, failed: bool = False) -> None:
        """Commit the open group (roll it back when ``failed``)."""
        opened, self._open, self._in_group = self._open, None, 0
        if opened is not None:
            error = RuntimeError("load failed") if failed else None
            opened.__exit__(type(error) if error else None, error, None)


class _Sql:
    """Plain SQL on the connection's own DB-API cursor (Django's wrapper rewrites every
    statement's placeholders on every call; this does it once per statement)."""

    def __init__(self, connection):
        self.cursor = connection.connection.cursor()
        self.qmark = connection.vendor == "sqlite"
        self.ops = connection.ops
        self._statements: dict[str, str] = {}
        self._multirow: dict[tuple[str, int], str] = {}

    def _sql(self, sql: str) -> str:
        if not self.qmark:
            return sql
        found = self._statements.get(sql)
        if found is None:
            found = self._statements[sql] = sql.replace("%s", "?")
        return found

    def execute(self, sql: str, params=()):
        self.cursor.execute(self._sql(sql), params)
        return self.cursor

    def executemany(self, sql: str, rows: list) -> None:
        """``INSERT ... VALUES (row)`` for many rows as multi-row VALUES statements (on
        PostgreSQL, fewer round trips than executemany's statement a row); nothing at
        all for no rows."""
        for chunk in self._chunks(rows):
            statement = self._multirow.get((sql, len(chunk)))
            if statement is None:
                head, row, tail = _VALUES.match(sql).groups()
                statement = self._sql(head + ", ".join([row] * len(chunk)) + tail)
                self._multirow[(sql, len(chunk))] = statement
            self.cursor.execute(statement, [value for r in chunk for value in r])

    def _chunks(self, rows: list):
        """SQLite: up to 200 rows a statement. PostgreSQL: power-of-two row counts within
        the 50 parameters whose parsing psycopg caches, so that each table's few
        statement texts are parsed once a run, not once a document."""
        if self.qmark or not rows:
            for start in range(0, len(rows), _ROWS_PER_STATEMENT):
                yield rows[start : start + _ROWS_PER_STATEMENT]
            return
        most = 1 << max(0, (50 // len(rows[0])).bit_length() - 1)
        start = 0
        while start < len(rows):
            size = min(most, 1 << ((len(rows) - start).bit_length() - 1))
            yield rows[start : start + size]
            start += size

    def fetchone(self):
        return self.cursor.fetchone()

    def fetchall(self):
        return self.cursor.fetchall()


class _DocumentLoad:
    """The work of one document's transaction."""

    def __init__(self, loader: Loader, record: dict[str, Any], document: Document | None):
        from django.utils import timezone

        self.loader, self.record, self.document = loader, record, document
        self.cursor = loader.sql
        self.ops = loader.sql.ops
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
        # One look for both questions: is this source held (this text or another), and
        # is this text held as an original from any source?
        self.cursor.execute(
            "SELECT id, source, content_hash, copy_of_id, title, published, publisher, "
            "original_publisher, byline, language, url, "
            "CASE WHEN body = '' THEN 0 ELSE 1 END FROM store_document "
            "WHERE source = %s OR (content_hash = %s AND copy_of_id IS NULL)",
            [source, content_hash],
        )
        rows = self.cursor.fetchall()
        held = next((r for r in rows if r[1] == source and r[2] == content_hash), None)
        if held:
            return self._refresh(held[:1] + held[4:], meta), {}, 0
        outcome = "updated" if any(r[1] == source for r in rows) else "inserted"
        original = next((r[0] for r in rows if r[2] == content_hash and r[3] is None), None)
        doc_id = self._insert_document(meta, original)
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
        if held_meta == wanted and (held[8] or not body):  # held[8]: it has its text
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
        placed = [(p, lookups.named(p.get("of"), self.in_record)) for p, _ in people]
        named = {p["name"] for p, _ in people}
        self._find_people(
            [(p["name"], jurisdiction) for p, jurisdiction in placed]
            + [(q["speaker"], None) for q, _ in quotes if q.get("speaker") not in named | {None}]
        )
        roles = []
        for (p, jurisdiction), (_, s) in zip(placed, people, strict=True):
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
        """The Person of a mention (found by ``_find_people`` beforehand)."""
        key = (name_key(name) or name.casefold()[:200], jurisdiction)
        return self.loader._people.get(key) or self.new_people[key]

    def _find_people(self, mentions: list[tuple[str, int | None]]) -> None:
        """Find or make the Person of every (name, jurisdiction) mention of the document,
        by the merge rule of ``store.people``, in two or three statements in all."""
        missing: dict[tuple[str, int | None], str] = {}
        for name, jurisdiction in mentions:
            key = (name_key(name) or name.casefold()[:200], jurisdiction)
            if key not in self.loader._people and key not in self.new_people:
                missing.setdefault(key, name)
        if not missing:
            return
        keys = sorted({k for k, _ in missing})
        select = (
            "SELECT name_key, jurisdiction_id, id FROM store_person WHERE name_key IN ("
            + ", ".join(["%s"] * len(keys))
            + ")"
        )
        held, placed = self._people_rows(select, keys)
        for key in missing:
            if key[1] is None and len(placed.get(key[0], ())) == 1:
                held[key] = placed[key[0]][0]  # the one placed person of that name
        new = [(name[:200], *key) for key, name in missing.items() if key not in held]
        if new:
            # ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a concurrent loader
            # that made the person first wins, and its row is read back.
            self.cursor.executemany(
                "INSERT INTO store_person (name, name_key, jurisdiction_id) "
                "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                new,
            )
            held.update(self._people_rows(select, keys)[0])
        for key in missing:
            self.new_people[key] = held[key]

    def _people_rows(self, select: str, keys: list[str]) -> tuple[dict, dict]:
        held, placed = {}, {}
        for key, jurisdiction, pk in self.cursor.execute(select, keys).fetchall():
            held[(key, jurisdiction)] = pk
            if jurisdiction is not None:
                placed.setdefault(key, []).append(pk)
        return held, placed

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
