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
from functools import lru_cache


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


# Every word a Words list holds, of all the lists made: one automaton of them all finds a
# text's words in one pass.
_REGISTERED: set[str] = set()


class Words:
    """A closed list of words (in any case) to find in a text's lower case. Each list made
    registers its words, and one Aho-Corasick pass over a text finds every list's (kept for
    the last text): a document is read once for the words amounts, listings and provisions
    look for, not once for each list."""

    def __init__(self, *words: str) -> None:
        self.words = tuple(sorted({word.lower() for word in words}))
        _REGISTERED.update(self.words)

    def found(self, text: str) -> list[tuple[int, str]] | None:
        """(start, word) for every occurrence of one of the words in ``text``'s lower case,
        in order; None when lower-casing changes the text's length (the offsets would not
        be the text's)."""
        occurrences = _occurrences(text, len(_REGISTERED))
        if occurrences is None:
            return None
        return sorted((start, word) for word in self.words for start in occurrences.get(word, ()))

    def in_lowered(self, lowered: str) -> set[str]:
        """The words a lower-cased string holds."""
        return {word for _, word in _automaton(len(_REGISTERED)).iter(lowered)} & set(self.words)


@lru_cache(maxsize=1)
def _occurrences(text: str, registered: int) -> dict[str, list[int]] | None:
    """Where each registered word starts in ``text``'s lower case (``registered``: how many
    words are registered, so that a list made since the last pass is looked for too)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    found: dict[str, list[int]] = {}
    for end, word in _automaton(registered).iter(lowered):
        found.setdefault(word, []).append(end + 1 - len(word))
    return found


@lru_cache(maxsize=1)
def _automaton(registered: int):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in sorted(_REGISTERED):
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


# Characters a case-insensitive pattern reads as an ASCII letter that str.lower() leaves
# as they are ("ſ" is an "s", "ı" an "i"); the other such characters ("İ", "K") lower to
# the letter or change the text's length.
_FOLDED_APART = ("ſ", "ı")


class Openings(Words):
    """The words (in any case) one of which every match of a pattern starts with, to find
    its matches where they stand: the words found in the lower-cased text (see Words), then
    the pattern tried there only."""

    def starts(self, text: str) -> list[int] | None:
        """Where in ``text`` a match may start, in order; None when the lower case cannot
        tell (its offsets would differ, or it keeps a letter the pattern reads as another)."""
        found = self.found(text)
        if found is None or any(char in text for char in _FOLDED_APART):
            return None
        return sorted({start for start, _ in found})

    def matches(self, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
        """``pattern.finditer(text)`` (a pattern that never matches the empty string)."""
        starts = self.starts(text)
        if starts is None:
            yield from pattern.finditer(text)
            return
        reached = 0
        for start in starts:
            if start < reached:
                continue
            match = pattern.match(text, start)
            if match is not None:
                yield match
                reached = match.end()
