"""A document the database refuses (a value past the checks) is reported, one line naming it,
and the others of the run are stored: in a group, alone, and through the background loader."""

from __future__ import annotations

import json

import pytest
from store_support import STORE_FIXTURES, count, make_user

from sanctuary_tracker.extract import extract
from sanctuary_tracker.read import read

COUNCIL_TEXT = STORE_FIXTURES / "chelsea-council.txt"


def _records() -> tuple[dict, dict]:
    good = extract(read(str(COUNCIL_TEXT)))
    bad = json.loads(json.dumps(good))
    bad["source"] = "refused.txt"
    bad["document"]["title"] = "Bad\u0000 title"  # PostgreSQL text cannot hold NUL
    return bad, good


@pytest.fixture
def postgres_store(store):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("only PostgreSQL refuses a NUL in text (SQLite keeps it)")
    return store


@pytest.mark.parametrize("group", [1, 2])
def test_the_loader_reports_a_refused_document_and_stores_the_rest(postgres_store, group):
    from sanctuary_tracker.store.loader import Loader

    user = make_user("casey", "coder")
    bad, good = _records()
    loader = Loader(user=user, group=group)
    loader.load(bad)
    loader.load(good)
    loader.close()
    assert loader.failures == [
        "refused.txt: not stored: PostgreSQL text fields cannot contain NUL (0x00) bytes"
    ]
    assert loader.counts["failed"] == 1 and loader.counts["inserted"] == 1
    assert count("store_document") == 1


def test_the_background_loader_hands_the_refusal_to_the_run(postgres_store):
    from sanctuary_tracker.store.background import background_loader
    from sanctuary_tracker.store.lookups import Lookups

    user = make_user("casey", "coder")
    bad, good = _records()
    loader = background_loader(user=user, lookups=Lookups.load())
    loader.put(bad, None)
    loader.put(good, None)
    counts = loader.close()
    assert counts["failed"] == 1 and counts["inserted"] == 1
    assert [line.split(":")[0] for line in loader.failures] == ["refused.txt"]
    assert count("store_document") == 1
