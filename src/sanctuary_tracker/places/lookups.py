"""What the gazetteer says of a matched name's key, worked out once per key: its
candidates, whether one is a state or a county, the states they lie in."""

from __future__ import annotations

from functools import lru_cache

from sanctuary_tracker.places import cues
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction

STRONG_POPULATION = 50_000  # a name with a namesake this large is read wherever it stands


@lru_cache(maxsize=200_000)
def lookup(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return gazetteer.lookup(key)


@lru_cache(maxsize=200_000)
def names_a_county(key: str) -> bool:
    return any(w in cues.COUNTY_KIND_WORDS for w in key.split())


@lru_cache(maxsize=65536)
def state_named(gazetteer: Gazetteer, phrase: str) -> Jurisdiction | None:
    return gazetteer.state(phrase)


@lru_cache(maxsize=200_000)
def _names_a_state(gazetteer: Gazetteer, key: str) -> bool:
    return any(c.level == "state" for c in lookup(gazetteer, key))


@lru_cache(maxsize=4)
def facts_by_key(gazetteer: Gazetteer) -> dict[str, tuple]:
    """What key_facts has worked out, by key: one dictionary look-up per match."""
    return {}


def key_facts(gazetteer: Gazetteer, key: str) -> tuple:
    """A name's candidates, whether one is a state, whether it is worth reading on its own
    wherever it stands (several words, a state, a large place), and the states its
    candidates lie in."""
    fact = (
        lookup(gazetteer, key),
        _names_a_state(gazetteer, key),
        _strong_key(gazetteer, key),
        states_of(gazetteer, key),
    )
    facts_by_key(gazetteer)[key] = fact  # (as many as the automaton has keys)
    return fact


@lru_cache(maxsize=200_000)
def _strong_key(gazetteer: Gazetteer, key: str) -> bool:
    return (
        " " in key
        or _names_a_state(gazetteer, key)
        or (lookup(gazetteer, key)[0].population or 0) >= STRONG_POPULATION
    )


@lru_cache(maxsize=200_000)
def states_of(gazetteer: Gazetteer, key: str) -> frozenset[str]:
    return frozenset(c.state for c in lookup(gazetteer, key))


@lru_cache(maxsize=200_000)
def non_states(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return [c for c in lookup(gazetteer, key) if c.level != "state"]
