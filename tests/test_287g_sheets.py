"""ICE's 287(g) sheets read, matched, joined into a history and turned into facts (no
database): the real published sheets when ../shared is present, small sheets in ICE's
layout written here otherwise."""

from __future__ import annotations

import gzip
import json
import zipfile
from importlib import resources

import pytest
from ice287g_support import CAMDEN, KNOX, KNOX_IL, SHEETS, WELLS, write_sheet

from sanctuary_tracker.agreements.facts import agreement_facts
from sanctuary_tracker.agreements.history import build_history, in_force
from sanctuary_tracker.agreements.match import RowMatcher
from sanctuary_tracker.agreements.sheets import SheetError, read_sheet
from sanctuary_tracker.agreements.snapshot import load_snapshot, read_snapshot, write_snapshot
from sanctuary_tracker.places.gazetteer import load_gazetteer


@pytest.fixture
def sheets(shared):
    if not SHEETS.is_dir():
        pytest.skip(f"{SHEETS} is not present (ICE's 287(g) sheets in ../shared)")
    return SHEETS


@pytest.fixture(scope="module")
def matcher():
    return RowMatcher(load_gazetteer())


# --- the real sheets ------------------------------------------------------------------


def test_first_middle_and_last_participating_sheets(sheets):
    first = read_sheet(sheets / "participatingAgencies05162025am.xlsx")
    middle = read_sheet(sheets / "participatingAgencies06232025am.xlsx")
    last = read_sheet(sheets / "participatingAgencies07182025pm.xlsx")
    assert (first.kind, first.published, first.half) == ("participating", "2025-05-16", "am")
    assert (last.published, last.half, len(last.rows)) == ("2025-07-18", "pm", 832)
    assert len(first.rows) < len(middle.rows) < len(last.rows)
    knox = [r for r in first.rows if r.agency.startswith("Knox County Sheriff")]
    assert [(r.row, r.model, r.signed) for r in knox] == [(450, "JEM", "2020-06-08")]
    assert knox[0].moa == "https://www.ice.gov/doclib/287gMOA/287g_JEM_Knox_6-8-2020.pdf"
    every = first.rows + middle.rows + last.rows
    assert {r.model for r in every} == {"JEM", "TFM", "WSO"}
    assert all(r.signed for r in every)
    # ICE wrapped some MOA links in a mail-safety redirect: the real address is kept
    assert not any("safelinks" in (r.moa or "") for r in every)
    assert read_sheet(sheets / "participatingAgencies07182025pm.xlsx").sha256 == last.sha256


def test_two_different_files_published_under_one_name_are_two_publications(sheets):
    one = read_sheet(sheets / "participatingAgencies07032025pm.xlsx")
    other = read_sheet(sheets / "participatingAgencies07032025pm-downloaded20250704.xlsx")
    assert one.moment == other.moment == ("2025-07-03", "pm")
    assert one.sha256 != other.sha256
    assert len(one.rows) != len(other.rows)


def test_a_pending_sheet_and_the_b_suffix(sheets):
    p = read_sheet(sheets / "pendingAgencies07112025am_b.xlsx")
    assert (p.kind, p.published, p.half) == ("pending", "2025-07-11", "am")
    assert p.rows and all(r.signed is None and r.moa is None for r in p.rows)


def test_the_shipped_snapshot_is_what_the_sheets_build(sheets):
    history = build_history(
        [read_sheet(f) for f in sorted(sheets.glob("*.xlsx"))], load_gazetteer()
    )
    shipped = resources.files("sanctuary_tracker").joinpath("data", "ice-287g.json.gz").read_bytes()
    # the same publications and agreements, matched to the same jurisdictions (the match
    # methods' wording may move with funding/recipients.py; rebuild the file when it does)
    assert _timeline(load_snapshot()) == _timeline(history)
    raw = json.loads(gzip.decompress(shipped))
    counts = raw["counts"]
    # most rows and agreements are matched; every unmatched one says why
    assert counts["agreements_matched"] / counts["agreements"] > 0.95
    assert counts["participating_rows_matched"] / counts["participating_rows"] > 0.95
    assert all(u["reason"] for u in raw["unmatched"])
    assert len(shipped) < 1_000_000


