"""Fetching http(s) URLs safely: timeouts, a size cap, no private addresses unless allowed.

How a fetch goes:

* Only ``http`` and ``https`` URLs; anything else is refused.
* The host is resolved once, and every address it resolves to must be public (not
  loopback, private, shared (CGNAT), link-local, multicast, reserved or unspecified;
  IPv6 addresses embedding an IPv4 one (IPv4-mapped, 6to4, Teredo, NAT64) are judged by
  that IPv4 address) unless ``allow_private``. The connection is then made to the very
  address that was checked, with the name in the Host header and, for https, in SNI and
  the certificate check, so a second DNS answer cannot swap in a private address
  (DNS rebinding).
* Redirects are followed by hand, at most ``MAX_REDIRECTS``, each hop checked afresh.
* ``limits.fetch_timeout`` bounds the connect and each read; the whole fetch is also
  bounded by ``limits.read_seconds`` of wall-clock time (a server dripping bytes slowly
  cannot hold a run).
* At most ``limits.max_fetch_bytes`` are taken, counted as they arrive and again after
  gzip/deflate content-encoding is decoded (so a compression bomb stops at the cap).
* HTTP 4xx/5xx become ReadError with the status. Only ReadError leaves this module.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.compression import inflate
from sanctuary_tracker.settings import ReadLimits

MAX_REDIRECTS = 5
USER_AGENT = "sanctuary-tracker/0.1 (+https://github.com/sanctuary-tracker; document reader)"
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 1 << 16
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass
class Fetched:
    data: bytes
    content_type: str | None
    url: str  # the final address, after redirects
    fetched_at: str  # ISO 8601 UTC time of the response


def fetch(url: str, *, allow_private: bool, limits: ReadLimits) -> Fetched:
    """The body of ``url`` (after redirects), or ReadError naming ``url``."""
    deadline = time.monotonic() + limits.read_seconds if limits.read_seconds > 0 else None
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            result = _fetch_once(current, url, allow_private, limits, deadline)
        except ReadError:
            raise
        except Exception as exc:  # urllib3, socket, ssl, http.client: one line, no traceback
            raise ReadError(url, _network_problem(exc, current, url)) from None
        if isinstance(result, Fetched):
            return result
        current = result  # the next hop
    raise ReadError(url, f"redirects more than {MAX_REDIRECTS} times")


def _fetch_once(
    current: str, original: str, allow_private: bool, limits: ReadLimits, deadline
) -> Fetched | str:
    import urllib3

    scheme, host, port, target = _split(current, original)
    address = _checked_address(host, port, allow_private, original, current)
    timeout = urllib3.Timeout(connect=limits.fetch_timeout, read=limits.fetch_timeout)
    default_port = 443 if scheme == "https" else 80
    host_header = _bracket(host) + ("" if port == default_port else f":{port}")
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
    headers = {
        "Host": host_header,
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    with pool:
        response = pool.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=False,
            assert_same_host=False,
        )
        try:
            return _handle(response, current, original, limits, deadline)
        finally:
            response.release_conn()
            response.close()


def _handle(response, current: str, original: str, limits: ReadLimits, deadline) -> Fetched | str:
    status = response.status
    if status in _REDIRECTS:
        location = response.headers.get("Location")
        if not location:
            raise ReadError(original, f"HTTP {status} redirect without a Location ({current})")
        return urljoin(current, location.strip())
    if status >= 400:
        reason = response.reason or ""
        where = "" if current == original else f" (at {current})"
        raise ReadError(original, f"HTTP {status} {reason}".rstrip() + where)
    if status >= 300:
        raise ReadError(original, f"HTTP {status}: not a page or a redirect that can be followed")
    cap = limits.max_fetch_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > cap:
        raise ReadError(original, f"is {int(declared):,} bytes, over the {cap:,}-byte fetch limit")
    fetched_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    raw = _read_capped(response, original, cap, deadline)
    data = _decode(raw, response.headers.get("Content-Encoding"), original, cap)
    return Fetched(
        data=data,
        content_type=response.headers.get("Content-Type"),
        url=current,
        fetched_at=fetched_at,
    )


def _read_capped(response, original: str, cap: int, deadline) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        if deadline is not None and time.monotonic() > deadline:
            raise ReadError(original, "took too long to download (the time limit)")
        piece = response.read1(_CHUNK)
        if not piece:
            break
        size += len(piece)
        if size > cap:
            raise ReadError(original, f"is larger than {cap:,} bytes (the fetch limit)")
        parts.append(piece)
    return b"".join(parts)


def _decode(raw: bytes, encoding: str | None, original: str, cap: int) -> bytes:
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    data = raw
    for coding in reversed(codings):  # the last coding applied is undone first
        if coding in ("identity", "none"):
            continue
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise ReadError(original, f"uses content-encoding {coding}, which is not supported")
        data = _inflate(data, coding, original, cap)
    return data


def _inflate(data: bytes, coding: str, original: str, cap: int) -> bytes:
    inflated = inflate(data, coding, cap)
    if inflated is None:
        raise ReadError(original, f"has a corrupt {coding} body")
    out, ended = inflated
    if len(out) > cap:
        raise ReadError(original, f"decompresses to more than {cap:,} bytes (the fetch limit)")
    if not ended:
        raise ReadError(original, f"has a truncated {coding} body")
    return out


def _split(current: str, original: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(current)
        port = parts.port
    except ValueError as exc:
        raise ReadError(original, f"has a malformed address {current!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        where = "" if current == original else f" (a redirect to {current})"
        raise ReadError(original, f"'{scheme}:' addresses are not supported{where}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ReadError(original, f"has no host name ({current})")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise ReadError(original, f"has a host name that is not valid ({host})") from None
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return scheme, host, port or (443 if scheme == "https" else 80), target


def _resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (a test may replace this)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = str(sockaddr[0]).split("%")[0]
        if address not in seen:
            seen.append(address)
    return seen


def refusal(address: str) -> str | None:
    """Why ``address`` may not be fetched from without --allow-private, or None if public."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ip.sixtofour) or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            why = refusal(str(embedded))
            return f"{why} (embedded in {ip})" if why else None
    for test, what in (
        ("is_unspecified", "unspecified"),
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_private", "private"),
        ("is_reserved", "reserved"),
    ):
        if getattr(ip, test):
            return f"{what} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


