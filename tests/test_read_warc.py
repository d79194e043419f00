"""iter_warc_payloads(): response records out, everything else skipped, damage reported."""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import iter_documents
from sanctuary_tracker.read.warc import iter_warc_payloads
from sanctuary_tracker.settings import ReadLimits

FIXTURES = Path(__file__).parent / "fixtures"
_spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)

PLAIN = FIXTURES / "warc" / "sample.warc"
GZ = FIXTURES / "warc" / "sample.warc.gz"
LIMITS = ReadLimits()
URLS = [
    "https://oakridge.example/news/ordinance",
    "https://maple.example/sheriff",
    "https://ville.example/declaration",
]


def collect(path, limits=LIMITS, data=None):
    """(payloads yielded, the ReadError that ended the stream or None)."""
    got = []
    try:
        for payload in iter_warc_payloads(str(path), limits=limits, data=data):
            got.append(payload)
    except ReadError as exc:
        return got, exc
    return got, None


def test_fixtures_match_their_builder():
    assert PLAIN.read_bytes() == b"".join(make.sample_records())
    assert GZ.read_bytes() == make.gzip_members(make.sample_records())


@pytest.mark.parametrize("path", [PLAIN, GZ], ids=["warc", "warc.gz"])
def test_response_records_become_payloads(path):
    got, error = collect(path)
    assert error is None
    assert [p.url for p in got] == URLS  # request, 404, warcinfo, metadata skipped
    assert [p.name for p in got] == URLS
    assert [p.fetched_at for p in got] == [
        "2024-03-01T12:00:01Z",
        "2024-03-01T12:00:02Z",
        "2024-03-01T12:00:03Z",
    ]
    assert got[0].data == make.PLAIN_BODY
    assert got[1].data == make.GZIP_BODY  # chunked and gzip-encoded in the record
    assert got[2].data == make.LATIN1_BODY
    assert got[2].content_type == "text/plain; charset=iso-8859-1"


def test_record_names_are_file_offsets():
    plain, _ = collect(PLAIN)
    raw = PLAIN.read_bytes()
    assert [p.source for p in plain] == [f"{PLAIN}#549", f"{PLAIN}#1051", f"{PLAIN}#2169"]
    for payload, url in zip(plain, URLS, strict=True):
        offset = int(payload.source.rsplit("#", 1)[1])
        assert raw[offset:].startswith(b"WARC/1.0\r\nWARC-Type: response")
        assert f"WARC-Target-URI: {url}".encode() in raw[offset : offset + 300]
    gz, _ = collect(GZ)
    compressed = GZ.read_bytes()
    assert [p.source for p in gz] == [f"{GZ}#408", f"{GZ}#737", f"{GZ}#1594"]
    for payload, url in zip(gz, URLS, strict=True):
        offset = int(payload.source.rsplit("#", 1)[1])  # a Common Crawl index offset
        member = zlib.decompressobj(wbits=31).decompress(compressed[offset:])
        assert member.startswith(b"WARC/1.0\r\nWARC-Type: response")
        assert f"WARC-Target-URI: {url}".encode() in member


def test_whole_file_gzip_names_member_and_inner_offset(tmp_path):
    path = tmp_path / "one-member.warc.gz"
    path.write_bytes(gzip.compress(PLAIN.read_bytes()))
    got, error = collect(path)
    assert error is None
    assert [p.source.rsplit("#", 1)[1] for p in got] == ["0+549", "0+1051", "0+2169"]


def test_data_from_standard_input():
    got, error = collect("-", data=PLAIN.read_bytes())
    assert error is None
    assert [p.source for p in got] == ["-#549", "-#1051", "-#2169"]


def test_oversized_records_are_skipped_and_reported_at_the_end():
    got, error = collect(PLAIN, limits=ReadLimits(max_record_bytes=200))
    assert [p.url for p in got] == [URLS[2]]  # the small one is still read
    assert str(error) == (
        f"{PLAIN}: skipped 2 records over the 200-byte record limit (offsets 549, 1051)"
    )


def _one_response(tmp_path, body: bytes, extra: list[str]) -> Path:
    record = make.warc_record(
        "response",
        uri="https://x.example/",
        block=make.http_response(body, extra=extra),
        record_id="00000000-0000-0000-0000-0000000000aa",
    )
    path = tmp_path / "one.warc"
    path.write_bytes(record + PLAIN.read_bytes())
    return path


def test_gzip_bomb_in_a_record_is_skipped(tmp_path):
    bomb = gzip.compress(b"\0" * 5_000_000)
    path = _one_response(tmp_path, bomb, ["Content-Encoding: gzip"])
    got, error = collect(path, limits=ReadLimits(max_record_bytes=1_000_000))
    assert [p.url for p in got] == URLS
    assert "1 record that decompress to over the 1,000,000-byte record limit (offsets 0)" in str(
        error
    )


def test_deflate_and_unsupported_encodings(tmp_path):
    path = _one_response(
        tmp_path, make.deflate_raw(b"raw deflate body"), ["Content-Encoding: deflate"]
    )
    got, error = collect(path)
    assert error is None and got[0].data == b"raw deflate body"
    path = _one_response(tmp_path, b"\x0b\x02\x80brotli?", ["Content-Encoding: br"])
    got, error = collect(path)
    assert [p.url for p in got] == URLS
    assert str(error).endswith("skipped 1 record with unsupported content-encoding br (offsets 0)")


