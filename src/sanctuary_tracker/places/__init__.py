"""US jurisdictions: the gazetteer (gazetteer.py) and place resolution in text (resolve.py,
with its parts: folding, automaton, lookups, matches, match_cues, county_lists, matching)."""

from sanctuary_tracker.places.gazetteer import (
    Gazetteer,
    Jurisdiction,
    load_gazetteer,
    normalise,
)

__all__ = ["Gazetteer", "Jurisdiction", "load_gazetteer", "normalise"]
