"""Building WARC inputs for the batch tests and benchmark: Common Crawl layout, one gzip
member per record, from the shared bench pages and dev texts (records written by
tests/fixtures/make_fixtures.py's builders)."""

from __future__ import annotations

import gzip
import importlib.util
import uuid
from pathlib import Path

_FIXTURES = Path(__file__).parent / "fixtures"
_spec = importlib.util.spec_from_file_location("make_fixtures", _FIXTURES / "make_fixtures.py")
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)

HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


def warc_members(url: str, body: bytes, content_type: str, number: int) -> list[bytes]:
    """The gzip members of one fetch: its request record, then its response record."""
    ids = uuid.UUID(int=number * 2), uuid.UUID(int=number * 2 + 1)
    request = make_fixtures.warc_record(
        "request",
        uri=url,
        block=f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode(),
        record_id=str(ids[0]),
        content_type="application/http; msgtype=request",
    )
    response = make_fixtures.warc_record(
        "response",
        uri=url,
        block=make_fixtures.http_response(body, content_type=content_type),
        record_id=str(ids[1]),
    )
    return [gzip.compress(request, compresslevel=6, mtime=0), gzip.compress(response, mtime=0)]


def write_warc(path: Path, documents: list[tuple[str, bytes, str]]) -> Path:
    """Write (url, body, content type) documents as a .warc.gz; returns ``path``."""
    info = make_fixtures.warc_record(
        "warcinfo",
        uri=None,
        block=b"software: sanctuary-tracker tests\r\n",
        record_id=str(uuid.UUID(int=0)),
        content_type="application/warc-fields",
    )
    with open(path, "wb") as handle:
        handle.write(gzip.compress(info, mtime=0))
        for number, (url, body, content_type) in enumerate(documents, start=1):
            for member in warc_members(url, body, content_type, number):
                handle.write(member)
    return path


def bench_pages(shared: Path) -> list[tuple[str, bytes, str]]:
    """The shared benchmark's HTML pages (mostly not about immigration), as documents."""
    folder = shared / "bench" / "article-extraction" / "html"
    return [
        (f"https://bench.example/{p.name[:16]}", gzip.decompress(p.read_bytes()), HTML)
        for p in sorted(folder.glob("*.html.gz"))
    ]


def dev_texts(shared: Path) -> list[tuple[str, bytes, str]]:
    """The shared dev documents (all about the subject), as plain-text documents."""
    return [
        (f"https://dev.example/{p.stem}", p.read_bytes(), TEXT)
        for p in sorted((shared / "eval" / "dev").glob("*.txt"))
    ]