def test_body_stored_decoded_with_headers_kept(tmp_path):
    # Crawlers often store the decoded body and keep the original headers.
    path = _one_response(
        tmp_path, b"already plain", ["Content-Encoding: gzip", "Transfer-Encoding: chunked"]
    )
    got, error = collect(path)
    assert error is None and got[0].data == b"already plain"


def _boundaries(records: list[bytes]) -> set[int]:
    ends, total = {0}, 0
    for record in records:
        total += len(record)
        ends.add(total)
    return ends


def test_every_truncation_of_a_gzip_warc_yields_a_prefix_then_one_error(tmp_path):
    records = make.sample_records()
    full = make.gzip_members(records)
    members = _boundaries([gzip.compress(r, mtime=0) for r in records])
    expected = [f"#{o}" for o in (408, 737, 1594)]
    path = tmp_path / "cut.warc.gz"
    for cut in range(1, len(full)):
        path.write_bytes(full[:cut])
        got, error = collect(path)
        names = [p.source.removeprefix(str(path)) for p in got]
        assert names == expected[: len(names)], cut
        if cut in members:
            assert error is None, cut  # a whole number of members is a valid, shorter file
            continue
        assert error is not None, cut
        message = str(error)
        assert message.startswith(f"{path}: is truncated gzip data") and "\n" not in message, (
            cut,
            message,
        )


def test_every_truncation_of_a_plain_warc_yields_a_prefix_then_one_error(tmp_path):
    records = make.sample_records()
    full = b"".join(records)
    ends = _boundaries(records)
    expected = ["#549", "#1051", "#2169"]
    path = tmp_path / "cut.warc"
    for cut in range(1, len(full)):
        path.write_bytes(full[:cut])
        got, error = collect(path)
        names = [p.source.removeprefix(str(path)) for p in got]
        assert names == expected[: len(names)], cut
        # Cutting only the record's closing CRLFs loses nothing; anywhere else is an error.
        if cut in ends or any(0 < end - cut <= 4 for end in ends):
            continue
        assert error is not None, cut
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
        assert "truncated" in str(error) or "not a valid WARC" in str(error), (cut, str(error))


def test_corrupt_gzip_member(tmp_path):
    data = bytearray(GZ.read_bytes())
    data[800] ^= 0xFF  # inside the member at 737 (the second response)
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(bytes(data))
    got, error = collect(path)
    assert [p.url for p in got] == URLS[:1]
    assert str(error).startswith(f"{path}: is corrupt gzip data at byte 737")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"<html><body>not a warc</body></html>", "is not a valid WARC"),
        (b"\x1f\x8b\x08\x00garbage", "gzip data"),
    ],
)
def test_not_a_warc(tmp_path, content, problem):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(content)
    got, error = collect(path)
    assert got == []
    assert str(error).startswith(f"{path}: ") and problem in str(error)


def test_garbage_after_the_records(tmp_path):
    path = tmp_path / "tail.warc"
    path.write_bytes(PLAIN.read_bytes() + b"this is not a record\r\n\r\n")
    got, error = collect(path)
    assert [p.url for p in got] == URLS
    assert (
        str(error)
        == f"{path}: is not a valid WARC after the record at offset 2169 (Invalid WARC header)"
    )


def test_iter_documents_reads_each_response():
    pytest.importorskip("sanctuary_tracker.read.text")
    from sanctuary_tracker.read import iter_documents

    docs = list(iter_documents(str(GZ), limits=LIMITS))
    assert [d.source for d in docs] == [f"{GZ}#408", f"{GZ}#737", f"{GZ}#1594"]
    assert [d.url for d in docs] == URLS
    assert "Déclaration de la ville" in docs[2].body  # Latin-1 decoded by its charset
    assert docs[1].fetched_at == "2024-03-01T12:00:02Z"


def _png_record(number: int) -> bytes:
    return make.warc_record(
        "response",
        uri="https://x.example/logo.png",
        block=make.http_response(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"),
        record_id=f"00000000-0000-0000-0000-0000000000{number:02x}",
    )


def test_a_bad_record_does_not_stop_the_archive(tmp_path):
    path = tmp_path / "mixed.warc"
    path.write_bytes(_png_record(1) + PLAIN.read_bytes())
    errors = []
    docs = list(iter_documents(str(path), on_record_error=errors.append))
    assert [d.url for d in docs] == URLS
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}#0: is a PNG image")
    with pytest.raises(ReadError, match="PNG"):
        list(iter_documents(str(path)))  # without a handler, the first bad record stops it


def test_cli_reports_bad_records_and_reads_the_rest(tmp_path):
    path = tmp_path / "mixed.warc"
    path.write_bytes(PLAIN.read_bytes() + _png_record(2))
    run = subprocess.run(
        [sys.executable, "-m", "sanctuary_tracker.cli", "read", str(path), "--format", "jsonl"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert len(run.stdout.splitlines()) == 3
    errors = [line for line in run.stderr.splitlines() if line.startswith("sanctuary: error:")]
    assert len(errors) == 1 and "is a PNG image" in errors[0]
    assert "1 records inside archives failed" in run.stderr
