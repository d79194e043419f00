"""Loading evidence records into the store, each document all or nothing.

Idempotent by (source, content hash): the same record again changes nothing; changed
metadata updates the row; a changed text becomes a new version of the source. A text
already held from another source (a syndicated copy) is stored as a copy linked to the
original, without evidence of its own. The hot path is plain portable SQL: the
documents of a group (one, or up to ``group`` sharing a commit) are looked up in one
statement and their rows written with one multi-row or batched ``INSERT`` per table, so
that loading is not the bottleneck of a run; the models in ``store.models`` define the
tables. A group that writes anything also (re)indexes its documents, their quotes and
its new people for search (``store.search_index``) and raises the store's data version
(``store.state``), in its own transaction."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from sanctuary_tracker.document import Document
from sanctuary_tracker.store import search_index, state
from sanctuary_tracker.store.lookups import Lookups
from sanctuary_tracker.store.people import name_key
from sanctuary_tracker.store.plain_sql import ROWS_PER_STATEMENT, PlainSql

META = ("title", "published", "publisher", "original_publisher", "byline", "language", "url")
OUTCOMES = ("inserted", "updated", "unchanged")
_RETRIES = 3
_DOCUMENTS_PER_LOOKUP = 400  # sources and hashes of a group looked up in one statement
_HELD_COLUMNS = (
    "{d}id, {d}source, {d}content_hash, {d}copy_of_id, {d}title, {d}published, {d}publisher, "
    "{d}original_publisher, {d}byline, {d}language, {d}url, "
    "CASE WHEN {d}body = '' THEN 0 ELSE 1 END"
)
# The versions held of the sources, then the originals held of the texts. The texts are
# a VALUES list joined to the table (CROSS JOIN: SQLite looks each one up in the
# one_original index; with an IN list, lacking statistics, it walks every original).
_HELD = (
    f"SELECT {_HELD_COLUMNS.format(d='')} FROM store_document WHERE source IN ({{}}) "
    f"UNION ALL SELECT {_HELD_COLUMNS.format(d='d.')} "
    "FROM (VALUES {}) AS wanted CROSS JOIN store_document AS d "
    "WHERE d.content_hash = wanted.column1 AND d.copy_of_id IS NULL"
)
_INSERT_DOCUMENT = (
    "INSERT INTO store_document (source, content_hash, copy_of_id, "
    + ", ".join(META)
    + ", media_type, fetched_at, body, captions, minhash, loaded_at) VALUES ("
    + ", ".join(["%s"] * (len(META) + 9))
    + ") RETURNING id, source, content_hash"
)
_INSERT_SPAN = (
    "INSERT INTO store_span (document_id, ordinal, field, span_start, span_end) "
    "VALUES (%s, %s, %s, %s, %s) RETURNING id, document_id, ordinal"
)
_INSERT_MENTION = (
    "INSERT INTO store_mention (document_id, jurisdiction_id, span_id, text, confidence, "
    "reason) VALUES (%s, %s, %s, %s, %s, %s)"
)
_INSERT_ROLE = (
    "INSERT INTO store_role (person_id, title, of_name, jurisdiction_id, document_id, "
    "span_id) VALUES (%s, %s, %s, %s, %s, %s)"
)
_INSERT_QUOTE = (
    "INSERT INTO store_quote (document_id, span_id, speaker_id, speaker_name, text, "
    "direct) VALUES (%s, %s, %s, %s, %s, %s)"
)
_INSERT_AMOUNT = (
    "INSERT INTO store_amount (document_id, span_id, text, value, currency, refers_to, "
    "jurisdiction_id) VALUES (%s, %s, %s, %s, %s, %s, %s)"
)
_INSERT_LISTING = (
    "INSERT INTO store_listing (document_id, span_id, list_id, list_name, "
    "jurisdiction_id, cue) VALUES (%s, %s, %s, %s, %s, %s)"
)
_INSERT_OBSERVATION = (
    "INSERT INTO store_observation (jurisdiction_id, provision_id, value, "
    "effective_from, citation, document_id, span_id, origin, status, negated, hedged, "
    "cue, rule, created_at, review_reason) VALUES "
    "(%s, %s, %s, %s, '', %s, %s, 'extracted', 'proposed', %s, %s, %s, %s, %s, '')"
)
_INSERT_AUDIT = (
    'INSERT INTO store_auditlog (at, user_id, action, "table", object_id, before, '
    "after, reason) VALUES (%s, %s, %s, 'store_document', %s, %s, %s, '')"
)
# The evidence tables in the order their rows are written (children of spans and people).
_EVIDENCE = (_INSERT_MENTION, _INSERT_ROLE, _INSERT_QUOTE, _INSERT_AMOUNT, _INSERT_LISTING)


class Loader:
    """Loads records, each document all or nothing, and counts what it did.

    ``group`` documents share a transaction (1: a transaction per document), stored
    together when the group is full or at ``close``: a failure or a kill loses at most
    the uncommitted group, never part of a document, and running the load again
    completes it. Grouping only pays on SQLite, where a commit writes every index page
    a document touched; ``load_files`` groups there only."""

    def __init__(
        self,
        *,
        user,
        group: int = 1,
        lookups: Lookups | None = None,
        on_document: Callable[[], None] = lambda: None,
    ):
        from django.db import connection

        connection.ensure_connection()
        self.user, self.group, self.on_document = user, max(1, group), on_document
        self.lookups = lookups or Lookups.load()
        self.counts: Counter[str] = Counter()
        self.sql = PlainSql(connection)
        if connection.vendor == "postgresql":
            # A commit need not wait for its WAL flush: a killed loader keeps every
            # commit, and a server crash can lose only the last moments of them, never
            # part of a document; ingest and load are idempotent, so a rerun restores
            # them. Without this, each document waits for a disk flush.
            self.sql.execute("SET synchronous_commit TO off")
        self._people: dict[tuple[str, int | None], int] = {}
        self._pending: list[tuple[dict[str, Any], Document | None]] = []
        self.failures: list[str] = []  # documents the database refused, one line each

    def load(self, record: dict[str, Any], document: Document | None = None) -> None:
        """Store one checked record (and the document's text, when given) with its
        group: at once when the group is one document, else when the group is full."""
        self._pending.append((record, document))
        if len(self._pending) >= self.group:
            self._store_group()

    def _refuse(self, record: dict[str, Any], exc: Exception) -> None:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        self.failures.append(f"{record.get('source', 'a document')}: not stored: {reason}")
        self.counts["failed"] += 1
        self.on_document()

    def close(self, failed: bool = False) -> None:
        """Store the documents of the last group (drop them when ``failed``)."""
        if failed:
            self._pending = []
        else:
            self._store_group()

    def _store_group(self) -> None:
        group, self._pending = self._pending, []
        if group:
            self._store(group)

    def _store(self, group: list[tuple[dict[str, Any], Document | None]]) -> None:
        from django.db import DataError, IntegrityError, connection, transaction

        # Statements on the driver's own cursor raise the driver's errors, not Django's:
        # a race lost to another loader is either, and so is a value the database refuses.
        lost_race = (IntegrityError, connection.Database.IntegrityError)
        refused = (DataError, connection.Database.DataError)
        for attempt in range(_RETRIES):
            work = _GroupLoad(self, group)
            try:
                with transaction.atomic(), self.sql.pipeline():
                    work.run()
                break
            except lost_race:
                # Another process stored one of these documents (or a person) first; the
                # whole group was rolled back, so look again.
                if attempt == _RETRIES - 1:
                    raise
            except refused as exc:
                # A value this database will not hold (the checks before loading catch the
                # known ones): the group was rolled back; store its documents one by one,
                # and report the one refused instead of ending the run.
                if len(group) > 1:
                    for item in group:
                        self._store([item])
                else:
                    self._refuse(group[0][0], exc)
                return
        self._people.update(work.people.new)
        self.counts.update(work.counts)
        for _ in group:
            self.on_document()


def _parts(group: list[tuple[dict, Any]]) -> Iterator[list[tuple[dict, Any]]]:
    """The group in order, cut where a record's source or text was already met in the
    part (each part is looked up at once, so it must not depend on itself) and at
    ``_DOCUMENTS_PER_LOOKUP`` documents."""
    part: list[tuple[dict, Any]] = []
    seen: set[tuple[int, str]] = set()
    for item in group:
        keys = ((0, item[0]["source"]), (1, item[0]["document"]["content_hash"]))
        if len(part) >= _DOCUMENTS_PER_LOOKUP or keys[0] in seen or keys[1] in seen:
            yield part
            part, seen = [], set()
        part.append(item)
        seen.update(keys)
    if part:
        yield part


class _GroupLoad:
    """The work of one group's transaction (counts and people kept until it commits)."""

    def __init__(self, loader: Loader, group: list[tuple[dict, Document | None]]):
        from django.utils import timezone

        self.loader, self.group = loader, group
        self.sql = loader.sql
        self.ops = loader.sql.ops
        self.now = self.ops.adapt_datetimefield_value(timezone.now())
        self.user_id = loader.user.pk if loader.user else None
        self.counts: Counter[str] = Counter()
        self.people = _People(self.sql, loader._people)
        self.audit: list[tuple] = []
        self.written: list[int] = []  # documents stored or updated, to (re)index

    def run(self) -> None:
        for part in _parts(self.group):
            self._part(part)
        self.sql.insert(_INSERT_AUDIT, self.audit)
        if self.written or self.people.made:
            # What search and the pages read changed: the index and the data version, in
            # this transaction (last, so that a concurrent loader waits on the version's
            # row only while this one commits).
            vendor = "sqlite" if self.sql.qmark else "postgresql"
            for kind, by in (("document", "id"), ("quote", "document")):
                search_index.reindex(self.sql.execute, vendor, kind, by, self.written)
            search_index.reindex(self.sql.execute, vendor, "person", "id", self.people.made)
            self.sql.execute(state.CHANGED)

    def _part(self, part: list[tuple[dict, Document | None]]) -> None:
        sources = [record["source"] for record, _ in part]
        hashes = [record["document"]["content_hash"] for record, _ in part]
        marks = ", ".join(["%s"] * len(part))
        rows = ", ".join(["(%s)"] * len(part))
        by_source: dict[str, dict[int, tuple]] = {}
        originals: dict[str, int] = {}
        # One look for both questions: is this source held (this text or another), and
        # is this text held as an original from any source?
        for row in self.sql.select(_HELD.format(marks, rows), sources + hashes):
            by_source.setdefault(row[1], {})[row[0]] = row
            if row[3] is None:
                originals[row[2]] = row[0]
        new: list[tuple[dict, Document | None, str, int | None]] = []
        for record, document in part:
            held_versions = by_source.get(record["source"], {}).values()
            content_hash = record["document"]["content_hash"]
            held = next((r for r in held_versions if r[2] == content_hash), None)
            if held:
                self.counts[self._refresh(record, document, held[:1] + held[4:])] += 1
                continue
            outcome = "updated" if held_versions else "inserted"
            new.append((record, document, outcome, originals.get(content_hash)))
        if not new:
            return
        returned = self.sql.insert_returning(
            _INSERT_DOCUMENT,
            [self._document_row(record, d, original) for record, d, _, original in new],
        )
        ids = {(source, content_hash): pk for pk, source, content_hash in returned}
        evidence = []
        for record, _, outcome, original in new:
            doc_id = ids[(record["source"], record["document"]["content_hash"])]
            self.written.append(doc_id)
            self.counts[outcome] += 1
            self.counts["linked"] += original is not None
            self._audit(
                "document.insert", doc_id, {"source": record["source"], "copy_of": original}
            )
            if original is None:
                evidence.append(_Evidence(self.loader.lookups, record, doc_id))
        self._insert_evidence(evidence)

    def _insert_evidence(self, evidence: list[_Evidence]) -> None:
        spans = [span for e in evidence for span in e.spans]
        span_ids = {e.doc_id: [0] * len(e.spans) for e in evidence}
        for pk, doc_id, ordinal in self.sql.insert_returning(_INSERT_SPAN, spans):
            span_ids[doc_id][ordinal] = pk
        self.people.prefetch(e.people_named() for e in evidence)
        tables: tuple[list, ...] = tuple([] for _ in _EVIDENCE)
        observations: list[tuple] = []
        for e in evidence:
            self.people.find(e.people_named())
            e.rows(span_ids[e.doc_id], self.people, tables, observations, self)
        for sql, rows in zip(_EVIDENCE, tables, strict=True):
            self.sql.insert(sql, rows)
        self.sql.insert(_INSERT_OBSERVATION, observations)

    def _meta(self, record: dict) -> list:
        document = record["document"]
        values = [document.get(name) for name in META]
        values[1] = self.ops.adapt_datefield_value(values[1]) if values[1] else None
        return values

    def _document_row(self, record: dict, d: Document | None, copy_of: int | None) -> list:
        document = record["document"]
        return [
            record["source"],
            document["content_hash"],
            copy_of,
            *self._meta(record),
            d.media_type if d else document.get("media_type") or "",
            d.fetched_at if d else document.get("fetched_at"),
            d.body if d else "",
            json.dumps(d.captions, ensure_ascii=False) if d else "[]",
            " ".join(map(str, d.minhash)) if d else "",
            self.now,
        ]

    def _refresh(self, record: dict, document: Document | None, held: tuple) -> str:
        """Unchanged, or updated in place when metadata (or missing text) differs."""
        held_meta = [str(v) if v is not None else None for v in held[1:8]]
        params = self._meta(record)
        wanted = [str(v) if v is not None else None for v in params]
        body = document.body if document else ""
        if held_meta == wanted and (held[8] or not body):  # held[8]: it has its text
            return "unchanged"
        columns = ", ".join(f"{name} = %s" for name in META)
        if body and not held[8]:
            columns += ", body = %s"
            params.append(body)
        self.sql.execute(f"UPDATE store_document SET {columns} WHERE id = %s", [*params, held[0]])
        self.written.append(held[0])
        self._audit(
            "document.update",
            held[0],
            dict(zip(META, wanted, strict=True)),
            before=dict(zip(META, held_meta, strict=True)),
        )
        return "updated"

    def money(self, value):
        return None if value is None else self.ops.adapt_decimalfield_value(value, 20, 2)

    def date(self, value):
        return self.ops.adapt_datefield_value(value) if value else None

    def _audit(self, action: str, object_id: int, after: dict, before: dict | None = None):
        self.audit.append(
            (
                self.now,
                self.user_id,
                action,
                object_id,
                None if before is None else json.dumps(before, sort_keys=True),
                json.dumps(after, sort_keys=True, default=str),
            )
        )


class _Evidence:
    """One new original document's evidence: its spans, then its rows for each table."""

    def __init__(self, lookups: Lookups, record: dict[str, Any], doc_id: int):
        self.lookups, self.record, self.doc_id = lookups, record, doc_id
        spans: list[tuple] = []
        self.spans = spans

        def span(s: dict) -> int:
            spans.append((doc_id, len(spans), s["field"], s["start"], s["end"]))
            return len(spans) - 1

        by_ocd_id = lookups.by_ocd_id
        self.mentions = [
            (by_ocd_id[j["ocd_id"]], span(m), m["text"], m["confidence"], m.get("reason"))
            for j in record["jurisdictions"]
            for m in j["mentions"]
        ]
        self.people = [(p, span(p["span"])) for p in record["people"]]
        self.quotes = [(q, span(q["span"])) for q in record["quotes"]]
        self.amounts = [(a, span(a["span"])) for a in record["amounts"]]
        self.listings = [(item, span(item["span"])) for item in record["lists"]]
        self.observations = [(o, span(o["span"])) for o in record["observations"]]
        self._in_record: dict[str, int] | None = None
        self._placed: list[int | None] | None = None

    def in_record(self) -> dict[str, int]:
        """The record's jurisdictions by the "Name, ST" (or state name) that names them."""
        if self._in_record is None:
            by_ocd_id = self.lookups.by_ocd_id
            self._in_record = {
                (j.get("name") if j.get("kind") in ("state", "district", "territory") else None)
                or f"{j.get('name')}, {j.get('state')}": by_ocd_id[j["ocd_id"]]
                for j in self.record["jurisdictions"]
            }
        return self._in_record

    def placed(self) -> list[int | None]:
        """The jurisdiction each person's title is held for, when the text names it."""
        if self._placed is None:
            self._placed = [
                self.lookups.named(p.get("of"), self.in_record()) for p, _ in self.people
            ]
        return self._placed

    def people_named(self) -> list[tuple[str, int | None]]:
        """Every (name, jurisdiction) mention of a person: people, then other speakers."""
        named = {p["name"] for p, _ in self.people} | {None}
        return [(p["name"], j) for (p, _), j in zip(self.people, self.placed(), strict=True)] + [
            (q["speaker"], None) for q, _ in self.quotes if q.get("speaker") not in named
        ]

    def rows(self, ids: list[int], people: _People, tables: tuple, observations: list, load):
        """Append this document's rows to ``tables`` (in ``_EVIDENCE`` order)."""
        doc_id, lookups = self.doc_id, self.lookups
        mentions, roles, quotes, amounts, listings = tables
        mentions += [
            (doc_id, j, ids[s], text, conf, reason or "")
            for j, s, text, conf, reason in self.mentions
        ]
        speakers: dict[str, int] = {}
        for (p, s), jurisdiction in zip(self.people, self.placed(), strict=True):
            person = people.person(p["name"], jurisdiction)
            speakers.setdefault(p["name"], person)
            roles.append((person, p.get("title"), p.get("of"), jurisdiction, doc_id, ids[s]))
        for q, s in self.quotes:
            name = q.get("speaker")
            speaker = (speakers.get(name) or people.person(name, None)) if name else None
            quotes.append((doc_id, ids[s], speaker, name, q["text"], q["direct"]))
        amounts += [
            (
                doc_id,
                ids[s],
                a["text"],
                load.money(a.get("value")),
                a.get("currency") or "USD",
                a.get("refers_to"),
                lookups.named(a.get("jurisdiction"), self.in_record()),
            )
            for a, s in self.amounts
        ]
        listings += [
            (
                doc_id,
                ids[s],
                item.get("list_id"),
                item["list"],
                lookups.by_ocd_id[m["ocd_id"]],
                item.get("cue"),
            )
            for item, s in self.listings
            for m in item["members"]
        ]
        observations += [
            (
                lookups.by_geoid.get(o["geoid"]) if o.get("geoid") else None,
                lookups.provisions[o["provision"]],
                json.dumps(o["value"]),
                load.date(o.get("date")),
                doc_id,
                ids[s],
                bool(o.get("negated")),
                bool(o.get("hedged")),
                o.get("cue") or "",
                o.get("rule") or "",
                load.now,
            )
            for o, s in self.observations
        ]


def _key(name: str, jurisdiction: int | None) -> tuple[str, int | None]:
    return (name_key(name) or name.casefold()[:200], jurisdiction)


class _People:
    """Finds or makes the Person of every mention of a group's documents, document by
    document in order, by the merge rule of ``store.people``: the people held under the
    group's names are read in one statement, and only people not held yet are made."""

    _SELECT = "SELECT name_key, jurisdiction_id, id FROM store_person WHERE name_key IN ({})"

    def __init__(self, sql: PlainSql, known: dict[tuple[str, int | None], int]):
        self.sql, self.known = sql, known  # known: people of committed groups
        self.new: dict[tuple[str, int | None], int] = {}  # found or made in this group
        self.made: list[int] = []  # people this group made
        self._held: dict[str, dict[int | None, int]] = {}  # name key -> jurisdiction -> id

    def prefetch(self, documents) -> None:
        """Read the held people of every name the documents mention and not known yet."""
        wanted = {
            key[0]
            for mentions in documents
            for key in (_key(name, jurisdiction) for name, jurisdiction in mentions)
            if key not in self.known and key not in self.new
        }
        self._read(sorted(wanted - self._held.keys()))

    def _read(self, names: list[str]) -> None:
        for start in range(0, len(names), ROWS_PER_STATEMENT):
            chunk = names[start : start + ROWS_PER_STATEMENT]
            for name in chunk:
                self._held.setdefault(name, {})
            marks = ", ".join(["%s"] * len(chunk))
            for key, jurisdiction, pk in self.sql.select(self._SELECT.format(marks), chunk):
                self._held[key][jurisdiction] = pk

    def find(self, mentions: list[tuple[str, int | None]]) -> None:
        """Find or make the Person of every (name, jurisdiction) mention of a document."""
        missing: dict[tuple[str, int | None], str] = {}
        for name, jurisdiction in mentions:
            key = _key(name, jurisdiction)
            if key not in self.known and key not in self.new:
                missing.setdefault(key, name)
        if not missing:
            return
        self._read(sorted({key[0] for key in missing} - self._held.keys()))
        found = {key: self._match(key) for key in missing}
        make = [(name[:200], *key) for key, name in missing.items() if found[key] is None]
        if make:
            # ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a concurrent loader
            # that made the person first wins, and its row is read back.
            self.sql.insert(
                "INSERT INTO store_person (name, name_key, jurisdiction_id) "
                "VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                make,
            )
            self._read(sorted({key for _, key, _ in make}))
            self.made += [self._held[key][j] for _, key, j in make]
        for key in missing:
            self.new[key] = found[key] or self._held[key[0]][key[1]]

    def _match(self, key: tuple[str, int | None]) -> int | None:
        """The held person of a mention: a mention with no jurisdiction joins the one
        placed person of that name, when there is exactly one."""
        held = self._held[key[0]]
        if key[1] is None:
            placed = [pk for jurisdiction, pk in held.items() if jurisdiction is not None]
            if len(placed) == 1:
                return placed[0]
        return held.get(key[1])

    def person(self, name: str, jurisdiction: int | None) -> int:
        """The Person of a mention (found by ``find`` beforehand)."""
        key = _key(name, jurisdiction)
        return self.known.get(key) or self.new[key]
