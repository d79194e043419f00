"""Failed sign-ins are throttled per user name and per client address: past the limit the
sign-in page answers 429 with a message, even to the right password, until the lockout
has passed. A server of its own (small limits, a short lockout, its own counts) over the
demo database, so that the other web tests' sign-ins are not locked out."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
import requests
from web_support import PASSWORD, free_port, wait_for

LOCKOUT = 6
SERVE = [sys.executable, "-m", "sanctuary_tracker.cli", "serve"]


@pytest.fixture(scope="module")
def throttled(site_sqlite, tmp_path_factory):
    env = {
        **site_sqlite.env,
        "SANCTUARY_SIGNIN_FAILURES_PER_USER": "3",
        "SANCTUARY_SIGNIN_FAILURES_PER_ADDRESS": "6",
        "SANCTUARY_SIGNIN_LOCKOUT_SECONDS": str(LOCKOUT),
        "SANCTUARY_SIGNIN_DIR": str(tmp_path_factory.mktemp("signin")),
    }
    port = free_port()
    server = subprocess.Popen(
        [*SERVE, "--port", str(port), "--workers", "2", "--threads", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def sign_in(url: str, name: str, password: str) -> requests.Response:
    session = requests.Session()
    form = session.get(url + "/login/", timeout=60).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    return session.post(
        url + "/login/",
        data={"username": name, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": url + "/login/"},
        timeout=60,
        allow_redirects=False,
    )


def refused(response: requests.Response) -> bool:
    return (
        response.status_code == 429
        and "Too many failed sign-ins" in response.text
        and int(response.headers["Retry-After"]) > 0
        and "sessionid" not in response.cookies
    )


def test_failed_sign_ins_lock_the_name_then_the_address_until_the_lockout_passes(throttled):
    for n in range(3):
        wrong = sign_in(throttled, "demo-coder", f"wrong-{n}")
        assert wrong.status_code == 200 and "wrong" in wrong.text, n
    assert refused(sign_in(throttled, "demo-coder", PASSWORD))  # the right one, refused
    assert refused(sign_in(throttled, "DEMO-CODER ", PASSWORD))  # the same name
    # Another name from the same address still signs in (3 failures of 6 so far).
    assert sign_in(throttled, "demo-reviewer", PASSWORD).status_code == 302
    for n in range(3):
        assert sign_in(throttled, f"nobody-{n}", "guess").status_code == 200
    assert refused(sign_in(throttled, "demo-reviewer", PASSWORD))  # the address is locked
    time.sleep(LOCKOUT + 0.5)
    assert sign_in(throttled, "demo-reviewer", PASSWORD).status_code == 302
    assert sign_in(throttled, "demo-coder", PASSWORD).status_code == 302
