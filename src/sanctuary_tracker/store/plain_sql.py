"""Plain SQL on the database driver's own cursor, as the loader writes: statements whose
placeholders are rewritten once, many rows a statement, PostgreSQL's pipeline mode."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

ROWS_PER_STATEMENT = 200  # well under both databases' limits on parameters a statement
_VALUES = re.compile(r"^(.*?\bVALUES\s*)(\([^()]*\))(.*)$", re.DOTALL)


class PlainSql:
    """Plain SQL on the driver's own cursor. SQLite: the connection's DB-API cursor
    (Django's wrapper rewrites every statement's placeholders on every call; this does
    it once per statement). PostgreSQL: a cursor whose parameters the server binds, in
    pipeline mode while a group is stored."""

    def __init__(self, connection):
        self.qmark = connection.vendor == "sqlite"
        self.ops = connection.ops
        self._statements: dict[str, str] = {}
        self._multirow: dict[tuple[str, int], str] = {}
        self._raw = connection.connection
        self.cursor = self._cursor()

    def _cursor(self):
        if self.qmark:
            return self._raw.cursor()
        import psycopg

        # Not Django's cursors, which quote every parameter into the text in Python:
        # psycopg adapts them in C, and the server parses each statement text once
        # (prepared after a few runs), not once a document.
        return psycopg.Cursor(self._raw)

    def pipeline(self):
        """PostgreSQL: statements are sent without waiting for each answer (the driver
        waits where a result is read, and at the end). SQLite: nothing to do."""
        if self.qmark:
            return contextlib.nullcontext()
        return self._raw.pipeline()

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

    def select(self, sql: str, params: list) -> list[tuple]:
        self.cursor.execute(self._sql(sql), params)
        return self.cursor.fetchall()

    def insert(self, sql: str, rows: list) -> None:
        """``INSERT ... VALUES (row)`` for many rows. SQLite: one prepared statement
        stepped for each row in C. PostgreSQL: multi-row VALUES statements (fewer
        statements for the server than one a row). Nothing at all for no rows."""
        if self.qmark:
            if rows:
                self.cursor.executemany(self._sql(sql), rows)
            return
        for statement, params in self._multirow_statements(sql, rows):
            self.cursor.execute(statement, params)

    def insert_returning(self, sql: str, rows: list) -> list[tuple]:
        """The same for an ``INSERT ... RETURNING``: the rows it returns, in no order.
        Each statement has a cursor of its own, read once all are sent (in a pipeline,
        one round trip)."""
        cursors = []
        for statement, params in self._multirow_statements(sql, rows):
            cursor = self._cursor()
            cursor.execute(statement, params)
            cursors.append(cursor)
        return [row for cursor in cursors for row in cursor.fetchall()]

    def _multirow_statements(self, sql: str, rows: list) -> Iterator[tuple[str, list]]:
        for chunk in self._chunks(rows):
            statement = self._multirow.get((sql, len(chunk)))
            if statement is None:
                head, row, tail = _VALUES.match(sql).groups()
                statement = self._sql(head + ", ".join([row] * len(chunk)) + tail)
                self._multirow[(sql, len(chunk))] = statement
            yield statement, [value for r in chunk for value in r]

    def _chunks(self, rows: list):
        """SQLite: up to 200 rows a statement. PostgreSQL: power-of-two row counts within
        the 50 parameters whose parsing psycopg caches, so that each table's few
        statement texts are parsed once a run, not once a document."""
        if self.qmark or not rows:
            for start in range(0, len(rows), ROWS_PER_STATEMENT):
                yield rows[start : start + ROWS_PER_STATEMENT]
            return
        most = 1 << max(0, (50 // len(rows[0])).bit_length() - 1)
        start = 0
        while start < len(rows):
            size = min(most, 1 << ((len(rows) - start).bit_length() - 1))
            yield rows[start : start + size]
            start += size
