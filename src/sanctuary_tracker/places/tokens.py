"""Words of a text with their offsets, normalised for name matching, and the phrases they form.

Place names are matched as word sequences, not characters, so "St. Louis", "Saint Louis"
and "ST LOUIS" are one key, and a match can always be mapped back to an exact span."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Abbreviations whose full form is what gazetteers spell.
_EXPAND = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
# Between two words of one name there may be spaces, a hyphen or an abbreviation's period.
# Anything else (a comma, a sentence end, a bracket, a line break) ends a phrase.
_JOINER = re.compile(r"^(?:[ \t\u00a0]+|[ \t]*[-‐‑–][ \t]*|\.[ \t]*)$")


class Token(NamedTuple):
    """A word: its text, offsets and normalised form (a tuple: made by the thousand)."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return normalise_word(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """Lowercase, accents folded, apostrophes dropped, common abbreviations expanded."""
    folded = unicodedata.normalize("NFKD", word.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("'", "").replace("’", "")
    return _EXPAND.get(folded, folded)


def normalise_phrase(text: str) -> str:
    """The match key of a name: its words normalised, joined by single spaces."""
    return " ".join(normalise_word(w) for w in _WORD.findall(text))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text``; offsets are shifted by ``offset`` (for a slice of a longer text)."""
    tokens = []
    for m in _WORD.finditer(text):
        word, end = m.group(), m.end()
        if word[-2:] in ("'s", "’s") and len(word) > 2:
            word, end = word[:-2], end - 2  # "Maine's two biggest cities": the name is "Maine"
        tokens.append(Token(word, m.start() + offset, end + offset))
    return tokens


def joined(text: str, tokens: list[Token]) -> tuple[str, dict[int, int]]:
    """The tokens' keys as one string, with " | " where a phrase cannot continue, and a
    map from each token's start in that string to its index."""
    parts: list[str] = []
    starts: dict[int, int] = {}
    position = 0
    for i, token in enumerate(tokens):
        if i:
            gap = text[tokens[i - 1].end : token.start]
            sep = " " if _continues(gap, tokens[i - 1]) else " | "
            parts.append(sep)
            position += len(sep)
        starts[position] = i
        parts.append(token.norm)
        position += len(token.norm)
    return "".join(parts), starts


def _continues(gap: str, previous: Token) -> bool:
    if not _JOINER.match(gap):
        return False
    if gap.startswith("."):
        # "St. Louis", "D.C.": a period after a short abbreviation joins; after a word it ends a sentence.
        return len(previous.text) <= 3 or previous.norm in _EXPAND.values()
    return True
