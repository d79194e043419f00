"""The formats a table is published in, and the media type each is served as."""

from __future__ import annotations

FORMATS = ("csv", "json", "jsonl", "parquet", "geojson")
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
    "sqlite": "application/vnd.sqlite3",
}


def check(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    """``fmt`` when it is one of ``allowed``; else a ValueError that names it and them."""
    if fmt not in allowed:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(allowed)})")
    return fmt