def _timeline(history):
    return (
        [(p.sha256, p.rows) for p in history.publications],
        [(a.key, a.listings, a.ended, a.match.geoid) for a in history.agreements],
        [(r.key, r.listings, r.until, r.match.geoid) for r in history.requests],
    )


# --- matching -------------------------------------------------------------------------


def test_a_county_name_in_two_states_goes_to_each_state_county(matcher):
    tn = matcher.match(*KNOX[:4])
    il = matcher.match(*KNOX_IL[:4])
    assert (tn.geoid, tn.agency) == ("47093", "sheriff")
    assert (il.geoid, il.agency) == ("17095", "sheriff")


def test_a_police_department_goes_to_its_municipality(matcher):
    wells = matcher.match(*WELLS[:4])
    gazetteer = load_gazetteer()
    assert wells.matched and gazetteer.by_geoid(wells.geoid).name == "Wells"
    assert gazetteer.by_geoid(wells.geoid).state == "ME"


def test_namesakes_without_a_county_stay_unmatched_with_the_reason(matcher):
    camden = matcher.match(*CAMDEN[:4])
    assert not camden.matched
    assert "2 municipalities named 'Camden' in NY" in camden.method
    assert "county '#N/A'" in camden.method


def test_the_sheet_county_decides_between_namesakes(matcher):
    # two Robinson townships in Pennsylvania: the county says which
    found = matcher.match(
        "PENNSYLVANIA", "Robinson Township Police Department", "Municipality", "Washington County"
    )
    assert found.matched and load_gazetteer().by_geoid(found.geoid).county_geoid == "42125"
    typo = matcher.match(
        "PENNSYLVANIA", "Robinson Township Police Department", "Municipality", "Alleghany County"
    )
    assert not typo.matched and "no county named 'Alleghany County' in PA" in typo.method


def test_state_agencies_constables_and_unknown_states(matcher):
    state = matcher.match("FLORIDA", "Florida Department of Corrections", "State Agency", "#N/A")
    assert (state.geoid, state.agency) == ("12", "state")
    constable = matcher.match(
        "PENNSYLVANIA", "Derry Township Constable's Office", "Municipality", ""
    )
    assert not constable.matched and "constable" in constable.method
    typo = matcher.match("UTAHJ", "Weber County Sheriff's Office", "County", "Weber County")
    assert not typo.matched and typo.method == "no state named 'UTAHJ'"


# --- history --------------------------------------------------------------------------


def _two_publications(tmp_path):
    a = read_sheet(
        write_sheet(tmp_path / "participatingAgencies06012025am.xlsx", [KNOX, WELLS, CAMDEN])
    )
    b = read_sheet(write_sheet(tmp_path / "participatingAgencies06082025pm.xlsx", [KNOX, CAMDEN]))
    return a, b


def test_an_agreement_missing_from_the_next_publication_ended_between_the_two(tmp_path):
    a, b = _two_publications(tmp_path)
    history = build_history([a, b], load_gazetteer())
    by_agency = {x.agency: x for x in history.agreements}
    wells, knox = by_agency["Wells Police Department"], by_agency["Knox County Sheriff's Office"]
    assert (wells.first_listed, wells.last_listed, wells.ended) == (
        "2025-06-01",
        "2025-06-01",
        "2025-06-08",
    )
    assert (knox.first_listed, knox.last_listed, knox.ended) == ("2025-06-01", "2025-06-08", None)
    assert [(x.file_name, x.row) for x in knox.listings] == [
        ("participatingAgencies06012025am.xlsx", 2),
        ("participatingAgencies06082025pm.xlsx", 2),
    ]
    assert in_force(wells, "2025-06-07") and not in_force(wells, "2025-06-08")
    assert [u.agency for u in history.unmatched()] == ["Camden Police Department"]


def test_the_history_does_not_depend_on_the_order_or_repeats(tmp_path):
    a, b = _two_publications(tmp_path)
    gazetteer = load_gazetteer()
    one = build_history([a, b], gazetteer)
    assert build_history([b, a, b], gazetteer) == one
    assert write_snapshot(build_history([b, a], gazetteer)) == write_snapshot(one)
    assert read_snapshot(write_snapshot(one)) == one


