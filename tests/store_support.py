"""Fixtures for the store's tests: every store test runs on SQLite (a temporary file) and
on PostgreSQL (a database made for the session on 127.0.0.1:5432 and dropped after it;
skipped with a message when the server cannot be reached). conftest.py imports them."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "sanctuary_tracker" / "samples"
STORE_FIXTURES = ROOT / "tests" / "fixtures" / "store"
PG_SERVER = os.environ.get("SANCTUARY_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
# Tables emptied between tests, children first; the reference tables stay loaded.
EVIDENCE_TABLES = (
    "store_award",
    "store_awardimport",
    "store_auditlog",
    "store_observation",
    "store_listing",
    "store_amount",
    "store_quote",
    "store_role",
    "store_mention",
    "store_person",
    "store_span",
    "store_search",  # the search index (the store itself never deletes what it indexes)
)


def _postgres_database(tmp_name: str) -> str:
    """Create database ``tmp_name`` on the test server; skip when it cannot be reached."""
    import psycopg

    try:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5) as c:
            c.execute(f'CREATE DATABASE "{tmp_name}"')
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        pytest.skip(f"PostgreSQL tests skipped: {PG_SERVER} is not reachable ({first})")
    return f"{PG_SERVER}/{tmp_name}"


def _drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=5) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """A migrated store with the reference data loaded, on each database in turn."""
    from sanctuary_tracker.store.config import setup
    from sanctuary_tracker.store.init import init_store

    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.sqlite3'}"
    else:
        name = f"sanctuary_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        url = _postgres_database(name)
    setup(url)
    init_store()
    yield url
    if name:
        from django.db import connections

        connections.close_all()
        _drop_postgres_database(name)


@pytest.fixture
def store(database_url, monkeypatch):
    """The session's store for this database, emptied of evidence, users and reviews
    after the test; DATABASE_URL is set for commands run in or out of process."""
    from django.contrib.auth.models import User

    from sanctuary_tracker.store.config import setup

    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("SANCTUARY_USER", raising=False)
    setup(database_url)
    yield database_url
    empty_store()
    User.groups.through.objects.all().delete()
    User.objects.all().delete()


def empty_store() -> None:
    """Delete every document and all that was read from them or done to them."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in EVIDENCE_TABLES:
            cursor.execute(f"DELETE FROM {table}")
        cursor.execute("DELETE FROM store_document WHERE copy_of_id IS NOT NULL")
        cursor.execute("DELETE FROM store_document")


def make_user(name: str, role: str):
    """A user with ``role`` (through the service the CLI uses; the first is an admin)."""
    from django.contrib.auth.models import User

    from sanctuary_tracker.store.users import add_user

    if not User.objects.filter(groups__name="admin").exists():
        add_user("root", "admin", acting=None)
    return add_user(name, role, acting="root")[0]


def run(*args: str):
    """Run the ``sanctuary`` command in this process (on the test's store)."""
    from click.testing import CliRunner

    from sanctuary_tracker.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def sanctuary(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """Run the real ``sanctuary`` command in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        **kwargs,
    )


def count(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")
        return cursor.fetchone()[0]
