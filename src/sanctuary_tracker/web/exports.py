"""Exports of classifications, observations, listings and quotes as CSV, JSON, Parquet
and GeoJSON, and the whole store as one SQLite file ready for Datasette.

A classification's reasons are, by default, only those that rest on evidence (a fact, a
listing, a list it is not on): the "no evidence on ..." and out-of-scope reasons, the same
few sentences on most of the 39,285 rows, come only in the full form (``full``), in a
column of their own. Every file is named for what it holds: ``sanctuary-<definition>-
<date>.csv`` for the map's labels, ``sanctuary-<dataset>[-<state>]-<date>.<format>``
for the rest."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from django.http import FileResponse, HttpResponse
from ninja.errors import HttpError

from sanctuary_tracker.document import public_source
from sanctuary_tracker.web import records, selectors
from sanctuary_tracker.web.classification import (
    classifier,
    default_definition,
    definitions,
    gazetteer,
    today,
)

DATASETS = ("classifications", "observations", "listings", "quotes")
FORMATS = ("csv", "json", "parquet", "geojson")
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
    "geojson": "application/geo+json",
}


# The columns of each dataset, in order (an empty export still has them: a CSV its header).
COLUMNS = {
    "classifications": tuple("geoid ocd_id name state kind definition date label reasons".split()),
    "observations": tuple(
        "id geoid name state provision value effective_from effective_to citation status "
        "source".split()
    ),
    "listings": tuple("list_id list_name date geoid name state origin source document".split()),
    "quotes": tuple(
        "id text direct speaker geoid name state document title published source".split()
    ),
}
# Reasons that say what is not known rather than what is (engine._reason kinds).
NOT_EVIDENCE = ("missing", "scope")
FULL_ONLY = ("missing",)  # the column the full form adds to classifications


def full_problem(dataset: str, full: bool) -> str | None:
    """Why ``full`` cannot be asked of ``dataset`` (only classifications have a full form)."""
    if full and dataset != "classifications":
        return f"full: {dataset} have no full form (only classifications do)"
    return None


def columns(dataset: str, *, full: bool = False) -> tuple[str, ...]:
    extra = FULL_ONLY if full and dataset == "classifications" else ()
    return COLUMNS[dataset] + extra


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def classification_rows(f: selectors.Filters, *, full: bool = False) -> list[dict[str, Any]]:
    """One row per jurisdiction: its label and the reasons that rest on evidence; with
    ``full``, also the reasons that say what is not known (column ``missing``)."""
    definition = definitions()[f.definition or default_definition()]
    date = f.date or today()
    chosen = selectors.jurisdictions(selectors.Filters(f.q, f.state, f.kind))
    rows = []
    shown: dict[int, tuple[list[str], list[str]]] = {}  # per classification (shared by many)
    for j, c in classifier().classify_all(definition, date, chosen):
        reasons, missing = shown.get(id(c)) or shown.setdefault(id(c), _reasons(c))
        row = {
            "geoid": j.geoid,
            "ocd_id": j.ocd_id,
            "name": j.name,
            "state": j.state,
            "kind": j.kind,
            "definition": definition.id,
            "date": date,
            "label": c.label,
            "reasons": reasons,
        }
        if full:
            row["missing"] = missing
        rows.append(row)
    return rows


def _reasons(c) -> tuple[list[str], list[str]]:
    """A classification's reasons as text with their source: (evidence, not known)."""
    found: tuple[list[str], list[str]] = ([], [])
    for r in c.reasons:
        found[r["kind"] in NOT_EVIDENCE].append(
            r["text"] + (f" [{r['source']}]" if r["source"] else "")
        )
    return found


def observation_rows(f: selectors.Filters) -> list[dict[str, Any]]:
    rows = []
    for o in selectors.observations(f).select_related("document"):
        j = o.jurisdiction
        rows.append(
            {
                "id": o.pk,
                "geoid": j.geoid if j else None,
                "name": j.name if j else None,
                "state": j.state if j else None,
                "provision": o.provision.code,
                "value": json.loads(o.value),
                "effective_from": o.effective_from.isoformat() if o.effective_from else None,
                "effective_to": o.effective_to.isoformat() if o.effective_to else None,
                "citation": o.citation,
                "status": o.status,
                "source": _source(o.document, o.span),
            }
        )
    return rows


def _source(document, span) -> str | None:
    if document is None:
        return None
    where = public_source(document.source, document.url)
    return f"{where}#{span.field}:{span.start}-{span.end}" if span else where


def listing_rows(f: selectors.Filters) -> list[dict[str, Any]]:
    return [
        {
            "list_id": x["list_id"],
            "list_name": x["list_name"],
            "date": x["date"],
            "geoid": x["jurisdiction"]["geoid"],
            "name": x["jurisdiction"]["name"],
            "state": x["jurisdiction"]["state"],
            "origin": x["origin"],
            "source": x["source"],
            "document": x["document"],
        }
        for x in selectors.listings(f)
    ]


