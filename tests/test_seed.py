"""End to end on the seed article (../shared/seed): the radio station's page read as text."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FURNITURE = [
    "Play Live Radio",
    "Next Up:",
    "0:00 0:00",
    "Available On Air Stations",
    "© 2024 WSHU",
    "NPR News & Classical Music",
    "Copyright 2017 WBUR-FM",
]


@pytest.fixture
def seed_file(shared):
    files = sorted((shared / "seed").glob("*.txt"))
    if not files:
        pytest.skip(f"no seed article in {shared / 'seed'}")
    return files[0]


def test_seed_through_the_command_line(seed_file):
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", "read", str(seed_file), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    doc = json.loads(run.stdout)
    for key in (
        "source",
        "media_type",
        "title",
        "published",
        "publisher",
        "original_publisher",
        "byline",
        "captions",
        "language",
        "body",
        "content_hash",
    ):
        assert key in doc
    assert doc["media_type"] == "text/plain"
    assert doc["publisher"] == "WSHU"
    assert doc["original_publisher"] == "WBUR-FM"
    assert doc["language"] == "en"
    assert doc["body"].startswith("Sanctuary Cities Stand Firm Despite Threats To Funding")
    for line in FURNITURE:
        assert line not in doc["body"], line
    assert doc["credits"] == ["Steven Senne"]
    assert len(doc["captions"]) == 1 and doc["captions"][0].startswith("Boston Mayor Marty Walsh")
    assert doc["captions"][0] not in doc["body"]
    assert "Steven Senne" not in doc["body"]
    # The story itself is all there, to its last sentence.
    assert "simply doesn't collect information about immigration status" in doc["body"]
    assert doc["body"].rstrip().endswith("have also been included on that list.")
