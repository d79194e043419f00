"""Coverage counts: which jurisdictions the dated official facts reach."""

from sanctuary_tracker.classify.coverage import coverage
from sanctuary_tracker.classify.facts import Fact
from sanctuary_tracker.places.gazetteer import load_gazetteer


def _fact(geoid, provision, value=True, valid_from="2020-01-01"):
    return Fact(geoid, provision, value, valid_from, None, "statute", "state", "c", "https://x")


def test_counts_own_facts_and_statewide_laws():
    g = load_gazetteer()
    knox = next(j for j in g.lookup("Knox County") if j.state == "TN")
    facts = [
        _fact("06", "P17"),  # California's sanctuary law reaches every California county
        _fact(knox.geoid, "P10", "JEM"),
        _fact(knox.geoid, "listing", "x"),
        _fact("17", "listing", "x"),  # a listed state reaches no county
        _fact("48", "P16", "bans_limits", valid_from=None),  # undated: does not count
    ]
    found = coverage(facts, g)
    ca_counties = sum(1 for j in g if j.level == "county" and j.state == "CA")
    assert ca_counties == 58
    assert found["jurisdictions_with_own_fact"] == 3
    assert found["by_level"]["state"]["with_own_fact"] == 2
    assert found["by_level"]["county"]["by_source"] == {"287(g) agreement": 1, "listing": 1}
    assert found["counties"]["with_own_fact"] == 1
    assert found["counties"]["with_fact_bearing"] == ca_counties + 1
