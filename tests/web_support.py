"""Fixtures for the web tests: a demo database built by the real `sanctuary demo
--build-only` (SQLite, and PostgreSQL when the server answers) served by the real
`sanctuary serve` in a child process on a free port. conftest.py imports them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from store_support import _drop_postgres_database, _postgres_database

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "demo-pass-" + uuid.uuid4().hex[:12]
HOSTILE = ROOT / "tests" / "fixtures" / "web" / "hostile.txt"
MAP_ASSET = ROOT / "src" / "sanctuary_tracker" / "web" / "static" / "web" / "us-map.json"


@dataclass
class Site:
    url: str  # http://127.0.0.1:PORT
    database_url: str
    env: dict
    vendor: str

    def cli(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        """Run `sanctuary ARGS` against this site's database."""
        return subprocess.run(
            [sys.executable, "-m", "sanctuary_tracker.cli", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=300,
            **kwargs,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {process.stderr.read()}")
        try:
            if requests.get(url + "/api/definitions", timeout=10).status_code == 200:
                return
        except requests.RequestException:  # not up yet, or too busy to answer in time
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def start_site(database_url: str, vendor: str):
    """Build the demo at ``database_url``, serve it; yields a Site, stops the server."""
    if not MAP_ASSET.exists():  # a failure, not a skip: the web suite must not pass unrun
        pytest.fail(f"{MAP_ASSET} is not built: run `make map` (`make test` does)")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SANCTUARY_DEMO_PASSWORD": PASSWORD,
        "SANCTUARY_ENV": "development",
        # failed sign-ins in a folder of this server's own, removed when it stops
        "SANCTUARY_SIGNIN_DIR": tempfile.mkdtemp(prefix="sanctuary-test-signin-"),
    }
    env.pop("SANCTUARY_USER", None)
    site = Site("", database_url, env, vendor)
    built = site.cli("demo", "--build-only")
    assert built.returncode == 0, built.stderr
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sanctuary_tracker.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
            "--threads",
            "8",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    site.url = f"http://127.0.0.1:{port}"
    try:
        wait_for(site.url, server)
        yield site
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(env["SANCTUARY_SIGNIN_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def site_sqlite(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.sqlite3'}"
    yield from start_site(url, "sqlite")


@pytest.fixture(scope="session")
def site_postgresql():
    name = f"sanctuary_web_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    url = _postgres_database(name)
    try:
        yield from start_site(url, "postgresql")
    finally:
        _drop_postgres_database(name)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def site(request):
    """The demo site on each database in turn."""
    return request.getfixturevalue(f"site_{request.param}")


@pytest.fixture(scope="session")
def hostile(site_sqlite):
    """The hostile document ingested into the demo store (as the demo coder); its id."""
    done = site_sqlite.cli("ingest", str(HOSTILE), "--user", "demo-coder")
    assert done.returncode == 0, done.stderr
    docs = requests.get(
        site_sqlite.url + "/api/documents", params={"q": "Council hears"}, timeout=60
    ).json()["data"]
    assert docs, "the hostile document was not stored"
    return docs[0]["id"]
