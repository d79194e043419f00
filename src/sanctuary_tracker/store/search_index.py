"""Full-text search over documents, quotes and people: the ``store_search`` table (made
by migration 0006), an FTS5 table on SQLite, a tsvector column with a GIN index on
PostgreSQL, queried through ``search()`` alike. The store keeps it current in the
transaction that writes what it indexes (``reindex``: the loader, for a document stored
or updated in place with its quotes and new people; ``init`` for the people of a renamed
jurisdiction); a read never writes it. The last word asked for matches as a word or the
start of one ("Chel" finds Chelsea); a person is found by name and by the jurisdiction
they are tied to."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

START, STOP = "\x02", "\x03"  # snippet markers (the web turns them into <mark>)
TABLE = "store_search"
KINDS = ("document", "quote", "person")
# SQLite: a row's rowid is its kind's place in KINDS times this, plus its id, so that hits
# of equal rank come documents, quotes, people, each by id, and a row is found by rowid.
_ROWID_STEP = 1 << 40
_IDS_PER_STATEMENT = 200
_WORD = re.compile(r"\w+", re.UNICODE)
# Each kind's (id, title, body) rows, and the columns its rows can be picked by.
_SOURCES = {
    "document": (
        "SELECT d.id, COALESCE(d.title, '') AS title, d.body FROM store_document d "
        "WHERE d.copy_of_id IS NULL AND {}",
        {"id": "d.id"},
    ),
    "quote": (
        "SELECT q.id, COALESCE(q.speaker_name, '') AS title, q.text AS body "
        "FROM store_quote q WHERE {}",
        {"id": "q.id", "document": "q.document_id"},
    ),
    # A person by name, and by the jurisdiction they are tied to ("…, Chelsea, MA").
    "person": (
        "SELECT p.id, p.name AS title, "
        "p.name || COALESCE(', ' || j.name || ', ' || j.state, '') AS body "
        "FROM store_person p LEFT JOIN store_jurisdiction j ON j.id = p.jurisdiction_id "
        "WHERE {}",
        {"id": "p.id", "jurisdiction": "p.jurisdiction_id"},
    ),
}
Execute = Callable[[str, Sequence[Any]], Any]


def create_statements(vendor: str) -> list[str]:
    """The statements that make the table (migration 0006)."""
    if vendor == "sqlite":
        return [
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(kind UNINDEXED, ref UNINDEXED, "
            "title, body, tokenize='porter unicode61')"
        ]
    return [
        f"CREATE TABLE {TABLE} (kind text NOT NULL, ref bigint NOT NULL, title text NOT NULL, "
        "body text NOT NULL, tsv tsvector NOT NULL, PRIMARY KEY (kind, ref))",
        f"CREATE INDEX {TABLE}_tsv ON {TABLE} USING GIN (tsv)",
    ]


def reindex(execute: Execute, vendor: str, kind: str, by: str, ids: Sequence[int]) -> None:
    """(Re)index the rows of ``kind`` whose ``by`` column (see ``_SOURCES``) is one of
    ``ids``, in the caller's transaction; ``execute(sql, params)`` takes %s placeholders."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = ids[start : start + _IDS_PER_STATEMENT]
        _index(execute, vendor, kind, f"{_SOURCES[kind][1][by]} IN ({_marks(len(chunk))})", chunk)


def reindex_all(execute: Execute, vendor: str) -> None:
    """Index every row of the store (the migration that makes the table)."""
    for kind in KINDS:
        _index(execute, vendor, kind, "1 = 1", [])


def _marks(n: int) -> str:
    return ", ".join(["%s"] * n)


def _index(execute: Execute, vendor: str, kind: str, where: str, params: list) -> None:
    select = _SOURCES[kind][0].format(where)
    if vendor == "sqlite":
        base = KINDS.index(kind) * _ROWID_STEP
        execute(
            f"DELETE FROM {TABLE} WHERE rowid IN (SELECT {base} + s.id FROM ({select}) AS s)",
            params,
        )
        execute(
            f"INSERT INTO {TABLE} (rowid, kind, ref, title, body) "
            f"SELECT {base} + s.id, '{kind}', s.id, s.title, s.body FROM ({select}) AS s",
            params,
        )
        return
    execute(
        f"INSERT INTO {TABLE} (kind, ref, title, body, tsv) "
        f"SELECT '{kind}', s.id, s.title, s.body, setweight(to_tsvector('english', s.title), "
        f"'A') || to_tsvector('english', s.body) FROM ({select}) AS s "
        "ON CONFLICT (kind, ref) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, "
        "tsv = EXCLUDED.tsv",
        params,
    )


def _fts5_query(text: str) -> str:
    """Every word of the user's text as a quoted FTS5 term, the last one a prefix as it is
    being typed: ``"chel"*`` matches Chelsea (quoted, so no operator gets through)."""
    words = ['"' + w.replace('"', '""') + '"' for w in _WORD.findall(text)]
    return " ".join(words) + "*" if words else ""


def _tsquery(text: str) -> str:
    """The same for PostgreSQL's to_tsquery: every word required, the last a prefix
    (``chel:*``). Words are letters, digits and _ only: no tsquery syntax gets through."""
    return " & ".join(_WORD.findall(text)) + ":*" if _WORD.search(text) else ""


def search(text: str, *, page: int = 1, per_page: int = 20) -> tuple[list[tuple], int]:
    """Documents, quotes and people matching ``text``, best first, as (kind, id, title,
    snippet) with the matched words between ``START`` and ``STOP``; and their total."""
    from django.db import connection

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
    with connection.cursor() as c:
        c.execute(sql_count, [query])
        total = c.fetchone()[0]
        c.execute(sql, args)
        rows = [(kind, int(ref), title, snippet) for kind, ref, title, snippet in c.fetchall()]
    return rows, total
