"""Parquet with typed columns: ints, floats, bools, dates and datetimes as themselves,
strings as strings, a list of strings (kind ``texts``) as a list column, and a column of
lists, dicts or mixed values as JSON text. pyarrow is imported only when one is written."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sanctuary_tracker.publish import columns as cols


def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {
        "text": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "datetime": pa.timestamp("us"),
        "json": pa.string(),
        "texts": pa.list_(pa.string()),
    }


def _value(kind: str, name: str) -> Callable[[Any], Any]:
    """How one value of a column of ``kind`` is held in Parquet."""
    if kind in ("text", "json"):
        return cols.text
    if kind == "float":
        return lambda v: None if v is None else float(v)
    if kind == "date":
        return lambda v: cols.date(v, name)
    if kind == "datetime":
        return lambda v: _utc(cols.datetime(v, name))
    return lambda v: v


def _utc(value):
    """A datetime as Parquet holds it here: naive, in UTC when it had a zone."""
    import datetime as dt

    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def schema(columns: Sequence[cols.Column]):
    """The Arrow schema of typed ``columns`` (each with its kind)."""
    import pyarrow as pa

    types = _arrow_types()
    return pa.schema([pa.field(c.name, types[c.kind], nullable=not c.required) for c in columns])


def to_bytes(
    rows: Sequence[Mapping[str, Any]],
    columns: cols.Columns,
    *,
    compression: str = "snappy",
) -> bytes:
    """``rows`` as one Parquet file, the columns in order (an empty table keeps them)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    typed = cols.typed(columns, rows)
    data = {}
    for c in typed:
        held = _value(c.kind, c.name)
        data[c.name] = [held(row.get(c.name)) for row in rows]
    table = pa.table(data, schema=schema(typed))
    out = io.BytesIO()
    pq.write_table(table, out, compression=compression)
    return out.getvalue()
