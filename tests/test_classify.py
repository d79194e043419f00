"""Definitions as rules over constructed facts: each definition, inheritance, preemption,
practice versus law, list completeness, the monotonic property, and bad definition files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.classify import Classifier, DefinitionError, Evidence, Fact, classify
from sanctuary_tracker.classify.definitions import load_definition, load_definitions
from sanctuary_tracker.classify.reference import load_reference
from sanctuary_tracker.places.gazetteer import load_gazetteer

G = load_gazetteer()
DEFS = load_definitions()
CHELSEA = G.by_geoid("2513205")  # Chelsea city, MA
SUFFOLK = G.by_geoid("25025")  # Suffolk County, MA (Boston's jail)
MASS = G.by_geoid("25")
AUSTIN = G.by_geoid("4805000")
TRAVIS = G.by_geoid("48453")
DATE = "2020-06-01"


def fact(j, provision, value, since="2015-01-01", until=None, form="ordinance", **kw) -> Fact:
    return Fact(
        geoid=j.geoid,
        provision=provision,
        value=value,
        valid_from=since,
        valid_to=until,
        form=form,
        agency=kw.get("agency", "city"),
        citation=kw.get("citation", f"test {provision}"),
        source=kw.get("source", "https://example.org/test"),
        origin="file",
    )


def label(j, definition_id, facts, date=DATE, with_reference=False):
    every = list(facts) + (load_reference().facts() if with_reference else [])
    return classify(j, DEFS[definition_id], date, Evidence(every, G))


def test_at_least_eight_definitions_ship_each_with_a_source():
    assert len(DEFS) >= 8
    for definition in DEFS.values():
        assert definition.source.startswith("http"), definition.id
        assert definition.summary and definition.name


@pytest.mark.parametrize(
    ("definition_id", "facts", "expected"),
    [
        ("dhs-ddor-2017", [("P01", "judicial_warrant_or_order_only")], "yes"),
        ("dhs-ddor-2017", [("P02", "notify_limited")], "yes"),
        ("dhs-ddor-2017", [("P01", "honor_all"), ("P02", "notify_all")], "unknown"),
        ("eo-13768-1373", [("P05", True)], "yes"),
        ("eo-13768-1373", [("P05", False)], "no"),
        ("cis", [("P03", "barred")], "yes"),
        (
            "cis",
            [
                ("P01", "honor_all"),
                ("P02", "notify_all"),
                ("P03", "unrestricted"),
                ("P05", False),
                ("P06", False),
            ],
            "no",
        ),
        ("dhs-2025-05", [("P13", True)], "yes"),
        ("dhs-2025-05", [("P15", True)], "yes"),
        ("doj-2025-08", [("P08", True)], "yes"),
        ("doj-2025-08", [("P01", "honor_with_exceptions")], "unknown"),
        ("lasch-2018", [("P09", True)], "yes"),
        ("lasch-2018", [("P07", False)], "unknown"),
        ("state-sanctuary-law", [("P17", True)], "yes"),
        ("hall-2021-preemption", [("P16", "mandates_detainers")], "yes"),
        ("hall-2021-preemption", [("P16", "none")], "no"),
    ],
)
def test_each_definition_on_constructed_facts(definition_id, facts, expected):
    result = label(CHELSEA, definition_id, [fact(CHELSEA, p, v) for p, v in facts])
    assert result.label == expected, result.reasons
    assert all(r["source"] for r in result.reasons)


def test_no_evidence_is_unknown_with_the_missing_provisions_named():
    result = label(CHELSEA, "cis", [])
    assert result.label == "unknown"
    assert any("no evidence on P01" in r["text"] for r in result.reasons)


def test_a_county_only_definition_leaves_cities_unknown_and_says_why():
    county = label(TRAVIS, "wong-cap-2017", [fact(TRAVIS, "P01", "decline_all")])
    assert county.label == "yes"
    city = label(AUSTIN, "wong-cap-2017", [fact(AUSTIN, "P01", "decline_all")])
    assert city.label == "unknown" and "county" in city.reasons[0]["text"]


def test_a_county_jail_policy_covers_its_cities_unless_the_city_has_its_own():
    jail = fact(SUFFOLK, "P01", "decline_all", agency="sheriff")
    inherited = label(CHELSEA, "dhs-ddor-2017", [jail])
    assert inherited.label == "yes"
    assert "county jail of Suffolk County" in inherited.reasons[0]["text"]
    own = label(CHELSEA, "cis", [jail, fact(CHELSEA, "P01", "honor_all")])
    assert not any("Suffolk" in r["text"] for r in own.reasons)
    # not jail provisions: a county's declaration is not the city's
    assert label(CHELSEA, "dhs-2025-05", [fact(SUFFOLK, "P13", True)]).label == "unknown"


def test_a_state_law_applies_inside_the_state_from_its_effective_date():
    law = fact(MASS, "P17", True, since="2018-01-01", form="statute", agency="state")
    for j in (MASS, SUFFOLK, CHELSEA):
        assert label(j, "state-sanctuary-law", [law]).label == "yes"
    assert label(CHELSEA, "state-sanctuary-law", [law], date="2017-06-01").label == "unknown"
    reasons = label(CHELSEA, "state-sanctuary-law", [law]).reasons
    assert "state law of Massachusetts" in reasons[0]["text"]


def test_a_state_ban_preempts_local_limits_which_then_count_only_as_partial():
    ban = fact(G.by_geoid("48"), "P16", "bans_limits", since="2017-09-01", agency="state")
    local = fact(TRAVIS, "P01", "decline_all", since="2017-01-01", agency="sheriff")
    before = label(TRAVIS, "dhs-ddor-2017", [ban, local], date="2017-03-01")
    after = label(TRAVIS, "dhs-ddor-2017", [ban, local], date="2018-03-01")
    assert before.label == "yes"
    assert after.label == "partial"
    assert any("preempted" in r["text"] for r in after.reasons)


def test_practice_where_the_definition_asks_for_law_is_partial():
    practice = fact(CHELSEA, "P05", True, form="practice")
    assert label(CHELSEA, "doj-2025-08", [practice]).label == "partial"
    assert label(CHELSEA, "cis", [practice]).label == "yes"  # CIS counts practice


def test_facts_count_only_while_in_force():
    ended = fact(CHELSEA, "P05", True, since="2015-01-01", until="2019-01-01")
    assert label(CHELSEA, "eo-13768-1373", [ended], date="2018-06-01").label == "yes"
    assert label(CHELSEA, "eo-13768-1373", [ended], date="2019-06-01").label == "unknown"


def test_complete_lists_decide_no_incomplete_ones_do_not():
    chicago, boston = G.by_geoid("1714000"), G.by_geoid("2507000")
    review = "doj-1373-review-2017"
    assert label(chicago, review, [], "2017-05-01", with_reference=True).label == "yes"
    assert label(boston, review, [], "2017-12-01", with_reference=True).label == "no"
    early = label(chicago, review, [], "2016-01-01", with_reference=True)
    assert early.label == "no" and "was published on 2017-04-21" in early.reasons[0]["text"]
    # the DDOR edition shipped is partial: absence from it decides nothing
    assert label(CHELSEA, "dhs-ddor-2017", [], "2017-04-01", with_reference=True).label == (
        "unknown"
    )
    assert label(boston, "dhs-ddor-2017", [], "2017-04-01", with_reference=True).label == "yes"


def test_a_withdrawn_list_stops_counting_when_withdrawn():
    california = G.by_geoid("06")
    dhs = "dhs-2025-05"
    assert label(california, dhs, [], "2025-05-30", with_reference=True).label == "yes"
    assert label(california, dhs, [], "2025-06-02", with_reference=True).label == "unknown"


def test_grouped_classification_matches_one_by_one():
    facts = [*load_reference().facts(), fact(SUFFOLK, "P01", "decline_all")]
    evidence = Evidence(facts, G)
    grouped = Classifier(evidence)
    sample = [*G.in_state("MA")[:300], *G.in_state("TX")[:200]]
    for definition in DEFS.values():
        for j, result in grouped.classify_all(definition, DATE, sample):
            assert result == classify(j, definition, DATE, evidence), (j.name, definition.id)


PROVISIONS = {
    "P01": ["honor_all", "honor_with_exceptions", "judicial_warrant_or_order_only", "decline_all"],
    "P02": ["notify_all", "notify_limited", "no_notify"],
    "P16": ["none", "bans_limits"],
}


@st.composite
def fact_sets(draw):
    out = []
    for _ in range(draw(st.integers(0, 5))):
        where = draw(st.sampled_from([CHELSEA, SUFFOLK, MASS]))
        provision = draw(st.sampled_from(sorted(PROVISIONS)))
        value = draw(st.sampled_from(PROVISIONS[provision]))
        since = draw(st.sampled_from(["2014-01-01", "2017-01-01", "2019-01-01"]))
        form = draw(st.sampled_from(["ordinance", "practice"]))
        agency = "state" if where is MASS else "sheriff"
        out.append(fact(where, provision, value, since=since, form=form, agency=agency))
    return out


@settings(max_examples=200, deadline=None)
@given(fact_sets(), st.sampled_from(["2016-01-01", "2018-01-01", "2020-01-01"]))
def test_declining_all_detainers_never_turns_a_dhs_2017_yes_into_no(facts, date):
    before = label(CHELSEA, "dhs-ddor-2017", facts, date)
    more = [*facts, fact(CHELSEA, "P01", "decline_all", since="2014-01-01")]
    after = label(CHELSEA, "dhs-ddor-2017", more, date)
    if before.label == "yes":
        assert after.label == "yes"
    assert after.label != "no"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text)
    return path


GOOD = """\
id = "mine"
name = "My definition"
version = "1"
source = "https://example.org/mine"
summary = "Declines detainers."

