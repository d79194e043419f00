"""Listings on constructed sentences: an edition identified by what the text says of it
(agency, month and year, kind), never by a surname or a bare number; members in an
enumeration, in the next sentences and behind "that list"."""

from __future__ import annotations

from test_listings import listed, mention

from sanctuary_tracker.extract import listings_catalog as cat
from sanctuary_tracker.extract.listings import find_listings


def city(text, name, state, geoid, nth=0):
    return mention(text, name, name, state, "city", geoid, nth)


def test_editions_come_from_the_shipped_reference():
    ids = [e.list_id for e in cat.editions()]
    assert ids == sorted(ids, key=lambda i: next((e.year, e.month) for e in cat.editions() if e.list_id == i))  # fmt: skip
    letters = [e for e in cat.editions() if e.kind == "letters"]
    assert {(e.agency, e.year, e.month) for e in letters} == {("DOJ", 2017, 4), ("DOJ", 2017, 11)}


def test_month_and_year_with_the_agency():
    text = "In November 2017 the Justice Department wrote to Fairview about its jail policy, and Fairview was named in the letters."
    places = [city(text, "Fairview", "OR", "4124250", nth=1)]
    assert listed(text, places) == [("doj-2017-11-letters", ["Fairview, OR"])]
    text = "Homeland Security in May 2025 placed Fairview on its list of sanctuary jurisdictions."
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == [
        ("dhs-2025-05", ["Fairview, OR"])
    ]


def test_month_and_year_without_the_agency():
    text = "Fairview was included on the August 2025 list of sanctuary jurisdictions."
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == [
        ("doj-2025-08", ["Fairview, OR"])
    ]
    text = "Fairview was included on the May 2025 list of sanctuary jurisdictions."
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == [
        ("dhs-2025-05", ["Fairview, OR"])
    ]


def test_a_date_no_edition_has_gives_nothing():
    text = "On March 29, 2017, the Justice Department sent letters to Fairview about its policy."
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == []
    text = "Fairview was included on the June 2019 list of sanctuary jurisdictions."
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == []


def test_a_surname_or_bare_number_does_not_choose_the_edition():
    # "29" and "Sessions" used to pick the November letters; April 2017 is what the text says.
    text = (
        "In April 2017 the Justice Department sent letters to Fairview; Sessions said 29 "
        "officers would review them."
    )
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == [
        ("doj-2017-04-letters", ["Fairview, OR"])
    ]


def test_an_enumeration_of_counties_in_one_sentence():
    text = "A 2017 Homeland Security report identifies Adams and Lake counties as non-cooperative."
    places = [
        mention(text, "Adams", "Adams County", "OH", "county", "39001"),
        mention(text, "Lake", "Lake County", "OH", "county", "39085"),
    ]
    assert listed(text, places) == [("dhs-ddor-2017", ["Adams County, OH", "Lake County, OH"])]


def test_numbered_lines_give_the_place_at_their_head():
    text = (
        "ICE released its 2017 detainer report on Monday.\n"
        "The top three counties for the week:\n1.\nAdams County, Ohio, east of Cincinnati, 40.\n"
        "2.\nLake County, Ohio, 12.\n"
        "Officials in Cincinnati disagreed with the numbers in many long and detailed statements."
    )
    places = [
        mention(text, "Adams County", "Adams County", "OH", "county", "39001"),
        mention(text, "Ohio", "Ohio", "OH", "state", "39"),
        city(text, "Cincinnati", "OH", "3915000"),
        mention(text, "Lake County", "Lake County", "OH", "county", "39085"),
        mention(text, "Ohio", "Ohio", "OH", "state", "39", nth=1),
        city(text, "Cincinnati", "OH", "3915000", nth=1),
    ]
    assert listed(text, places) == [("dhs-ddor-2017", ["Adams County, OH", "Lake County, OH"])]


