"""fetch(): a real HTTP server on 127.0.0.1 in a thread; nothing reaches the internet."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from urllib.parse import unquote

import pytest

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import fetch as fetch_module
from sanctuary_tracker.read.fetch import USER_AGENT, fetch, refusal
from sanctuary_tracker.settings import ReadLimits

PAGE = b"<html><body><p>Oakridge limits ICE detainers.</p></body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[dict] = []  # noqa: RUF012 (shared with the tests on purpose)

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.seen.append({"path": self.path, **{k: v for k, v in self.headers.items()}})
        path = self.path
        if path == "/page":
            self._send(200, PAGE, [("Content-Type", "text/html; charset=utf-8")])
        elif path == "/gzip":
            self._send(
                200,
                gzip.compress(PAGE),
                [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            )
        elif path == "/bomb":  # 1 KB of gzip that inflates to 10 MB
            self._send(200, gzip.compress(b"\0" * 10_000_000), [("Content-Encoding", "gzip")])
        elif path == "/big":  # 2 MB without a Content-Length: only streaming can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(32):
                    self.wfile.write(b"x" * 65536)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/big-declared":
            self._send(200, b"x" * 300_000, [("Content-Type", "text/plain")])
        elif path == "/stall":
            time.sleep(3)
            self._send(200, b"too late")
        elif path == "/drip":  # a byte every 0.2 s: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        elif path == "/missing":
            self._send(404, b"not here", [("Content-Type", "text/plain")])
        elif path == "/error":
            self._send(503, b"down")
        elif path.startswith("/to?"):
            self._send(302, headers=[("Location", unquote(path[len("/to?") :]))])
        elif path == "/relative":
            self._send(301, headers=[("Location", "/page")])
        elif path == "/loop":
            self._send(302, headers=[("Location", "/loop")])
        else:
            self._send(500, b"unexpected path")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LIMITS = ReadLimits(fetch_timeout=2.0)


def test_fetches_a_page_with_allow_private(server):
    got = fetch(server + "/page", allow_private=True, limits=LIMITS)
    assert got.data == PAGE
    assert got.content_type == "text/html; charset=utf-8"
    assert got.url == server + "/page"
    assert got.fetched_at.endswith("Z") and got.fetched_at[:2] == "20"
    request = Handler.seen[-1]
    assert request["User-Agent"] == USER_AGENT
    assert "sanctuary-tracker" in request["User-Agent"]
    assert request["Host"] == server.removeprefix("http://")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.1", "2130706433", "[::1]"])
def test_loopback_refused_without_allow_private(server, host):
    port = server.rsplit(":", 1)[1]
    before = len(Handler.seen)
    with pytest.raises(ReadError) as info:
        fetch(f"http://{host}:{port}/page", allow_private=False, limits=LIMITS)
    assert "refused" in str(info.value) and "loopback" in str(info.value)
    assert "\n" not in str(info.value)
    assert len(Handler.seen) == before  # nothing was sent


def test_gzip_content_encoding_is_decoded(server):
    got = fetch(server + "/gzip", allow_private=True, limits=LIMITS)
    assert got.data == PAGE
    assert Handler.seen[-1]["Accept-Encoding"] == "gzip, deflate"


def test_gzip_bomb_stops_at_the_cap(server):
    with pytest.raises(ReadError, match="decompresses to more than 1,000,000 bytes"):
        fetch(server + "/bomb", allow_private=True, limits=ReadLimits(max_fetch_bytes=1_000_000))


def test_size_cap_while_streaming(server):
    started = time.monotonic()
    with pytest.raises(ReadError, match="larger than 100,000 bytes"):
        fetch(server + "/big", allow_private=True, limits=ReadLimits(max_fetch_bytes=100_000))
    assert time.monotonic() - started < 5


def test_size_cap_from_content_length(server):
    with pytest.raises(ReadError, match="300,000 bytes, over the 100,000-byte fetch limit"):
        fetch(
            server + "/big-declared",
            allow_private=True,
            limits=ReadLimits(max_fetch_bytes=100_000),
        )


def test_timeout_on_a_stalling_server(server):
    started = time.monotonic()
    with pytest.raises(ReadError, match="timed out"):
        fetch(server + "/stall", allow_private=True, limits=ReadLimits(fetch_timeout=0.5))
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    ("path", "status"), [("/missing", "HTTP 404 Not Found"), ("/error", "HTTP 503")]
)
def test_http_errors_name_the_status(server, path, status):
    with pytest.raises(ReadError) as info:
        fetch(server + path, allow_private=True, limits=LIMITS)
    assert str(info.value).startswith(server + path + ": " + status)


def test_follows_relative_redirects(server):
    got = fetch(server + "/relative", allow_private=True, limits=LIMITS)
    assert got.data == PAGE
    assert got.url == server + "/page"


def test_redirect_loop_stops(server):
    before = len(Handler.seen)
    with pytest.raises(ReadError, match="redirects more than 5 times"):
        fetch(server + "/loop", allow_private=True, limits=LIMITS)
    assert len(Handler.seen) - before == 6  # the first request and five redirects


def test_redirect_to_other_scheme_refused(server):
    with pytest.raises(ReadError, match="'file:' addresses are not supported"):
        fetch(server + "/to?file:///etc/passwd", allow_private=True, limits=LIMITS)


@pytest.fixture
def public_name(server, monkeypatch):
    """'public.test' resolves to the local server and 127.0.0.1 is treated as public; every
    other address is judged by the real rules. Models a public site that redirects inward.
    (So redirect targets here must not resolve to 127.0.0.1 itself.)"""
    port = int(server.rsplit(":", 1)[1])
    real_resolve, real_refusal = fetch_module._resolve, fetch_module.refusal

    def resolve(host, port_):
        return ["127.0.0.1"] if host == "public.test" else real_resolve(host, port_)

    def judged(address):
        return None if address == "127.0.0.1" and judged.public else real_refusal(address)

    judged.public = True
    monkeypatch.setattr(fetch_module, "_resolve", resolve)
    monkeypatch.setattr(fetch_module, "refusal", judged)
    return f"http://public.test:{port}"


def test_connects_to_the_checked_address_with_the_host_header(public_name):
    got = fetch(public_name + "/page", allow_private=False, limits=LIMITS)
    assert got.data == PAGE
    assert Handler.seen[-1]["Host"] == public_name.removeprefix("http://")


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("http://10.1.2.3/admin", "private address 10.1.2.3"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::ffff:127.0.0.2]/", "loopback address 127.0.0.2 (embedded in ::ffff:7f00:2)"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://127.0.0.2:1/", "loopback address 127.0.0.2"),
    ],
)
def test_redirect_to_private_refused(public_name, target, why):
    before = len(Handler.seen)
    with pytest.raises(ReadError) as info:
        fetch(public_name + "/to?" + target, allow_private=False, limits=LIMITS)
    message = str(info.value)
    assert message.startswith(public_name + "/to?")
    assert why in message and "redirected to" in message and "refused" in message
    assert len(Handler.seen) - before == 1  # only the public hop was requested


def test_refused_schemes_and_malformed():
    for url, match in [
        ("ftp://example.com/x", "'ftp:' addresses are not supported"),
        ("http:///nohost", "has no host name"),
        ("http://example.com:99999/", "malformed address"),
    ]:
        with pytest.raises(ReadError, match=match):
            fetch(url, allow_private=False, limits=LIMITS)


@pytest.mark.parametrize(
    ("address", "bad"),
    [
        ("8.8.8.8", False),
        ("2606:4700:4700::1111", False),
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("192.168.1.1", True),
        ("100.64.0.1", True),  # shared address space (CGNAT)
        ("169.254.169.254", True),
        ("224.0.0.1", True),
        ("240.0.0.1", True),
        ("0.0.0.0", True),
        ("255.255.255.255", True),
        ("::1", True),
        ("::", True),
        ("fe80::1", True),
        ("fc00::1", True),
        ("ff02::1", True),
        ("::ffff:10.0.0.1", True),
        ("::ffff:8.8.8.8", False),
        ("2002:0a00:0001::1", True),  # 6to4 around 10.0.0.1
        ("64:ff9b::a00:1", True),  # NAT64 around 10.0.0.1
    ],
)
def test_refusal_rules(address, bad):
    assert (refusal(address) is not None) == bad, refusal(address)


def test_a_dripping_server_is_cut_off_by_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(ReadError, match="took too long to download"):
        fetch(
            server + "/drip", allow_private=True, limits=ReadLimits(fetch_timeout=1, read_seconds=1)
        )
    assert time.monotonic() - started < 3


def test_https_connects_to_the_checked_address_with_sni(monkeypatch):
    import urllib3

    seen = {}

    class Stop(Exception):
        pass

    class FakePool:
        def __init__(self, host, port, **kwargs):
            seen.update(host=host, port=port, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def urlopen(self, method, target, headers, **kwargs):
            seen.update(target=target, headers=headers)
            raise Stop("stop before the network")

    monkeypatch.setattr(fetch_module, "_resolve", lambda host, port: ["93.184.215.14"])
    monkeypatch.setattr(urllib3, "HTTPSConnectionPool", FakePool)
    with pytest.raises(ReadError, match="Stop: stop before the network"):
        fetch("https://Policy.Example.org/a?b=1", allow_private=False, limits=LIMITS)
    assert seen["host"] == "93.184.215.14" and seen["port"] == 443
    assert seen["server_hostname"] == "policy.example.org"
    assert seen["assert_hostname"] == "policy.example.org"
    assert seen["cert_reqs"] == "CERT_REQUIRED"
    assert seen["target"] == "/a?b=1"
    assert seen["headers"]["Host"] == "policy.example.org"


def test_any_private_address_among_several_is_refused(monkeypatch):
    monkeypatch.setattr(fetch_module, "_resolve", lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(ReadError, match=r"private address 10\.0\.0\.7"):
        fetch("http://mixed.example/", allow_private=False, limits=LIMITS)
