"""`sanctuary funding` on SQLite and PostgreSQL: import with its summary, idempotent
re-import, one jurisdiction's awards, and the money at stake under a definition."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from store_support import count, make_user

from sanctuary_tracker.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "funding"
FILES = [str(FIXTURES / "usaspending_awards.csv"), str(FIXTURES / "jag_allocations_fy2016_ma.csv")]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def imported(*extra: str) -> dict:
    result = run("funding", "import", *FILES, "--format", "json", "--user", "casey", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.output)


def test_import_counts_every_row_and_a_second_import_adds_nothing(store):
    make_user("casey", "coder")
    first = imported()
    assert first["rows_read"] == 19
    assert (first["matched"], first["unmatched"], first["doubtful"]) == (13, 1, 1)
    assert first["rejected"] == 4 and first["duplicates"] == 1 and first["deobligations"] == 1
    assert count("store_award") == 14  # every award read, matched or not, once
    again = imported()
    assert again["already_held"] == 14
    assert count("store_award") == 14


def test_importing_needs_a_user_who_may_load(store):
    make_user("admin", "admin")
    make_user("vic", "viewer")
    result = run("funding", "import", *FILES, "--user", "vic")
    assert result.exit_code == 1 and "needs the" in result.stderr
    assert count("store_award") == 0


def test_a_bad_file_is_one_line_and_nothing_is_half_stored(store, tmp_path):
    make_user("casey", "coder")
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n")
    result = run("funding", "import", str(bad), "--user", "casey")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"sanctuary: error: {bad}: no header")
    assert count("store_award") == 0


def shown(*extra: str) -> dict:
    result = run("funding", "show", "Chelsea, MA", "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.output)


def at_stake(date: str, *extra: str) -> dict:
    result = run(
        "funding",
        "at-stake",
        "--definition",
        "doj-1373-review-2017",
        "--date",
        date,
        "--format",
        "json",
        *extra,
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.output)


def test_show_gives_the_awards_with_source_file_and_row(store):
    make_user("casey", "coder")
    imported()
    chelsea = shown()
    assert chelsea["total"] == "129000.00"  # 120,000 - 15,000 deobligated + 24,000 JAG table
    assert {(a["source_file"].rsplit("/", 1)[-1], a["source_row"]) for a in chelsea["awards"]} == {
        ("usaspending_awards.csv", 2),
        ("usaspending_awards.csv", 5),
        ("jag_allocations_fy2016_ma.csv", 6),
    }
    assert shown("--program", "16.738", "--fiscal-year", "2016")["total"] == "129000.00"
    assert shown("--fiscal-year", "2020")["awards"] == []


def test_show_of_an_unknown_jurisdiction_is_one_line(store):
    result = run("funding", "show", "Atlantis, MA")
    assert result.exit_code == 1
    assert result.stderr.startswith("sanctuary: error: 'Atlantis, MA': no county or place")
    assert result.stderr.count("\n") == 1


def test_money_at_stake_under_a_definition_on_a_date(store, tmp_path):
    make_user("casey", "coder")
    imported()
    stake = at_stake("2017-12-01")
    written = tmp_path / "stake.json"
    args = ("--definition", "doj-1373-review-2017", "--date", "2017-12-01")
    result = run("funding", "at-stake", *args, "--format", "json", "--output", str(written))
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(written.read_text(encoding="utf-8")) == stake
    # Chicago (COPS, FY2017), Cook County (JAG) and Lawrence, MA (JAG table) were sent
    # DOJ letters in 2017
    assert {r["name"] for r in stake["jurisdictions"]} == {"Chicago", "Cook County", "Lawrence"}
    assert stake["total"] == "945100.00"
    assert at_stake("2017-12-01", "--program", "16.738")["total"] == "70100.00"
    assert at_stake("2017-01-01")["total"] == "0.00"  # no letter had been sent yet


def chelsea_in_2016() -> list[dict]:
    """Every definition's answer for Chelsea on 2016-01-01, from the store's evidence."""
    found = run(
        "explain", "Chelsea, MA", "--date", "2016-01-01", "--format", "json", "--evidence", "store"
    )
    assert found.exit_code == 0, found.stderr
    return json.loads(found.output)


def test_accepted_observations_reach_classification_with_form_and_agency(store):
    make_user("rita", "reviewer")
    make_user("casey", "coder")
    entered = run(
        "review",
        "add",
        "ocd-division/country:us/state:ma/county:suffolk",
        "P01",
        "decline_all",
        "--from",
        "2014-06-01",
        "--form",
        "sheriff_policy",
        "--agency",
        "sheriff",
        "--citation",
        "Suffolk County Sheriff policy",
        "--user",
        "casey",
    )
    assert entered.exit_code == 0, entered.stderr
    observation = entered.output.split()[1].rstrip(":")
    before = chelsea_in_2016()
    cis = next(r for r in before if r["definition"] == "cis")
    assert cis["label"] == "unknown"  # the observation is only proposed
    accepted = run("review", "accept", observation, "--reason", "policy text", "--user", "rita")
    assert accepted.exit_code == 0, accepted.stderr
    after = chelsea_in_2016()
    cis = next(r for r in after if r["definition"] == "cis")
    assert cis["label"] == "yes"
    assert "county jail of Suffolk County" in cis["reasons"][0]["text"]
    assert "sheriff policy" in cis["reasons"][0]["text"]


def test_unmatched_and_doubtful_awards_are_listed_for_review(store):
    make_user("casey", "coder")
    imported()
    result = run("funding", "review", "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.output)
    assert listed["total"] == 2
    by_recipient = {a["recipient"]: a for a in listed["awards"]}
    assert by_recipient["UNIVERSITY OF MASSACHUSETTS"]["matched_to"] is None
    assert "namesakes" in by_recipient["WASHINGTON TOWNSHIP"]["match_method"]
    assert [a["amount"] for a in listed["awards"]] == ["64000.00", "1250.50"]  # largest first
