"""The cheap relevance filter: is a payload about immigration enforcement or sanctuary policy?

It runs on the raw payload bytes, before any decoding or HTML parsing, so that a batch
run spends its reading and extraction time only on documents that can hold evidence.
The terms are phrases of the field (immigration enforcement, detainers, sanctuary
policy, ICE, 287(g), deportation ...), chosen from general knowledge of the subject, not
from any evaluation document.

Two steps:

1. Stems, found in the bytes as they are (no decoding, no lower-casing, which would cost
   more than the search): ``STEMS`` (mmigra: Immigra-/immigra-; anctuar:
   Sanctuar-/sanctuar-) and the word ICE in capitals. Each is one ``bytes.find``, a C
   loop that skips ahead by the stem's length, so a page without them, which is most
   pages, costs three passes over memory. Writing about immigration enforcement
   names immigration, sanctuary or ICE; what names none of them (a deportation
   story that never says immigration or ICE, a page in capitals) is missed.
2. Terms near the stems: the bytes within ``WINDOW`` of every stem, lower-cased, are
   scanned once by an Aho-Corasick automaton of ``TERMS``. The page is relevant when
   the different terms found weigh at least ``THRESHOLD``: one strong term (a phrase
   hardly used outside the subject) or two different weak ones (words a navigation
   menu or an unrelated story may use once). Looking only near the stems keeps a
   menu link "Immigration" on a sports page from meeting "jail" in another story, and
   keeps step 2 cheap. A term marked as a word must start at a word boundary ("ice
   agents", never "police agents"; "deport" matches "deportation").

Both steps work on any ASCII-compatible encoding (UTF-8, Latin-1, Windows-1252) and on
HTML alike; UTF-16 text is not judged (it names no stem as bytes).

PDF bytes are compressed, so a PDF cannot be judged from them: ``needs_text`` says so,
and the batch runner judges a PDF by its extracted text instead.
"""

from __future__ import annotations

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
    ("1373", STRONG, True),  # 8 U.S.C. 1373, section 1373
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
# Searched in the bytes as they are, not lower-cased: lower-casing a page costs more than
# a search. "mmigra" finds Immigra- and immigra-, "anctuar" Sanctuar- and sanctuar-.
STEMS: tuple[bytes, ...] = (b"mmigra", b"anctuar")
WINDOW = 160  # bytes weighed on each side of a stem
_MAX_HITS = 24  # occurrences of one stem that open a window (more add nothing)
_MAX_ICE_TRIES = 200  # capitalised "ICE" inside other words (POLICE, SERVICE) looked at
_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def _automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for number, (term, weight, whole_word) in enumerate(TERMS):
        automaton.add_word(term, (number, len(term), weight, whole_word))
    automaton.make_automaton()
    return automaton


def stem_positions(data: bytes) -> list[tuple[int, int]]:
    """Step 1: where the subject's stems stand, as (start, end) byte spans (empty: none)."""
    spans = []
    for stem in STEMS:
        at, hits = data.find(stem), 0
        while at >= 0 and hits < _MAX_HITS:
            spans.append((at, at + len(stem)))
            at, hits = data.find(stem, at + len(stem)), hits + 1
    at, tries = data.find(b"ICE"), 0
    while at >= 0 and tries < _MAX_ICE_TRIES:
        before = data[at - 1] if at else 32
        after = data[at + 3] if at + 3 < len(data) else 32
        if before not in _LETTERS and after not in _LETTERS:
            spans.append((at, at + 3))
        at, tries = data.find(b"ICE", at + 3), tries + 1
    return spans


def mentions_subject(data: bytes) -> bool:
    """Whether the bytes name any of the subject's stems."""
    return bool(stem_positions(data))


def relevance_score(data: bytes) -> int:
    """The summed weight of the different terms found near the stems (0 without a stem);
    the scan stops as soon as the sum reaches ``THRESHOLD``."""
    spans = stem_positions(data)
    if not spans:
        return 0
    text = b"\n".join(data[a:b] for a, b in _merged(spans, len(data))).lower()
    seen: set[int] = set()
    score = 0
    # Latin-1 maps byte n to code point n: the automaton scans the bytes themselves.
    for end, (number, length, weight, whole_word) in _automaton().iter(text.decode("latin-1")):
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


def _merged(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The windows around ``spans``, overlapping ones merged, in order."""
    windows: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start - WINDOW), min(size, end + WINDOW)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def is_relevant(data: bytes) -> bool:
    """Whether the payload is worth reading and extracting in full."""
    return relevance_score(data) >= THRESHOLD


def needs_text(data: bytes) -> bool:
    """Whether the bytes cannot be judged as they are (a PDF: its text is compressed)."""
    return data[:1024].lstrip().startswith(b"%PDF")


def prepare() -> None:
    """Build the automaton now (a few milliseconds), outside any timed work."""
    _automaton()
