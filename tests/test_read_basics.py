"""Sniffing, decoding, dates and fingerprints: the small pieces every reader relies on."""

from __future__ import annotations

import pytest

from sanctuary_tracker.read import detect
from sanctuary_tracker.read.dates import find_date
from sanctuary_tracker.read.decode import decode
from sanctuary_tracker.read.fingerprint import estimated_similarity, minhash_signature
from sanctuary_tracker.read.finish import content_hash


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"%PDF-1.7\n...", None, detect.PDF),
        (b"WARC/1.1\r\n", None, detect.WARC),
        (b"\x1f\x8b\x08\x00", None, detect.GZIP),
        (b"<!DOCTYPE html><html><body>x</body></html>", None, detect.HTML),
        (b"  <!-- c --><html>", None, detect.HTML),
        (b"Plain words about a city council.", "notes.txt", detect.TEXT),
        (b"Words <p>with a tag</p> in a text file", "notes.txt", detect.TEXT),
        (b"Just a fragment", "page.html", detect.HTML),
    ],
)
def test_sniff(data, name, expected):
    assert detect.sniff(data, name=name) == expected


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n....", b"PK\x03\x04zipzip", b"\x00\x01\x02\x03" * 50]
)
def test_sniff_refuses_binary(data):
    with pytest.raises(detect.UnsupportedType):
        detect.sniff(data)


def test_decode_prefers_valid_utf8_over_a_wrong_declared_charset():
    text, warnings = decode("Café “sanctuary”".encode(), declared="text/html; charset=iso-8859-1")
    assert text == "Café “sanctuary”" and warnings == []


def test_decode_uses_declared_charset_for_legacy_bytes():
    text, _ = decode(
        "Señor Peña dijo".encode("cp1252"), declared="text/plain; charset=windows-1252"
    )
    assert text == "Señor Peña dijo"


def test_decode_repairs_mixed_utf8_and_cp1252_lines():
    data = "Résumé of the ordinance “in full”\n".encode() + "Peña’s reply\n".encode("cp1252")
    text, warnings = decode(data)
    assert text.splitlines() == ["Résumé of the ordinance “in full”", "Peña’s reply"]
    assert warnings and "mixed" in warnings[0]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 28, 2017", "2017-03-28"),
        ("Posted 2017-03-28 10:00", "2017-03-28"),
        ("12/17/2018 -- SPRINGFIELD", "2018-12-17"),
        ("5 Aug. 2025", "2025-08-05"),
        ("Feb 30, 2017", None),
        ("no date here", None),
    ],
)
def test_find_date(text, iso):
    assert find_date(text) == iso


def test_content_hash_ignores_spacing_and_case():
    assert content_hash("The  City\nCouncil voted.") == content_hash("the city council VOTED")
    assert content_hash("The city council voted.") != content_hash("The county board voted.")


def test_minhash_links_near_duplicates_not_different_stories():
    story = " ".join(
        f"The council met on day {i} and voted on the ordinance about status." for i in range(40)
    )
    copy = "Reposted from the Elmtown Times. " + story + " Copyright 2017 Elmtown Times."
    other = " ".join(
        f"A different story number {i} about school budgets and bus routes." for i in range(40)
    )
    assert estimated_similarity(minhash_signature(story), minhash_signature(copy)) > 0.8
    assert estimated_similarity(minhash_signature(story), minhash_signature(other)) < 0.2
