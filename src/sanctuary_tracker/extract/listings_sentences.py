"""Place helpers shared by amounts, listings and provisions, beside the sentence splitter they
use (``sanctuary_tracker.text.sentences``, the one splitter of the library, re-exported here)."""

from __future__ import annotations

import re

from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text.sentences import (
    MAX_SENTENCE,
    Sentence,
    iter_sentences,
    sentences,
)

__all__ = [
    "MAX_SENTENCE",
    "Sentence",
    "iter_sentences",
    "jurisdiction_label",
    "places_in",
    "sentences",
]


def places_in(places: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    """The mentions that lie wholly inside [start, end), in text order."""
    return [m for m in places if m.start >= start and m.end <= end]


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
