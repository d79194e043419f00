"""A batch run's output goes into the store with `sanctuary load`, on SQLite and PostgreSQL:
JSON Lines parts as they are, Parquet parts through evidence_files.iter_records."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from store_support import count, make_user

from sanctuary_tracker.batch.evidence_files import iter_records
from sanctuary_tracker.batch.runner import run_batch
from sanctuary_tracker.cli import main


def test_batch_output_loads_into_the_store(store, shared, tmp_path):
    make_user("casey", "coder")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for path in sorted((shared / "eval" / "dev").glob("*.txt"))[:4]:
        shutil.copy(path, inputs / path.name)
    as_jsonl = run_batch([str(inputs)], str(tmp_path / "jsonl"), workers=0, fmt="jsonl")
    as_parquet = run_batch([str(inputs)], str(tmp_path / "parquet"), workers=0)
    assert as_jsonl.extracted == as_parquet.extracted == 4

    parts = sorted(str(p) for p in (tmp_path / "jsonl" / "evidence").glob("part-*.jsonl"))
    first = CliRunner().invoke(main, ["load", *parts, "--user", "casey"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert count("store_document") == 4

    # The Parquet parts hold the same records: loading them changes nothing.
    again = tmp_path / "from-parquet.jsonl"
    records = list(iter_records(str(tmp_path / "parquet")))
    again.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    second = CliRunner().invoke(main, ["load", str(again), "--user", "casey"])
    assert second.exit_code == 0, second.output
    assert "0 inserted, 0 updated, 4 unchanged" in second.output
    assert count("store_document") == 4


def test_sanctuary_load_reads_parquet_parts_and_batch_folders(store, shared, tmp_path):
    make_user("casey", "coder")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for path in sorted((shared / "eval" / "dev").glob("*.txt"))[:3]:
        shutil.copy(path, inputs / path.name)
    run_batch([str(inputs)], str(tmp_path / "out"), workers=0)
    parts = sorted(str(p) for p in (tmp_path / "out" / "evidence").glob("part-*.parquet"))
    assert parts
    first = CliRunner().invoke(main, ["load", *parts, "--user", "casey"])
    assert first.exit_code == 0, first.output
    assert count("store_document") == 3
    folder = CliRunner().invoke(main, ["load", str(tmp_path / "out"), "--user", "casey"])
    assert folder.exit_code == 0, folder.output
    assert "0 inserted, 0 updated, 3 unchanged" in folder.output
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = CliRunner().invoke(main, ["load", str(empty), "--user", "casey"])
    assert refused.exit_code == 1
    assert "a folder without evidence parts" in refused.output
    broken = tmp_path / "part-broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    bad = CliRunner().invoke(main, ["load", str(broken), "--user", "casey"])
    assert bad.exit_code == 1
    assert f"{broken}: cannot read" in bad.output
