"""Evidence part files: one per chunk, Parquet or JSON Lines, written atomically.

A part is written under a temporary name in the same folder and renamed into place, so
a part file that exists is whole: a crash or a stopped cluster leaves at most a stray
``.tmp`` file, which the next run overwrites.

Parquet parts hold one row per document: the fields people filter on as columns
(``source``, the document's metadata, the OCD ids of its jurisdictions and the codes of
its proposed observations) and the whole evidence record as JSON in ``record``, so
that reading it back gives exactly what ``sanctuary extract --format jsonl`` prints
(``evidence_files.iter_records``). JSON Lines parts are those lines themselves.
"""

from __future__ import annotations

import json
import os
from typing import Any

from sanctuary_tracker.extract.record import DOCUMENT_FIELDS as DOCUMENT_COLUMNS

FORMATS = ("parquet", "jsonl")
EVIDENCE_FOLDER = "evidence"


def part_name(chunk_id: str, fmt: str) -> str:
    """The part's path relative to the output folder."""
    return f"{EVIDENCE_FOLDER}/part-{chunk_id}.{fmt}"


def write_part(records: list[dict[str, Any]], path: str, fmt: str) -> None:
    """Write ``records`` to ``path`` atomically (temporary name, then rename)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        if fmt == "parquet":
            _write_parquet(records, temporary)
        elif fmt == "jsonl":
            with open(temporary, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        else:
            raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


def parquet_schema():
    import pyarrow as pa

    fields = [pa.field("source", pa.string(), nullable=False)]
    fields += [pa.field(name, pa.string()) for name in DOCUMENT_COLUMNS]
    fields += [
        pa.field("ocd_ids", pa.list_(pa.string())),
        pa.field("provisions", pa.list_(pa.string())),
        pa.field("record", pa.string(), nullable=False),
    ]
    return pa.schema(fields)


def _write_parquet(records: list[dict[str, Any]], path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list] = {name: [] for name in parquet_schema().names}
    for record in records:
        columns["source"].append(record["source"])
        document = record.get("document") or {}
        for name in DOCUMENT_COLUMNS:
            columns[name].append(document.get(name))
        columns["ocd_ids"].append(
            [j["ocd_id"] for j in record.get("jurisdictions", []) if j.get("ocd_id")]
        )
        columns["provisions"].append(
            sorted({o["provision"] for o in record.get("observations", []) if o.get("provision")})
        )
        columns["record"].append(json.dumps(record, ensure_ascii=False))
    table = pa.table(columns, schema=parquet_schema())
    pq.write_table(table, path, compression="zstd")
