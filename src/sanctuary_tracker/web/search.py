"""Full-text search over documents, quotes and people: an FTS5 table on SQLite, a tsvector
column with a GIN index on PostgreSQL, queried through ``search()`` alike. The last word
asked for matches as a word or the start of one ("Chel" finds Chelsea); a person is found
by name and by the jurisdiction they are tied to. The index is kept up to date
incrementally when the store's data has changed (rows are never deleted from the store; an
index ahead of the store is rebuilt)."""

from __future__ import annotations

import re
import threading
from html import escape
from typing import Any

from django.db import connection, transaction

START, STOP = "\x02", "\x03"  # snippet markers, replaced by <mark> after escaping
_LOCK = threading.Lock()
_WORD = re.compile(r"\w+", re.UNICODE)
TABLE = "web_search"

_SOURCES = {
    "document": (
        "SELECT id, COALESCE(title, ''), body FROM store_document "
        "WHERE copy_of_id IS NULL AND id > %s ORDER BY id"
    ),
    "quote": (
        "SELECT q.id, COALESCE(q.speaker_name, ''), q.text FROM store_quote q "
        "WHERE q.id > %s ORDER BY q.id"
    ),
    # A person by name, and by the jurisdiction they are tied to ("…, Chelsea, MA").
    "person": (
        "SELECT p.id, p.name, p.name || COALESCE(', ' || j.name || ', ' || j.state, '') "
        "FROM store_person p LEFT JOIN store_jurisdiction j ON j.id = p.jurisdiction_id "
        "WHERE p.id > %s ORDER BY p.id"
    ),
}
_TABLES = {"document": "store_document", "quote": "store_quote", "person": "store_person"}
_URLS = {"document": "/document/{}/", "quote": "/quote/{}/", "person": "/person/{}/"}
_REFRESHED: dict = {"version": None}  # the store's data version this process indexed


def _create() -> None:
    with connection.cursor() as c:
        if connection.vendor == "sqlite":
            c.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                "kind UNINDEXED, ref UNINDEXED, title, body, tokenize='porter unicode61')"
            )
        else:
            c.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (kind text NOT NULL, ref bigint NOT NULL, "
                "title text NOT NULL, body text NOT NULL, tsv tsvector NOT NULL, "
                "PRIMARY KEY (kind, ref))"
            )
            c.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_tsv ON {TABLE} USING GIN (tsv)")


def _indexed_up_to(c, kind: str) -> int:
    c.execute(f"SELECT MAX(CAST(ref AS INTEGER)) FROM {TABLE} WHERE kind = %s", [kind])
    return c.fetchone()[0] or 0


def refresh(*, when_changed: bool = False) -> int:
    """Index what was added since the last refresh; rebuild if the store was emptied.
    With ``when_changed``, only when the store's data changed since this process last
    looked (``classification.data_version``). The number of rows added."""
    from sanctuary_tracker.web.classification import data_version

    version = data_version()
    if when_changed and _REFRESHED["version"] == version:
        return 0
    added = 0
    with _LOCK, transaction.atomic():
        _create()
        with connection.cursor() as c:
            for kind, sql in _SOURCES.items():
                c.execute(f"SELECT MAX(id) FROM {_TABLES[kind]}")
                newest = c.fetchone()[0] or 0
                done = _indexed_up_to(c, kind)
                if done > newest:  # the store was emptied and reloaded: start again
                    c.execute(f"DELETE FROM {TABLE} WHERE kind = %s", [kind])
                    done = 0
                c.execute(sql, [done])
                rows = c.fetchall()
                if connection.vendor == "sqlite":
                    c.executemany(
                        f"INSERT INTO {TABLE} (kind, ref, title, body) VALUES (%s, %s, %s, %s)",
                        [(kind, pk, title, body) for pk, title, body in rows],
                    )
                else:
                    c.executemany(
                        f"INSERT INTO {TABLE} (kind, ref, title, body, tsv) VALUES "
                        "(%s, %s, %s, %s, setweight(to_tsvector('english', %s), 'A') || "
                        "to_tsvector('english', %s)) ON CONFLICT DO NOTHING",
                        [(kind, pk, title, body, title, body) for pk, title, body in rows],
                    )
                added += len(rows)
    _REFRESHED["version"] = version
    return added


def _fts5_query(text: str) -> str:
    """Every word of the user's text as a quoted FTS5 term, the last one a prefix as it is
    being typed: ``"chel"*`` matches Chelsea (quoted, so no operator gets through)."""
    words = ['"' + w.replace('"', '""') + '"' for w in _WORD.findall(text)]
    return " ".join(words) + "*" if words else ""


def _tsquery(text: str) -> str:
    """The same for PostgreSQL's to_tsquery: every word required, the last a prefix
    (``chel:*``). Words are letters, digits and _ only: no tsquery syntax gets through."""
    return " & ".join(_WORD.findall(text)) + ":*" if _WORD.search(text) else ""


def _marked(snippet: str) -> str:
    """Escape a snippet, then turn the markers into <mark> (the only markup it gets)."""
    return escape(snippet).replace(START, "<mark>").replace(STOP, "</mark>")


def search(text: str, *, page: int = 1, per_page: int = 20) -> tuple[list[dict[str, Any]], int]:
    """Documents, quotes and people matching ``text``, best first: kind, id, title,
    snippet (escaped HTML with <mark>), and the page it is on. Also the total."""
    refresh(when_changed=True)
    offset = (page - 1) * per_page
    if connection.vendor == "sqlite":
        query = _fts5_query(text)
        if not query:
            return [], 0
        sql_count = f"SELECT COUNT(*) FROM {TABLE} WHERE {TABLE} MATCH %s"
        sql = (
            f"SELECT kind, ref, title, snippet({TABLE}, 3, %s, %s, '…', 16) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s ORDER BY rank LIMIT %s OFFSET %s"
        )
        args = [START, STOP, query, per_page, offset]
        count_args = [query]
    else:
        query = _tsquery(text)
        if not query:
            return [], 0
        where = "tsv @@ to_tsquery('english', %s)"
        sql_count = f"SELECT COUNT(*) FROM {TABLE} WHERE {where}"
        sql = (
            f"SELECT kind, ref, title, ts_headline('english', body, "
            f"to_tsquery('english', %s), %s) FROM {TABLE} WHERE {where} "
            f"ORDER BY ts_rank(tsv, to_tsquery('english', %s)) DESC, kind, ref "
            "LIMIT %s OFFSET %s"
        )
        options = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12"
        args = [query, options, query, query, per_page, offset]
        count_args = [query]
    with connection.cursor() as c:
        c.execute(sql_count, count_args)
        total = c.fetchone()[0]
        c.execute(sql, args)
        rows = c.fetchall()
    hits = []
    for kind, ref, title, snippet in rows:
        ref = int(ref)
        hits.append(
            {
                "kind": kind,
                "id": ref,
                "title": title,
                "snippet_html": _marked(snippet),
                "url": _URLS[kind].format(ref),
            }
        )
    return hits, total
