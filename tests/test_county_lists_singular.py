"""A list that ends in one name with a singular "County" is a list of counties only when every
name listed can be a county ("Anoka, Hennepin and Ramsey County"); a list that holds a city
too ("the cities of Danbury, Guilford, and Richmond County") leaves "County" to its last
name, and the others are not placed as counties of some state that has them all."""

from __future__ import annotations

from sanctuary_tracker.places.resolve import resolve_places


def _named(text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.jurisdiction.name, m.jurisdiction.state) for m in resolve_places(text)}


def test_every_name_a_county_makes_a_list_of_counties():
    named = _named("Deputies from Anoka, Hennepin and Ramsey County met on Monday.")
    assert named == {
        "Anoka": ("Anoka County", "MN"),
        "Hennepin": ("Hennepin County", "MN"),
        "Ramsey County": ("Ramsey County", "MN"),
    }


def test_a_list_with_a_city_in_it_is_no_list_of_counties():
    named = _named(
        "The cities of Danbury, Guilford, and Richmond County on Long Island were also listed."
    )
    assert named.get("Richmond County") == ("Richmond County", "NY")
    assert named.get("Guilford") != ("Guilford County", "NC")
    assert named.get("Danbury") != ("Danbury", "NC")
