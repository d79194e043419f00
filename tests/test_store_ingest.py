"""Ingest and load into the store, on SQLite and PostgreSQL: counts, idempotence,
syndicated copies, people merged across documents, and bad evidence lines."""

from __future__ import annotations

import json
import shutil

from store_support import STORE_FIXTURES, count, empty_store, make_user, run

COUNCIL = STORE_FIXTURES / "chelsea-council.txt"
BUDGET = STORE_FIXTURES / "chelsea-budget.txt"


def test_ingest_counts_and_is_idempotent(store):
    make_user("casey", "coder")
    first = run("ingest", str(COUNCIL), str(BUDGET), "--user", "casey")
    assert first.exit_code == 0, first.stderr
    assert "ingest: 2 inserted, 0 updated, 0 unchanged" in first.stderr
    held = {t: count(t) for t in ("store_document", "store_span", "store_quote", "store_person")}
    assert held["store_quote"] == 8 and held["store_document"] == 2
    again = run("ingest", str(COUNCIL), str(BUDGET), "--user", "casey")
    assert "ingest: 0 inserted, 0 updated, 2 unchanged" in again.stderr
    assert {t: count(t) for t in held} == held


def test_every_fact_has_a_span_inside_its_document(store):
    from sanctuary_tracker.store.models import Amount, Mention, Quote, Role

    make_user("casey", "coder")
    run("ingest", str(COUNCIL), "--user", "casey")
    for model in (Mention, Role, Quote, Amount):
        for fact in model.objects.select_related("span", "document"):
            assert fact.span.document_id == fact.document_id
            if fact.span.field == "body":
                assert fact.span.end <= len(fact.document.body)
    amount = Amount.objects.select_related("span", "document").get()
    assert amount.document.body[amount.span.start : amount.span.end] == "$2.5 million"
    assert int(amount.value) == 2_500_000


def test_syndicated_copy_is_linked_not_duplicated(store, tmp_path):
    from sanctuary_tracker.store.models import Document

    make_user("casey", "coder")
    run("ingest", str(COUNCIL), "--user", "casey")
    quotes, spans = count("store_quote"), count("store_span")
    copy = tmp_path / "wire-copy.txt"
    shutil.copy(COUNCIL, copy)
    result = run("ingest", str(copy), "--user", "casey")
    assert "1 inserted" in result.stderr and "1 linked" in result.stderr
    assert (count("store_quote"), count("store_span")) == (quotes, spans)
    held = Document.objects.get(source=str(copy))
    assert held.copy_of.source == str(COUNCIL)


def test_same_person_across_documents_is_one_person(store):
    from sanctuary_tracker.store.models import Person, Quote

    make_user("casey", "coder")
    run("ingest", str(COUNCIL), str(BUDGET), "--user", "casey")
    ambrosino = Person.objects.get(name="Thomas Ambrosino")
    assert ambrosino.roles.values("document").distinct().count() == 2
    assert Quote.objects.filter(speaker=ambrosino).values("document").distinct().count() == 2
    # Namesakes stay apart when tied to different jurisdictions.
    assert Person.objects.filter(name="Brian Arrigo").get().jurisdiction.name == "Revere"


def test_changed_text_is_a_new_version_and_the_old_one_stays(store, tmp_path):
    from sanctuary_tracker.store.models import Document

    make_user("casey", "coder")
    story = tmp_path / "story.txt"
    shutil.copy(COUNCIL, story)
    run("ingest", str(story), "--user", "casey")
    story.write_text(COUNCIL.read_text() + "\nThe vote was 8 to 3.\n")
    result = run("ingest", str(story), "--user", "casey")
    assert "0 inserted, 1 updated" in result.stderr
    assert Document.objects.filter(source=str(story)).count() == 2


def test_ingest_needs_a_role_that_may_change_data(store):
    make_user("vic", "viewer")
    nobody = run("ingest", str(COUNCIL))
    viewer = run("ingest", str(COUNCIL), "--user", "vic")
    assert nobody.exit_code == viewer.exit_code == 1
    assert nobody.stderr.strip().count("\n") == 0 and "--user" in nobody.stderr
    assert viewer.stderr.strip() == (
        "sanctuary: error: user 'vic' is a viewer: ingesting or loading evidence needs "
        "the coder or reviewer or admin role"
    )
    assert count("store_document") == 0


def test_ingest_reports_bad_sources_and_loads_the_rest(store, tmp_path):
    make_user("casey", "coder")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("ingest", str(empty), str(COUNCIL), "--user", "casey")
    assert result.exit_code == 1
    assert f"sanctuary: error: {empty}" in result.stderr
    assert count("store_document") == 1


def _records() -> list[dict]:
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import read

    return [extract(read(str(path))) for path in (COUNCIL, BUDGET)]


