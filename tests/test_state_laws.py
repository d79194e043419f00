"""State laws for every state, DC and Puerto Rico: the coverage table, each law's source and
dates, laws ending on their end date, the merge of the repository's rows over the shared
table, the rebuild, and the `sanctuary laws` command."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sanctuary_tracker.classify import Evidence, classify
from sanctuary_tracker.classify.definitions import load_definitions
from sanctuary_tracker.classify.facts import parse_date
from sanctuary_tracker.classify.reference import _law_fact, load_reference
from sanctuary_tracker.cli import main
from sanctuary_tracker.places.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sanctuary_tracker" / "data" / "reference.json"
G = load_gazetteer()
DEFS = load_definitions()
REF = load_reference()
FIFTY_DC_PR = (
    "AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE "
    "NH NJ NM NV NY OH OK OR PA PR RI SC SD TN TX UT VA VT WA WI WV WY"
).split()


def _build_module():
    spec = importlib.util.spec_from_file_location(
        "build_reference", ROOT / "scripts" / "build_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_coverage_row_for_each_state_dc_and_puerto_rico():
    assert len(FIFTY_DC_PR) == 52
    assert list(REF.coverage) == sorted(FIFTY_DC_PR)
    with_laws = {law["state"] for law in REF.laws}
    for code, entry in REF.coverage.items():
        assert entry.status in ("has_laws", "none_found"), code
        assert (entry.status == "has_laws") == (code in with_laws), code
        assert parse_date(entry.checked_as_of) == entry.checked_as_of == "2026-12-07"
        assert entry.sources_checked and all(u.startswith("http") for u in entry.sources_checked)
    assert REF.coverage["MA"].status == "none_found" and "Lunn" in REF.coverage["MA"].note


def test_every_law_has_a_source_a_valid_date_and_a_p16_value_when_it_requires_cooperation():
    assert len(REF.laws) > 29  # the shared table's 29, plus the rows added here
    for law in REF.laws:
        assert law["source_url"].startswith("http"), law["law"]
        start = parse_date(law["effective_date"], law["law"])
        end = parse_date(law["end_date"], law["law"])
        assert end is None or end > start, law["law"]
        if law["direction"] == "requires_cooperation":
            assert law["p16_value"] in ("bans_limits", "mandates_detainers", "mandates_287g")
        else:
            assert law["p16_value"] is None
    texas = {law["law"]: _law_fact(law) for law in REF.laws_of("TX")}
    assert texas["SB 4 (85th Leg., 2017)"].value == "mandates_detainers"
    assert "endorsing" in texas["SB 4 (85th Leg., 2017)"].citation  # the enjoined part named


def _label(place, definition, date, laws):
    facts = [_law_fact(law) for law in laws]
    return classify(place, DEFS[definition], date, Evidence(facts, G)).label


@pytest.mark.parametrize(
    ("state", "definition", "law_name"),
    [
        ("MS", "hall-2021-preemption", "SB 2710 (2017)"),
        ("CA", "state-sanctuary-law", "SB 54 (2017), Cal. Gov. Code 7284 et seq."),
    ],
)
def test_an_ended_law_is_not_in_force_on_or_after_its_end_date(state, definition, law_name):
    law = next(law for law in REF.laws_of(state) if law["law"] == law_name)
    others = [other for other in REF.laws if other["state"] != state]
    ended = {**law, "end_date": "2020-03-15", "end_note": "repealed (test)"}
    place = G.state(state)
    county = next(j for j in G if j.level == "county" and j.geoid[:2] == place.geoid)
    for j in (place, county):  # the state and, through inheritance, a county inside it
        assert _label(j, definition, "2020-03-14", [ended, *others]) == "yes"
        assert _label(j, definition, "2020-03-15", [ended, *others]) != "yes"
        assert _label(j, definition, "2021-01-01", [law, *others]) == "yes"  # not ended


def test_shipped_end_dates_stop_the_law():
    for law in REF.laws:
        fact = _law_fact(law)
        if law["end_date"]:
            assert not fact.in_force(fact.valid_to)
            assert fact.in_force(fact.valid_from)


def test_repository_rows_replace_shared_rows_by_state_and_law(tmp_path):
    build = _build_module()
    shared, own = tmp_path / "shared", tmp_path / "own"
    shared.mkdir()
    own.mkdir()
    header = "state,law,popular_name,direction,effective_date,summary,source_url,date_note"
    (shared / "state-laws.csv").write_text(
        f"{header}\nMS,SB 2710 (2017),,requires_cooperation,2017-03-27,s,https://a.example/1,\n"
        "IA,SF 481 (2018),,requires_cooperation,2018-07-01,s,https://a.example/2,\n",
        encoding="utf-8",
    )
    (own / "state-laws.csv").write_text(
        f"{header},end_date,end_note,p16_value\n"
        "IA,SF 481 (2018),,requires_cooperation,2018-07-01,s,https://b.example/2,,2030-01-01,"
        "repealed by a test act (https://b.example/3),mandates_detainers\n"
        "WY,HB 133 (2025),,requires_cooperation,2025-03-18,s,https://b.example/4,,,,\n",
        encoding="utf-8",
    )
    laws = build.state_laws(G, shared, own)
    assert [(law["state"], law["source_url"]) for law in laws] == [
        ("MS", "https://a.example/1"),
        ("IA", "https://b.example/2"),
        ("WY", "https://b.example/4"),
    ]
    assert laws[1]["end_date"] == "2030-01-01" and laws[1]["p16_value"] == "mandates_detainers"
    assert laws[0]["p16_value"] == laws[2]["p16_value"] == "bans_limits"
    (own / "state-law-coverage.csv").write_text(
        "state,status,checked_as_of,sources_checked,note\n"
        "MS,has_laws,2026-12-07,https://c.example,\nIA,has_laws,2026-12-07,https://c.example,\n"
        "WY,none_found,2026-12-07,https://c.example,\n",
        encoding="utf-8",
    )
    with pytest.raises(build.BuildError, match=r"state-law-coverage\.csv:4: status none_found"):
        build.coverage(G, laws, own)
    (own / "state-laws.csv").write_text(
        f"{header},end_date,end_note,p16_value\n"
        "IA,SF 481 (2018),,requires_cooperation,2018-07-01,s,https://b.example/2,,2030-01-01,,\n",
        encoding="utf-8",
    )
    with pytest.raises(build.BuildError, match="without an end note"):
        build.state_laws(G, shared, own)


def test_the_build_is_byte_identical_under_any_hash_seed(shared, tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"reference-{seed}.json"
        run = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "build_reference.py"),
                str(shared / "data"),
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert run.returncode == 0, run.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == DATA.read_bytes()


def test_laws_command_for_one_state():
    run = CliRunner().invoke(main, ["laws", "--state", "wy"])
    assert run.exit_code == 0, run.output
    assert run.output.splitlines()[:3] == [
        "WY  Wyoming",
        "  P16 requires_cooperation (bans_limits), from 2025-03-18, in force",
        "    Prohibition on immigration sanctuaries: HB 133 (2025), Enrolled Act 76, "
        "W.S. 9-25-101 and 9-25-102",
    ]
    assert "source: https://svinews.com/" in run.output
    none = CliRunner().invoke(main, ["laws", "--state", "RI", "--format", "json"])
    record = json.loads(none.output)
    assert record["status"] == "none_found" and record["laws"] == []
    text = CliRunner().invoke(main, ["laws", "--state", "RI"]).output
    assert "none found as of 2026-12-07 (sources checked: https://" in text
    bad = CliRunner().invoke(main, ["laws", "--state", "ZZ"])
    assert bad.exit_code == 1 and "'ZZ'" in bad.output and len(bad.output.splitlines()) == 1


def test_coverage_dataclass_stays_compatible():
    fields = {f.name for f in dataclasses.fields(type(REF))}
    assert {"editions", "laws", "laws_missing", "coverage"} <= fields
