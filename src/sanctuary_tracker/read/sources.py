"""Where bytes come from: files, standard input, URLs, and the records inside WARC files."""

from __future__ import annotations

import os
import re
import sys
import zlib
from collections.abc import Iterator

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.payload import Payload
from sanctuary_tracker.settings import ReadLimits

WARC_SUFFIXES = (".warc", ".warc.gz")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def iter_payloads(source: str, *, allow_private: bool, limits: ReadLimits) -> Iterator[Payload]:
    """The payloads a source holds: one, or one per HTTP response record of a WARC."""
    if source == "-":
        data = _read_capped(sys.stdin.buffer, limits.max_pdf_bytes, source)
        yield from _unwrap(data, source=source, name=None, limits=limits)
        return
    if is_url(source):
        from sanctuary_tracker.read.deadline import time_limit
        from sanctuary_tracker.read.fetch import fetch

        # Per-read timeouts do not bound a server that drips bytes; the deadline does.
        with time_limit(limits.read_seconds, source):
            fetched = fetch(source, allow_private=allow_private, limits=limits)
        yield Payload(
            fetched.data,
            source=source,
            name=fetched.url,
            content_type=fetched.content_type,
            url=fetched.url,
            fetched_at=fetched.fetched_at,
        )
        return
    if _SCHEME.match(source) and not os.path.exists(source):
        scheme = source.split("://", 1)[0]
        raise ReadError(source, f"'{scheme}://' addresses are not supported (only http and https)")
    if not os.path.exists(source):
        raise ReadError(source, "no such file")
    if os.path.isdir(source):
        raise ReadError(source, "is a folder, not a file")
    if _is_warc_file(source):
        from sanctuary_tracker.read.warc import iter_warc_payloads

        yield from iter_warc_payloads(source, limits=limits)
        return
    with open(source, "rb") as handle:
        data = _read_capped(handle, limits.max_pdf_bytes, source)
    yield from _unwrap(data, source=source, name=source, limits=limits)


def _is_warc_file(path: str) -> bool:
    if path.lower().endswith(WARC_SUFFIXES):
        return True
    with open(path, "rb") as handle:
        head = handle.read(512)
    if head.startswith(b"WARC/"):
        return True
    return head.startswith(b"\x1f\x8b") and _gzip_head_is_warc(head)


def _unwrap(data: bytes, *, source: str, name: str | None, limits: ReadLimits) -> Iterator[Payload]:
    """A gzip-compressed single document is decompressed; a WARC on stdin is split."""
    if data.startswith(b"WARC/") or (data.startswith(b"\x1f\x8b") and _gzip_head_is_warc(data)):
        from sanctuary_tracker.read.warc import iter_warc_payloads

        # Compressed WARCs go in as they are: the WARC reader handles gzip members,
        # truncation, and names records by their offsets in the compressed bytes.
        yield from iter_warc_payloads(source, limits=limits, data=data)
        return
    if data.startswith(b"\x1f\x8b"):
        data = gunzip_capped(data, limits.max_pdf_bytes, source)
        if name and name.lower().endswith(".gz"):
            name = name[:-3]
    yield Payload(data, source=source, name=name)


def _gzip_head_is_warc(data: bytes) -> bool:
    try:
        return zlib.decompressobj(31).decompress(data[:512], 16).startswith(b"WARC/")
    except zlib.error:
        return False


def gunzip_capped(data: bytes, cap: int, source: str) -> bytes:
    """Decompress gzip data (every member), refusing output over ``cap`` bytes and
    truncated streams."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(rest, cap + 1 - len(out))
        except zlib.error as exc:
            raise ReadError(source, f"is corrupt gzip data ({exc})") from None
        if len(out) > cap:
            raise ReadError(source, f"decompresses to more than {cap:,} bytes (the size limit)")
        if not inflater.eof:
            raise ReadError(source, "is truncated gzip data (the compressed stream ends early)")
        rest = inflater.unused_data
    return bytes(out)


def _read_capped(stream, cap: int, source: str) -> bytes:
    try:
        data = stream.read(cap + 1)
    except OSError as exc:
        raise ReadError(source, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > cap:
        raise ReadError(source, f"is larger than {cap:,} bytes (the size limit)")
    return data
