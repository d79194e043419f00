"""A run of capitalised words that is the whole name of a US jurisdiction is no person's, even
when its first word is a given name and the resolver did not place it ("communities like Rock
Island and Baltimore"); a person whose surname is a town's name is still a person."""

from __future__ import annotations

from sanctuary_tracker.extract.people import find_people
from sanctuary_tracker.places.resolve import resolve_places


def _people(text: str) -> list[str]:
    return [p.name for p in find_people(text, resolve_places(text))]


def test_a_towns_name_after_a_given_name_is_no_person():
    text = (
        "The conditions will hurt communities like Rock Island and Baltimore, the senators "
        "wrote. Virginia Beach said on Monday it would apply anyway."
    )
    assert _people(text) == []


def test_people_named_like_towns_stay_people():
    text = "Rock Hudson visited Baltimore, and Virginia Warren said the city would apply."
    assert _people(text) == ["Rock Hudson", "Virginia Warren"]
