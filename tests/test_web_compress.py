"""Answers are gzipped when the client accepts it: large ones (the map page) at a fast
level, small ones at Django's; either way the client reads back the same page."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

import requests

from sanctuary_tracker.web.compress import LARGE, fast_gzip


def test_fast_gzip_reads_back_with_a_random_name_each_time():
    content = b"<svg>" + b"<path d='M0 0L1 1'/>" * 20000 + b"</svg>"
    packed = [fast_gzip(content, 100) for _ in range(5)]
    assert all(gzip.decompress(p) == content for p in packed)
    assert len({len(p) for p in packed}) > 1  # the header's name varies (BREACH)
    assert len(packed[0]) < len(content) // 10


def test_large_and_small_answers_are_gzipped_and_read_back(site_sqlite):
    for path, large in (("/?date=2020-01-01&definition=cis", True), ("/api/lists", False)):
        plain = requests.get(site_sqlite.url + path, headers={"Accept-Encoding": "x"}, timeout=60)
        packed = requests.get(
            site_sqlite.url + path, headers={"Accept-Encoding": "gzip"}, timeout=60
        )
        assert "Content-Encoding" not in plain.headers
        assert packed.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in packed.headers["Vary"]
        assert (len(plain.content) >= LARGE) is large
        if large:  # an anonymous map page is the same markup for everyone
            assert packed.text == plain.text


def test_the_same_content_is_compressed_once_and_other_content_never_reuses_it(monkeypatch):
    from sanctuary_tracker.web import compress

    calls = []

    def counted(*args, **kwargs):
        calls.append(1)
        return gzip.compress(*args, **kwargs)

    monkeypatch.setattr(compress, "gzip", SimpleNamespace(compress=counted, FNAME=gzip.FNAME))
    monkeypatch.setattr(compress, "zlib", SimpleNamespace(crc32=lambda data: 0))  # all collide
    compress._PACKED.clear()
    first = b"<p>" + b"a county, its label " * 2000 + b"</p>"
    other = first.replace(b"label", b"LABEL")  # the same length, other bytes
    for content in (first, first, other, first):
        assert gzip.decompress(compress.fast_gzip(content, 100, compress.DJANGO_LEVEL)) == content
    assert len(calls) == 3  # first, other, then first again (other had taken its place)
    small = b"x" * (compress.KEEP_FROM - 1)
    for _ in range(2):
        assert gzip.decompress(compress.fast_gzip(small, 100)) == small
    assert len(calls) == 5  # too small to keep: compressed each time