def test_members_in_the_next_sentence():
    text = (
        "The 2017 ICE report listed detainers declined by Adams County.\n"
        "Additionally, detainers were declined by Lake County.\n"
        "Also, Lake County Sheriff Ann Roe spoke at a fair."
    )
    places = [
        mention(text, "Adams County", "Adams County", "OH", "county", "39001"),
        mention(text, "Lake County", "Lake County", "OH", "county", "39085"),
        mention(text, "Lake County", "Lake County", "IN", "county", "18089", nth=1),
    ]
    found = find_listings(text, places)
    assert [(x.list_id, x.to_record()["jurisdictions"]) for x in found] == [
        ("dhs-ddor-2017", ["Adams County, OH"]),
        ("dhs-ddor-2017", ["Lake County, OH"]),
    ]
    assert found[1].cue.startswith("continues the listing before (Additionally")


def test_that_list_takes_the_list_named_before():
    text = (
        "The Justice Department published its sanctuary list in August 2025.\n"
        "Fairview, a small city, was added to that list after a review."
    )
    found = find_listings(text, [city(text, "Fairview", "OR", "4124250")])
    assert [(x.list_id, x.to_record()["jurisdictions"]) for x in found] == [
        ("doj-2025-08", ["Fairview, OR"])
    ]
    assert "that list" in found[0].edition_reason


def test_an_agency_saying_places_are_sanctuaries_near_a_list():
    text = (
        "Homeland Security says Fairview and Lakeside are sanctuary jurisdictions.\n"
        "The list went online in May 2025."
    )
    places = [city(text, "Fairview", "OR", "4124250"), city(text, "Lakeside", "OR", "4140700")]
    assert listed(text, places) == [("dhs-2025-05", ["Fairview, OR", "Lakeside, OR"])]
    text = "Homeland Security says Fairview is a sanctuary city."  # no list named: no listing
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == []


def test_dates_and_ranges():
    dates = cat.dates_in("From Jan. 28 to Feb. 3, the May 2025 list; 2017-11-15; in May; we may")
    assert [(d.year, d.month) for d in dates] == [(2025, 5), (2017, 11), (None, 5)]


def test_editions_the_text_cannot_tell_apart_are_told_apart_by_their_members():
    # "2017 letters" fit April's and November's; Jackson, Mississippi, is a member of
    # November's alone (both are complete), so the letters meant are November's
    text = "The Justice Department sent letters in 2017 to Jackson and Fairview about jails."
    places = [
        city(text, "Jackson", "MS", "2836000"),
        city(text, "Fairview", "OR", "4124250"),
    ]
    found = find_listings(text, places)
    assert [(item.list_id, "members" in item.edition_reason) for item in found] == [
        ("doj-2017-11-letters", True)
    ]
    # a member of each, or of neither: still nothing rather than a guess
    both = "The Justice Department sent letters in 2017 to Jackson and California."
    places = [
        city(both, "Jackson", "MS", "2836000"),
        mention(both, "California", "California", "CA", "state", "06"),
    ]
    assert listed(both, places) == []
    neither = "The Justice Department sent letters in 2017 to Fairview about jails."
    assert listed(neither, [city(neither, "Fairview", "OR", "4124250")]) == []


def test_on_an_agency_s_list_named_in_full_is_membership():
    # "on the Department of Homeland Security's list": four words, one a possessive
    text = "Fairview is on the Department of Homeland Security's list, published in May 2025."
    assert listed(text, [city(text, "Fairview", "OR", "4124250")]) == [
        ("dhs-2025-05", ["Fairview, OR"])
    ]


def test_a_subject_pointing_back_takes_the_places_of_the_sentence_before():
    text = (
        "The suit names Fairview, Salem and Dayton. All three are on the August 2025 list of "
        "sanctuary jurisdictions."
    )
    places = [
        city(text, "Fairview", "OR", "4124250"),
        city(text, "Salem", "OR", "4164900"),
        city(text, "Dayton", "OR", "4118250"),
    ]
    assert listed(text, places) == [("doj-2025-08", ["Fairview, OR", "Salem, OR", "Dayton, OR"])]
    # as many as it says, or none: "all two" of three places points elsewhere
    wrong = text.replace("All three", "Both")
    assert listed(wrong, places) == []
    # and of the kind it says
    text = "The suit names Fairview and Lane County. Both cities are on the August 2025 list."
    places = [
        city(text, "Fairview", "OR", "4124250"),
        mention(text, "Lane County", "Lane County", "OR", "county", "41039"),
    ]
    assert listed(text, places) == []
