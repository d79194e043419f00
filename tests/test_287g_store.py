"""ICE's 287(g) sheets in the store, on SQLite and PostgreSQL: init loads the shipped
snapshot once, `sanctuary 287g import` holds each publication once by content and in any
order gives the same history, bad files store nothing, review and list, the P10 facts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from ice287g_support import CAMDEN, KNOX, WELLS, write_sheet
from store_support import count, make_user, run


@pytest.fixture
def held(store):
    """The test's store; the publications a test imports are removed after it (the shipped
    ones, loaded by init, stay)."""
    yield store
    from sanctuary_tracker.store.models import AgreementPublication

    AgreementPublication.objects.filter(origin="import").delete()


def _sheets(tmp_path):
    a = write_sheet(tmp_path / "participatingAgencies01062025am.xlsx", [KNOX, WELLS, CAMDEN])
    b = write_sheet(tmp_path / "participatingAgencies01132025pm.xlsx", [KNOX, CAMDEN])
    return str(a), str(b)


def _import(*args):
    result = run("287g", "import", *args, "--format", "json", "--user", "casey")
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def _mine():
    """The history's agreements listed by the made-up January 2025 sheets (before the
    shipped ones, so these leave the shipped agreements as they are), comparable."""
    from sanctuary_tracker.store.agreements287g import store_history

    return [
        (a.key, a.first_listed, a.last_listed, a.ended, a.match.geoid, a.listings)
        for a in store_history().agreements
        if a.first_listed < "2025-05-01"
    ]


def test_init_loads_the_shipped_snapshot_once(held):
    from sanctuary_tracker.agreements.snapshot import load_snapshot
    from sanctuary_tracker.store.agreements287g import load_snapshot_publications, store_history

    shipped = load_snapshot()
    assert count("store_agreementpublication") == len(shipped.publications) == 64
    assert count("store_agreementrow") == sum(len(p.rows) for p in shipped.publications)
    assert load_snapshot_publications() == {"inserted": 0, "updated": 0, "unchanged": 64}
    held = store_history()  # the store rebuilds the very same publications and history
    assert [(p.sha256, p.rows) for p in held.publications] == [
        (p.sha256, p.rows) for p in shipped.publications
    ]
    assert [(a.key, a.listings, a.ended, a.match.geoid) for a in held.agreements] == [
        (a.key, a.listings, a.ended, a.match.geoid) for a in shipped.agreements
    ]


def test_import_counts_and_a_second_import_changes_nothing(held, tmp_path):
    make_user("casey", "coder")
    a, b = _sheets(tmp_path)
    result, first = _import(a, b)
    assert result.exit_code == 0, result.stderr
    assert (first["new"], first["held"], first["rows"]) == (2, 0, 5)
    # Knox County's 2020 agreement is already held from the shipped sheets: not new. Wells's
    # ended when the second sheet left it out, Camden's when the first shipped one did.
    assert (first["agreements_new"], first["agreements_ended"]) == (2, 2)
    assert first["failed"] == []
    history = _mine()
    rows = count("store_agreementrow")
    result, again = _import(a)
    assert (again["new"], again["held"], again["agreements_new"]) == (0, 1, 0)
    assert count("store_agreementrow") == rows and _mine() == history
    wells = [h for h in history if h[0].startswith("maine|wells")]
    assert [(w[1], w[2], w[3]) for w in wells] == [("2025-01-06", "2025-01-06", "2025-01-13")]
    camden = [h for h in history if h[0].startswith("new york|camden")]
    assert [(c[3], c[4]) for c in camden] == [("2025-05-16", None)]  # unmatched: namesakes
    knox = [h for h in history if h[0].startswith("tennessee|knox")]
    assert [(k[1], k[2], k[3], k[4]) for k in knox] == [("2025-01-06", "2025-07-18", None, "47093")]


def test_imports_in_any_order_give_the_same_history(held, tmp_path):
    from sanctuary_tracker.store.models import AgreementPublication

    make_user("casey", "coder")
    a, b = _sheets(tmp_path)
    _import(a)
    _import(b)
    forward = _mine()
    AgreementPublication.objects.filter(origin="import").delete()
    _import(b)
    _import(a)
    assert _mine() == forward and forward


def test_an_import_writes_an_audit_entry_the_web_follows(held, tmp_path):
    from sanctuary_tracker.store.models import AuditLog

    make_user("casey", "coder")
    a, _ = _sheets(tmp_path)
    _import(a)
    entry = AuditLog.objects.get(action="import 287(g) sheet")
    assert entry.user.username == "casey" and entry.table == "store_agreementpublication"
    assert json.loads(entry.after)["file_name"] == "participatingAgencies01062025am.xlsx"


def test_a_bad_file_is_one_line_and_the_others_are_still_imported(held, tmp_path):
    make_user("casey", "coder")
    a, _ = _sheets(tmp_path)
    bad = tmp_path / "participatingAgencies01082025am.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    before = count("store_agreementpublication")
    result, report = _import(str(bad), a)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"sanctuary: error: {bad}: ")
    assert report["new"] == 1 and len(report["failed"]) == 1
    assert count("store_agreementpublication") == before + 1


def test_importing_needs_a_user_who_may_load(held, tmp_path):
    make_user("vic", "viewer")
    a, _ = _sheets(tmp_path)
    before = count("store_agreementpublication")
    result = run("287g", "import", a, "--user", "vic")
    assert result.exit_code == 1 and "needs the" in result.stderr
    assert count("store_agreementpublication") == before


def test_a_file_named_otherwise_takes_published(held, tmp_path):
    make_user("casey", "coder")
    path = str(write_sheet(tmp_path / "ice-sheet.xlsx", [WELLS]))
    result, _ = _import(path)
    assert result.exit_code == 1 and "does not carry ICE's publication date" in result.stderr
    result, report = _import(path, "--published", "2025-01-27")
    assert result.exit_code == 0 and report["new"] == 1


def test_review_lists_the_unmatched_with_reasons(held):
    result = run("287g", "review", "--state", "PA", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["reason"] for r in rows)
    assert {r["state"] for r in rows} == {"PENNSYLVANIA"}
    assert any("constable" in r["reason"] for r in rows)
    text = run("287g", "review").stdout
    assert "no state named 'UTAHJ'" in text


def test_list_by_jurisdiction_and_date(held):
    result = run("287g", "list", "--jurisdiction", "Knox County, TN", "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["agency"], r["model"], r["signed"], r["geoid"]) for r in rows] == [
        ("Knox County Sheriff\u2019s Office", "JEM", "2020-06-08", "47093")
    ]
    assert rows[0]["source"].startswith("https://www.ice.gov/identify-and-arrest/287g (")
    assert run(
        "287g", "list", "--jurisdiction", "Knox County, TN", "--date", "2019-01-01"
    ).stdout == ("0 agreements\n")
    # a county's list holds the police of its places too (Neptune Beach in Duval County)
    duval = run("287g", "list", "--jurisdiction", "Duval County, FL", "--format", "csv").stdout
    agencies = {r["agency"] for r in csv.DictReader(io.StringIO(duval))}
    assert "Jacksonville Sheriff's Office" in agencies
    assert "Neptune Beach Police Department" in agencies
    florida = json.loads(run("287g", "list", "--state", "Florida", "--format", "json").stdout)
    assert florida and all(r["state"] == "FLORIDA" for r in florida)


def test_imported_agreements_are_classification_facts(held, tmp_path):
    from sanctuary_tracker.store.agreements287g import agreement_facts

    make_user("casey", "coder")
    resigned = (*WELLS[:5], "2025-01-15")
    _import(str(write_sheet(tmp_path / "participatingAgencies01202025am.xlsx", [resigned])))
    wells = [f for f in agreement_facts() if f.valid_from == "2025-01-15"]
    assert [(f.provision, f.value, f.origin, f.agency) for f in wells] == [
        ("P10", "TFM", "store", "police")
    ]
    assert "participatingAgencies01202025am.xlsx, row 2" in wells[0].source


def test_the_jurisdiction_page_lists_a_county_s_agreements_with_its_places(held, tmp_path):
    import openpyxl

    from sanctuary_tracker.places.gazetteer import load_gazetteer
    from sanctuary_tracker.web.agreements import agreements_of

    gazetteer = load_gazetteer()
    duval = agreements_of(gazetteer.by_geoid("12031"))
    mine = {(r["agency"], r["own"]) for r in duval}
    assert ("Jacksonville Sheriff's Office", True) in mine
    assert ("Neptune Beach Police Department", False) in mine
    assert all(r["source_url"] == "https://www.ice.gov/identify-and-arrest/287g" for r in duval)
    place = next(r["geoid"] for r in duval if r["agency"] == "Neptune Beach Police Department")
    neptune = agreements_of(gazetteer.by_geoid(place))
    assert {(r["agency"], r["own"]) for r in neptune} == {("Neptune Beach Police Department", True)}
    florida = agreements_of(gazetteer.by_geoid("12"))
    assert "Florida Department of Corrections" in {r["agency"] for r in florida}
    assert all(r["geoid"] == "12" for r in florida)
    # a link that is not http(s) is never offered as a link
    make_user("casey", "coder")
    path = write_sheet(tmp_path / "participatingAgencies01062025am.xlsx", [WELLS])
    book = openpyxl.load_workbook(path)
    book.active.cell(row=2, column=7).hyperlink = "javascript:alert(1)"
    book.save(path)
    assert _import(str(path))[0].exit_code == 0
    wells = [
        r for r in agreements_of(gazetteer.by_geoid(_wells_geoid())) if r["signed"] == "2025-01-02"
    ]
    assert [r["moa"] for r in wells] == [None]


def _wells_geoid() -> str:
    from sanctuary_tracker.agreements.match import RowMatcher
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    return RowMatcher(load_gazetteer()).match(*WELLS[:4]).geoid
