"""Find the US jurisdictions a document names and resolve each to one government.

Steps, in order:
1. Match every gazetteer name in a case- and accent-folded copy of the text (Aho-Corasick,
   longest match, at word boundaries); only capitalised matches go on, each with a small
   window of words around it, so the cost is the scan plus a little per name.
2. Drop what is not a place: lower-case words, people ("Mayor Jackson", "Marty Walsh"),
   organisations ("Boston Globe", "Justice Department", "Department of Homeland Security").
3. Read each match's cues: a state after a comma ("Portland, Ore."), kind words ("County",
   "the town of"), a list ending in "counties", a region nearby ("on Long Island").
4. Resolve the sure matches first (a state's name, an explicit state, a kind word with one
   candidate); their states and the states the text names become the document's context.
5. Resolve the rest by that context, then by population (a large city named alone), and
   leave the ambiguous out, with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from sanctuary_tracker.places import cues
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction, load_gazetteer
from sanctuary_tracker.places.tokens import Token, normalise_phrase, tokenize

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


@dataclass
class _Match:
    first: int  # index in window of the name's first word
    last: int  # index in window of its last word
    key: str
    candidates: list[Jurisdiction]
    window: list[Token] = field(default_factory=list)  # the words around it
    names_state: bool = False  # some candidate is a state
    state: str | None = None  # from an explicit qualifier
    level: str | None = None  # "state" | "county" | "local", from kind words
    region: str | None = None
    qualifier: tuple[int, int] | None = None  # text offsets of the state after the comma

    @property
    def start(self) -> int:
        return self.window[self.first].start

    @property
    def end(self) -> int:
        return self.window[self.last].end

    notes: list[str] = field(default_factory=list)


def _fold_table() -> dict[int, str]:
    """One character for one: lower case, accents off, curly quotes and dashes plain, and
    every other mark a space, so offsets in the folded text are offsets in the text."""
    table = {}
    for code in range(0x2500):
        char = chr(code)
        lower = char.lower()
        lower = lower if len(lower) == 1 else char
        base = unicodedata.normalize("NFKD", lower)[:1] if lower.isalpha() else lower
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
# The same folding for ASCII text, as a byte table: str.translate is slow, bytes.translate is not.
_ASCII_FOLD = bytes(ord(FOLD.get(code, chr(code))) for code in range(128)) + bytes(range(128, 256))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """``text`` folded for matching, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(FOLD)  # a letter whose lower case is two ("İ"): the slow way
    if not lowered.isascii():
        # A page has few distinct non-ASCII characters (quotes, dashes, a few accents):
        # replacing each everywhere is far faster than translating the whole text.
        for char in set(_NON_ASCII.findall(lowered)):
            lowered = lowered.replace(char, FOLD.get(ord(char), char))
    return lowered.encode("ascii", "replace").translate(_ASCII_FOLD).decode("ascii")


_ABBREVIATED = [
    ("saint ", ("st. ", "st ")),
    ("sainte ", ("ste. ",)),
    ("mount ", ("mt. ", "mt ")),
    ("fort ", ("ft. ", "ft ")),
]


def _spellings(variant: str) -> set[str]:
    folded = fold(variant)
    out = {folded}
    for full, shorts in _ABBREVIATED:
        for short in shorts:
            out |= {f.replace(full, short) for f in list(out)}
            out |= {f.replace(short, full) for f in list(out)}
    return out


