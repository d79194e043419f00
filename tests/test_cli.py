"""The `sanctuary read` command: formats, standard input, several sources; docs kept honest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.deadline import time_limit
from sanctuary_tracker.settings import ReadLimits

ROOT = Path(__file__).resolve().parent.parent
STORY = "County Keeps Detainer Policy\n\nThe county board voted on Tuesday to keep its policy.\n"


def sanctuary(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_reads_standard_input():
    run = sanctuary("read", "-", "--format", "json", stdin=STORY)
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["source"] == "-"
    assert doc["title"] == "County Keeps Detainer Policy"
    assert doc["body"].endswith("keep its policy.")


def test_json_is_a_list_for_several_sources_and_jsonl_a_line_each(tmp_path):
    paths = []
    for n in range(2):
        path = tmp_path / f"story{n}.txt"
        path.write_text(STORY.replace("Tuesday", f"day {n}"))
        paths.append(str(path))
    as_json = json.loads(sanctuary("read", *paths, "--format", "json").stdout)
    assert [d["source"] for d in as_json] == paths
    lines = sanctuary("read", *paths, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == paths
    assert as_json[0]["content_hash"] != as_json[1]["content_hash"]


def test_text_format_shows_metadata_then_body(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    out = sanctuary("read", str(path)).stdout
    assert out.startswith(f"Source: {path}\nType: text/plain\nTitle: County Keeps Detainer Policy")
    assert "The county board voted" in out


def test_unknown_format_is_a_usage_error():
    run = sanctuary("read", "-", "--format", "xml", stdin=STORY)
    assert run.returncode == 2 and "xml" in run.stderr and "Traceback" not in run.stderr


def test_time_limit_stops_slow_work():
    started = time.monotonic()
    with (
        pytest.raises(ReadError, match=r"slow\.html: took longer than 0\.2 s"),
        time_limit(0.2, "slow.html"),
    ):
        time.sleep(5)
    assert time.monotonic() - started < 2


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("SANCTUARY_MAX_HTML_BYTES", "1234")
    monkeypatch.setenv("SANCTUARY_FETCH_TIMEOUT", "2.5")
    limits = ReadLimits.from_env()
    assert limits.max_html_bytes == 1234 and limits.fetch_timeout == 2.5


def test_bad_setting_is_a_clear_error():
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", "read", "-"],
        input=STORY,
        capture_output=True,
        text=True,
        env={"SANCTUARY_MAX_PDF_PAGES": "many", "PATH": ""},
    )
    assert run.returncode != 0
    assert "SANCTUARY_MAX_PDF_PAGES='many' is not a whole number of 0 or more" in run.stderr
    assert "Traceback" not in run.stderr


def test_extraction_has_a_time_limit_and_the_other_sources_go_on(tmp_path):
    dense = tmp_path / "dense.txt"
    dense.write_text("the county jail does not honor detainers from ICE in Boston and " * 30_000)
    small = tmp_path / "small.txt"
    small.write_text(STORY)
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", "extract", str(dense), str(small)],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "SANCTUARY_EXTRACT_SECONDS": "0.2",
            "PATH": "",
            # the test run's automaton cache (conftest.py), not the user's ~/.cache
            "SANCTUARY_CACHE": os.environ["SANCTUARY_CACHE"],
        },
    )
    assert run.returncode == 1
    errors = run.stderr.strip().splitlines()
    assert errors[0] == (
        f"sanctuary: error: {dense}: took longer than 0.2 s to extract evidence from "
        "(the time limit)"
    )
    assert errors[-1] == "sanctuary: 1 of 2 sources failed"
    assert [json.loads(line)["source"] for line in run.stdout.splitlines()] == [str(small)]