[[yes]]
provision = "P01"
values = ["decline_all"]
"""


def test_a_users_own_definition_loads_and_applies(tmp_path):
    mine = load_definition(write(tmp_path, GOOD))
    assert mine.id == "mine"
    assert (
        classify(CHELSEA, mine, DATE, Evidence([fact(CHELSEA, "P01", "decline_all")], G)).label
        == "yes"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('provision = "P01"', 'provision = "P1"'), r"mine\.toml:8: unknown provision 'P1'"),
        (
            ('["decline_all"]', '["decline_al"]'),
            r"mine\.toml:9: 'decline_al' is not a value of P01",
        ),
        (("[[yes]]", "[[yess]]"), r"mine\.toml:7: unknown field 'yess'"),
        (
            ('provision = "P01"\nvalues = ["decline_all"]', 'listed_on = "doj-2099"'),
            r"mine\.toml:8: unknown list edition 'doj-2099'",
        ),
        (('summary = "Declines detainers."\n', ""), r"mine\.toml: missing field 'summary'"),
        (('id = "mine"', "id = mine"), r"mine\.toml: not valid TOML"),
        (
            ('summary = "', 'primary_title = "The rule"\nsummary = "'),
            r"mine\.toml:5: give both primary_title and primary_url, or neither",
        ),
        (
            ('summary = "', 'primary_title = "The rule"\nprimary_url = "ftp://x/y"\nsummary = "'),
            r"mine\.toml:6: 'primary_url' must be an http\(s\) address",
        ),
    ],
)
def test_a_definition_with_a_typo_fails_naming_file_line_and_name(tmp_path, change, message):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(DefinitionError, match=message):
        load_definition(path)


def test_a_primary_source_is_named_and_its_copy_kept_beside_it(tmp_path):
    cited = GOOD.replace(
        'summary = "',
        'primary_title = "The rule"\nprimary_url = "https://example.gov/rule"\nsummary = "',
    )
    mine = load_definition(write(tmp_path, cited))
    assert mine.to_record()["primary"] == {"title": "The rule", "url": "https://example.gov/rule"}
    assert mine.copies == ("https://example.org/mine",)
    assert load_definition(write(tmp_path, GOOD)).to_record()["primary"] is None


def test_shipped_primary_sources_are_web_addresses_apart_from_their_copies():
    cited = [d for d in DEFS.values() if d.primary]
    cited += [e for e in load_reference().editions.values() if e.primary]
    assert len(cited) >= 10
    for record in cited:
        assert record.primary.url.startswith("https://") and record.primary.title
        assert record.primary.url not in record.copies


def test_two_definitions_cannot_share_an_id(tmp_path):
    path = write(tmp_path, GOOD.replace('id = "mine"', 'id = "cis"'))
    with pytest.raises(DefinitionError, match="already used by"):
        load_definitions([path])
