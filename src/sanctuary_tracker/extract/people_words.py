"""The words of a person's name: the runs of capitalised words a text holds, cut into words
(``Tok``), and the forms of a word the person finder compares (plain, without a possessive,
a name's surname), with the word tests that tell where in a run a name may stand.

All patterns are linear (no nested quantifiers over the same characters)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from nameparser import HumanName

from sanctuary_tracker.extract.people_places import PlaceSpans
from sanctuary_tracker.text import given_names
from sanctuary_tracker.text.abbreviations import TITLE_ABBREVIATIONS
from sanctuary_tracker.text.lexicon import (
    NAME_SUFFIXES,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    TITLE_WORDS,
)
from sanctuary_tracker.text.sentences import ends_sentence

UPPER = "A-ZÀ-ÖØ-Þ"  # the capitals a name starts with
INITIALS = re.compile(rf"(?:[{UPPER}]\.)+")  # "J.", "U.S."
_PARTY_PREFIX = re.compile(r"[DRI][-–]")  # "D-Mass."
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ"
# One capitalised word: "Walsh", "McMenamin", "D’Annunzio", "Tack–Hooper", "GALARZA", "O'Brien".
CAP = rf"[{UPPER}][{_LETTER}'’]*(?:[-–][{_LETTER}][{_LETTER}'’]*)*"
# Initials, "P.J." or "A.", and abbreviations with their dot ("Sen.", "Lt.", "St.", "U.S.").
# (The capital comes first, then the look back at what stands before it: the engine skips
# to the next capital fast.)
_WORD = (
    rf"[{UPPER}](?<![{_LETTER}0-9'’.][{UPPER}])"
    rf"(?:\.(?:[{UPPER}]\.)*|[{_LETTER}'’]*(?:[-–][{_LETTER}][{_LETTER}'’]*)*\.?)"
)
_SEP = r"[ \t\u00a0]+"
# The particles of names, but "St." (a capitalised word, with its dot).
_PARTICLE = "(?:" + "|".join(sorted(p for p in PARTICLES if p.isalpha())) + ")"
RUN = re.compile(rf"{_WORD}(?:{_SEP}(?:{_PARTICLE}{_SEP}){{0,2}}{_WORD})*")  # "de la Cruz"
_TOKEN = re.compile(rf"{_WORD}|\b{_PARTICLE}\b")
# "AssociationKieran": two words run together by a lost line break.
_GLUED = re.compile(rf"[a-z]{{4,}}([{UPPER}][a-z]+)")
MAX_RUN = 12  # longer capitalised runs are headlines or tables, not names

_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)$|n['’]t$", re.I)
# Organisation words never part of a person's name (those left out may be: "Jon Hall",
# "Ulysses Grant").
STRONG_ORG = ORG_WORDS - {
    "hall",
    "house",
    "park",
    "grant",
    "bill",
    "star",
    "sun",
    "post",
    "law",
    "order",
    "code",
    "press",
    "record",
    "union",
    "trust",
    "church",
    "bee",
    "fund",
    "library",
    "liberty",
    "rights",
    "times",
    "news",
    "court",
    "state",
    "city",
    "town",
    "village",
    "county",
    "national",
    "federal",
    "american",
    "international",
    "justice",
    "register",
    "review",
    "mirror",
    "observer",
    "herald",
}
_POSSESSIVE = re.compile(r"['’]s?$")


class Tok:
    """A word of a capitalised run: offsets, text, and its normal and bare forms."""

    __slots__ = ("bare", "end", "norm", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        # (the lexicons write a possessive with "'": "Sheriff’s" is looked up as "sheriff's")
        self.norm = text.lower().rstrip(".").replace("’", "'")
        self.bare = text if text[-1:] not in _POSSESSIVE_ENDS else without_possessive(text)


_POSSESSIVE_ENDS = ("s", "'", "’")


def without_possessive(text: str) -> str:
    if text[-1:] not in _POSSESSIVE_ENDS:
        return text
    for ending in ("'s", "’s", "'", "’"):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


@lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The last name as nameparser reads it, without suffixes ("Robert Nardolillo III" ->
    "nardolillo"; "Chris Van Hollen" -> "hollen", the word a later mention repeats)."""
    words = name.split()
    if len(words) > 1 and not _NEEDS_PARSER.search(name) and _plain_words(words):
        return plain(words[-1])  # nameparser's answer too, without its cost (~0.3 ms)
    last = HumanName(name).last or words[-1]
    return plain(last.split()[-1])


# What makes nameparser's last name differ from the last word: punctuation it reads
# ("Smith, John", a nickname in quotes or brackets, a final period), a suffix ("III",
# "Jr.") or a conjunction ("and", "of") among the words.
_NEEDS_PARSER = re.compile(r"[,\"“”'‘’()\[\]]|\.$")


def _plain_words(words: list[str]) -> bool:
    special = _parser_words()
    return not any(w.lower().strip(".") in special for w in words)


