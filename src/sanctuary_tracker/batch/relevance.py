"""The cheap relevance filter: is a payload about immigration enforcement or sanctuary policy?

It runs on the raw payload bytes, before any decoding or HTML parsing, so that a batch
run spends its reading and extraction time only on documents that can hold evidence.
The terms are phrases of the field (immigration enforcement, detainers, sanctuary
policy, ICE, 287(g), deportation ...), chosen from general knowledge of the subject, not
from any evaluation document.

Two steps, both on the bytes lower-cased as ASCII (so any ASCII-compatible encoding,
UTF-8, Latin-1 or Windows-1252, and HTML alike):

1. A page that names none of the subject's stems (``STEMS``: immigra-, sanctuar-,
   deport-, detainer, 287(g), 1373, undocumented, alien, migrant, customs enforcement,
   or the word ICE in capitals) is not relevant. Each stem is one ``bytes.find``, a
   C loop that skips ahead by the stem's length, so most irrelevant pages cost a few
   passes over memory.
2. The others are weighed by one Aho-Corasick scan for ``TERMS``: relevant when the
   different terms found weigh at least ``THRESHOLD``, that is one strong term (a
   phrase hardly used outside the subject) or two different weak ones (words a
   navigation menu or an unrelated story may use once). A term marked as a word must
   start at a word boundary and its last letter end one ("ice agents" but never
   "police agents"; "deport" matches "deportation").

PDF bytes are compressed, so a PDF cannot be judged from them: ``needs_text`` says so,
and the batch runner judges a PDF by its extracted text instead.
"""

from __future__ import annotations

import re
from functools import cache

THRESHOLD = 2
STRONG, WEAK = 2, 1

# (term, weight, starts at a word boundary). Lower case; matched in lower-cased bytes.
TERMS: tuple[tuple[str, int, bool], ...] = (
    # Sanctuary policy (never "sanctuary" alone: bird and wildlife sanctuaries).
    ("sanctuary cit", STRONG, False),
    ("sanctuary count", STRONG, False),
    ("sanctuary state", STRONG, False),
    ("sanctuary polic", STRONG, False),
    ("sanctuary jurisdiction", STRONG, False),
    ("sanctuary law", STRONG, False),
    ("sanctuary ordinance", STRONG, False),
    ("sanctuary status", STRONG, False),
    ("sanctuary campus", STRONG, False),
    ("sanctuary movement", STRONG, False),
    ("sanctuary designation", STRONG, False),
    ("sanctuary-cit", STRONG, False),
    ("sanctuary-state", STRONG, False),
    ("sanctuary-polic", STRONG, False),
    ("anti-sanctuary", STRONG, False),
    # The federal agency and its instruments.
    ("immigration and customs enforcement", STRONG, False),
    ("immigration & customs enforcement", STRONG, False),
    ("immigration detainer", STRONG, False),
    ("ice detainer", STRONG, True),
    ("detainer request", STRONG, False),
    ("detainer", STRONG, True),
    ("287(g)", STRONG, True),
    ("287g", STRONG, True),
    ("u.s.c. 1373", STRONG, False),
    ("u.s.c. § 1373", STRONG, False),
    ("section 1373", STRONG, True),
    ("immigration enforcement", STRONG, False),
    ("immigration agents", STRONG, False),
    ("immigration officers", STRONG, False),
    ("immigration officials", STRONG, False),
    ("immigration authorities", STRONG, False),
    ("immigration detention", STRONG, False),
    ("immigration status", STRONG, False),
    ("immigration raid", STRONG, False),
    ("immigration arrest", STRONG, False),
    ("immigration judge", STRONG, False),
    ("immigration court", STRONG, False),
    ("ice agent", STRONG, True),
    ("ice officer", STRONG, True),
    ("ice official", STRONG, True),
    ("ice raid", STRONG, True),
    ("ice custody", STRONG, True),
    ("ice detention", STRONG, True),
    ("ice arrest", STRONG, True),
    ("ice director", STRONG, True),
    ("ice facilit", STRONG, True),
    ("ice spokes", STRONG, True),
    ("ice enforcement", STRONG, True),
    ("ice operation", STRONG, True),
    ("(ice)", STRONG, False),
    ("deport", STRONG, True),
    ("undocumented immigrant", STRONG, False),
    ("unauthorized immigrant", STRONG, False),
    ("illegal immigrant", STRONG, False),
    ("illegal immigration", STRONG, False),
    ("illegal alien", STRONG, False),
    ("criminal alien", STRONG, False),
    ("undocumented", STRONG, True),
    # Words the subject uses, but so do unrelated pages once in a while.
    ("immigration", WEAK, True),
    ("immigrant", WEAK, True),
    ("migrant", WEAK, True),
    ("homeland security", WEAK, True),
    ("border patrol", WEAK, True),
    ("asylum", WEAK, True),
    ("refugee", WEAK, True),
    ("daca", WEAK, True),
    ("dreamers", WEAK, True),
    ("green card", WEAK, True),
    ("visa", WEAK, True),
    ("citizenship", WEAK, True),
    ("noncitizen", WEAK, True),
    ("non-citizen", WEAK, True),
    ("jail", WEAK, True),
    ("sheriff", WEAK, True),
    ("federal grant", WEAK, False),
    ("byrne jag", WEAK, False),
    ("executive order", WEAK, True),
    ("attorney general", WEAK, True),
    ("sanctuary", WEAK, True),
    # Names of the subject's laws and programs that carry no stem: they add weight only
    # to a page that passed step 1.
    ("welcoming city", WEAK, False),
    ("trust act", WEAK, True),
    ("non-cooperative jurisdiction", WEAK, False),
    ("secure communities", WEAK, True),
    ("removal proceedings", WEAK, False),
)

