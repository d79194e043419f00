"""The allowed-hosts check comes before the response cache: an answer kept for the site's
own host is never handed to a request naming another host."""

from __future__ import annotations

import pytest
import requests


@pytest.mark.parametrize("path", ["/api/definitions", "/api/lists", "/table/?state=VT"])
def test_a_cached_answer_is_refused_to_a_host_not_served(site_sqlite, path):
    for _ in range(2):  # the second answer comes from the cache
        assert requests.get(site_sqlite.url + path, timeout=60).status_code == 200
    evil = requests.get(site_sqlite.url + path, headers={"Host": "evil.example"}, timeout=60)
    assert evil.status_code == 400
    assert "Vermont" not in evil.text and '"ok": true' not in evil.text
    if path.startswith("/api/"):
        assert evil.json()["ok"] is False
    assert requests.get(site_sqlite.url + path, timeout=60).status_code == 200
