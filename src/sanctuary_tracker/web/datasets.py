"""The rows of each export: classifications, observations, listings and quotes, and the
whole store as the tables of one SQLite file ready for Datasette; written by ``publish``.
No HTTP here (``web.exports`` serves them), so ``sanctuary export`` uses it too.

A classification's reasons are, by default, only those that rest on evidence (a fact, a
listing, a list it is not on): the "no evidence on ..." and out-of-scope reasons, the same
few sentences on most of the 39,285 rows, come only in the full form (``full``), in a
column of their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sanctuary_tracker.document import public_source
from sanctuary_tracker.publish import sqlite, tables
from sanctuary_tracker.publish.columns import Column
from sanctuary_tracker.web import records, selectors
from sanctuary_tracker.web.classification import (
    classifier,
    default_definition,
    definitions,
    gazetteer,
    today,
)

DATASETS = ("classifications", "observations", "listings", "quotes")


# The columns of each dataset, in order (an empty export still has them: a CSV its header,
# a Parquet file its schema), with the kind of those whose values are not all text.
COLUMNS: dict[str, tuple[str | Column, ...]] = {
    "classifications": (
        *"geoid ocd_id name state kind definition".split(),
        Column("date", "date"),
        "label",
        Column("reasons", "json"),
    ),
    "observations": (
        Column("id", "int"),
        *"geoid name state provision".split(),
        Column("value", "json"),
        Column("effective_from", "date"),
        Column("effective_to", "date"),
        *"citation status source".split(),
    ),
    "listings": (
        *"list_id list_name".split(),
        Column("date", "date"),
        *"geoid name state origin source".split(),
        Column("document", "int"),
    ),
    "quotes": (
        Column("id", "int"),
        "text",
        Column("direct", "bool"),
        *"speaker geoid name state".split(),
        Column("document", "int"),
        *"title published source".split(),
    ),
}
# An observation's own fields in its export row, between its place and its source.
OBSERVED = ("provision", "value", "effective_from", "effective_to", "citation", "status")
# Reasons that say what is not known rather than what is (engine._reason kinds).
NOT_EVIDENCE = ("missing", "scope")
FULL_ONLY = (Column("missing", "json"),)  # the column the full form adds to classifications


def full_problem(dataset: str, full: bool) -> str | None:
    """Why ``full`` cannot be asked of ``dataset`` (only classifications have a full form)."""
    if full and dataset != "classifications":
        return f"full: {dataset} have no full form (only classifications do)"
    return None


def columns(dataset: str, *, full: bool = False) -> tuple[str | Column, ...]:
    extra = FULL_ONLY if full and dataset == "classifications" else ()
    return COLUMNS[dataset] + extra


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
        r = records.observation(o)
        row = {"id": r["id"], **_place(r["jurisdiction"])}
        row |= {k: r[k] for k in OBSERVED}
        row["source"] = _source(o.document, o.span)
        rows.append(row)
    return rows


def _place(j: dict[str, Any] | None) -> dict[str, Any]:
    """A jurisdiction's geoid, name and state (all None when there is none)."""
    return {k: j[k] if j else None for k in ("geoid", "name", "state")}


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
            **_place(x["jurisdiction"]),
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
                **_place(j),
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


def rows_of(dataset: str, f: selectors.Filters, *, full: bool = False) -> list[dict[str, Any]]:
    if dataset == "classifications":
        return classification_rows(f, full=full)
    return ROWS[dataset](f)


def render(dataset: str, fmt: str, f: selectors.Filters, *, full: bool = False) -> bytes:
    """``dataset`` filtered by ``f`` in format ``fmt``; ``full``: every reason (see above)."""
    rows = rows_of(dataset, f, full=full)
    return tables.render(rows, columns(dataset, full=full), fmt, geometry=_geometry)


def _geometry(row: dict[str, Any]) -> dict[str, Any] | None:
    from sanctuary_tracker.web.geometry import feature_geometry

    return feature_geometry(row.get("geoid"))


def write_sqlite(path: Path, date: str) -> dict[str, int]:
    """Every dataset (classifications under every definition on ``date``) as tables of
    one SQLite file, with primary keys and indexes for Datasette; row counts."""
    every = selectors.Filters()
    classified = [
        row
        for d in definitions()
        for row in classification_rows(selectors.Filters(date=date, definition=d))
        if row["label"] != "unknown"
    ]
    return sqlite.write_database(
        path,
        {
            "jurisdictions": ([records.jurisdiction(j) for j in gazetteer()], None),
            "definitions": ([d.to_record() | {"file": None} for d in definitions().values()], None),
            "classifications": (classified, COLUMNS["classifications"]),
            "observations": (observation_rows(every), COLUMNS["observations"]),
            "listings": (listing_rows(every), COLUMNS["listings"]),
            "quotes": (quote_rows(every), COLUMNS["quotes"]),
            "documents": ([records.document(d) for d in selectors.documents(every)], None),
        },
        keys={"jurisdictions": "geoid"},
    )
