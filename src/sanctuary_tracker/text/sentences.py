"""The one sentence splitter: bounded, linear, with offsets.

Sentences end at ``. ! ?`` (plus closing quotes or brackets) before white space and a
capital, digit or opening quote; at every line break; and at a hard limit of
``MAX_SENTENCE`` characters (cut at the last white space before it), so a text with no
breaks at all still yields sentences of bounded length in one linear pass. A period after an
abbreviation ("Sen.", "U.S.", "Jan.") or an initial ("John F. Kennedy") ends nothing.

Amounts, listings and provisions take ``sentences``; people take ``ends_sentence`` (whether a
word with a dot closes its sentence); ``sentence_ends`` tells where a sentence ends inside a
stretch of text. The abbreviations are those of ``text.abbreviations``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from sanctuary_tracker.text.abbreviations import ABBREVIATIONS

MAX_SENTENCE = 1500

# A line break; or a terminal mark (with closing quotes/brackets) followed by space and a
# sentence opener. (One class of characters opens the pattern, so that the engine skips
# to the next of them fast.) Both patterns are linear (no nested quantifiers).
_BREAK = re.compile(r"[\n.!?](?:(?<=\n)|[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9]))")
# A terminal mark that may end a sentence inside running text (before space, a closing
# quote or bracket, or the end).
_MARK = re.compile(r"[.!?](?=[\s\"”’)]|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z.]{1,12})$")


class Sentence(NamedTuple):
    """Where a sentence starts and ends in its text, and its words. (A named tuple: a text's
    sentences are made by the thousand, and a frozen dataclass takes four times as long.)"""

    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The text's sentences with offsets, stripped of surrounding white space; each at
    most ``MAX_SENTENCE`` characters long. (Cached: every extractor of a document asks.)"""
    return tuple(iter_sentences(text))


def cut_inside_words(text: str, found: Sequence[Sentence]) -> bool:
    """Whether a sentence starts or ends beside a letter, digit or underscore (cut at
    ``MAX_SENTENCE`` inside a word). Only then can a pattern (bounded by ``\\b``, without
    ``^`` or ``$``) match inside some sentence and nowhere in the whole text."""
    return any(
        (s.start > 0 and _word_character(text[s.start - 1]))
        or (s.end < len(text) and _word_character(text[s.end]))
        for s in found
    )


def _word_character(char: str) -> bool:
    return char.isalnum() or char == "_"


def iter_sentences(text: str) -> Iterator[Sentence]:
    start = 0
    for match in _BREAK.finditer(text):
        end = match.start()
        if text[end] != "\n":
            if is_abbreviation(text, end):
                continue
            end = match.end()
        yield from _bounded(text, start, end)
        start = match.end()
    yield from _bounded(text, start, len(text))


def sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Where sentences end between start and end: the offset just after each terminal mark
    that is not an abbreviation's or an initial's period."""
    for match in _MARK.finditer(text, start, end):
        if not is_abbreviation(text, match.start(), floor=start):
            yield match.end()


def ends_sentence(word: str) -> bool:
    """Whether a word written with a final period ("said.", "Walsh.") ends its sentence,
    rather than abbreviating ("Sen.", "St.", "U.S.") or standing for an initial ("J.")."""
    if not word.endswith("."):
        return False
    bare = word.rstrip(".").lower()
    return not (bare in ABBREVIATIONS or _initials(bare))


def is_abbreviation(text: str, dot: int, floor: int = 0) -> bool:
    """The period at ``dot`` belongs to an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    before = _WORD_BEFORE.search(text, max(floor, dot - 12), dot)
    if not before:
        return False
    word = before.group(1).lower().strip(".")
    return word in ABBREVIATIONS or _initials(word)


_INITIALS = re.compile(r"[a-z](?:\.[a-z])*")


def _initials(word: str) -> bool:
    """ "j", "u.s", "p.j": single letters, each but the last with its period."""
    return _INITIALS.fullmatch(word) is not None


def _bounded(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end:
        stop = end
        if stop - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            stop = cut if cut > start else start + MAX_SENTENCE
        sentence = _stripped(text, start, stop)
        if sentence:
            yield sentence
        start = stop


def _stripped(text: str, start: int, end: int) -> Sentence | None:
    piece = text[start:end]
    stripped = piece.strip()  # (white space as str.isspace tells it)
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return Sentence(start, start + len(stripped), stripped)
