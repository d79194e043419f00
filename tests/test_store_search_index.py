"""The search index is the store's, kept current by the load that writes what it holds (on
SQLite and PostgreSQL): a document updated in place is found by its new title and no
longer by its old one; its quotes and people are found once it is loaded."""

from __future__ import annotations

import json

from store_support import STORE_FIXTURES, make_user, run


def found(text: str, kind: str = "document") -> list[str]:
    from sanctuary_tracker.store import search_index

    rows, _ = search_index.search(text)
    return [title for hit_kind, _, title, _ in rows if hit_kind == kind]


def test_a_document_updated_in_place_is_found_by_its_new_title(store, tmp_path):
    make_user("casey", "coder")
    extracted = run("extract", "--format", "jsonl", str(STORE_FIXTURES / "chelsea-council.txt"))
    record = json.loads(extracted.stdout)
    record["document"]["title"] = "Quillfeather council keeps its limits"
    evidence = tmp_path / "council.jsonl"
    evidence.write_text(json.dumps(record) + "\n")
    assert found("Marrowbend") == []
    assert "1 inserted" in run("load", str(evidence), "--user", "casey").stderr
    assert found("Quillfeather") == ["Quillfeather council keeps its limits"]
    assert found("Ambrosi", "person") == ["Thomas Ambrosino"]  # as typed: a prefix
    assert found("immigration agents", "quote")
    record["document"]["title"] = "Marrowbend council keeps its limits"
    evidence.write_text(json.dumps(record) + "\n")
    assert "1 updated" in run("load", str(evidence), "--user", "casey").stderr
    assert found("Marrowbend") == ["Marrowbend council keeps its limits"]
    assert found("Quillfeather") == []
    assert found("Ambrosi", "person") == ["Thomas Ambrosino"]  # indexed once, not twice
