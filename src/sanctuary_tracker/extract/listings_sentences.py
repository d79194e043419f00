"""Bounded sentence splitting and place helpers shared by amounts, listings and provisions.

Sentences end at ``. ! ?`` (plus closing quotes or brackets) before white space and a
capital, digit or opening quote; at every line break; and at a hard limit of
``MAX_SENTENCE`` characters (cut at the last white space before it), so a text with no
breaks at all still yields sentences of bounded length in one linear pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from sanctuary_tracker.places.resolve import PlaceMention

MAX_SENTENCE = 1500

# A terminal mark (with closing quotes/brackets) followed by space and a sentence opener;
# or a line break. Both patterns are linear (no nested quantifiers).
_BREAK = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov lt col gen sgt capt det atty jr sr co corp inc ltd no vs "
    "jan feb mar apr aug sept sep oct nov dec dept ave blvd mt ft u.s u.s.a d.c a.m p.m "
    "e.g i.e etc rev prof pres supt cmdr insp".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z.]{1,12})$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The text's sentences with offsets, stripped of surrounding white space; each at
    most ``MAX_SENTENCE`` characters long. (Cached: every extractor of a document asks.)"""
    return tuple(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[Sentence]:
    start = 0
    for match in _BREAK.finditer(text):
        if match.group() != "\n" and _is_abbreviation(text, match.start()):
            continue
        end = match.start() if match.group() == "\n" else match.end()
        yield from _bounded(text, start, end)
        start = match.end()
    yield from _bounded(text, start, len(text))


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    before = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not before:
        return False
    word = before.group(1).lower().strip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy", "U.S."
        return True
    return word in _ABBREVIATIONS


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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return Sentence(start, end, text[start:end])


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
