"""The place mentions a text holds, as the amounts, listings and provisions stages look them
up: in text order, by bisection (``Mentions``), and the label each is given in their records
(``jurisdiction_label``)."""

from __future__ import annotations

import re
from bisect import bisect_left

from sanctuary_tracker.places.resolve import PlaceMention


class Mentions:
    """A text's place mentions in text order, and the look-ups amounts, listings and
    provisions make in them, each by bisection (so a long text's work stays linear)."""

    def __init__(self, places: list[PlaceMention]) -> None:
        self.ordered = sorted(places, key=lambda p: p.start)
        self.starts = [m.start for m in self.ordered]
        self._levels: dict[str, Mentions] | None = None
        self._states: list[str] | None = None

    def __bool__(self) -> bool:
        return bool(self.ordered)

    def starting_in(self, start: int, end: int) -> list[PlaceMention]:
        """The mentions that start inside [start, end), in text order."""
        return self.ordered[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def inside(self, start: int, end: int) -> list[PlaceMention]:
        """The mentions that lie wholly inside [start, end), in text order."""
        return [m for m in self.starting_in(start, end) if m.end <= end]

    def states(self) -> list[str]:
        """The states of all the mentions, sorted (worked out once)."""
        if self._states is None:
            self._states = sorted({m.jurisdiction.state for m in self.ordered} - {None})
        return self._states

    def last_before(self, offset: int, level: str | None = None) -> PlaceMention | None:
        """The last mention (of ``level``, if given) that ends by ``offset``."""
        if level is not None:
            if self._levels is None:
                grouped: dict[str, list[PlaceMention]] = {}
                for m in self.ordered:
                    grouped.setdefault(m.jurisdiction.level, []).append(m)
                self._levels = {name: Mentions(found) for name, found in grouped.items()}
            return self._levels[level].last_before(offset) if level in self._levels else None
        for index in range(bisect_left(self.starts, offset) - 1, -1, -1):
            if self.ordered[index].end <= offset:
                return self.ordered[index]
        return None


def jurisdiction_label(mention: PlaceMention) -> str:
    """'Chelsea, MA', 'Nassau County, NY', a state's name alone, 'District of Columbia'."""
    j = mention.jurisdiction
    if j.state == "DC":
        return "District of Columbia"
    if j.level == "state":
        return j.name
    name = j.name
    if j.kind == "city_county" and re.search(r"\b(?:County|Parish)\b", mention.text):
        name = " ".join(mention.text.split())
        name = re.sub(r"^(?:the\s+)?(?:City and County of)\s+", "", name, flags=re.I)
    return f"{name}, {j.state}"
