"""The same input gives byte-identical evidence in every process, whatever PYTHONHASHSEED."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys


def _extract(paths: list[str], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", "extract", "--format", "jsonl", *paths],
        capture_output=True,
        env=env,
        check=True,
        timeout=600,
    )
    return run.stdout


def test_dev_set_extracts_identically_under_three_hash_seeds(shared):
    paths = sorted(str(p) for p in (shared / "eval" / "dev").glob("*.txt"))
    assert len(paths) >= 25
    outputs = {seed: _extract(paths, seed) for seed in ("0", "1", "12345")}
    digests = {seed: hashlib.sha256(out).hexdigest() for seed, out in outputs.items()}
    assert len(outputs["0"].splitlines()) == len(paths)
    assert len(set(digests.values())) == 1, digests
