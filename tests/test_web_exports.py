"""Exports over the served demo: CSV, JSON, Parquet and GeoJSON of classifications,
observations, listings and quotes, and the SQLite file for Datasette."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import time

import pyarrow.parquet as pq
import pytest
import requests

DATASETS = ["classifications", "observations", "listings", "quotes"]
MAP_COLUMNS = ["geoid", "ocd_id", "name", "state", "kind", "definition", "date", "label"]
OBSERVATION_COLUMNS = (
    "id,geoid,name,state,provision,value,effective_from,effective_to,citation,status,source"
)


def export(site, dataset, fmt, **params):
    response = requests.get(
        f"{site.url}/api/exports/{dataset}", params={"format": fmt, **params}, timeout=120
    )
    assert response.status_code == 200, response.text
    return response


@pytest.fixture(scope="module")
def accepted_in_ma(site_sqlite):
    """An accepted observation in MA in effect on 2017-06-01 (the demo holds none, which
    left the observations export nothing to compare): Hadley, which no other test reads."""
    added = site_sqlite.cli(
        *("review", "add", "2501527690", "P05", "true", "--from", "2017-01-01"),
        *("--to", "2018-01-01", "--citation", "export fixture", "--user", "demo-coder"),
    )
    assert added.returncode == 0, added.stderr
    number = re.search(r"observation (\d+): proposed", added.stdout).group(1)
    accepted = site_sqlite.cli(
        "review", "accept", number, "--reason", "export fixture", "--user", "demo-reviewer"
    )
    assert accepted.returncode == 0, accepted.stderr
    time.sleep(1.2)  # the served answers follow the store's data within a second


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_dataset_in_every_format_holds_the_same_rows(site_sqlite, accepted_in_ma, dataset):
    params = {"state": "MA", "definition": "cis", "date": "2017-06-01"}
    as_json = json.loads(export(site_sqlite, dataset, "json", **params).content)
    as_csv = list(csv.DictReader(io.StringIO(export(site_sqlite, dataset, "csv", **params).text)))
    table = pq.read_table(io.BytesIO(export(site_sqlite, dataset, "parquet", **params).content))
    geo = json.loads(export(site_sqlite, dataset, "geojson", **params).content)
    assert len(as_json) == len(as_csv) == table.num_rows == len(geo["features"])
    assert as_json, "no rows: the comparison would pass on nothing"
    assert geo["type"] == "FeatureCollection"
    assert list(as_csv[0]) == list(as_json[0]) == table.column_names


def test_classifications_export_matches_the_state_and_geometry(site_sqlite):
    rows = json.loads(
        export(site_sqlite, "classifications", "json", state="MA", kind="county").content
    )
    assert len(rows) == 14 and {r["state"] for r in rows} == {"MA"}
    geo = json.loads(
        export(site_sqlite, "classifications", "geojson", state="MA", kind="county").content
    )
    shapes = {f["properties"]["geoid"]: f["geometry"] for f in geo["features"]}
    suffolk = shapes["25025"]
    assert suffolk["type"] == "MultiPolygon"
    lon, lat = suffolk["coordinates"][0][0][0]
    assert -72 < lon < -70 and 42 < lat < 43  # Boston's county, in longitude and latitude


def test_listings_export_carries_sources(site_sqlite):
    rows = json.loads(export(site_sqlite, "listings", "json", state="CA").content)
    assert rows and all(r["source"] for r in rows)
    assert {"doj-2025-08"} <= {r["list_id"] for r in rows}


def test_quotes_export_finds_chelsea(site_sqlite):
    rows = json.loads(export(site_sqlite, "quotes", "json", q="dignity").content)
    assert [r["speaker"] for r in rows] == ["Thomas Ambrosino"]
    assert rows[0]["geoid"] == "2513205"


def test_datasette_file_has_every_table(site_sqlite, tmp_path):
    response = requests.get(
        f"{site_sqlite.url}/api/exports/datasette.sqlite",
        params={"date": "2025-09-01"},
        timeout=300,
    )
    assert response.status_code == 200
    path = tmp_path / "all.sqlite"
    path.write_bytes(response.content)
    db = sqlite3.connect(path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"jurisdictions", "classifications", "listings", "quotes", "documents"} <= tables
    assert db.execute("SELECT COUNT(*) FROM jurisdictions").fetchone()[0] > 39000
    said = db.execute("SELECT speaker FROM quotes WHERE text LIKE '%dignity%'").fetchall()
    assert said == [("Thomas Ambrosino",)]
    on_list = db.execute(
        "SELECT label FROM classifications WHERE geoid = '06' AND definition = 'doj-2025-08'"
    ).fetchone()
    assert on_list == ("yes",)


def disposition(site, dataset, fmt, **params) -> str:
    return export(site, dataset, fmt, **params).headers["Content-Disposition"]


def test_map_download_is_named_for_its_definition_and_date(site_sqlite):
    chosen = {"definition": "doj-2025-08", "date": "2025-09-01"}
    assert disposition(site_sqlite, "classifications", "csv", **chosen) == (
        'attachment; filename="sanctuary-doj-2025-08-2025-09-01.csv"'
    )
    full = disposition(site_sqlite, "classifications", "geojson", **chosen, full="1", state="ma")
    assert full.endswith('filename="sanctuary-doj-2025-08-ma-2025-09-01-full.geojson"')
    listed = disposition(site_sqlite, "listings", "json", date="2025-09-01")
    assert listed.endswith('filename="sanctuary-listings-2025-09-01.json"')


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_reasons_not_known_come_only_in_the_full_form(site_sqlite, fmt):
    chosen = {"definition": "doj-2025-08", "date": "2025-09-01", "state": "MA"}
    small = export(site_sqlite, "classifications", fmt, **chosen).content
    large = export(site_sqlite, "classifications", fmt, **chosen, full="1").content
    short, every = rows_of(small, fmt), rows_of(large, fmt)
    assert len(short) == len(every) > 300  # every jurisdiction in MA, in both forms
    assert list(short[0]) == [*MAP_COLUMNS, "reasons"]
    assert list(every[0]) == [*MAP_COLUMNS, "reasons", "missing"]
    assert not any("no evidence" in str(row["reasons"]) for row in short)
    assert sum("no evidence" in str(row["missing"]) for row in every) > 300
    assert {row["label"] for row in short} == {row["label"] for row in every}
    named = [row for row in short if row["label"] == "yes"]  # Boston is on the DOJ list
    assert named and all("named in the list" in str(row["reasons"]) for row in named)
    assert len(small) * 3 < len(large)


def rows_of(body: bytes, fmt: str) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    found = json.loads(body)
    return [f["properties"] for f in found["features"]] if fmt == "geojson" else found


def test_full_form_is_refused_where_there_is_none(site_sqlite):
    response = requests.get(
        f"{site_sqlite.url}/api/exports/observations",
        params={"format": "csv", "full": "1"},
        timeout=60,
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == (
        "full: observations have no full form (only classifications do)"
    )


def test_empty_csv_export_still_has_its_header(site_sqlite, tmp_path):
    out = tmp_path / "none.csv"
    done = site_sqlite.cli(
        "export", "observations", "--format", "csv", "--date", "1900-01-01", "--output", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").splitlines() == [OBSERVATION_COLUMNS]
    refused = site_sqlite.cli("export", "quotes", "--full", "--output", str(out))
    assert refused.returncode == 2 and "--full" in refused.stderr


def test_parquet_export_keeps_numbers_bools_and_dates_typed(site_sqlite):
    quotes = pq.read_table(io.BytesIO(export(site_sqlite, "quotes", "parquet").content))
    types = {field.name: str(field.type) for field in quotes.schema}
    assert (types["id"], types["direct"], types["document"]) == ("int64", "bool", "int64")
    first = quotes.to_pylist()[0]
    assert isinstance(first["id"], int) and isinstance(first["direct"], bool)
    labels = pq.read_table(
        io.BytesIO(export(site_sqlite, "classifications", "parquet", state="MA").content)
    )
    assert str(labels.schema.field("date").type) == "date32[day]"
    assert str(labels.schema.field("reasons").type) == "string"  # nested: JSON text
