"""The classification commands through the real CLI: definitions, classify (JSON, CSV,
Parquet), explain, compare, lists, and their one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest


def sanctuary(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
        env=env,
    )


def test_definitions_lists_id_name_and_source():
    run = sanctuary("definitions", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert len(rows) >= 8
    assert all(row["id"] and row["name"] and row["source"].startswith("http") for row in rows)


def test_classify_gives_every_jurisdiction_with_label_and_reasons(tmp_path):
    run = sanctuary(
        "classify", "--definition", "doj-1373-review-2017", "--date", "2017-12-01", cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert len(rows) > 39_000
    assert set(rows[0]) == {"name", "state", "kind", "geoid", "ocd_id", "label", "reasons"}
    by_geoid = {row["geoid"]: row for row in rows}
    assert by_geoid["1714000"]["label"] == "yes"  # Chicago: letter of April 2017
    assert by_geoid["2507000"]["label"] == "no"  # Boston: on neither complete list
    assert all(r["source"] for r in by_geoid["2507000"]["reasons"])
    assert not (tmp_path / "data").exists()  # no store was made as a side effect


def test_classify_csv_and_parquet_carry_the_same_rows(tmp_path):
    args = ("classify", "--definition", "state-sanctuary-law", "--date", "2019-01-01")
    as_csv = sanctuary(*args, "--state", "CA", "--format", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and all(row["label"] == "yes" for row in rows)  # SB 54 in force since 2018
    assert "California Values Act" in rows[0]["reasons"]
    out = tmp_path / "ca.parquet"
    as_parquet = sanctuary(*args, "--state", "CA", "--format", "parquet", "--output", str(out))
    assert as_parquet.returncode == 0, as_parquet.stderr
    table = pq.read_table(out).to_pylist()
    assert [r["geoid"] for r in table] == [r["geoid"] for r in rows]


def test_explain_gives_every_definitions_answer_with_sourced_reasons():
    run = sanctuary("explain", "Chicago, IL", "--date", "2025-09-01", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert {"definition", "label", "reasons"} <= set(rows[0])
    labels = {row["definition"]: row["label"] for row in rows}
    assert labels["doj-2025-08"] == "yes"
    assert labels["wong-cap-2017"] == "unknown"  # a county-only definition
    assert all(r["source"] for row in rows for r in row["reasons"])


def test_compare_lists_disagreements():
    run = sanctuary("compare", "--date", "2017-12-01", "--state", "MA", "--format", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    boston = next(row for row in rows if row["geoid"] == "2507000")
    # named in the DHS report of March 2017, but sent no DOJ letter in 2017
    assert boston["labels"]["dhs-ddor-2017"] == "yes"
    assert boston["labels"]["doj-1373-review-2017"] == "no"
    assert "hall-2021-preemption" not in boston["labels"]  # the opposite question
    assert "ilrc-cooperation" not in boston["labels"]  # cooperation with ICE, not sanctuary
    assert all({"yes", "partial"} & set(r["labels"].values()) for r in rows)
    assert all("no" in r["labels"].values() for r in rows)


def test_lists_and_one_editions_members():
    run = sanctuary("lists", "--format", "json")
    assert run.returncode == 0, run.stderr
    editions = {e["id"]: e for e in json.loads(run.stdout)}
    assert editions["doj-2017-04-letters"]["members"] == 9
    assert editions["dhs-ddor-2017"]["complete"] is False
    show = sanctuary("lists", "show", "doj-2025-08", "--format", "json")
    assert show.returncode == 0, show.stderr
    members = json.loads(show.stdout)
    assert len(members) == 35
    assert set(members[0]) >= {"name", "state", "kind", "geoid", "ocd_id", "source"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("explain", "Nowhere, ZZ"), "'ZZ' is not a US state"),
        (("explain", "Atlantis, MA"), "no county or place of that name in Massachusetts"),
        (("classify", "--definition", "nope"), "unknown definition 'nope'"),
        (("classify", "--definition", "cis", "--date", "2017-13-01"), "is not a date"),
        (("lists", "show", "nope"), "unknown list edition 'nope'"),
        (("classify", "--definition", "cis", "--format", "parquet"), "needs --output"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_nonzero(args, message):
    run = sanctuary(*args)
    assert run.returncode != 0
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_a_definition_file_with_a_typo_is_refused_with_file_and_line(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(
        'id = "mine"\nname = "Mine"\nversion = "1"\nsource = "https://example.org"\n'
        'summary = "x"\n\n[[yes]]\nprovision = "P99"\n'
    )
    run = sanctuary("definitions", "--definition-file", str(path))
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"sanctuary: error: {path}:8: unknown provision 'P99' (not in the codebook)"
    )
