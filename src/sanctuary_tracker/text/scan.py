"""A pattern's matches, tried only where a match can start.

Python's regex engine skips ahead fast (in C) only to a literal or to a class of characters
that opens a case-sensitive pattern; a pattern that opens with ``\\b`` or a look-around is
tried at every position instead. When few characters can open a match (capitals, certain
digits), finding them first with a one-class pattern and trying the full pattern only there
gives the same matches much faster."""

from __future__ import annotations

import re
from collections.abc import Iterator


def matches(opening: re.Pattern, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, for a pattern that never matches the empty string and
    whose every match starts with a character ``opening`` matches (``opening``: one
    character class, compiled without IGNORECASE)."""
    search, match = opening.search, pattern.match
    position = 0
    while (start := search(text, position)) is not None:
        found = match(text, start.start())
        if found is None:
            position = start.start() + 1
        else:
            yield found
            position = found.end()
