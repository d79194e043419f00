"""What the person finder asks of places: where the place resolver found one (a name read as
a place is no person's), a place's name as a person's body ("of"), and the states' names and
postal codes, from the gazetteer (the one table of states)."""

from __future__ import annotations

import bisect
from functools import lru_cache

from sanctuary_tracker.places.gazetteer import load_gazetteer
from sanctuary_tracker.places.resolve import PlaceMention


class PlaceSpans:
    """The place mentions of a text, by their offsets."""

    def __init__(self, places: list[PlaceMention]) -> None:
        self.spans = sorted((p.start, p.end, p) for p in places)
        self.starts = [s for s, _, _ in self.spans]

    def at(self, start: int, end: int) -> PlaceMention | None:
        """The place whose span holds start..end, if any."""
        i = bisect.bisect_right(self.starts, start)
        for j in (i - 1, i - 2):
            if 0 <= j < len(self.spans):
                s, e, p = self.spans[j]
                if s <= start and end <= e:
                    return p
        return None

    def starting(self, start: int, end: int) -> list[tuple[int, int, PlaceMention]]:
        """The places that start from start up to (not at) end, in order."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return self.spans[first:last]


def place_name(place: PlaceMention) -> str:
    """ "Illinois" for a state, "Chicago, IL" for anything else."""
    j = place.jurisdiction
    if j.level == "state":
        return j.name
    return f"{j.name}, {j.state}"


def state_named(code: str) -> str | None:
    """The name of the state, DC or territory with this postal code ("IL" -> "Illinois")."""
    found = load_gazetteer().state(code)
    return found.name if found is not None and found.state == code else None


def is_state_name(word: str) -> bool:
    """``word`` is the name of a state, DC or territory, written as the gazetteer writes it
    ("Oregon"; not "Ore." nor "OREGON")."""
    found = load_gazetteer().state(word)
    return found is not None and found.name == word


@lru_cache(maxsize=65536)
def names_a_place(name: str) -> bool:
    """``name`` (of two words or more) is the whole name of a US jurisdiction, whether or not
    the resolver placed it here ("Rock Island", "Virginia Beach", "White House")."""
    return len(name.split()) > 1 and bool(load_gazetteer().lookup(name))
