"""The states a person's party label and a court's district name come from the gazetteer (the
one table of states): every state, DC and Puerto Rico as before, and the four territories it
adds (American Samoa, Guam, the Northern Mariana Islands, the Virgin Islands)."""

from __future__ import annotations

import pytest

from sanctuary_tracker.extract.people import find_people
from sanctuary_tracker.extract.people_places import is_state_name, state_named
from sanctuary_tracker.places.gazetteer import load_gazetteer


def people(text: str) -> dict[str, dict]:
    return {p.name: p.to_record() for p in find_people(text, [])}


def test_every_state_district_and_territory_by_its_code():
    states = [j for j in load_gazetteer() if j.level == "state"]
    assert len(states) == 56  # 50 states, DC, Puerto Rico and four territories
    for j in states:
        assert state_named(j.state) == j.name
        assert is_state_name(j.name)
    assert state_named("DC") == "District of Columbia"
    assert state_named("PR") == "Puerto Rico"


@pytest.mark.parametrize("code", ["XX", "US", "ZZ"])
def test_no_state_for_another_code(code):
    assert state_named(code) is None


@pytest.mark.parametrize("word", ["Ore", "OREGON", "oregon", "OR", "Columbia", "Wash"])
def test_only_a_state_name_as_written_is_one(word):
    assert not is_state_name(word)


@pytest.mark.parametrize(
    ("label", "state"),
    [("D-IL", "Illinois"), ("R-TX", "Texas"), ("D-PR", "Puerto Rico"), ("D-GU", "Guam")],
)
def test_a_party_label_gives_the_state(label, state):
    text = f"Rep. Jane Roe ({label}) said the bill would pass."
    assert people(text)["Jane Roe"]["of"] == state


def test_an_unknown_code_gives_no_state():
    assert people("Jane Roe (D-XX) said so.")["Jane Roe"]["of"] is None


@pytest.mark.parametrize("state", ["Oregon", "Guam"])
def test_a_court_district_is_no_person(state):
    assert people(f"The case went to the court of D. {state}, last year.") == {}


def test_initials_before_a_surname_are_a_person():
    assert people("The case went to the court of D. Robinson, last year.")["D. Robinson"]