def _checked_address(host: str, port: int, allow_private: bool, original: str, current: str) -> str:
    try:
        addresses = _resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise ReadError(original, f"host {host} cannot be resolved ({_reason(exc)})") from None
    if not addresses:
        raise ReadError(original, f"host {host} has no address")
    if not allow_private:
        for address in addresses:
            why = refusal(address)
            if why:
                hop = "" if current == original else f" (redirected to {current})"
                raise ReadError(
                    original,
                    f"host {host} is on a {why}{hop}; refused (use --allow-private to allow)",
                )
    return addresses[0]


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _network_problem(exc: Exception, current: str, original: str) -> str:
    import urllib3.exceptions as ue

    where = "" if current == original else f" (at {current})"
    if isinstance(exc, ue.ConnectTimeoutError):
        return f"timed out connecting{where}"
    if isinstance(exc, ue.ReadTimeoutError | TimeoutError | socket.timeout):
        return f"timed out waiting for the server{where}"
    if isinstance(exc, ue.SSLError):
        return f"TLS failed{where} ({_first_line(exc)})"
    if isinstance(exc, ue.NewConnectionError | ConnectionError):
        return f"cannot connect{where} ({_first_line(exc)})"
    if isinstance(exc, ue.ProtocolError):
        return f"the connection failed{where} ({_first_line(exc)})"
    return f"cannot be fetched{where} ({type(exc).__name__}: {_first_line(exc)})"


def _first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__
