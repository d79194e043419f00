"""Reading a batch run's evidence back: the records ``sanctuary extract --format jsonl`` prints.

``iter_records(path)`` takes a part file (``.parquet`` or ``.jsonl``), a batch output
folder or its ``evidence`` folder, and yields each evidence record as a dict, parts in
name order and rows in order. This is what ``sanctuary load`` needs to read Parquet.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from sanctuary_tracker.batch.output import EVIDENCE_FOLDER


def part_files(path: str) -> list[str]:
    """The part files at ``path``: itself if a file, else the parts in its evidence folder."""
    if os.path.isfile(path):
        return [path]
    folder = os.path.join(path, EVIDENCE_FOLDER)
    folder = folder if os.path.isdir(folder) else path
    # A part being written is named ``part-*.<fmt>.<pid>.tmp``: not taken.
    names = sorted(
        n for n in os.listdir(folder) if n.endswith((".parquet", ".jsonl")) and "part-" in n
    )
    return [os.path.join(folder, n) for n in names]


def iter_records(path: str) -> Iterator[dict[str, Any]]:
    """Every evidence record at ``path`` (a part file or a batch output folder)."""
    for part in part_files(path):
        if part.endswith(".parquet"):
            yield from _parquet_records(part)
        else:
            with open(part, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        yield json.loads(line)


def _parquet_records(path: str) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as parquet:
        for batch in parquet.iter_batches(columns=["record"], batch_size=1024):
            for text in batch.column(0).to_pylist():
                yield json.loads(text)