_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
STEMS: tuple[bytes, ...] = (
    b"immigra",
    b"sanctuar",
    b"deport",
    b"detainer",
    b"287(g)",
    b"287g",
    b"1373",
    b"undocumented",
    b"alien",
    b"migrant",
    b"customs enforcement",
)
_ICE = re.compile(rb"(?<![A-Za-z])ICE(?![A-Za-z])")


@cache
def _automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for number, (term, weight, whole_word) in enumerate(TERMS):
        automaton.add_word(term, (number, len(term), weight, whole_word))
    automaton.make_automaton()
    return automaton


def mentions_subject(data: bytes, lowered: bytes | None = None) -> bool:
    """Step 1: whether the bytes name any of the subject's stems."""
    lowered = data.lower() if lowered is None else lowered
    if any(stem in lowered for stem in STEMS):
        return True
    return b"ICE" in data and _ICE.search(data) is not None


def relevance_score(data: bytes) -> int:
    """The summed weight of the different terms found in ``data`` (0 without a stem),
    counted up to ``THRESHOLD`` (the scan stops there)."""
    text = data.lower()
    if not mentions_subject(data, text):
        return 0
    # Latin-1 maps byte n to code point n: the automaton scans the bytes themselves.
    scanned = text.decode("latin-1")
    seen: set[int] = set()
    score = 0
    for end, (number, length, weight, whole_word) in _automaton().iter(scanned):
        if number in seen:
            continue
        if whole_word:
            start = end - length + 1
            if start > 0 and text[start - 1] in _WORD:
                continue
        seen.add(number)
        score += weight
        if score >= THRESHOLD:
            return score
    return score


def is_relevant(data: bytes) -> bool:
    """Whether the payload is worth reading and extracting in full."""
    return relevance_score(data) >= THRESHOLD


def needs_text(data: bytes) -> bool:
    """Whether the bytes cannot be judged as they are (a PDF: its text is compressed)."""
    return data[:1024].lstrip().startswith(b"%PDF")


def prepare() -> None:
    """Build the automaton now (a few milliseconds), outside any timed work."""
    _automaton()