def quote_rows(f: selectors.Filters) -> list[dict[str, Any]]:
    rows = []
    for q in selectors.quotes(f):
        r = records.quote(q)
        j = r["jurisdiction"]
        rows.append(
            {
                "id": r["id"],
                "text": r["text"],
                "direct": r["direct"],
                "speaker": r["speaker"]["name"] if r["speaker"] else r["speaker_name"],
                "geoid": j["geoid"] if j else None,
                "name": j["name"] if j else None,
                "state": j["state"] if j else None,
                "document": r["document"]["id"],
                "title": r["document"]["title"],
                "published": r["document"]["published"],
                "source": _source(q.document, q.span),
            }
        )
    return rows


ROWS = {
    "classifications": classification_rows,
    "observations": observation_rows,
    "listings": listing_rows,
    "quotes": quote_rows,
}


def to_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    """A header row (always, even with no rows), then one line per row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _flat(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


def to_parquet(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {k: pa.array([_text(row.get(k)) for row in rows], pa.string()) for k in columns}
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def _text(value: Any) -> Any:
    """Parquet columns need one type: nested values and mixed scalars as JSON text."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_geojson(rows: list[dict[str, Any]]) -> bytes:
    from sanctuary_tracker.web.geometry import feature_geometry

    features = [
        {
            "type": "Feature",
            "geometry": feature_geometry(row.get("geoid")),
            "properties": row,
        }
        for row in rows
    ]
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False
    ).encode("utf-8")


def rows_of(dataset: str, f: selectors.Filters, *, full: bool = False) -> list[dict[str, Any]]:
    if dataset == "classifications":
        return classification_rows(f, full=full)
    return ROWS[dataset](f)


def render(dataset: str, fmt: str, f: selectors.Filters, *, full: bool = False) -> bytes:
    """``dataset`` filtered by ``f`` in format ``fmt``; ``full``: every reason (see above)."""
    rows = rows_of(dataset, f, full=full)
    if fmt == "csv":
        return to_csv(rows, columns(dataset, full=full))
    if fmt == "parquet":
        return to_parquet(rows, columns(dataset, full=full))
    if fmt == "geojson":
        return to_geojson(rows)
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


def file_name(dataset: str, fmt: str, f: selectors.Filters, *, full: bool = False) -> str:
    """What the download is saved as: the definition (or dataset), the state when one was
    chosen, the date and the form, e.g. ``sanctuary-cis-2025-09-01.csv``."""
    if dataset == "classifications":
        first, date = f.definition or default_definition(), f.date or today()
    else:
        first, date = dataset, f.date
    parts = [first, f.state.lower() if f.state else None, date, "full" if full else None]
    return "-".join(["sanctuary", *(p for p in parts if p)]) + f".{fmt}"


def response(dataset: str, fmt: str, f: selectors.Filters, *, full: bool = False) -> HttpResponse:
    problem = full_problem(dataset, full)
    if problem:
        raise HttpError(422, problem)
    body = render(dataset, fmt, f, full=full)
    out = HttpResponse(body, content_type=MEDIA[fmt])
    name = file_name(dataset, fmt, f, full=full)
    out["Content-Disposition"] = f'attachment; filename="{name}"'
    return out


def write_sqlite(path: Path, date: str) -> dict[str, int]:
    """Every dataset (classifications under every definition on ``date``) as tables of
    one SQLite file, with primary keys and indexes for Datasette; row counts."""
    every = selectors.Filters()
    tables: dict[str, list[dict[str, Any]]] = {
        "jurisdictions": [records.jurisdiction(j) for j in gazetteer()],
        "definitions": [d.to_record() | {"file": None} for d in definitions().values()],
        "classifications": [
            row
            for d in definitions()
            for row in classification_rows(selectors.Filters(date=date, definition=d))
            if row["label"] != "unknown"
        ],
        "observations": observation_rows(every),
        "listings": listing_rows(every),
        "quotes": quote_rows(every),
        "documents": [records.document(d) for d in selectors.documents(every)],
    }
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        for name, rows in tables.items():
            columns = list(rows[0]) if rows else list(COLUMNS.get(name, ("empty",)))
            keyed = "geoid" if name == "jurisdictions" else "id" if "id" in columns else None
            spec = ", ".join(f'"{c}"' + (" PRIMARY KEY" if c == keyed else "") for c in columns)
            db.execute(f'CREATE TABLE "{name}" ({spec})')
            marks = ", ".join("?" for _ in columns)
            db.executemany(
                f'INSERT INTO "{name}" VALUES ({marks})',
                [[_sql(row.get(c)) for c in columns] for row in rows],
            )
            for column in ("state", "geoid", "definition", "label"):
                if column in columns and column != keyed:
                    db.execute(f'CREATE INDEX "{name}_{column}" ON "{name}" ("{column}")')
        db.commit()
    finally:
        db.close()
    return {name: len(rows) for name, rows in tables.items()}


def _sql(value: Any) -> Any:
    return _flat(value) if not isinstance(value, bool) else int(value)


def sqlite_response(date: str) -> FileResponse:
    with tempfile.NamedTemporaryFile(suffix=".sqlite", delete=False) as handle:
        path = Path(handle.name)
    write_sqlite(path, date)
    stream = path.open("rb")
    path.unlink()  # the open handle keeps the data until the response is sent
    return FileResponse(stream, as_attachment=True, filename=f"sanctuary-{date}.sqlite")
