"""Listings: which official list a sentence names, and which places it puts on it."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.extract.listings import find_listings
from sanctuary_tracker.places.gazetteer import Jurisdiction
from sanctuary_tracker.places.resolve import PlaceMention


def mention(text, phrase, name, state, kind, geoid, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    j = Jurisdiction(geoid, f"ocd-division/country:us/state:{state.lower()}/x:{geoid}", name, name,
                     kind, state, None, None, (name,), ())  # fmt: skip
    return PlaceMention(start, start + len(phrase), phrase, j, 1.0, "test")


def listed(text, places):
    return [
        (x.to_record()["list_id"], x.to_record()["jurisdictions"])
        for x in find_listings(text, places)
    ]


SEED = (
    "Somerville also has a sanctuary city ordinance on the books.\n\n"
    "Somerville was recently listed on a Department of Homeland Security report citing "
    "jurisdictions with policies that limit cooperation with ICE.\n\n"
    "The cities of Hartford, East Haven, and Nassau County on Long Island have also been "
    "included on that list.\n\nCopyright 2017 WBUR-FM."
)


def seed_places():
    return [
        mention(SEED, "Somerville", "Somerville", "MA", "city", "2562535"),
        mention(SEED, "Somerville", "Somerville", "MA", "city", "2562535", nth=1),
        mention(SEED, "Hartford", "Hartford", "CT", "city", "0937000"),
        mention(SEED, "East Haven", "East Haven", "CT", "town", "0900922910"),
        mention(SEED, "Nassau County", "Nassau County", "NY", "county", "36059"),
    ]


def test_list_spread_over_sentences():
    assert listed(SEED, seed_places()) == [
        ("dhs-ddor-2017", ["Somerville, MA"]),
        ("dhs-ddor-2017", ["Hartford, CT", "East Haven, CT", "Nassau County, NY"]),
    ]


def test_record_shape_and_span():
    first = find_listings(SEED, seed_places())[0]
    record = first.to_record()
    assert record["list"] == "DHS Declined Detainer Outcome Report"
    assert record["members"] == [
        {
            "name": "Somerville",
            "state": "MA",
            "geoid": "2562535",
            "ocd_id": "ocd-division/country:us/state:ma/x:2562535",
        }
    ]
    assert SEED[first.start : first.end].startswith("Somerville was recently listed")


def test_doj_2025_enumeration_after_colon():
    text = (
        "The Justice Department published a list of 35 sanctuary jurisdictions in August 2025.\n"
        "States and localities the Justice Department has identified include:\n\nStates:\n\n"
        "California\n\nDistrict of Columbia\n\nCounties:\n\nCook County, Illinois\n\n"
        "Attorney General Pam Bondi said the listed jurisdictions impede law enforcement at great length.\n"
    )
    places = [
        mention(text, "California", "California", "CA", "state", "06"),
        mention(text, "District of Columbia", "District of Columbia", "DC", "district", "11"),
        mention(text, "Cook County", "Cook County", "IL", "county", "17031"),
    ]
    assert listed(text, places) == [
        ("doj-2025-08", ["California", "District of Columbia", "Cook County, IL"])
    ]


def test_dhs_2025_by_era_cues_and_previous_list():
    text = (
        "Six Connecticut towns labeled sanctuary cities by the Department of Homeland Security "
        "in May are absent from a revised list posted Tuesday by the Department of Justice. "
        "But Connecticut was one of 12 states deemed to have such policies. "
        "The mayors of New Haven, one of the Connecticut cities on the previous list, objected. "
        "Secretary Noem did not comment in 2025."
    )
    places = [
        mention(text, "Connecticut", "Connecticut", "CT", "state", "09"),
        mention(text, "Connecticut", "Connecticut", "CT", "state", "09", nth=1),
        mention(text, "New Haven", "New Haven", "CT", "city", "0952000"),
        mention(text, "Connecticut", "Connecticut", "CT", "state", "09", nth=2),
    ]
    assert listed(text, places) == [
        ("doj-2025-08", ["Connecticut"]),
        ("dhs-2025-05", ["New Haven, CT"]),
    ]


def test_doj_letters_by_month():
    text = "In April 2017 the Justice Department sent letters to Chicago demanding proof of compliance."
    places = [mention(text, "Chicago", "Chicago", "IL", "city", "1714000")]
    assert listed(text, places) == [("doj-2017-04-letters", ["Chicago, IL"])]
    text = "In November 2017 the Justice Department sent letters to Albany and 28 others."
    places = [mention(text, "Albany", "Albany", "NY", "city", "3601000")]
    assert listed(text, places) == [("doj-2017-11-letters", ["Albany, NY"])]


def test_unofficial_lists_negations_and_datelines_are_not_listings():
    text = "The Center for Immigration Studies has Franklin County listed as a sanctuary county."
    places = [mention(text, "Franklin County", "Franklin County", "PA", "county", "42055")]
    assert listed(text, places) == []
    text = "Chicago was not on the DHS report, officials said."
    assert listed(text, [mention(text, "Chicago", "Chicago", "IL", "city", "1714000")]) == []
    text = "CHAMBERSBURG - ICE mistakenly included Franklin County on a 2017 list of counties."
    places = [
        mention(text, "CHAMBERSBURG", "Chambersburg", "PA", "borough", "4212536"),
        mention(text, "Franklin County", "Franklin County", "PA", "county", "42055"),
    ]
    assert listed(text, places) == [("dhs-ddor-2017", ["Franklin County, PA"])]


def test_no_list_no_listing():
    text = "Hartford Mayor Luke Bronin said Hartford includes many immigrants."
    assert listed(text, [mention(text, "Hartford", "Hartford", "CT", "city", "0937000")]) == []


def test_long_unbroken_text_is_bounded():
    text = "list " * 2_000_000
    started = time.monotonic()
    assert find_listings(text, []) == []
    places = [mention(text, "list", "List", "MA", "city", "1")]
    find_listings(text, places)
    assert time.monotonic() - started < 20


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_never_raises_on_unicode(text):
    j = Jurisdiction("1", "ocd", "X", "X", "city", "MA", None, None, ("X",), ())
    places = [PlaceMention(0, min(1, len(text)), text[:1], j, 1.0, "t")] if text else []
    for item in find_listings(text + " was listed on the DHS report.", places):
        assert 0 <= item.start < item.end
        item.to_record()


def _branches(pattern: str) -> list[str]:
    """A pattern's top-level alternatives."""
    branches, depth, current, escaped = [], 0, "", False
    for char in pattern:
        if escaped:
            current, escaped = current + char, False
            continue
        if char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(current)
            current = ""
            continue
        current += char
    return [*branches, current]


