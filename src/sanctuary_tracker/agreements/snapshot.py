"""The shipped 287(g) snapshot (data/ice-287g.json.gz, built by scripts/build_287g.py): every
publication's rows, the agreements and requests with their matches, the unmatched rows.

Each row is kept as read (as a reading of its agreement plus its sheet row number), so the
publications can be rebuilt exactly: their SHA-256 is checked on loading, and the store
holds the same publications whether it got them from the snapshot or from the files.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from sanctuary_tracker.agreements.history import Agreement, History, Listing, Request
from sanctuary_tracker.agreements.match import AgencyMatch
from sanctuary_tracker.agreements.records import unmatched_record
from sanctuary_tracker.agreements.sheets import PRIMARY_SOURCE, Publication, Row
from sanctuary_tracker.classify.facts import Fact

DATA_FILE = "ice-287g.json.gz"
FORMAT = 1


class SnapshotError(ValueError):
    """The shipped snapshot is damaged or of another format."""


def to_snapshot(history: History) -> dict:
    """The snapshot of a history, as JSON-ready data (sorted, so rebuilt byte-identical)."""
    index = {p.sha256: i for i, p in enumerate(history.publications)}
    matched = [a for a in history.agreements if a.match.matched]
    participating = [p for p in history.publications if p.kind == "participating"]
    return {
        "format": FORMAT,
        "source": PRIMARY_SOURCE,
        "counts": {
            "publications": len(history.publications),
            "participating_rows": sum(len(p.rows) for p in participating),
            "participating_rows_matched": sum(len(a.listings) for a in matched),
            "agreements": len(history.agreements),
            "agreements_matched": len(matched),
            "requests": len(history.requests),
        },
        "publications": [
            {
                "file_name": p.file_name,
                "kind": p.kind,
                "published": p.published,
                "half": p.half,
                "sha256": p.sha256,
                "rows": len(p.rows),
            }
            for p in history.publications
        ],
        "agreements": [_entry(a, index, agreement=True) for a in history.agreements],
        "requests": [_entry(r, index, agreement=False) for r in history.requests],
        "unmatched": [unmatched_record(a) for a in history.unmatched()],
    }


def _entry(a: Agreement | Request, index: dict[str, int], agreement: bool) -> dict:
    readings: list[list] = []
    listings = []
    for listing, row in a.rows:
        reading = [row.state, row.agency, row.type, row.county]
        if agreement:
            reading += [row.signed_text, row.moa, row.addendum]
        if reading not in readings:
            readings.append(reading)
        listings.append([index[listing.sha256], listing.row, readings.index(reading)])
    entry = {
        "key": a.key,
        "model": a.model,
        "first_listed": a.first_listed,
        "last_listed": a.last_listed,
        "match": a.match.to_record(),
        "readings": readings,
        "listings": listings,
    }
    if agreement:
        entry.update(signed=a.signed, ended=a.ended)
    else:
        entry.update(until=a.until)
    return entry


def write_snapshot(history: History) -> bytes:
    """The gzipped snapshot bytes (no file name or time in the gzip header)."""
    text = json.dumps(to_snapshot(history), sort_keys=True, ensure_ascii=False, indent=0)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def read_snapshot(data: bytes) -> History:
    """A history from snapshot bytes; a SnapshotError when it is damaged."""
    try:
        raw = json.loads(gzip.decompress(data))
        if raw.get("format") != FORMAT:
            raise SnapshotError(f"287(g) snapshot: format {raw.get('format')!r}, not {FORMAT}")
        return _history(raw)
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        if isinstance(exc, SnapshotError):
            raise
        raise SnapshotError(f"287(g) snapshot: damaged ({exc})") from exc


def _history(raw: dict) -> History:
    heads = raw["publications"]
    rows: list[list[Row]] = [[] for _ in heads]
    agreements, requests = [], []
    for kind, entries, out in (
        ("agreement", raw["agreements"], agreements),
        ("request", raw["requests"], requests),
    ):
        for e in entries:
            found = []
            for pub, number, reading in e["listings"]:
                r = e["readings"][reading]
                if kind == "agreement":
                    row = Row(number, *r[:4], e["model"], e["signed"], r[4], r[5], r[6])
                else:
                    row = Row(number, *r[:4], e["model"])
                head = heads[pub]
                listing = Listing(
                    head["file_name"], head["sha256"], head["published"], head["half"], number
                )
                rows[pub].append(row)
                found.append((listing, row))
            out.append(_rebuilt(kind, e, found))
    publications = []
    for head, held in zip(heads, rows, strict=True):
        p = Publication(
            head["file_name"],
            head["kind"],
            head["published"],
            head["half"],
            tuple(sorted(held, key=lambda r: r.row)),
        )
        if p.sha256 != head["sha256"] or len(p.rows) != head["rows"]:
            raise SnapshotError(f"287(g) snapshot: {head['file_name']} does not rebuild")
        publications.append(p)
    return History(tuple(publications), tuple(agreements), tuple(requests))


def _rebuilt(kind: str, e: dict, found: list) -> Agreement | Request:
    latest = found[-1][1]
    common = {
        "key": e["key"],
        "state": latest.state,
        "agency": latest.agency,
        "type": latest.type,
        "county": latest.county,
        "model": e["model"],
        "first_listed": e["first_listed"],
        "last_listed": e["last_listed"],
        "match": AgencyMatch.from_record(e["match"]),
        "listings": tuple(listing for listing, _ in found),
        "rows": tuple(found),
    }
    if kind == "request":
        return Request(until=e["until"], **common)
    moa = next((row.moa for _, row in reversed(found) if row.moa), None)
    return Agreement(signed=e["signed"], moa=moa, ended=e["ended"], **common)


@lru_cache(maxsize=1)
def load_snapshot() -> History:
    """The shipped snapshot, read once per process."""
    data = resources.files("sanctuary_tracker").joinpath("data", DATA_FILE).read_bytes()
    return read_snapshot(data)


def snapshot_facts() -> list[Fact]:
    """The shipped agreements as P10 facts."""
    from sanctuary_tracker.agreements.facts import agreement_facts

    return agreement_facts(load_snapshot().agreements)
