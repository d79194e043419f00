"""(being written) Quote evidence from text."""

from __future__ import annotations


def find_quotes(text: str, people: list) -> list:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    return []
