"""The publish writer: each format round-trips a small typed table, Parquet keeps the
columns' types, an empty table keeps its header or schema, the SQLite file opens with
sqlite3 and holds the rows; and publish imports no Django."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sanctuary_tracker.publish import formats, sqlite, tables
from sanctuary_tracker.publish.columns import Column, kind_of

ROWS = [
    {
        "id": 1,
        "name": "Chelsea",
        "share": 0.5,
        "listed": True,
        "on": dt.date(2017, 3, 28),
        "reasons": ["named [doj]", "ordinance"],
        "value": "yes",
    },
    {
        "id": 2,
        "name": 'Ñandú, "quoted"\nline',
        "share": 2,
        "listed": False,
        "on": None,
        "reasons": [],
        "value": 3,
    },
]
COLUMNS = ["id", "name", "share", "listed", "on", "reasons", "value"]


def test_csv_round_trips_with_nested_values_as_json():
    body = tables.render(ROWS, COLUMNS, "csv")
    back = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert list(back[0]) == COLUMNS
    assert back[0]["on"] == "2017-03-28" and back[1]["on"] == ""
    assert back[1]["name"] == ROWS[1]["name"]
    assert json.loads(back[0]["reasons"]) == ROWS[0]["reasons"]
    assert [r["value"] for r in back] == ["yes", "3"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "geojson"])
def test_json_formats_hold_each_row_whole(fmt):
    body = tables.render(ROWS, COLUMNS[:2], fmt, geometry=lambda row: {"type": "Point"})
    if fmt == "jsonl":
        back = [json.loads(line) for line in body.decode("utf-8").splitlines()]
    elif fmt == "geojson":
        found = json.loads(body)
        assert [f["geometry"] for f in found["features"]] == [{"type": "Point"}] * 2
        back = [f["properties"] for f in found["features"]]
    else:
        back = json.loads(body)
    expected = [row | {"on": row["on"] and row["on"].isoformat()} for row in ROWS]
    assert back == expected
    assert "Ñandú" in body.decode("utf-8")  # not escaped


def test_parquet_keeps_each_columns_type():
    table = pq.read_table(io.BytesIO(tables.render(ROWS, COLUMNS, "parquet")))
    types = {field.name: field.type for field in table.schema}
    assert types == {
        "id": pa.int64(),
        "name": pa.string(),
        "share": pa.float64(),
        "listed": pa.bool_(),
        "on": pa.date32(),
        "reasons": pa.string(),  # nested: JSON text
        "value": pa.string(),  # mixed: strings as they are, the rest as JSON
    }
    back = table.to_pylist()
    assert [r["id"] for r in back] == [1, 2] and [r["share"] for r in back] == [0.5, 2.0]
    assert back[0]["on"] == dt.date(2017, 3, 28) and back[1]["listed"] is False
    assert json.loads(back[0]["reasons"]) == ROWS[0]["reasons"]
    assert [r["value"] for r in back] == ["yes", "3"]


def test_declared_kinds_read_iso_dates_and_keep_lists():
    rows = [{"day": "2025-09-01", "codes": ["P01", "P05"]}, {"day": None, "codes": None}]
    columns = [Column("day", "date"), Column("codes", "texts")]
    back = pq.read_table(io.BytesIO(tables.render(rows, columns, "parquet"))).to_pylist()
    assert back == [
        {"day": dt.date(2025, 9, 1), "codes": ["P01", "P05"]},
        {"day": None, "codes": None},
    ]
    with pytest.raises(ValueError, match="column 'day': '2025-13-01' is not a date"):
        tables.render([{"day": "2025-13-01"}], columns[:1], "parquet")


def test_an_empty_table_keeps_its_header_and_schema():
    columns = ["name", Column("count", "int"), Column("day", "date")]
    assert tables.render([], columns, "csv") == b"name,count,day\r\n"
    schema = pq.read_table(io.BytesIO(tables.render([], columns, "parquet"))).schema
    assert schema.names == ["name", "count", "day"]
    assert [f.type for f in schema] == [pa.string(), pa.int64(), pa.date32()]
    assert tables.render([], columns, "json") == b"[]"
    assert tables.render([], columns, "jsonl") == b""


def test_kinds_read_from_values():
    assert kind_of([True, None, False]) == "bool"
    assert kind_of([1, 2.5]) == "float"
    assert kind_of([1, True]) == "json"
    assert kind_of([None]) == "text"
    assert kind_of([dt.datetime(2020, 1, 1), None]) == "datetime"


def test_write_is_atomic_and_refuses_an_unknown_format(tmp_path):
    out = tmp_path / "t.csv"
    size = tables.write(ROWS, COLUMNS, "csv", out)
    assert out.stat().st_size == size and [p.name for p in tmp_path.iterdir()] == ["t.csv"]
    stream = io.BytesIO()
    tables.write(ROWS, COLUMNS, "jsonl", stream)
    assert stream.getvalue().count(b"\n") == 2
    with pytest.raises(ValueError, match=r"unknown format 'xlsx' \(one of csv, json, jsonl"):
        tables.render(ROWS, COLUMNS, "xlsx")
    assert set(formats.FORMATS) <= set(formats.MEDIA)


def test_sqlite_file_opens_and_holds_the_rows(tmp_path):
    path = tmp_path / "all.sqlite"
    path.write_bytes(b"an old file")
    counts = sqlite.write_database(
        path,
        {
            "places": (ROWS, COLUMNS),
            "states": ([{"geoid": "25", "name": "Massachusetts"}], None),
            "none": ([], [Column("id", "int"), "state"]),
        },
        keys={"states": "geoid"},
    )
    assert counts == {"places": 2, "states": 1, "none": 0}
    db = sqlite3.connect(path)
    rows = db.execute('SELECT id, name, share, listed, "on", reasons, value FROM places').fetchall()
    assert rows[0] == (1, "Chelsea", 0.5, 1, "2017-03-28", '["named [doj]", "ordinance"]', "yes")
    assert rows[1][2:5] == (2.0, 0, None) and rows[1][6] == "3"
    keys = {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})") if r[5]] for t in counts}
    assert keys == {"places": ["id"], "states": ["geoid"], "none": ["id"]}
    indexes = [r[1] for r in db.execute("SELECT * FROM sqlite_master WHERE type = 'index'")]
    assert "none_state" in indexes
    assert db.execute("SELECT COUNT(*) FROM none").fetchone() == (0,)


def test_publish_imports_no_django():
    blocked = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('django', 'ninja'):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import sanctuary_tracker.publish.tables, sanctuary_tracker.publish.sqlite\n"
        "import sanctuary_tracker.publish.topojson, sanctuary_tracker.batch.output\n"
        "from sanctuary_tracker.publish import tables\n"
        "tables.render([{'a': 1}], ['a'], 'parquet')\n"
    )
    done = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
