"""Tables of rows as one SQLite file ready for Datasette, written by sqlite-utils: typed
columns (text, integer, float; bools as 0 and 1, dates in ISO form, lists, dicts and
mixed values as JSON text), a primary key per table and indexes on the columns people
filter on."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

from sanctuary_tracker.publish import columns as cols

# What each kind is declared as, and how its values are held.
_TYPES = {
    "text": str,
    "int": int,
    "float": float,
    "bool": int,
    "date": str,
    "datetime": str,
    "json": str,
    "texts": str,
}
INDEXED = ("state", "geoid", "definition", "label")
EMPTY = ("empty",)  # the one column of a table given neither rows nor columns


def _held(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "bool":
        return int(value)
    if kind in ("date", "datetime"):
        return cols.cell(value)
    if kind in ("json", "texts", "text"):
        return cols.text(value)
    return value


def write_database(
    path: str | os.PathLike,
    tables: Mapping[str, tuple[Sequence[Mapping[str, Any]], cols.Columns | None]],
    *,
    keys: Mapping[str, str] | None = None,
    indexed: Sequence[str] = INDEXED,
) -> dict[str, int]:
    """Each ``name: (rows, columns)`` of ``tables`` as a table of a new SQLite file at
    ``path`` (any file there is replaced); ``columns`` None takes the first row's keys.
    A table's primary key is ``keys[name]``, else its ``id`` column when it has one;
    every column named in ``indexed`` (other than the key) gets an index. Row counts."""
    import sqlite_utils

    keys = keys or {}
    if os.path.exists(path):
        os.remove(path)
    db = sqlite_utils.Database(path, execute_plugins=False)
    try:
        for name, (rows, columns) in tables.items():
            chosen = columns if columns is not None else list(rows[0]) if rows else EMPTY
            typed = cols.typed(chosen, rows)
            header = [c.name for c in typed]
            key = keys.get(name) or ("id" if "id" in header else None)
            table = db.table(name)
            table.create(
                {c.name: _TYPES[c.kind] for c in typed},
                pk=key,
                not_null=[c.name for c in typed if c.required],
            )
            table.insert_all(
                ({c.name: _held(c.kind, row.get(c.name)) for c in typed} for row in rows),
                batch_size=1000,
            )
            for column in indexed:
                if column in header and column != key:
                    table.create_index([column], index_name=f"{name}_{column}")
    finally:
        db.close()
    return {name: len(rows) for name, (rows, _) in tables.items()}