@lru_cache(maxsize=1)
def _automaton(gazetteer: Gazetteer):
    """Every spelling of every name, folded, with a leading space so that matches start
    at a word; the value is the name's lookup key."""
    import ahocorasick

    abbreviations = _state_abbreviations(gazetteer)
    automaton = ahocorasick.Automaton()
    for j in gazetteer:
        for variant in j.variants:
            key = normalise_phrase(variant)
            if not key or key in abbreviations:
                continue
            for spelling in _spellings(variant):
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
    folded = " " + fold(text)
    raw = []
    for end, (length, key) in _automaton(gazetteer).iter_long(folded):
        start = end - length + 1  # in the text, the name is text[start:end]
        if end + 1 < len(folded) and (folded[end + 1].isalnum() or folded[end + 1] == "&"):
            continue  # ends inside a word
        if text[start].isupper() or text[start].isdigit() or key.split(" ", 1)[0] in _LOWER_START:
            raw.append((start, end, key))
    lists, taken = _county_lists(text, raw, gazetteer)
    matches = [m for m in lists if m.candidates]
    people: set[str] = set()  # names the text uses for people ("Michele Jansen")
    raw = [r for r in raw if r[0] not in taken and _capitalised(text[r[0] : r[1]])]
    strong = [r for r in raw if _strong(text, r, gazetteer)]
    # A weak name (one word, only small namesakes, no cue beside it) can only be resolved
    # by the document's states; read it only when one of its namesakes lies in them.
    states = {c.state for r in strong for c in _lookup(gazetteer, r[2])[:1]}
    states |= {m.region for m in lists if m.region}
    states |= set(_STATE_AFTER_COMMA.findall(text))
    people |= {
        key for start, end, key in raw if " " not in key and _person_beside(text, start, end)
    }
    weak = [
        r
        for r in raw
        if r not in strong
        and _in_a_place_slot(text, r)
        and any(c.state in states for c in _lookup(gazetteer, r[2]))
    ]
    for start, end, key in sorted(strong + weak):
        match = _windowed(text, start, end, key, _lookup(gazetteer, key))
        if match is None or not match.candidates:
            continue
        match.names_state = _names_a_state(gazetteer, key)
        verdict = _not_a_place(text, match.window, match)
        if verdict == "person":
            people.add(key)
        if verdict is None:
            _read_cues(text, match.window, match, gazetteer)
            matches.append(match)
    # The state after a comma qualifies the name before it; it is not a mention of its own.
    qualifiers = [m.qualifier for m in matches if m.qualifier]
    matches = [
        m
        for m in matches
        if not any(a <= m.start < b for a, b in qualifiers)
        and not (m.first == m.last and m.key in people and not (m.state or m.level))
    ]
    matches.sort(key=lambda m: m.start)
    _list_kinds(text, matches)
    _regions(text, folded, matches)
    return matches


def _list_kinds(text: str, matches: list[_Match]) -> None:
    """ "the cities of Chicago, New Orleans, New York and Philadelphia": the kind word
    before a list holds for every name in it."""
    for previous, match in pairwise(matches):
        if (
            previous.level == "local"
            and not match.level
            and _LIST_GAP.match(text[previous.end : match.start])
        ):
            match.level = "local"
            match.notes.append("in a list of cities or towns")


# Characters of context read around a name: enough for a title and a first name before it,
# and a state, a kind word or a speech verb after it.
WINDOW_BEFORE, WINDOW_AFTER = 30, 40
_LOWER_START = cues.LOWER_CASE_IN_NAMES - {"and", "of", "de", "la", "le", "du", "des", "del"}


