"""Hostile input found by the issue-16 probe, through read, ingest and load: control
characters (removed at reading, refused at loading, alike on SQLite and PostgreSQL),
UTF-32 and BOM-less UTF-16 text, JSON-LD nested too deeply, an empty gzip member."""

from __future__ import annotations

import gzip
import json
import math

import pytest
from store_support import STORE_FIXTURES, count, make_user, run

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import document_from_bytes, read
from sanctuary_tracker.store.validate import CONTROLS, RecordError, check_record

# The probe's file: UTF-16 with a byte-order mark, "Boston \0said".
NUL_UTF16 = b"\xff\xfeB\x00o\x00s\x00t\x00o\x00n\x00 \x00\x00\x00s\x00a\x00i\x00d\x00"
COUNCIL_TEXT = STORE_FIXTURES / "chelsea-council.txt"
SENTENCE = "Boston said the city council voted on Tuesday to adopt the ordinance."


def test_nul_in_utf16_is_removed_with_a_warning():
    document = document_from_bytes(NUL_UTF16, source="nul.txt")
    assert document.body == "Boston said"
    assert document.warnings == ["removed 1 control character (U+0000) from the text"]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16-le"])
def test_wide_encodings_with_and_without_a_byte_order_mark(encoding):
    data = SENTENCE.encode(encoding)
    if encoding == "utf-32-be":  # no codec writes the big-endian mark: add it by hand
        data = b"\x00\x00\xfe\xff" + data
    document = document_from_bytes(data, source=f"{encoding}.txt")
    assert document.body == SENTENCE
    assert document.warnings == []


def test_bom_less_utf32_big_endian_and_utf16_big_endian():
    for encoding in ("utf-32-be", "utf-16-be"):
        assert document_from_bytes(SENTENCE.encode(encoding), source="x.txt").body == SENTENCE


def test_text_with_one_nul_is_not_taken_for_utf16():
    # ASCII with a NUL decodes as UTF-16 to printable CJK: the zero bytes must fall
    # where UTF-16 puts them. (Single-byte text with NULs is refused as binary.)
    with pytest.raises(ReadError, match="binary"):
        document_from_bytes(SENTENCE.encode() + b"\x00 more", source="x.txt")


def test_controls_removed_from_every_field_of_an_html_page():
    headline = json.dumps({"@type": "NewsArticle", "headline": "City\u0000 votes"})
    page = (
        '<html><head><script type="application/ld+json">' + headline + "</script></head>"
        f"<body><article><p>{SENTENCE} {SENTENCE}</p>"
        "<figure><img src=x><figcaption>The council \x01chamber on Tuesday night."
        "</figcaption></figure></article></body></html>"
    )
    document = document_from_bytes(page.encode(), source="page.html")
    texts = [document.body, document.title or "", *document.captions, *document.credits]
    assert not any(CONTROLS.search(text) for text in texts)
    assert document.title == "City votes"
    assert "removed 1 control character (U+0000) from the title" in document.warnings


def _deep_json_ld_page(depth: int) -> bytes:
    nested = '{"a":' * depth + "1" + "}" * depth
    return (
        '<html><head><script type="application/ld+json">' + nested + "</script>"
        "<title>Council adopts ordinance</title></head><body><div><p>"
        + f"{SENTENCE} " * 5
        + "</p></div></body></html>"
    ).encode()


def test_deep_json_ld_is_skipped_and_the_page_read():
    document = document_from_bytes(_deep_json_ld_page(2000), source="deep.html")
    assert SENTENCE in document.body
    assert document.title == "Council adopts ordinance"
    assert document.warnings == ["skipped JSON-LD metadata nested more than 100 deep"]
    shallow = document_from_bytes(_deep_json_ld_page(20), source="shallow.html")
    assert shallow.warnings == []


def test_empty_gzip_member_is_an_error(tmp_path):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(gzip.compress(b""))
    with pytest.raises(ReadError, match="is empty") as caught:
        read(str(path))
    assert str(caught.value).startswith(f"{path}: ")


def test_empty_gzip_member_fails_the_command(tmp_path):
    from test_bad_input import assert_one_failure
    from test_bad_input import run as run_read

    path = tmp_path / "empty.warc.gz"
    path.write_bytes(gzip.compress(b"") * 2)
    assert_one_failure(run_read(path), path, "is empty")


# ------------------------------------------------------------------ the store, both backends


def _bodies() -> list[str]:
    from sanctuary_tracker.store.models import Document

    return list(Document.objects.order_by("source").values_list("body", flat=True))


def test_ingest_stores_the_nul_file_cleaned_and_the_good_one(store, tmp_path):
    make_user("casey", "coder")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(NUL_UTF16)
    result = run("ingest", str(nul), str(COUNCIL_TEXT), "--user", "casey")
    assert result.exit_code == 0, result.stderr
    assert "ingest: 2 inserted" in result.stderr
    assert count("store_document") == 2
    assert "Boston said" in _bodies()
    assert not any("\x00" in body for body in _bodies())


def _record(tmp_path) -> dict:
    from sanctuary_tracker.extract import extract

    return extract(read(str(COUNCIL_TEXT)))


def test_load_refuses_the_record_with_a_nul_and_loads_the_next(store, tmp_path):
    make_user("casey", "coder")
    good = _record(tmp_path)
    bad = json.loads(json.dumps(good))
    bad["source"] = "bad.txt"
    bad["document"]["title"] = "Bad\u0000 title"
    evidence = tmp_path / "evidence.jsonl"
    evidence.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n")
    result = run("load", str(evidence), "--user", "casey")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [
        f"sanctuary: error: {evidence}:1: document.title: holds control character U+0000, "
        "which no store keeps alike (read the source again: the readers remove it)"
    ]
    assert "load: 1 inserted" in result.stderr
    assert count("store_document") == 1


# ------------------------------------------------------------------ what PostgreSQL refuses


@pytest.fixture(scope="module")
def council_record():
    from sanctuary_tracker.extract import extract

    return extract(read(str(COUNCIL_TEXT)))


def _check(record):
    from sanctuary_tracker.extract.codebook import load_codebook

    return check_record(
        record, known_ocd_id=lambda _: True, known_geoid=lambda _: True, codebook=load_codebook()
    )


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r["document"].update(fetched_at="x" * 41), "document.fetched_at: longer"),
        (lambda r: r["document"].update(language="x" * 17), "document.language: longer"),
        (lambda r: r["jurisdictions"][0]["mentions"][0].update(confidence=math.nan), "confid"),
        (lambda r: r["jurisdictions"][0]["mentions"][0].pop("text"), "text: missing"),
        (
            lambda r: r["jurisdictions"][0]["mentions"][0].update(
                field="body", start=2**31, end=2**31, text=""
            ),
            "out of range",
        ),
        (lambda r: r["amounts"][0].update(currency="EURO"), "not a currency code"),
        (lambda r: r["amounts"][0].update(jurisdiction=["x"]), "jurisdiction: not a string"),
    ],
)
def test_what_one_store_refuses_is_refused_before_loading(council_record, change, problem):
    record = json.loads(json.dumps(council_record))
    record["document"].pop("body", None)
    _check(json.loads(json.dumps(record)))  # the unchanged record passes
    change(record)
    with pytest.raises(RecordError, match=problem):
        _check(record)
