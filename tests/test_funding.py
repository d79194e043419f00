"""Award tables: layouts, recipient matching with method and confidence, and the messy rows
(deobligations, duplicates, non-numeric cells, non-governments, namesakes, totals)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from sanctuary_tracker.funding.awards import Summary, read_awards
from sanctuary_tracker.funding.programs import read_program
from sanctuary_tracker.funding.recipients import Matcher, read_name
from sanctuary_tracker.funding.tables import TableError, open_table
from sanctuary_tracker.places.gazetteer import load_gazetteer

FIXTURES = Path(__file__).parent / "fixtures" / "funding"
USASPENDING = FIXTURES / "usaspending_awards.csv"
JAG = FIXTURES / "jag_allocations_fy2016_ma.csv"
MATCHER = Matcher(load_gazetteer())


def awards(*paths, fiscal_year=None):
    summary, seen, out = Summary(), set(), []
    for path in paths:
        out += list(read_awards(path, MATCHER, summary, seen, fiscal_year))
    return out, summary


@pytest.mark.parametrize(
    ("recipient", "state", "fips", "government_type", "geoid"),
    [
        ("CITY OF CHELSEA", "MA", "25025", "", "2513205"),
        ("NASSAU, COUNTY OF", "NY", "", "", "36059"),
        ("COUNTY OF NASSAU", "NY", "", "", "36059"),
        ("Boston City", "MA", "", "Municipal", "2507000"),
        ("Suffolk County *", "MA", "", "County", "25025"),
        ("NASSAU COUNTY SHERIFF'S OFFICE", "NY", "", "", "36059"),
        ("CHELSEA POLICE DEPARTMENT", "MA", "", "", "2513205"),
        ("CITY & COUNTY OF SAN FRANCISCO", "CA", "", "", "06075"),
        ("TOWN OF EAST HAVEN", "CT", "", "", "0900922910"),
        ("NASHVILLE & DAVIDSON, METROPOLITAN GOVERNMENT OF", "TN", "", "", "47037"),
        ("STATE OF ILLINOIS", "IL", "", "", "17"),
        ("CALIFORNIA DEPARTMENT OF JUSTICE", "CA", "", "", "06"),
    ],
)
def test_recipients_as_federal_files_spell_them(recipient, state, fips, government_type, geoid):
    match = MATCHER.match(recipient, state, "", fips, government_type)
    assert match.jurisdiction is not None, match.method
    assert match.jurisdiction.geoid == geoid
    assert match.confidence >= 0.8 and match.method


@pytest.mark.parametrize(
    ("recipient", "state", "geoid", "word"),
    [
        ("CALIFORNIA BOARD OF STATE AND COMMUNITY CORRECTIONS", "CA", "06", "board"),
        ("NEW YORK STATE DIVISION OF CRIMINAL JUSTICE SERVICES", "NY", "36", "division"),
        ("WASHINGTON STATE PATROL", "WA", "53", "patrol"),
        ("MICHIGAN STATE POLICE", "MI", "26", "police"),
        ("NEW MEXICO DEPARTMENT OF PUBLIC SAFETY", "NM", "35", "department"),
        ("ARIZONA CRIMINAL JUSTICE COMMISSION", "AZ", "04", "criminal justice"),
        ("OFFICE OF THE ATTORNEY GENERAL OF TEXAS", "TX", "48", "office"),
        ("DEPARTMENT OF PUBLIC SAFETY, STATE OF IOWA", "IA", "19", "department"),
        ("MASSACHUSETTS EXECUTIVE OFFICE OF PUBLIC SAFETY AND SECURITY", "MA", "25", "office"),
    ],
)
def test_a_state_agency_named_for_its_state_is_the_state(recipient, state, geoid, word):
    match = MATCHER.match(recipient, state)
    assert match.jurisdiction is not None and match.jurisdiction.geoid == geoid, match.method
    assert match.method == f"state agency named for its state ({word}): the state"
    assert match.confidence == 0.9 and not match.doubtful


@pytest.mark.parametrize(
    ("recipient", "state", "geoid"),
    [
        ("CALIFORNIA CITY", "CA", "0609780"),
        ("CALIFORNIA CITY POLICE DEPARTMENT", "CA", "0609780"),
        ("WASHINGTON COUNTY", "OR", "41067"),
        ("WASHINGTON COUNTY", "WA", None),  # Washington has no Washington County
        ("NEW YORK CITY POLICE DEPARTMENT", "NY", "3651000"),
        ("KANSAS CITY", "KS", "2036000"),
        ("OKLAHOMA CITY", "OK", "4055000"),
        ("COLORADO SPRINGS POLICE DEPARTMENT", "CO", "0816000"),
        ("VIRGINIA BEACH POLICE DEPARTMENT", "VA", None),  # a place named like its state
        # a state university is not the state government (nor any jurisdiction)
        ("INDIANA UNIVERSITY", "IN", None),
        ("INDIANA UNIVERSITY POLICE DEPARTMENT", "IN", None),
        # agency words alone no longer make a county's or city's agency the state's
        ("HAMPDEN COUNTY DEPARTMENT OF CORRECTIONS", "MA", "25013"),
        ("CITY OF LOWELL DEPARTMENT OF PUBLIC SAFETY", "MA", None),
    ],
)
def test_places_named_like_their_state_are_not_the_state(recipient, state, geoid):
    match = MATCHER.match(recipient, state)
    found = match.jurisdiction.geoid if match.jurisdiction else None
    assert found == geoid, match.method
    assert "state agency" not in match.method


def test_the_state_decides_between_namesakes():
    assert MATCHER.match("CITY OF CHELSEA", "MI").jurisdiction.geoid == "2615020"
    assert MATCHER.match("CITY OF CHELSEA", "MA").jurisdiction.geoid == "2513205"


def test_non_governments_and_unknown_names_are_unmatched_not_guessed():
    for name in ("UNIVERSITY OF MASSACHUSETTS", "ACME CONSULTING INC", "CITY OF ATLANTIS"):
        match = MATCHER.match(name, "MA")
        assert match.jurisdiction is None and match.doubtful, name
    assert MATCHER.match("CITY OF CHELSEA", "").doubtful  # no state, no match


def test_many_namesakes_without_a_tie_breaker_are_doubtful():
    match = MATCHER.match("WASHINGTON TOWNSHIP", "NJ")
    assert match.doubtful and "namesakes" in match.method


def test_county_fips_breaks_the_tie_and_a_disagreeing_one_is_doubtful():
    assert read_name("Springfield", "Municipal").level == "local"
    # Washington Township of Gloucester County, NJ (county 34015)
    match = MATCHER.match("WASHINGTON TOWNSHIP", "NJ", "", "34015")
    assert match.jurisdiction.county_geoid == "34015" and "FIPS" in match.method
    wrong = MATCHER.match("CITY OF CHELSEA", "MA", "", "25017")
    assert wrong.doubtful and "disagrees" in wrong.method


def test_programs_are_read_from_the_cell_by_number():
    assert read_program("16.738: EDWARD BYRNE MEMORIAL JUSTICE ASSISTANCE GRANT PROGRAM")[0] == (
        "16.738"
    )
    assert read_program("16.606")[1].startswith("State Criminal Alien Assistance")
    assert read_program("93.778: MEDICAL ASSISTANCE PROGRAM") == (
        "93.778",
        "Medical Assistance Program",
    )
    assert read_program("no number") is None


def test_usaspending_download_counts_every_kind_of_row():
    found, summary = awards(USASPENDING)
    record = summary.to_record()
    assert record["rows_read"] == 11
    assert record["duplicates"] == 1  # the same award key twice counts once
    assert record["deobligations"] == 1
    assert record["rejected_reasons"] == {
        "total_obligated_amount is not a number": 1,
        "no award key (assistance_award_unique_key or award_id_fain)": 1,
    }
    assert record["unmatched"] == 1 and record["doubtful"] == 1
    assert record["sent_to_review"] == 2
    chelsea = [a for a in found if a.jurisdiction_geoid == "2513205"]
    assert sum(a.amount for a in chelsea) == Decimal("105000.00")  # net of the deobligation
    assert {a.program for a in found} == {"16.738", "16.606", "16.710"}
    umass = next(a for a in found if a.recipient.startswith("UNIVERSITY"))
    assert umass.fiscal_year == 2017  # from the action date: October starts the year
    assert all(a.source_file == str(USASPENDING) and a.source_row > 1 for a in found)


def test_jag_table_with_title_rows_marks_and_a_total_line():
    found, summary = awards(JAG)
    assert summary.rejected == {
        "direct allocation is not a number": 1,
        "a total line, not an award": 1,
    }
    by_name = {a.recipient: a for a in found}
    assert by_name["Boston City"].amount == Decimal(445000)
    assert by_name["Boston City"].fiscal_year == 2016  # from the table's title
    suffolk = by_name["Suffolk County *"]
    assert suffolk.jurisdiction_geoid == "25025"
    assert suffolk.amount == 0 and suffolk.joint_amount == Decimal(469000)


def test_the_same_table_as_xlsx_gives_the_same_awards(tmp_path):
    book = Workbook()
    sheet = book.active
    with JAG.open(newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    xlsx = tmp_path / "jag_fy2016.xlsx"
    book.save(xlsx)
    from_csv, _ = awards(JAG)
    from_xlsx, _ = awards(xlsx)
    assert [(a.recipient, a.amount, a.jurisdiction_geoid) for a in from_xlsx] == [
        (a.recipient, a.amount, a.jurisdiction_geoid) for a in from_csv
    ]


def test_a_jag_table_without_a_year_needs_one(tmp_path):
    undated = tmp_path / "allocations.csv"
    undated.write_text(JAG.read_text().replace("FY 2016 ", ""))
    with pytest.raises(TableError, match="give --fiscal-year"):
        awards(undated)
    found, _ = awards(undated, fiscal_year=2018)
    assert {a.fiscal_year for a in found} == {2018}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.csv", "a,b,c\n1,2,3\n", "no header of a USAspending award download"),
        ("awards.pdf", "%PDF-1.4", "not a CSV or XLSX file"),
        ("broken.xlsx", "not a zip", "not a readable XLSX workbook"),
    ],
)
def test_files_that_are_not_award_tables_are_refused_by_name(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(TableError, match=message) as error:
        open_table(path)
    assert str(path) in str(error.value)