@lru_cache(maxsize=200_000)
def _lookup(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return gazetteer.lookup(key)


@lru_cache(maxsize=200_000)
def _names_a_state(gazetteer: Gazetteer, key: str) -> bool:
    return any(c.level == "state" for c in _lookup(gazetteer, key))


_STATE_AFTER_COMMA = re.compile(r",\s+([A-Z]{2})\b")  # "Springfield, MA": cheap context hint
STRONG_POPULATION = 50_000


def _strong(text: str, raw: tuple[int, int, str], gazetteer: Gazetteer) -> bool:
    """A match worth reading on its own: several words, a state, a large place, a kind
    word, a comma after it (a state may follow), or capitals (a dateline)."""
    start, end, key = raw
    candidates = _lookup(gazetteer, key)
    return (
        " " in key
        or _names_a_state(gazetteer, key)
        or (candidates[0].population or 0) >= STRONG_POPULATION
        or text[end : end + 1] == ","
        or text[start:end].isupper()
        or text[max(0, start - 3) : start] == "of "
    )


_SLOT_BEFORE = re.compile(r"(?:\b(?:in|of|from|at|near|to|for|and|or|outside|including)|,)\s+$")
_SLOT_AFTER = re.compile(r"(?:,|['’]s\b|\s+(?:and|or)\s+[A-Z]|\s+([A-Za-z]+))")


_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(cues.TITLES, key=len, reverse=True)) + r")\.?\s+$", re.I
)
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][a-z]+[ \t]+$")
_SPEECH_AFTER = re.compile(r"\s+(?:" + "|".join(cues.SPEECH_VERBS) + r")\b")


def _person_beside(text: str, start: int, end: int) -> bool:
    """A one-word name used for a person: after a title or a first name, or before
    "said" ("Governor Abbott", "Michele Jansen", "Abbott said")."""
    if _SPEECH_AFTER.match(text, end) or _TITLE_BEFORE.search(text, max(0, start - 16), start):
        return True
    before = _NAME_BEFORE.search(text, max(0, start - 16), start)
    return bool(before) and before.group().strip().lower() not in cues.PLACE_MODIFIERS


def _in_a_place_slot(text: str, raw: tuple[int, int, str]) -> bool:
    """Where a small place's name stands: after "in", "of", "from" or a comma, or before
    a comma, "'s", or a word such as "Police", "Town", "County"."""
    start, end, _ = raw
    if _SLOT_BEFORE.search(text, max(0, start - 12), start):
        return True
    after = _SLOT_AFTER.match(text, end)
    if not after:
        return False
    word = after.group(1)
    return word is None or word.lower() in cues.LOCAL_HEADS | cues.KIND_WORDS


def _capitalised(name: str) -> bool:
    """Every word of a name capitalised, but for small words and kind words ("town of")."""
    words = name.split()
    small = [w.lower().strip(".") in cues.LOWER_CASE_IN_NAMES for w in words]
    return not all(small) and all(
        w[:1].isupper() or w[:1].isdigit() or is_small
        for w, is_small in zip(words, small, strict=True)
    )


def _windowed(text: str, start: int, end: int, key: str, candidates) -> _Match | None:
    """The match with the words around it (the line's start, or WINDOW characters)."""
    while end > start and not text[end - 1].isalnum():
        end -= 1  # "D.C." ends at its last letter, like every other name
    line_start = text.rfind("\n", 0, start - WINDOW_BEFORE) + 1 if start > WINDOW_BEFORE else 0
    line_start = text.rfind("\n", line_start, start) + 1 if line_start < start else line_start
    begin = max(line_start, start - WINDOW_BEFORE)
    stop = min(len(text), end + WINDOW_AFTER)
    window = tokenize(text[begin:stop], offset=begin)
    if begin > line_start and window and window[0].start == begin:
        window = window[1:]  # may be a cut word
    index = {t.start: i for i, t in enumerate(window)}
    first = index.get(start)
    if first is None:
        return None
    last = first
    while last < len(window) and window[last].end < end:
        last += 1
    if last >= len(window) or window[last].end != end:
        return None
    return _Match(first, last, key, candidates, window)


COHERENT_LIST = 0.6  # share of a list's names that must be counties of one state


_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)$")
_KIND_AFTER = re.compile(r"^\s+(counties|parishes)\b")


