"""A one-word place name followed by a middle initial and a capitalised word is a given name
("Walker A. Booker", "Troy L. Smith"), whatever the document's state; an initial run into an
abbreviation ("D.C.") or a comma after the name leaves the place."""

from __future__ import annotations

from sanctuary_tracker.places.resolve import resolve_places


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.jurisdiction.state) for m in resolve_places(text)]


def test_a_given_name_before_a_middle_initial_is_no_place():
    text = (
        "Senators from Illinois, including Walker A. Booker and Troy L. Smith, wrote to the "
        "attorney general about the grants Chicago would lose."
    )
    assert ("Walker", "IL") not in _named(text)
    assert ("Troy", "IL") not in _named(text)
    assert ("Illinois", "IL") in _named(text)


def test_a_byline_with_a_middle_initial_is_no_place():
    text = "Elizabeth Q. Marsh\nThe city council of Newark, New Jersey, voted on Monday."
    assert [name for name, _ in _named(text)] == ["Newark"]


def test_a_place_before_a_comma_or_an_abbreviation_stays_a_place():
    assert ("Walker", "MI") in _named("He moved to Walker, Michigan, in 2010.")
    assert ("Washington D.C", "DC") in _named("Officials in Washington D.C. Police said no.")
