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

from sanctuary_tracker.extract.stage import DOCUMENT_FIELDS as DOCUMENT_COLUMNS
from sanctuary_tracker.publish import formats, tables
from sanctuary_tracker.publish.columns import Column

FORMATS = ("parquet", "jsonl")
EVIDENCE_FOLDER = "evidence"


def part_name(chunk_id: str, fmt: str) -> str:
    """The part's path relative to the output folder."""
    return f"{EVIDENCE_FOLDER}/part-{chunk_id}.{fmt}"


def write_part(records: list[dict[str, Any]], path: str, fmt: str) -> None:
    """Write ``records`` to ``path`` atomically (temporary name, then rename)."""
    formats.check(fmt, FORMATS)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if fmt == "parquet":
        rows = [_parquet_row(record) for record in records]
        tables.write(rows, PARQUET_COLUMNS, fmt, path, compression="zstd")
    else:
        tables.write(records, (), fmt, path)


# The Parquet part's columns: the source, the document's metadata, the OCD ids of its
# jurisdictions and the codes of its proposed observations, and the whole record as JSON.
PARQUET_COLUMNS = (
    Column("source", "text", required=True),
    *(Column(name, "text") for name in DOCUMENT_COLUMNS),
    Column("ocd_ids", "texts"),
    Column("provisions", "texts"),
    Column("record", "text", required=True),
)


def _parquet_row(record: dict[str, Any]) -> dict[str, Any]:
    document = record.get("document") or {}
    return {
        "source": record["source"],
        **{name: document.get(name) for name in DOCUMENT_COLUMNS},
        "ocd_ids": [j["ocd_id"] for j in record.get("jurisdictions", []) if j.get("ocd_id")],
        "provisions": sorted(
            {o["provision"] for o in record.get("observations", []) if o.get("provision")}
        ),
        "record": json.dumps(record, ensure_ascii=False),
    }