def _county_lists(text: str, raw: list, gazetteer: Gazetteer) -> tuple[list[_Match], set[int]]:
    """Names listed together are of one kind: "Allegheny, Bucks and Chester counties" are
    counties; so are "Allegheny, Bucks, Chester, Clarion ..." when most of them are counties
    of one state. Names in such a list that are not are left out, not resolved elsewhere."""
    chains, chain = [], []
    for item in raw:
        if chain and not _LIST_GAP.match(text[chain[-1][1] : item[0]]):
            chains.append(chain)
            chain = []
        chain.append(item)
    if chain:
        chains.append(chain)
    out, taken = [], set()
    for items in chains:
        kind = _KIND_AFTER.match(text, items[-1][1])
        explicit = kind is not None and len(items) >= 2
        if not explicit and len(items) < 3:
            continue
        suffix = " Parish" if kind and kind.group(1) == "parishes" else " County"
        names = [text[start:end] for start, end, _ in items]
        counties = [
            [c for c in gazetteer.lookup(name + suffix) if c.level == "county"] for name in names
        ]
        states = Counter(s for found in counties for s in {c.state for c in found})
        state, hits = states.most_common(1)[0] if states else (None, 0)
        states_named = sum(gazetteer.state(name) is not None for name in names)
        if not explicit and (hits < COHERENT_LIST * len(items) or 2 * states_named >= len(items)):
            continue  # not a list of counties (a list of states, of towns, of people)
        for (start, end, _), name, found in zip(items, names, counties, strict=True):
            in_state = found if explicit else [c for c in found if c.state == state]
            match = _windowed(text, start, end, normalise_phrase(name + suffix), in_state)
            if match is None:
                continue
            match.level = "county"
            match.notes.append("in a list of counties")
            if not explicit:
                match.region = state
            _read_cues(text, match.window, match, gazetteer)
            out.append(match)
            taken.add(start)
    return out, taken


_GAP_BEFORE = re.compile(r"[^\W_]([\W_]*)$")


def _gap(text: str, tokens: list[Token], i: int) -> str:
    """The characters between token i-1 and token i ("\n" at the start of the text)."""
    if i > 0:
        return text[tokens[i - 1].end : tokens[i].start]
    start = tokens[i].start
    found = _GAP_BEFORE.search(text, max(0, start - 20), start)
    return found.group(1) if found else "\n"


def _line_of(text: str, token: Token) -> str:
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


