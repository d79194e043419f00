"""A pattern's matches, tried only where a match can start.

Python's regex engine skips ahead fast (in C) only to a literal or to a class of characters
that opens a case-sensitive pattern; a pattern that opens with ``\\b`` or a look-around is
tried at every position instead. When few characters can open a match (capitals, certain
digits), finding them first with a one-class pattern and trying the full pattern only there
gives the same matches much faster; and a closed list of words is best written as a tree of
their prefixes (``prefix_tree``)."""

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


def prefix_tree(words) -> str:
    """An expression matching exactly ``words``, as a tree of their prefixes (the regular
    expression engine tries the branches of a plain alternation one by one). Where one
    word is the start of another, the longer is tried first."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    out = []
    for first, rests in sorted(branches.items()):
        if not first:
            continue
        below = prefix_tree(rests)
        if not below:
            out.append(re.escape(first))
        else:
            out.append(re.escape(first) + "(?:" + below + ")" + ("?" if "" in rests else ""))
    return "|".join(out)


# Characters a case-insensitive pattern reads as an ASCII letter that str.lower() leaves
# as they are ("ſ" is an "s", "ı" an "i"); the other such characters ("İ", "K") lower to
# the letter or change the text's length.
_FOLDED_APART = ("ſ", "ı")


class Openings:
    """The words (in any case) one of which every match of a pattern starts with, to find
    its matches where they stand: one Aho-Corasick pass over the lower-cased text, then the
    pattern tried there only."""

    def __init__(self, *words: str) -> None:
        self.words = tuple(sorted({word.lower() for word in words}))
        self._automaton = None

    def _built(self):
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, len(word))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def matches(self, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
        """``pattern.finditer(text)`` (a pattern that never matches the empty string)."""
        lowered = text.lower()
        if len(lowered) != len(text) or any(char in text for char in _FOLDED_APART):
            yield from pattern.finditer(text)  # offsets in the lower-cased text would differ
            return
        starts = sorted({end - size + 1 for end, size in self._built().iter(lowered)})
        reached = 0
        for start in starts:
            if start < reached:
                continue
            found = pattern.match(text, start)
            if found is not None:
                yield found
                reached = found.end()
