"""The cooperation measure (ILRC's map of local entanglement with ICE): 287(g) agreements,
detention contracts and detainers honoured, on constructed facts and on the shipped 287(g)
snapshot; a state ban does not turn cooperation into "partial"."""

from __future__ import annotations

import pytest
from test_classify import fact as _fact

from sanctuary_tracker.classify import Evidence, Fact, classify
from sanctuary_tracker.classify.definitions import MEASURES, load_definitions
from sanctuary_tracker.classify.reference import load_reference
from sanctuary_tracker.places.gazetteer import load_gazetteer

G = load_gazetteer()
DEFS = load_definitions()
COOPERATION = DEFS["ilrc-cooperation"]
KNOX = G.by_geoid("47093")  # Knox County, TN
TRAVIS = G.by_geoid("48453")  # Travis County, TX (under Texas SB 4 from 2017-09-01)
AGREEMENT = "287(g) Jail Enforcement Model agreement of Knox County Sheriff's Office"


def fact(j, provision, value, since="2020-06-08", until=None, citation=None) -> Fact:
    """A sheriff's fact, as the 287(g) sheets give one."""
    cited = {"citation": citation} if citation else {}
    return _fact(j, provision, value, since, until, form="agency_policy", agency="sheriff", **cited)


def label(j, facts, date="2021-01-01", with_reference=False):
    every = list(facts) + (load_reference().facts() if with_reference else [])
    return classify(j, COOPERATION, date, Evidence(every, G))


def test_the_definition_ships_as_a_cooperation_measure_with_its_source():
    assert "cooperation" in MEASURES
    assert COOPERATION.measures == "cooperation"
    assert COOPERATION.source == "https://www.ilrc.org/local-enforcement-map"
    assert {c.provision for c in COOPERATION.yes} == {"P01", "P10", "P11"}
    p10 = next(c for c in COOPERATION.yes if c.provision == "P10")
    assert sorted(p10.values) == ["JEM", "TFM", "WSO"]


@pytest.mark.parametrize("model", ["JEM", "TFM", "WSO"])
def test_a_287g_agreement_in_force_is_yes_naming_the_agreement(model):
    result = label(KNOX, [fact(KNOX, "P10", model, citation=AGREEMENT)])
    assert result.label == "yes"
    [reason] = result.reasons
    assert AGREEMENT in reason["text"] and f"P10 = {model}" in reason["text"]
    assert "a 287(g) agreement with ICE is in force" in reason["text"]
    assert reason["source"] == "https://example.org/test"


def test_an_agreement_out_of_force_is_not_yes():
    ended = fact(KNOX, "P10", "JEM", since="2010-01-01", until="2015-01-01", citation=AGREEMENT)
    before = fact(KNOX, "P10", "JEM", since="2022-01-01", citation=AGREEMENT)
    for facts in ([ended], [before]):
        result = label(KNOX, facts)
        assert result.label == "unknown", facts
        assert any("P10" in r["text"] and r["kind"] == "missing" for r in result.reasons)
    assert label(KNOX, [ended], date="2012-06-01").label == "yes"


def test_a_detention_contract_or_every_detainer_honoured_is_yes():
    assert label(KNOX, [fact(KNOX, "P11", True)]).label == "yes"
    assert label(KNOX, [fact(KNOX, "P01", "honor_all")]).label == "yes"
    for limited in ("honor_with_exceptions", "judicial_warrant_or_order_only", "decline_all"):
        assert label(KNOX, [fact(KNOX, "P01", limited)]).label != "yes", limited
    assert label(KNOX, [fact(KNOX, "P11", False)]).label != "yes"


def test_a_state_ban_does_not_make_cooperation_partial():
    honours = [fact(TRAVIS, "P01", "honor_all", since="2015-01-01")]
    assert label(TRAVIS, honours, date="2018-06-01", with_reference=True).label == "yes"
    # ... while a sanctuary definition's limit under the same ban is partial
    limits = [fact(TRAVIS, "P01", "decline_all", since="2015-01-01")]
    sanctuary = classify(
        TRAVIS, DEFS["lasch-2018"], "2018-06-01", Evidence(limits + load_reference().facts(), G)
    )
    assert sanctuary.label == "partial"


def test_the_shipped_287g_snapshot_makes_knox_county_cooperate():
    from sanctuary_tracker.agreements.snapshot import snapshot_facts

    agreements = [f for f in snapshot_facts() if f.geoid == KNOX.geoid]
    if not agreements:
        pytest.skip("the shipped 287(g) snapshot lists no agreement for Knox County, TN")
    result = label(KNOX, agreements, date="2025-06-01")
    assert result.label == "yes"
    assert any("Knox County Sheriff" in r["text"] for r in result.reasons)
