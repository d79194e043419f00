"""A curly apostrophe is read as a straight one where people's words are looked up in the
lexicons (people_words.Tok.norm): "Sheriff’s" is the organisation word "sheriff's"."""

from __future__ import annotations

import pytest

from sanctuary_tracker.extract.people import find_people
from sanctuary_tracker.places.resolve import resolve_places


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_sheriffs_department_is_no_person_whatever_its_apostrophe(apostrophe):
    text = (
        f"Residents watched as a Washington County Sheriff{apostrophe}s Department van left "
        "the jail on Monday."
    )
    assert find_people(text, resolve_places(text)) == []


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_the_person_beside_it_is_still_found(apostrophe):
    text = (
        f"Jefferson County Sheriff{apostrophe}s Office spokeswoman Dana Whitfield said the jail "
        "would not hold anyone past release."
    )
    names = [p.name for p in find_people(text, resolve_places(text))]
    assert names == ["Dana Whitfield"]
