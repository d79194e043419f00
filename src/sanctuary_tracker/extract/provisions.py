"""(being written) Observation evidence from text."""

from __future__ import annotations

from sanctuary_tracker.places.resolve import PlaceMention


def find_provisions(text: str, places: list[PlaceMention]) -> list:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    return []