def test_load_rejects_bad_lines_one_by_one_and_loads_the_rest(store, tmp_path):
    make_user("casey", "coder")
    good, other = _records()
    bad = []
    for change in (
        lambda r: r["jurisdictions"][0].update(ocd_id="ocd-division/country:us/state:zz"),
        lambda r: r["quotes"][0]["span"].update(start=-3),
        lambda r: r["quotes"][0]["span"].update(end=r["quotes"][0]["span"]["end"] + 5),
        lambda r: r.pop("document"),
        lambda r: r["amounts"][0].update(value="lots"),
        lambda r: r["observations"][0].update(provision="P99"),
    ):
        record = json.loads(json.dumps(good))
        record["source"] = f"bad-{len(bad)}"
        change(record)
        bad.append(json.dumps(record))
    path = tmp_path / "evidence.jsonl"
    lines = [json.dumps(good), *bad, "", json.dumps(other)[:200]]
    path.write_text("\n".join(lines))
    result = run("load", str(path), "--user", "casey")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()[:-1]
    assert errors == [
        f"sanctuary: error: {path}:2: jurisdictions[0].ocd_id: unknown jurisdiction "
        "'ocd-division/country:us/state:zz'",
        f"sanctuary: error: {path}:3: quotes[0].span: span -3-{good['quotes'][0]['span']['end']} "
        "is out of range",
        f"sanctuary: error: {path}:4: quotes[0].span: span "
        f"{good['quotes'][0]['span']['start']}-{good['quotes'][0]['span']['end'] + 5} "
        f"does not fit its text ({len(good['quotes'][0]['text'])} characters)",
        f"sanctuary: error: {path}:5: document: missing",
        f"sanctuary: error: {path}:6: amounts[0].value: 'lots' is not an amount of dollars or null",
        f"sanctuary: error: {path}:7: observations[0].provision: 'P99' is not in the codebook",
        f"sanctuary: error: {path}:9: truncated last line (not complete JSON)",
    ]
    assert result.stderr.splitlines()[-1] == "load: 1 inserted, 0 updated, 0 unchanged; 7 rejected"
    assert count("store_document") == 1
    again = run("load", str(path), "--user", "casey")
    assert "0 inserted, 0 updated, 1 unchanged; 7 rejected" in again.stderr


def test_load_of_extract_output_matches_ingest(store, tmp_path):
    """The evidence file route and the ingest route store the same facts."""
    make_user("casey", "coder")
    path = tmp_path / "evidence.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _records()))
    assert run("load", str(path), "--user", "casey").exit_code == 0
    loaded = {t: count(t) for t in ("store_span", "store_quote", "store_role", "store_listing")}
    run("ingest", str(COUNCIL), str(BUDGET), "--user", "casey")  # same sources and texts
    assert {t: count(t) for t in loaded} == loaded
    assert loaded["store_listing"] == 1


def test_a_group_stores_what_one_document_a_commit_stores(store, tmp_path):
    """Documents sharing a commit are looked up and written together; a source or a text
    met twice in a group (the same record, a copy, a new version) and people shared
    across its documents come out as when each document has its own transaction."""
    make_user("casey", "coder")
    council, budget = _records()
    lines = [
        council,
        council,  # unchanged
        {**council, "source": "wire/council"},  # a copy of a text met earlier in the group
        {**budget, "source": council["source"]},  # a new version of a source
        {**budget, "source": "wire/budget"},
    ]
    path = tmp_path / "evidence.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    summaries, stores = [], []
    for group in ("1", "5", "2"):
        result = run("load", str(path), "--user", "casey", "--group", group)
        assert result.exit_code == 0, result.stderr
        summaries.append(result.stderr.strip().splitlines()[-1])
        stores.append(_store_contents())
        empty_store()
    assert (
        summaries
        == ["load: 3 inserted, 1 updated, 1 unchanged (2 linked to a copy already held)"] * 3
    )
    assert stores[1] == stores[0] and stores[2] == stores[0]
    assert stores[0]["store_document"] == [
        (council["source"], None),
        (council["source"], None),
        ("wire/budget", council["source"]),
        ("wire/council", council["source"]),
    ]


def _store_contents() -> dict[str, list]:
    """What the store holds, without row ids or times."""
    from sanctuary_tracker.store.models import AuditLog, Document, Person, Quote, Role

    people = Person.objects.values_list("name", "name_key", "jurisdiction_id")
    return {
        "store_document": sorted(Document.objects.values_list("source", "copy_of__source")),
        "store_person": sorted(people),
        "store_role": sorted(
            Role.objects.values_list("person__name", "title", "document__content_hash")
        ),
        "store_quote": sorted(
            Quote.objects.values_list("speaker__name", "text", "document__content_hash"),
            key=repr,
        ),
        **{t: count(t) for t in ("store_span", "store_mention", "store_amount", "store_listing")},
        "store_observation": count("store_observation"),
        "store_auditlog": sorted(
            AuditLog.objects.filter(table="store_document").values_list("action", flat=True)
        ),
    }


def test_load_names_an_unreadable_file(store, tmp_path):
    make_user("casey", "coder")
    result = run("load", str(tmp_path / "missing.jsonl"), "--user", "casey")
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.jsonl'}: cannot read" in result.stderr
