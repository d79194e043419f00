"""The shipped observations (reference/observations/*.csv): every row a checked, sourced fact
about a gazetteer jurisdiction, turned into reference facts that the cooperation measure reads;
a bad row stops the build with its file and line."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from sanctuary_tracker.classify import Evidence, classify
from sanctuary_tracker.classify.definitions import load_definitions
from sanctuary_tracker.classify.reference import load_reference
from sanctuary_tracker.places.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_observations.py"
G = load_gazetteer()
REF = load_reference()
KNOX = G.by_geoid("47093")  # Knox County, TN: Knox County Detention Facility, USMS IGA (FY2025)
REPO_FILE = "https://github.com/CarwilB/ice-detention/blob/8895dec7a11778cd8c3f56dee3c397b7c19681f3/data/facilities_panel.csv"


def _module():
    spec = importlib.util.spec_from_file_location("build_observations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILD = _module()


def test_the_shipped_observations_are_the_checked_csv_rows():
    assert REF.observations
    assert list(REF.observations) == BUILD.observations(G)


def test_every_observation_is_a_sourced_codebook_fact_about_a_gazetteer_jurisdiction():
    codebook = BUILD.load_codebook()
    for o in REF.observations:
        j = G.by_geoid(o["geoid"])
        assert (j.geoid, j.name, j.state) == (o["geoid"], o["name"], o["state"]), o
        assert o["value"] in codebook[o["provision"]]["allowed_values"], o
        assert o["source_url"].startswith("https://") and o["citation"], o
        assert o["valid_from"] and o["valid_to"] is None, o


def test_the_fy2025_detention_file_gives_county_contracts_as_of_its_edition():
    rows = [o for o in REF.observations if o["dataset"] == "ice-detention-fy2025"]
    assert len(rows) == 101
    assert {(o["provision"], o["value"], o["valid_from"]) for o in rows} == {
        ("P11", True, "2025-09-24")
    }
    assert {G.by_geoid(o["geoid"]).level for o in rows} == {"county"}
    assert all(o["source_url"] == REPO_FILE for o in rows)
    assert all(("IGSA with ICE" in o["citation"]) != ("USMS IGA" in o["citation"]) for o in rows)


def test_a_county_with_a_detention_contract_cooperates_citing_the_source():
    cooperation = load_definitions()["ilrc-cooperation"]
    evidence = Evidence(REF.facts(), G)
    result = classify(KNOX, cooperation, "2025-10-01", evidence)
    assert result.label == "yes"
    [reason] = [r for r in result.reasons if "P11" in r["text"]]
    assert "Knox County Detention Facility" in reason["text"]
    assert "an ICE detention contract" in reason["text"]
    assert reason["source"] == REPO_FILE
    # before the statistics' date the file says nothing
    assert classify(KNOX, cooperation, "2025-01-01", evidence).label != "yes"


HEADER = ",".join(BUILD.COLUMNS)
GOOD = (
    "47093,Knox County,TN,P11,true,2025-09-24,,agency_policy,county,"
    "a citation,https://example.org/source,"
)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (GOOD.replace(",P11,", ",P99,"), "unknown provision 'P99'"),
        (GOOD.replace(",true,", ',"""honor_all""",'), "not an allowed P11 value"),
        (GOOD.replace(",true,", ",1,"), "not an allowed P11 value"),
        (GOOD.replace(",true,", ",maybe,"), "not a JSON literal"),
        (GOOD.replace("47093,", "47999,"), "unknown GEOID '47999'"),
        (GOOD.replace(",TN,", ",KY,"), "is in TN, not KY"),
        (GOOD.replace("2025-09-24", "24/09/2025"), "valid_from"),
        (GOOD.replace("agency_policy", "rumour"), "unknown form 'rumour'"),
        (GOOD.replace("https://example.org/source", ""), "no source URL"),
    ],
)
def test_a_bad_row_stops_the_build_naming_its_file_and_line(tmp_path, bad, message):
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\n{GOOD}\n{bad}\n", encoding="utf-8")
    with pytest.raises(BUILD.ObservationError, match=rf"bad\.csv:3: .*{message}"):
        BUILD.observations(G, tmp_path)


def test_the_script_exits_non_zero_with_the_file_and_line(tmp_path):
    (tmp_path / "one.csv").write_text(f"{HEADER}\n{GOOD}\n", encoding="utf-8")
    ok = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert ok.returncode == 0, ok.stderr
    assert "one: 1 rows, 1 jurisdictions" in ok.stdout
    (tmp_path / "two.csv").write_text(f"{HEADER}\n{GOOD.replace(',P11,', ',P99,')}\n")
    bad = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 1
    assert bad.stderr.strip().endswith("two.csv:2: unknown provision 'P99'")
    assert bad.stderr.count("\n") == 1
