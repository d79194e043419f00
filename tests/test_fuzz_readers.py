"""Fuzzing the readers and the loader with hypothesis: bytes in, one Document or one
ReadError out (never another exception, never a hang); an evidence line in, a
RecordError or a record that loads on SQLite and PostgreSQL alike. Bounded to run in
well under a minute."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_support import STORE_FIXTURES

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.dispatch import document_from_payload
from sanctuary_tracker.read.warc import iter_warc_payloads
from sanctuary_tracker.settings import ReadLimits
from sanctuary_tracker.store.validate import CONTROLS

FIXTURES = Path(__file__).parent / "fixtures"
REPORT = (FIXTURES / "pdf" / "report.pdf").read_bytes()
LIMITS = ReadLimits(read_seconds=10)
FUZZ = settings(
    max_examples=60,
    deadline=timedelta(seconds=15),  # a reader that hangs fails here
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

CONTROL_CHARS = st.sampled_from(["\x00", "\x01", "\x0b", "\x1f", "\ud800", "\t", "\n"])
TEXT = st.lists(st.one_of(st.text(max_size=40), CONTROL_CHARS), max_size=30).map("".join)
ENCODINGS = st.sampled_from(
    ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252"]
)


@st.composite
def encoded_text(draw) -> bytes:
    return draw(TEXT).encode(draw(ENCODINGS), errors="ignore")


@st.composite
def html_page(draw) -> bytes:
    depth = draw(st.integers(0, 400))
    meta = draw(st.one_of(st.text(max_size=60), st.just("[" * depth + "]" * depth)))
    body = draw(TEXT)
    nest = draw(st.integers(0, 30))
    page = (
        f'<html><head><script type="application/ld+json">{meta}</script>'
        f"<title>{draw(TEXT)}</title></head><body>{'<div>' * nest}<p>{body}</p>"
        f"<figure><figcaption>{draw(TEXT)}</figcaption></figure></body></html>"
    )
    return page.encode(draw(ENCODINGS), errors="ignore")


@st.composite
def mutated_pdf(draw) -> bytes:
    data = bytearray(REPORT[: draw(st.integers(6, len(REPORT)))])
    for _ in range(draw(st.integers(0, 8))):
        data[draw(st.integers(5, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


READER_INPUT = st.one_of(
    st.binary(max_size=400),
    encoded_text(),
    html_page(),
    mutated_pdf(),
    st.binary(max_size=200).map(gzip.compress),
    st.binary(max_size=200).map(lambda b: b"%PDF-1.4\n" + b),
)


def _clean(document: Document) -> None:
    assert isinstance(document, Document)
    assert document.body.strip()
    for text in (document.body, document.title, document.byline, document.url, *document.captions):
        assert text is None or not CONTROLS.search(text)


@FUZZ
@given(data=READER_INPUT, name=st.sampled_from([None, "x.txt", "x.html", "x.pdf"]))
def test_readers_give_a_document_or_a_read_error(data, name):
    from sanctuary_tracker.read.dispatch import document_from_bytes

    try:
        document = document_from_bytes(data, source="fuzz", name=name, limits=LIMITS)
    except ReadError as error:
        assert str(error).startswith("fuzz: ") and "\n" not in str(error)
        return
    _clean(document)


@st.composite
def warc_file(draw) -> bytes:
    body = draw(st.one_of(html_page(), encoded_text(), st.binary(max_size=100)))
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    uri = draw(st.text(max_size=30)).encode("utf-8", "ignore")
    length = len(http) + draw(st.sampled_from([0, 0, 0, -3, 5]))
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: " + uri.replace(b"\r", b"").replace(b"\n", b"") + b"\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(max(length, 0)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n"
    )
    cut = draw(st.integers(0, len(record)))
    record = record[:cut] if draw(st.booleans()) else record
    return gzip.compress(record) if draw(st.booleans()) else record


@FUZZ
@given(data=warc_file())
def test_warc_reader_gives_documents_or_a_read_error(data):
    try:
        for payload in iter_warc_payloads("fuzz.warc", data=data, limits=LIMITS):
            try:
                _clean(document_from_payload(payload, limits=LIMITS))
            except ReadError as error:
                assert str(error).startswith("fuzz.warc#")
    except ReadError as error:
        assert str(error).startswith("fuzz.warc: ") and "\n" not in str(error)


# ------------------------------------------------------------------ the loader


@pytest.fixture(scope="module")
def council_line() -> str:
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read

    return json.dumps(extract(read(str(STORE_FIXTURES / "chelsea-council.txt"))))


JSON_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats()
    | st.text(max_size=12)
    | CONTROL_CHARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key in sorted(value):
            yield from _paths(value[key], (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


@st.composite
def evidence_line(draw, line: str) -> str:
    """The council's record with a few values replaced, or its line's bytes cut or flipped."""
    if draw(st.integers(0, 4)) == 0:
        cut = draw(st.integers(0, len(line)))
        return line[:cut] + draw(st.text(max_size=5)) + line[cut:]
    record = json.loads(line)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(record))[1:]))
        parent = record
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(JSON_VALUE)
    return json.dumps(record)


def test_loader_refuses_or_loads_each_evidence_line(store, council_line, tmp_path):
    from sanctuary_tracker.store.ingest import _checked_records
    from sanctuary_tracker.store.loader import Loader
    from sanctuary_tracker.store.lookups import Lookups

    lookups = Lookups.load()
    evidence = tmp_path / "evidence.jsonl"

    @FUZZ
    @given(line=evidence_line(council_line))
    def load(line):
        evidence.write_text(line + "\n", encoding="utf-8", errors="surrogatepass")
        problems: list[str] = []
        records = list(_checked_records([str(evidence)], lookups, problems.append))
        assert len(records) + len(problems) == 1, problems
        assert all(p.startswith(f"{evidence}:") and "\n" not in p for p in problems)
        loader = Loader(user=None, lookups=lookups)
        for record in records:  # a record that passed the checks loads on either store
            loader.load(record)
        loader.close()

    load()
