"""(being written) Amount evidence from text."""

from __future__ import annotations

from sanctuary_tracker.places.resolve import PlaceMention


def find_amounts(text: str, places: list[PlaceMention]) -> list:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    return []
