"""The version the web app's caches are keyed on changes with every change to the store,
a document updated in place included (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from store_support import STORE_FIXTURES, make_user, run


def fresh_version():
    from sanctuary_tracker.web import classification

    classification._DATA["checked"] = float("-inf")  # (read at most once a second)
    return classification.data_version()


def test_a_document_updated_in_place_changes_the_version(store, tmp_path):
    make_user("casey", "coder")
    extracted = run("extract", "--format", "jsonl", str(STORE_FIXTURES / "chelsea-council.txt"))
    record = json.loads(extracted.stdout)
    evidence = tmp_path / "council.jsonl"
    evidence.write_text(json.dumps(record) + "\n")
    assert "1 inserted" in run("load", str(evidence), "--user", "casey").stderr
    loaded = fresh_version()
    assert fresh_version() == loaded  # nothing changed: the same version
    record["document"]["title"] = "Chelsea council, corrected title"
    evidence.write_text(json.dumps(record) + "\n")
    assert "1 updated" in run("load", str(evidence), "--user", "casey").stderr
    assert fresh_version() != loaded