def test_a_re_signing_is_a_new_agreement_and_pending_requests_are_kept_apart(tmp_path):
    resigned = (*KNOX[:5], "2025-06-05")
    a = read_sheet(write_sheet(tmp_path / "participatingAgencies06012025am.xlsx", [KNOX]))
    b = read_sheet(write_sheet(tmp_path / "participatingAgencies06082025am.xlsx", [resigned]))
    p = read_sheet(write_sheet(tmp_path / "pendingAgencies06012025am.xlsx", [WELLS], "pending"))
    history = build_history([a, b, p], load_gazetteer())
    assert [(x.signed, x.ended) for x in history.agreements] == [
        ("2020-06-08", "2025-06-08"),
        ("2025-06-05", None),
    ]
    assert [(r.agency, r.model, r.until) for r in history.requests] == [
        ("Wells Police Department", "TFM", None)
    ]


def test_agreements_become_p10_facts_with_their_source(tmp_path):
    a, b = _two_publications(tmp_path)
    facts = agreement_facts(build_history([a, b], load_gazetteer()).agreements)
    knox = next(f for f in facts if f.geoid == "47093")
    assert (knox.provision, knox.value, knox.valid_from, knox.valid_to) == (
        "P10",
        "JEM",
        "2020-06-08",
        None,
    )
    assert (knox.form, knox.agency) == ("agency_policy", "sheriff")
    assert knox.citation.startswith(
        "287(g) Jail Enforcement Model agreement of Knox County Sheriff's Office, signed "
        "2020-06-08, listed by ICE 2025-06-01 to 2025-06-08"
    )
    assert knox.source == (
        "https://www.ice.gov/identify-and-arrest/287g (participatingAgencies06012025am.xlsx, row 2)"
    )
    wells = next(f for f in facts if f.value == "TFM")
    assert wells.valid_to == "2025-06-08"
    assert len(facts) == 2  # Camden (unmatched) gives none


# --- bad input ------------------------------------------------------------------------


def test_a_non_xlsx_file_is_one_line_naming_it(tmp_path):
    bad = tmp_path / "participatingAgencies06012025am.xlsx"
    bad.write_text("STATE,AGENCY\n")
    with pytest.raises(SheetError) as caught:
        read_sheet(bad)
    assert str(caught.value) == f"{bad}: not an xlsx workbook (not a zip archive)"


def test_a_damaged_workbook_is_one_line_naming_it(tmp_path):
    bad = tmp_path / "participatingAgencies06012025am.xlsx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(SheetError) as caught:
        read_sheet(bad)
    assert str(caught.value).startswith(f"{bad}: cannot read the workbook")
    assert "\n" not in str(caught.value)


def test_a_spreadsheet_that_is_not_ice_layout_is_refused(tmp_path):
    import openpyxl

    path = tmp_path / "participatingAgencies06012025am.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["NAME", "AMOUNT"])
    book.active.append(["x", 1])
    book.save(path)
    with pytest.raises(SheetError, match=r"not ICE's 287\(g\) layout"):
        read_sheet(path)


def test_a_file_name_without_a_date_needs_one(tmp_path):
    path = write_sheet(tmp_path / "agencies.xlsx", [KNOX])
    with pytest.raises(SheetError, match="does not carry ICE's publication date"):
        read_sheet(path)
    given = read_sheet(path, published="2025-08-01")
    assert (given.published, given.half, given.kind) == ("2025-08-01", "", "participating")
    with pytest.raises(SheetError, match="is not YYYY-MM-DD"):
        read_sheet(path, published="August")


def test_an_unknown_support_type_names_the_row(tmp_path):
    odd = (*KNOX[:4], "Mutual Aid", KNOX[5])
    path = write_sheet(tmp_path / "participatingAgencies06012025am.xlsx", [KNOX, odd])
    with pytest.raises(SheetError, match="row 3: unknown support type 'Mutual Aid'"):
        read_sheet(path)
