"""schemathesis against the API's own OpenAPI description, on the served demo (SQLite and
PostgreSQL), with every check: generated requests, valid and invalid, find no server
error, no schema-valid request refused, no invalid one accepted, no status or answer the
description does not state. Bounded: a fixed seed and a few examples per operation
(about a minute and a half on SQLite, boundary cases included; less on PostgreSQL)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CLI = Path(sys.executable).with_name("schemathesis")


def test_the_api_accepts_exactly_what_its_description_says(site):
    if not CLI.exists() and not shutil.which("schemathesis"):
        pytest.skip("schemathesis is not installed (pip install -e .[dev])")
    command = [
        str(CLI) if CLI.exists() else "schemathesis",
        "run",
        f"{site.url}/api/openapi.json",
        "--url",
        site.url,
        "--checks",
        "all",
        "--max-examples",
        "8",
        # Boundary cases (coverage) once, on SQLite; random requests on both databases,
        # NUL bytes and odd text included, which PostgreSQL would refuse if they got through.
        "--phases",
        "coverage,fuzzing" if site.vendor == "sqlite" else "fuzzing",
        "--seed",
        "20261124",
        # Each call writes the whole store to a file (seconds); its parameters are
        # checked by the same date parser the other operations use.
        "--exclude-path-regex",
        "datasette",
        # An export of every jurisdiction's classification takes seconds, more on a busy
        # machine: a slow answer is not what this test looks for.
        "--request-timeout",
        "120",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    summary = done.stdout[-3000:]
    assert done.returncode == 0, summary
    assert "passed" in summary and "failed" not in summary.split("Test cases:")[-1]
