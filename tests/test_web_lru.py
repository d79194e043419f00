"""The web's per-process caches (cachetools underneath): a value is built once per key,
the least recently used goes first, and the response cache is bounded by what it holds
(addresses and bodies), not by how many answers."""

from __future__ import annotations

import threading

from cachetools import LRUCache

from sanctuary_tracker.web import cache
from sanctuary_tracker.web.lru import Lru


def test_a_value_is_built_once_and_the_least_recently_used_goes_first():
    held = Lru(2)
    built = []

    def build(key):
        built.append(key)
        return key.upper()

    assert held.get_or_build("a", lambda: build("a")) == "A"
    assert held.get_or_build("a", lambda: build("a")) == "A"
    held.get_or_build("b", lambda: build("b"))
    assert held.get("a") == "A"  # now the most recent: "b" is the one to go
    held.get_or_build("c", lambda: build("c"))
    assert held.get("b") is None and held.get("a") == "A" and held.get("c") == "C"
    assert built == ["a", "b", "c"]
    held.clear()
    assert held.get("a") is None


def test_threads_building_the_same_keys_keep_the_cache_within_its_size():
    held = Lru(8)

    def work(offset):
        for i in range(2000):
            key = (i + offset) % 20
            assert held.get_or_build(key, lambda k=key: k * 2) == key * 2

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(held.items) <= 8


def test_the_response_cache_is_bounded_by_the_bytes_it_holds():
    entries = LRUCache(maxsize=100 * cache.ENTRY_OVERHEAD, getsizeof=cache._size)
    body = b"x" * cache.ENTRY_OVERHEAD  # each entry counts twice the overhead, and its address
    for n in range(200):
        address = f"/api/jurisdictions?page={n}"
        entries[(address, True, 1)] = (len(address), body, [])
    assert entries.currsize <= entries.maxsize
    assert 40 <= len(entries) < 50  # about 100 / 2 entries of this size
    assert ("/api/jurisdictions?page=199", True, 1) in entries  # the newest kept
    assert ("/api/jurisdictions?page=0", True, 1) not in entries
