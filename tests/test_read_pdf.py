"""read_pdf(): pages, offsets, metadata, limits, and every kind of bad PDF as one ReadError."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.dispatch import document_from_bytes
from sanctuary_tracker.read.pdf import read_pdf
from sanctuary_tracker.settings import ReadLimits

FIXTURES = Path(__file__).parent / "fixtures"
_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)

LIMITS = ReadLimits()


def pdf(name: str) -> bytes:
    return (FIXTURES / "pdf" / name).read_bytes()


def test_report_body_pages_and_metadata():
    doc = read_pdf(pdf("report.pdf"), source="report.pdf", limits=LIMITS)
    assert doc.media_type == "application/pdf"
    assert doc.title == "Detainer Policy Review"
    assert doc.published == "2017-01-25"
    assert len(doc.pages) == 3 and doc.pages[0] == 0
    expected = ["\n".join(lines) for lines in make.REPORT_PAGES]
    assert doc.body == "\n\n".join(expected)
    for number, (start, text) in enumerate(zip(doc.pages, expected, strict=True), start=1):
        assert doc.body[start : start + len(text)] == text
        assert doc.page_of(start) == number
        assert doc.page_of(start + len(text) - 1) == number
    assert doc.page_of(doc.body.index("$250,000")) == 3
    assert doc.page_of(doc.body.index("judicial warrant")) == 1
    assert doc.warnings == []


def test_fixture_file_matches_its_builder():
    assert pdf("report.pdf") == make.build_pdf(make.REPORT_PAGES, info=make.REPORT_INFO)


def test_through_the_pipeline_sets_hash_and_language():
    doc = document_from_bytes(pdf("report.pdf"), source="report.pdf", limits=LIMITS)
    assert doc.content_hash.startswith("sha256:")
    assert doc.language == "en"
    assert doc.pages == [0, 181, 275]


def test_page_limit_reads_the_first_pages_and_warns():
    doc = read_pdf(pdf("report.pdf"), source="r", limits=ReadLimits(max_pdf_pages=2))
    assert len(doc.pages) == 2
    assert "$250,000" not in doc.body and "Jail Access" in doc.body
    assert doc.warnings == ["read the first 2 of 3 pages (the page limit); the rest were skipped"]


def test_byte_limit():
    with pytest.raises(ReadError, match=r"^r: is 1,920 bytes of PDF, over the 1,000-byte limit$"):
        read_pdf(pdf("report.pdf"), source="r", limits=ReadLimits(max_pdf_bytes=1000))


# Scans and image pages (OCR, and without tesseract): tests/test_read_ocr.py


def test_metadata_dates():
    pages = [["Some words on the page."]]
    for raw, expected in [
        ("D:20240229", "2024-02-29"),
        ("D:2023", None),  # no day: not a publication date
        ("D:20231341", None),  # no such month
        ("garbage", None),
    ]:
        data = make.build_pdf(pages, info={"CreationDate": raw, "Title": "  "})
        doc = read_pdf(data, source="d", limits=LIMITS)
        assert doc.published == expected, raw
        assert doc.title is None


def test_encrypted_with_a_password_is_refused():
    with pytest.raises(
        ReadError, match=r"^locked\.pdf: is an encrypted PDF that needs a password$"
    ):
        read_pdf(pdf("locked.pdf"), source="locked.pdf", limits=LIMITS)


def test_encrypted_with_empty_user_password_is_read():
    doc = read_pdf(pdf("owner-only.pdf"), source="o", limits=LIMITS)
    assert "judicial warrant" in doc.body
    assert doc.title == "Detainer Policy Review"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param((FIXTURES / "pdf" / "broken.pdf").read_bytes(), id="broken"),
        pytest.param(make.build_pdf(make.REPORT_PAGES, truncate_xref=True), id="cut-before-xref"),
        pytest.param(make.build_pdf(make.REPORT_PAGES)[:40], id="header-only"),
        pytest.param(b"%PDF-1.7\n" + b"\0" * 64, id="nul-bytes"),
        pytest.param(b"%PDF-", id="magic-only"),
    ],
)
def test_bad_pdfs_are_one_line_read_errors(data, capfd):
    with pytest.raises(ReadError) as info:
        read_pdf(data, source="bad.pdf", limits=LIMITS)
    message = str(info.value)
    assert message.startswith("bad.pdf: ")
    assert "\n" not in message
    assert capfd.readouterr().err == ""  # pypdf's log warnings did not reach stderr


def test_pypdf_logging_is_silenced_and_restored(capfd, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ReadError):
        read_pdf(pdf("broken.pdf"), source="b", limits=LIMITS)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert capfd.readouterr().err == ""
    pypdf_logger = logging.getLogger("pypdf")
    assert pypdf_logger.propagate is True
    assert pypdf_logger.level == logging.NOTSET


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=1919), min_size=1, max_size=6),
    junk=st.binary(min_size=1, max_size=8),
    truncate=st.integers(min_value=5, max_value=1920),
)
def test_damaged_pdfs_give_a_document_or_a_read_error(cuts, junk, truncate):
    data = bytearray(pdf("report.pdf"))
    for cut in cuts:
        data[cut : cut + len(junk)] = junk
    data = bytes(data[:truncate])
    try:
        doc = read_pdf(data, source="fuzz.pdf", limits=LIMITS)
    except ReadError as exc:
        assert "\n" not in str(exc)
    else:
        assert doc.pages and doc.pages[0] == 0
        assert all(0 <= start <= len(doc.body) for start in doc.pages)


@settings(max_examples=60)
@given(
    st.binary(max_size=300),
    st.lists(
        st.tuples(st.sampled_from(["read", "seek"]), st.integers(-40, 400), st.integers(0, 2))
    ),
)
def test_the_stream_over_the_bytes_reads_as_bytesio_does(data, steps):
    """pypdf reads a PDF through a stream that shares the bytes (not a BytesIO, which
    copies them when asked its size): the same reads, seeks and positions."""
    import io

    from sanctuary_tracker.read.pdf import _byte_stream

    ours, theirs = _byte_stream(data), io.BytesIO(data)
    for step, number, whence in steps:
        if step == "read":
            assert ours.read(max(number, -1)) == theirs.read(max(number, -1))
        else:
            offset = number if whence == 0 else number - 200
            if whence == 0 and offset < 0:
                continue
            ours.seek(offset, whence)
            theirs.seek(offset, whence)
        assert ours.tell() == theirs.tell()