@lru_cache(maxsize=1)
def _parser_words() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(
        w.lower().strip(".")
        for group in (
            CONSTANTS.suffix_acronyms,
            CONSTANTS.suffix_not_acronyms,
            CONSTANTS.conjunctions,
        )
        for w in group
    )


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """The word's letters, lower case, accents taken off ("José" -> "jose", as the SSA's
    table spells it): what given-name look-ups and surname keys compare."""
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_LETTER.sub("", word.lower())


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The words of the run text[start:end]; two words glued by a lost line break, the
    second a given name, are two."""
    found = []
    for t in _TOKEN.finditer(text, start, end):
        word = t.group()
        # (a word with no capital after its first letter is never two run together)
        glued = None if word[1:].islower() else _GLUED.search(word)
        if glued and given_names.is_given_name(glued.group(1)):
            split = t.start() + glued.start(1)
            found.append(Tok(t.start(), split, text[t.start() : split]))
            found.append(Tok(split, t.end(), text[split : t.end()]))
            continue
        found.append(Tok(t.start(), t.end(), word))
    return found


def sentences(words: list[Tok]) -> list[list[Tok]]:
    """Split a run where a word other than an abbreviation or initial ends with a dot."""
    parts: list[list[Tok]] = [[]]
    for tok in words:
        if ends_sentence(tok.text) and not INITIALS.fullmatch(tok.text):
            parts[-1].append(Tok(tok.start, tok.end - 1, tok.text[:-1]))
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def style(tok: Tok) -> str | None:
    """ "upper" (GALARZA), "title" (Galarza), or None for initials and particles."""
    letters = "".join(c for c in tok.text if c.isalpha())
    if len(letters) < 2 or INITIALS.fullmatch(tok.text) or not tok.text[:1].isupper():
        return None
    return "upper" if letters.isupper() else "title"


def pieces(words: list[Tok]) -> list[tuple[list[Tok], bool]]:
    """A capitalised run cut after a possessive ("Fidel Castro's | Cuban Revolution": the
    second piece is something possessed, flagged True) and where the case of its words changes
    between two capitals-only words and the rest ("PHILIP D. MURPHY | Governor | SHEILA Y.
    OLIVER": a letterhead's lines run together; not "Mark SZALCZYK" nor "DOJ Grant")."""
    if len(words) == 1 or not any(
        t.bare != t.text or (len(t.text) > 1 and t.text.isupper()) for t in words
    ):
        return [(words, False)]  # (the common case: no possessive, no word in capitals)
    styles = [style(t) for t in words]
    shown = [i for i, st in enumerate(styles) if st]
    for k, i in enumerate(shown):
        if styles[i] == "upper":
            beside = [shown[j] for j in (k - 1, k + 1) if 0 <= j < len(shown)]
            if not any(styles[j] == "upper" for j in beside):
                styles[i] = None  # one acronym or one name in capitals: no line of capitals
    cut: list[tuple[list[Tok], bool]] = [([], False)]
    current_style = None
    for tok, current in zip(words, styles, strict=True):
        if cut[-1][0] and current and current_style and current != current_style:
            cut.append(([], False))
        cut[-1][0].append(tok)
        current_style = current or current_style
        if _POSSESSIVE.search(tok.text) and tok.bare != tok.text:
            cut.append(([], True))
            current_style = None
    return [(p, owned) for p, owned in cut if p]


def org_word(norm: str) -> bool:
    """An organisation word, or the plural of one or of a title ("Programs", "Sheriffs")."""
    if norm in ORG_WORDS:
        return True
    if norm.endswith("ies") and norm[:-3] + "y" in ORG_WORDS:
        return True
    return norm.endswith("s") and (norm[:-1] in ORG_WORDS or norm[:-1] in TITLE_WORDS)


def name_like(tok: Tok, run_len: int, is_last: bool, places: PlaceSpans) -> bool:
    """A word that may be part of a person's name: not a title, a word never in a name, an
    organisation word that ends names of organisations, a contraction, a party label, or a
    place the resolver found."""
    kind = _word_kind(tok.text)
    if kind is True or kind is False:
        return kind
    if kind == "org" and is_last and run_len >= 3:
        return False
    return places.at(tok.start, tok.end) is None


@lru_cache(maxsize=65536)
def _word_kind(text: str) -> bool | str:
    """What ``name_like`` can tell of a word from its letters alone (the same word comes
    back many times): True or False, else "org" (an organisation word, not a name's last
    word in a run of three or more) or "place" (a name's unless the resolver placed it)."""
    tok = Tok(0, len(text), text)
    n = tok.norm
    bare = plain(tok.bare)
    if not bare or n in PARTICLES or n in NAME_SUFFIXES:
        return bool(bare)
    if INITIALS.fullmatch(text):
        return True
    if (
        n in NOT_NAMES
        or bare in NOT_NAMES
        or n in TITLE_WORDS
        or n in TITLE_ABBREVIATIONS
        or n in ("u.s", "u.s.")
        or n in STRONG_ORG
        or (("'" in text or "’" in text) and _CONTRACTION.search(text))
        or (text[1:2] in ("-", "–") and _PARTY_PREFIX.match(text))
    ):
        return False
    return "org" if n in ORG_WORDS else "place"
