"""Text folded for matching place names: case and accents off, one character for one, so
offsets in the folded text are offsets in the text (``fold``); and the marked text the
automaton scans, where the space before a capitalised word is a MARK (``marked``), with the
marked forms a name's spellings take as keys (``marked_spellings``)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

import numpy

from sanctuary_tracker.places import cues
from sanctuary_tracker.text.scan import prefix_tree


def _fold_table(lower: bool = True) -> dict[int, str]:
    """One character for one: lower case (unless ``lower`` is false), accents off, curly
    quotes and dashes plain, and every other mark a space, so offsets in the folded text are
    offsets in the text."""
    table = {}
    for code in range(0x2500):
        char = chr(code)
        lowered = char.lower() if lower else char
        lowered = lowered if len(lowered) == 1 else char
        base = unicodedata.normalize("NFKD", lowered)[:1] if lowered.isalpha() else lowered
        if char in "’‘ʼ":
            base = "'"
        elif char in "–—‐‑":
            base = "-"
        elif not (base.isalnum() or base in ".-'&"):
            base = " "
        if base != char:
            table[code] = base
    return table


FOLD = _fold_table()
FOLD_CASED = _fold_table(lower=False)
# The same folding for ASCII text, as a byte table: str.translate is slow, bytes.translate is not.
_ASCII_FOLD = bytes(ord(FOLD.get(code, chr(code))) for code in range(128)) + bytes(range(128, 256))
_ASCII_FOLD_CASED = bytes(ord(FOLD_CASED.get(code, chr(code))) for code in range(128)) + bytes(
    range(128, 256)
)


_ASCII_BYTES = bytes(range(128))


def _foldable(table: dict[int, str]) -> re.Pattern:
    """The non-ASCII characters that ``table`` folds to an ASCII letter or mark."""
    chars = [chr(c) for c, f in table.items() if c > 127 and f.isascii() and f != " "]
    return re.compile("[" + re.escape("".join(chars)) + "]")


_FOLDABLE, _FOLDABLE_CASED = _foldable(FOLD), _foldable(FOLD_CASED)


def _fold_non_ascii(text: str, table: dict[int, str], foldable: re.Pattern) -> str:
    """``text`` with its non-ASCII characters translated by ``table`` where that gives an
    ASCII letter or mark (``foldable`` finds those); the rest are left to the ASCII
    encoding's "?", which folds to a space as they would. A page has few distinct ones
    (quotes, dashes, a few accents): replacing each everywhere is far faster than
    translating the whole text. (The ASCII bytes deleted from its UTF-8 leave theirs.)"""
    rest = (
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )
    for char in set(foldable.findall(rest)):
        text = text.replace(char, table[ord(char)])
    return text


def fold(text: str) -> str:
    """``text`` folded for matching, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(FOLD)  # a letter whose lower case is two ("İ"): the slow way
    if not lowered.isascii():
        lowered = _fold_non_ascii(lowered, FOLD, _FOLDABLE)
    return lowered.encode("ascii", "replace").translate(_ASCII_FOLD).decode("ascii")


# Capitalisation, seen by the automaton: in the marked text the space before a word that
# starts with a capital or a digit is a "^", unless the word is one of the small words a name
# may also write in lower case ("City of Boston", "the town of East Haven"). The keys carry
# the same marks, so lower-case words ("in union", "commerce") never leave the C scan.
# "De", "La", "Le", "Du", "Des", "Del" start names only capitalised ("De Soto", "La Crosse"):
# they are marked by their case like any word, and a key allows both inside a name.
MARK = "^"
_CASED_SMALL = frozenset({"de", "la", "le", "du", "des", "del"})
UNMARKED = cues.LOWER_CASE_IN_NAMES - _CASED_SMALL
_SMALL = "(?:" + "|".join(sorted(UNMARKED, key=len, reverse=True)) + r")\.*(?![A-Za-z0-9&])"
_SMALL_WORD = re.compile(_SMALL, re.I)


_SMALL_MARKED = re.compile(
    rb"\^(?=(?:" + prefix_tree(UNMARKED).encode() + rb")\.*(?![A-Za-z0-9&]))"
)


def marked(text: str) -> str:
    """``" " + fold(text)`` with the spaces before capitalised words marked (see MARK)."""
    return marked_and_spaced(text)[0]


# Every character that cannot be in a word a space (an apostrophe may be: "O'Neill").
_SPACED = bytes(code if chr(code).isalnum() or chr(code) == "'" else 32 for code in range(256))


_COMMON_NON_ASCII = [(char, FOLD_CASED.get(ord(char), char)) for char in "’“”—–‘…\u00a0éáíóúñçãêàü"]


def marked_and_spaced(text: str) -> tuple[str, str]:
    """The marked text, and the same with every character outside a word a space."""
    if not text.isascii():
        for char, folded_char in _COMMON_NON_ASCII:  # curly quotes, dashes: cheaply
            text = text.replace(char, folded_char)
        if not text.isascii():
            text = _fold_non_ascii(text, FOLD_CASED, _FOLDABLE_CASED)
    cased = (b" " + text.encode("ascii", "replace")).translate(_ASCII_FOLD_CASED)
    lower = cased.lower()
    # The marks, on the bytes as arrays: a space whose next byte is a capital or a digit.
    # In place and freed as soon as used: on a 16 MiB text each array is 16 MB.
    codes = numpy.frombuffer(cased, dtype=numpy.uint8)
    following = codes[1:] - 48
    marks = following < 10
    numpy.subtract(following, 65 - 48, out=following)
    marks |= following < 26
    marks &= codes[:-1] == 32
    del codes, following, cased
    folded = numpy.frombuffer(lower, dtype=numpy.uint8).copy()
    folded[:-1][marks] = ord(MARK)
    del marks
    spaced = lower.translate(_SPACED).decode("ascii")
    del lower
    marked = folded.tobytes()
    del folded
    return _SMALL_MARKED.sub(b" ", marked).decode("ascii"), spaced


def marked_spellings(spelling: str) -> list[str]:
    """The marked forms of a folded spelling in which its words are capitalised as a name's
    are: every word but the small ones ("of", "county", "the town of"); none if it is all
    small words ("Del City") or has a word that cannot be capitalised."""
    words = spelling.split(" ")
    if all(_all_small(w) for w in words if w):
        return []
    options = [_word_marks(word, i == 0) for i, word in enumerate(words)]
    if () in options:
        return []
    return [
        "".join(p + w for p, w in zip(marks, words, strict=True)) for marks in product(*options)
    ]


@lru_cache(maxsize=200_000)
def _all_small(word: str) -> bool:
    return word.strip(".") in cues.LOWER_CASE_IN_NAMES


@lru_cache(maxsize=200_000)
def _word_marks(word: str, first: bool) -> tuple[str, ...]:
    """What may stand before a word of a name in marked text; () if it cannot be capitalised."""
    if not word or _SMALL_WORD.match(word):
        return (" ",)
    if word.strip(".") in _CASED_SMALL:
        return (MARK,) if first else (" ", MARK)
    return (MARK,) if word[0].isalnum() else ()
