"""Shared test fixtures: paths to the project's own fixtures and to ../shared when present."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"

# The resolver's automaton cache (places/automaton_cache.py) in a folder of the test run's
# own, shared by the commands the tests start, never in the user's ~/.cache; removed after.
if "SANCTUARY_CACHE" not in os.environ:
    os.environ["SANCTUARY_CACHE"] = tempfile.mkdtemp(prefix="sanctuary-test-cache-")
    atexit.register(shutil.rmtree, os.environ["SANCTUARY_CACHE"], True)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout; tests that need it are skipped with a message otherwise."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present (the shared reference folder beside the checkout)")
    return SHARED


# The store's database fixtures (SQLite and PostgreSQL), for tests/test_store_*.py.
from store_support import database_url, store  # noqa: E402, F401

# The web app's fixtures: the demo served by `sanctuary serve` (tests/test_web_*.py).
from web_support import hostile, site, site_postgresql, site_sqlite  # noqa: E402, F401