def _title_case_line(text: str, tokens: list[Token], i: int) -> bool:
    """Headlines capitalise every word; there a capitalised neighbour says nothing.
    (A long line of capitalised names is a list, not a headline.)"""
    line = _line_of(text, tokens[i])
    if len(line.split()) > 20:
        return False
    words = re.findall(r"[^\W\d_]{4,}", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


_ABBREVIATED_TITLE = re.compile(r"^\.?[ \t\u00a0]+$")


def _not_a_place(text: str, tokens: list[Token], match: _Match) -> str | None:
    """Why a matched name is not a place here ("word", "person", "organisation"), or None."""
    span = tokens[match.first : match.last + 1]
    names = [t for t in span if t.norm not in cues.LOWER_CASE_IN_NAMES]
    if not names or not all(t.capitalised or t.text.isdigit() for t in names):
        return "word"  # "in union", "commerce" ("the town of" may be lower case)
    if any(_odd_case(t.text) for t in names):
        return "word"  # "WaCo" is an abbreviation, not Waco
    single = match.first == match.last
    if single and span[0].norm in cues.TITLES:
        return "word"  # "President", "Judge"
    is_state = match.names_state
    before = tokens[match.first - 1] if match.first > 0 else None
    after = tokens[match.last + 1] if match.last + 1 < len(tokens) else None
    gap_before = _gap(text, tokens, match.first)
    tight_before = before is not None and bool(_ABBREVIATED_TITLE.match(gap_before))
    if gap_before.startswith(".") and before is not None and before.norm not in cues.TITLES:
        tight_before = False  # a period ends a sentence unless it abbreviates a title
    tight_after = after is not None and _gap(text, tokens, match.last + 1) in (" ", "\u00a0")
    headline = _title_case_line(text, tokens, match.first)
    if tight_after and after.capitalised and after.norm in cues.ORG_HEADS:
        return "organisation"  # "Boston Globe", "Justice Department"
    if (
        match.first >= 2
        and tokens[match.first - 1].norm == "of"
        and tokens[match.first - 2].norm in cues.ORG_OF
    ):
        return "organisation"  # "Department of Homeland Security", "District of Pennsylvania"
    if (
        before is not None
        and before.capitalised
        and (
            (len(before.text) == 1 and gap_before.startswith(". "))  # "Andrew C. Nichols"
            or (
                gap_before in ("-", "–", "‐") and len(before.text) > 1
            )  # "Tack–Hooper", not "D-Austin"
            or (gap_before.strip() == "&" and single)  # "Winston & Strawn"
        )
    ):
        return "person"
    if (
        single
        and tight_after
        and after.norm in ("for", "on")
        and match.last + 2 < len(tokens)
        and tokens[match.last + 2].capitalised
    ):
        return "organisation"  # "Center for Immigration Studies"
    if single and tight_after and after.norm in cues.SPEECH_VERBS:
        return "person"  # "Jansen said"
    if (
        single
        and tight_before
        and before.norm in cues.TITLES
        and not (tight_after and after.norm in cues.LOCAL_HEADS | cues.KIND_WORDS)
    ):
        return "person"  # "Mayor Jackson", "Sen. Elizabeth"
    if headline:
        return None  # in a headline every word is capitalised; neighbours say nothing
    if (
        tight_after
        and after.capitalised
        and after.norm not in cues.LOCAL_HEADS | cues.KIND_WORDS
        and not after.text.isupper()
        and len(_line_of(text, tokens[match.first]).split()) > 4  # not a label: "Chicago Policy:"
    ):
        return "person" if single else "organisation"  # "Elizabeth Warren", "Texas Tribune"
    if (
        tight_before
        and before.capitalised
        and before.norm not in cues.PLACE_MODIFIERS | cues.TITLES
        and not is_state
    ):
        return "person"  # "Marty Walsh", "Michele Jansen"
    return None


def _odd_case(word: str) -> bool:
    """Capitals inside a word that is not all capitals: "WaCo", "iPhone" (but "McAllen" is a name)."""
    inner = word[1:]
    return (
        not word.isupper()
        and any(c.isupper() for c in inner)
        and not re.match(r"^(?:Mc|Mac|De|Di|La|Le|Du|O')[A-Z]", word)
    )


def _read_cues(text: str, tokens: list[Token], match: _Match, gazetteer: Gazetteer) -> None:
    after = match.last + 1
    # An explicit state: "Portland, Ore.", "Hartford, Connecticut", "Washington, D.C."
    if after < len(tokens) and _gap(text, tokens, after).strip() == ",":
        for width in (3, 2, 1):
            if after + width > len(tokens):
                continue
            phrase = text[tokens[after].start : tokens[after + width - 1].end]
            dotted = text[tokens[after + width - 1].end : tokens[after + width - 1].end + 1] == "."
            if width == 1 and len(phrase) == 2 and not (phrase.isupper() or dotted):
                continue  # "in", "or", "me" are words; "IN", "OR", "Pa." are states
            state = gazetteer.state(phrase)
            if state is not None and (
                any(c.state == state.state for c in match.candidates)
                or (match.key == "washington" and state.state == "DC")
            ):
                match.state = state.state
                match.qualifier = (tokens[after].start, tokens[after + width - 1].end)
                match.notes.append(f"state named after it: '{phrase}'")
                break
    # Kind words: "the town of East Haven", "cities of Hartford, ...", "Chelsea City Manager".
    window = [t.norm for t in tokens[max(0, match.first - 3) : match.first]]
    if "of" in window[-1:] and any(w in cues.LOCAL_KIND_WORDS for w in window[:-1]):
        match.level = match.level or "local"
        match.notes.append("after a word for a city or town")
    if window[-2:] == ["state", "of"] or window[-2:] == ["commonwealth", "of"]:
        match.level = "state"
        match.notes.append("after 'state of'")
    if any(w in cues.COUNTY_KIND_WORDS for w in match.key.split()):
        match.level = match.level or "county"
        match.notes.append("named as a county")
    nxt = tokens[after].norm if after < len(tokens) else ""
    if nxt in cues.LOCAL_HEADS and not match.level:
        match.notes.append(f"followed by '{tokens[after].text}'")


def _regions(text: str, folded: str, matches: list[_Match]) -> None:
    """A region named in the same sentence tells the state of the name before it."""
    for region, state in cues.REGIONS.items():
        found = folded.find(" " + region)
        while found >= 0:
            position = found  # folded has one leading space, so this is the text offset
            after = folded[found + 1 + len(region) : found + 2 + len(region)]
            before = [m for m in matches if m.end <= position]
            if before and not after.isalnum():
                nearest = before[-1]
                between = text[nearest.end : position]
                if len(between) <= 40 and not re.search(r"[.!?]\s", between):
                    nearest.region = state
                    nearest.notes.append(f"near '{text[position : position + len(region)]}'")
            found = folded.find(" " + region, found + 1)


# --- 4-5: resolution -------------------------------------------------------------------


class _Resolver:
    """Resolves matches in tiers, each tier's results adding to the document's context."""

    def __init__(self, text, gazetteer, matches):
        self.text, self.gazetteer, self.matches = text, gazetteer, matches
        self.context: Counter[str] = Counter()
        self.chosen: dict[int, tuple[Jurisdiction, float, str]] = {}

    def run(self) -> list[PlaceMention]:
        for m in self.matches:  # the states a text puts after its names set its context
            if m.state:
                self.context[m.state] += 1
        tiers = (
            self._sure,
            self._named_before,
            self._short_county_name,
            self._dateline_city,
            self._big_city,
        )
        for tier in (*tiers, self._by_context, self._short_county_name):
            for index, m in enumerate(self.matches):
                if index in self.chosen:
                    continue
                picked = tier(m)
                if picked:
                    self.chosen[index] = picked
                    self.context[picked[0].state] += 2 if tier == self._sure else 1
        return [self._mention(self.matches[i], *self.chosen[i]) for i in sorted(self.chosen)]

    def _mention(self, m: _Match, j: Jurisdiction, confidence: float, reason: str) -> PlaceMention:
        start, end = m.start, m.end
        notes = "; ".join([reason, *m.notes])
        return PlaceMention(start, end, self.text[start:end], j, confidence, notes)

    def _filtered(self, m: _Match) -> list[Jurisdiction]:
        found = m.candidates
        if m.state:
            found = [c for c in found if c.state == m.state]
            if m.level != "state":
                found = [c for c in found if c.level != "state"] or found
        elif m.region:
            found = [c for c in found if c.state == m.region] or found
        if m.level:
            found = [c for c in found if c.level == m.level] or found
        return found

    def _sure(self, m: _Match):
        found = self._filtered(m)
        if m.key == "washington":
            return self._washington(m, found)
        states = [c for c in found if c.level == "state"]
        if states and m.level in (None, "state") and not m.state:
            return states[0], 0.95, "a state's name"  # "New York, NY" is the city
        if m.state:
            return _best(found), 0.95, f"state given: {m.state}"
        if m.region:
            return _best(found), 0.85, f"region places it in {m.region}"
        if m.level and len(found) == 1:
            return found[0], 0.85, "the only one of its kind with this name"
        return None

    def _shouting(self, m: _Match) -> bool:
        """A name in capitals outside a dateline (a judge's name in a court opinion, a
        heading) is not resolved from context or population alone."""
        words = [t.text for t in m.window[m.first : m.last + 1] if len(t.text) > 2]
        return bool(words) and all(w.isupper() for w in words) and not self._dateline(m)

    def _big_city(self, m: _Match):
        """A large city named alone is the one meant, unless the document's own states hold
        a namesake of some size (Portland in a story about Maine)."""
        if m.key in cues.FOREIGN_HOMONYMS or self._shouting(m):
            return None  # "Ontario", "Mexico": the foreign place unless the text says otherwise
        found = [c for c in self._filtered(m) if c.level != "state"]
        ranked = sorted(found, key=lambda c: c.population or 0, reverse=True)
        if not ranked:
            return None
        first = ranked[0].population or 0
        second = (ranked[1].population or 0) if len(ranked) > 1 else 0
        if first < BIG_CITY or first < 5 * max(second, 1):
            return None
        rivals = [
            c for c in ranked[1:] if self.context[c.state] and (c.population or 0) >= first / 20
        ]
        if rivals and not self.context[ranked[0].state]:
            return None
        return ranked[0], 0.7, "the largest place of this name, by far"

    def _dateline_city(self, m: _Match):
        """A dateline ("CHAMBERSBURG - ...") names where the story is; a namesake much larger
        than the others is the one meant, however small."""
        if not self._dateline(m):
            return None
        ranked = sorted(self._filtered(m), key=lambda c: c.population or 0, reverse=True)
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
        found = [c for c in self._filtered(m) if c.level != "state"]
        in_context = [c for c in found if self.context[c.state]]
        if not in_context:
            return None
        top = max(self.context[c.state] for c in in_context)
        best = _best([c for c in in_context if self.context[c.state] == top])
        return best, 0.75, f"the document is about {best.state}"

    def _named_before(self, m: _Match):
        """A name the text has already placed means the same place again ("Clark County,
        Nevada" ... "Clark County")."""
        first = next(i for i, other in enumerate(self.matches) if other.key == m.key)
        if first in self.chosen and self.matches[first].start < m.start:
            j = self.chosen[first][0]  # only the first naming sets the sense: a later
            if not m.level or m.level == j.level:  # "Franklin County, Ohio" is a contrast
                return j, 0.8, "named so earlier in the text"
        return None

    def _short_county_name(self, m: _Match):
        """ "Nassau" after "Nassau County": the county, named short."""
        if m.first != m.last:
            return None
        for index, (j, _, _) in self.chosen.items():
            other = self.matches[index]
            if j.level == "county" and normalise_phrase(j.name).split()[0] == m.key:
                return j, 0.7, f"short for {other.key.title()}, named earlier"
        return None

    def _washington(self, m: _Match, found: list[Jurisdiction]):
        """ "Washington" alone is usually the federal government: the state or the District
        needs a cue."""
        if m.state == "DC" or self._dateline(m):
            dc = self.gazetteer.state("DC")
            return dc, 0.9, "Washington, D.C."
        state = self.gazetteer.state("WA")
        window = " ".join(t.norm for t in m.window[max(0, m.first - 3) : m.last + 3])
        if m.state == "WA" or re.search(r"\bstate of washington\b|\bwashington state\b", window):
            return state, 0.9, "Washington the state"
        if self._among_states(m):
            return state, 0.85, "Washington in a list of states"
        return None

    def _dateline(self, m: _Match) -> bool:
        token = m.window[m.first]
        rest = self.text[token.end : token.end + 3]
        at_line_start = _gap(self.text, m.window, m.first).endswith("\n")
        return token.text.isupper() and at_line_start and bool(re.match(r"\s*[—–,-]", rest))

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


def _best(found: list[Jurisdiction]) -> Jurisdiction:
    """Prefer a state, then a city over the county of the same name (the county needs its
    kind word), an incorporated place over a town of the same name,
    then the larger."""
    rank = {"state": 0, "local": 1, "county": 2}
    return min(
        found,
        key=lambda c: (rank.get(c.level, 3), len(c.geoid) == 10, -(c.population or 0)),
    )