def test_every_agency_pattern_branch_holds_one_of_its_words():
    from sanctuary_tracker.extract import listings_catalog as cat

    for name, pattern in (("DHS", cat.DHS), ("DOJ", cat.DOJ), ("unofficial", cat.UNOFFICIAL)):
        for branch in _branches(pattern.pattern):
            assert any(word in branch for word in cat.AGENCY_WORDS[name]), (name, branch)


def test_report_named_in_a_sentence_cut_inside_a_word():
    # A run of 1,500 characters without a space is cut inside a word: the sentence after
    # the cut names the report, though the whole text holds no "DDOR" standing alone.
    text = "x" * 1500 + "DDOR named Somerville to its list."
    places = [mention(text, "Somerville", "Somerville", "MA", "city", "2562535")]
    assert listed(text, places) == [("dhs-ddor-2017", ["Somerville, MA"])]


def test_a_negated_sentence_lists_the_places_of_its_listing_clause():
    text = (
        "Harbor County was not among the jurisdictions named in the Declined Detainer "
        "Outcome Report, which listed Travis County and Cook County in 2017."
    )
    places = [
        mention(text, "Harbor County", "Harbor County", "OR", "county", "41999"),
        mention(text, "Travis County", "Travis County", "TX", "county", "48453"),
        mention(text, "Cook County", "Cook County", "IL", "county", "17031"),
    ]
    assert listed(text, places) == [("dhs-ddor-2017", ["Travis County, TX", "Cook County, IL"])]
    negated_only = text.split(",")[0] + "."
    assert listed(negated_only, places[:1]) == []
