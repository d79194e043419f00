"""Answers are gzipped when the client accepts it: large ones (the map page) at a fast
level, small ones at Django's; either way the client reads back the same page."""

from __future__ import annotations

import gzip

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
