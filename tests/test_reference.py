"""The shipped official lists and state laws: every member a real jurisdiction with a source,
editions as counted by their sources, and the build script reproducing the file."""

from __future__ import annotations

from pathlib import Path

from sanctuary_tracker.classify.reference import load_reference
from sanctuary_tracker.places.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "sanctuary_tracker" / "data" / "reference.json"


def test_every_member_is_a_gazetteer_jurisdiction_with_a_source():
    gazetteer = load_gazetteer()
    for edition in load_reference().editions.values():
        assert edition.sources, edition.id
        for member in edition.members:
            j = gazetteer.by_geoid(member["geoid"])
            assert j.ocd_id == member["ocd_id"]
            assert member["source_url"].startswith("http"), member


def test_edition_sizes_are_the_counts_their_sources_give():
    editions = load_reference().editions
    assert len(editions["doj-2017-04-letters"].members) == 9
    assert len(editions["doj-2017-11-letters"].members) == 29
    assert len(editions["doj-2025-08"].members) == 35  # 12 states + DC, 4 counties, 18 cities
    assert not editions["dhs-ddor-2017"].complete and editions["dhs-ddor-2017"].missing
    assert editions["dhs-2025-05"].withdrawn == "2025-06-01"


def test_state_laws_become_p16_and_p17_facts_on_the_state():
    facts = [f for f in load_reference().facts() if f.provision in ("P16", "P17")]
    by_state = {(f.geoid, f.provision) for f in facts}
    assert ("06", "P17") in by_state  # California
    assert ("48", "P16") in by_state  # Texas
    assert all(f.valid_from and f.source.startswith("http") for f in facts)
