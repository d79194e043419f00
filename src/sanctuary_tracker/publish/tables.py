"""One writer for a table of rows: ``render`` gives the bytes of a format, ``write`` puts
them in a file (atomically: a temporary name in the same folder, then a rename, so a file
that exists is whole) or a binary stream.

- csv: a header row (always, even with no rows), then the columns of each row; lists
  and dicts as JSON text, dates in ISO form.
- json: the rows as one JSON array (``indent`` as ``json.dumps`` takes it).
- jsonl: one JSON object a line.
- parquet: typed columns (``publish.parquet``).
- geojson: a FeatureCollection, a Feature per row with the row as its properties and
  ``geometry(row)`` as its geometry (null without one).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, BinaryIO

from sanctuary_tracker.publish import formats, parquet
from sanctuary_tracker.publish.columns import Columns, cell, dumps, names

Rows = Sequence[Mapping[str, Any]]
Geometry = Callable[[Mapping[str, Any]], Mapping[str, Any] | None]


def render(
    rows: Rows,
    columns: Columns,
    fmt: str,
    *,
    geometry: Geometry | None = None,
    indent: int | None = None,
    compression: str = "snappy",
) -> bytes:
    """``rows`` in format ``fmt`` (one of ``formats.FORMATS``); ``compression`` is
    Parquet's."""
    formats.check(fmt)
    if fmt == "csv":
        return to_csv(rows, columns)
    if fmt == "parquet":
        return parquet.to_bytes(rows, columns, compression=compression)
    if fmt == "geojson":
        return to_geojson(rows, geometry)
    if fmt == "jsonl":
        return "".join(dumps(row) + "\n" for row in rows).encode("utf-8")
    return dumps(list(rows), indent).encode("utf-8")


def write(rows: Rows, columns: Columns, fmt: str, out: str | os.PathLike | BinaryIO, **options):
    """``render(rows, columns, fmt, **options)`` into ``out``: a path (written atomically)
    or a binary stream. Returns the number of bytes written."""
    body = render(rows, columns, fmt, **options)
    if isinstance(out, str | os.PathLike):
        write_atomically(body, os.fspath(out))
    else:
        out.write(body)
    return len(body)


def write_atomically(body: bytes, path: str) -> None:
    """``body`` into ``path`` under a temporary name first, then renamed into place."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def to_csv(rows: Rows, columns: Columns) -> bytes:
    """A header row (always, even with no rows), then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = names(columns)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(row.get(k)) for k in header])
    return buffer.getvalue().encode("utf-8")


def to_geojson(rows: Rows, geometry: Geometry | None = None) -> bytes:
    features = [
        {
            "type": "Feature",
            "geometry": geometry(row) if geometry else None,
            "properties": row,
        }
        for row in rows
    ]
    return dumps({"type": "FeatureCollection", "features": features}).encode("utf-8")
