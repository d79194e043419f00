"""State laws a text names, matched only against the laws of the text's own states.

A bill number ("SB 54", "Senate Bill 4", "HB19-1124") or a popular name ("California
Values Act", "Keep Washington Working") is a known state law only when a state the text
names (its resolved place mentions) has that law in the shipped state-law table
(``classify.reference.load_reference().laws``): the states the sentence names, or the
document's when the sentence names no place. The same bill
number in another state is some other bill: "SB 4, a school-funding bill" in Kansas
proposes nothing. A law is also not the one meant when the sentence dates the mention to a
year before the law's session. A popular name that holds its state's name ("California
Values Act", "Keep Washington Working") names its state itself, in any document.

Bill numbers are read from each law's citation; popular names are used when they are
proper names (every word capitalised but short function words, "TRUST Act"), with a
leading state name optional ("Illinois TRUST Act" is also "TRUST Act" in Illinois) and,
for a name of four or more words ending in "Act", also without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sanctuary_tracker.extract.mentions import Mentions
from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text import scan

# A chamber's written forms, each to one key.
_CHAMBERS = (
    ("S", r"Senate[ \t]Bill|S\.?[ \t]?B\.?|S\."),
    ("H", r"House[ \t]Bill|H\.?[ \t]?B\.?|H\."),
    ("A", r"Assembly[ \t]Bill|A\.?[ \t]?B\.?|A(?=\d)"),
    ("SF", r"Senate[ \t]File|S\.?F\.?"),
    ("HF", r"House[ \t]File|H\.?F\.?"),
    ("SEA", r"Senate[ \t]Enrolled[ \t]Act|SEA"),
    ("HEA", r"House[ \t]Enrolled[ \t]Act|HEA"),
    ("LD", r"Legislative[ \t]Document|L\.?D\.?"),
    ("S", r"S(?=\d)"),
    ("B", r"B(?=\d)"),
)
_BILL = re.compile(
    r"(?=[SHABL])(?<![\w.])(?:"
    + "|".join(f"(?P<c{i}>{form})" for i, (_, form) in enumerate(_CHAMBERS))
    + r")[ \t]?(?:No\.[ \t]?)?(?P<num>\d{1,5}(?:-\d{1,5}|-[A-Z])?[A-Z]?)(?![\w-])"
)
# What every form starts with: its chamber's capital, with the number's first digit within
# the 25 letters, dots and spaces after it ("Legislative Document No. 1"). The capitals
# with no digit that near (most of them) are passed over in the scan, not tried one by one.
_BILL_OPENING = re.compile(r"[SHABL](?=[A-Za-z. \t]{0,25}\d)")
_FUNCTION_WORDS = frozenset({"a", "an", "and", "for", "from", "in", "of", "on", "the", "to"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class LawMention:
    start: int
    end: int
    text: str
    law: dict[str, Any]


def bill_keys(text: str) -> list[tuple[tuple[str, str], int, int]]:
    """Every bill number in ``text`` as ((chamber, number), start, end)."""
    found = []
    for match in _BILL.finditer(text):
        chamber = next(
            _CHAMBERS[i][0] for i in range(len(_CHAMBERS)) if match.group(f"c{i}") is not None
        )
        found.append(((chamber, match.group("num").upper()), match.start(), match.end()))
    return found


def _proper(name: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in _FUNCTION_WORDS for w in words)


def _name_forms(law: dict[str, Any], state_name: str) -> list[str]:
    name = (law.get("popular_name") or "").strip()
    if not _proper(name):
        return []
    forms = {name}
    bare = re.sub(r"[ \t]+of[ \t]+(?:19|20)\d\d$", "", name)
    forms.add(bare)
    if bare.startswith(state_name + " ") and _proper(bare[len(state_name) + 1 :]):
        forms.add(bare[len(state_name) + 1 :])
    for form in list(forms):
        words = form.split()
        if words[-1] == "Act" and len(words) >= 4:
            forms.add(" ".join(words[:-1]))
    return sorted(forms, key=lambda f: (-len(f), f))


@dataclass(frozen=True, slots=True)
class _StateLaws:
    bills: dict[tuple[str, str], dict[str, Any]]
    names: re.Pattern | None
    by_name: dict[str, dict[str, Any]]


@lru_cache(maxsize=64)
def _state_laws(state: str) -> _StateLaws:
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    laws = load_reference().laws_of(state)
    bills: dict[tuple[str, str], dict[str, Any]] = {}
    by_name: dict[str, dict[str, Any]] = {}
    for law in laws:
        for key, _, _ in bill_keys(law["law"]):
            bills.setdefault(key, law)
        state_name = load_gazetteer().by_geoid(law["geoid"]).name
        for form in _name_forms(law, state_name):
            by_name.setdefault(form.lower(), law)
    names = None
    if by_name:
        alternatives = "|".join(re.escape(f) for f in sorted(by_name, key=lambda f: (-len(f), f)))
        names = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)
    return _StateLaws(bills, names, by_name)


def _session_year(law: dict[str, Any]) -> int | None:
    years = _YEAR.findall(law["law"]) or _YEAR.findall(law.get("effective_date") or "")
    return int(years[0]) if years else None


def _mentions_in(text: str, state: str) -> list[LawMention]:
    laws = _state_laws(state)
    found = [
        LawMention(start, end, text[start:end], laws.bills[key])
        for key, start, end in bill_keys(text)
        if key in laws.bills
    ]
    if laws.names is not None:
        for match in laws.names.finditer(text):
            if _proper(match.group()):  # "TRUST Act" or "Trust Act", not "trust act"
                found.append(
                    LawMention(
                        match.start(), match.end(), match.group(),
                        laws.by_name[match.group().lower()],
                    )
                )  # fmt: skip
    return found


def candidates(text: str) -> list[int]:
    """Where in ``text`` a state law may be named (a bill number, or any state's popular
    name), in order: only sentences holding one are read by :func:`find_laws`."""
    found = [match.start() for match in scan.matches(_BILL_OPENING, _BILL, text)]
    named = _all_names()
    if named is not None:
        found += _name_starts(text, named)
    return sorted(found)


def _name_starts(text: str, named: re.Pattern) -> list[int]:
    """Where ``named`` matches in ``text``: the popular names' lower-case forms found in the
    pass that finds every list's words (``scan.Words``), each confirmed by the pattern (its
    word boundaries) where it starts. (Much faster than the case-insensitive alternation
    over the whole text.)"""
    return [match.start() for match in _name_openings().matches(named, text)]


@lru_cache(maxsize=1)
def _name_openings() -> scan.Openings:
    return scan.Openings(*_popular_forms())


@lru_cache(maxsize=1)
def _popular_forms() -> tuple[str, ...]:
    from sanctuary_tracker.classify.reference import load_reference

    return tuple(
        sorted(
            {f for state in {law["state"] for law in load_reference().laws}
             for f in _state_laws(state).by_name},
            key=lambda f: (-len(f), f),
        )
    )  # fmt: skip


@lru_cache(maxsize=1)
def _all_names() -> re.Pattern | None:
    forms = _popular_forms()
    if not forms:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(f) for f in forms)})(?![\w-])", re.I)


def find_laws(sentence: str, offset: int, places: Mentions, year: int | None) -> list[LawMention]:
    """The state laws a sentence (starting at ``offset`` in the document) names, for the
    states of the sentence's own place mentions, or, in a sentence that names no place, the
    states of the document's (``places``). ``year``: a year the sentence dates itself to."""
    end = offset + len(sentence)
    own = sorted({m.jurisdiction.state for m in places.starting_in(offset, end)} - {None})
    everywhere = places.states()
    found: dict[tuple[int, int], list[LawMention]] = {}
    for state in own or everywhere:
        for mention in _mentions_in(sentence, state):
            session = _session_year(mention.law)
            if year is not None and session is not None and year < session:
                continue
            span = (offset + mention.start, offset + mention.end)
            found.setdefault(span, []).append(
                LawMention(span[0], span[1], mention.text, mention.law)
            )
    out = [_nearest_state(found[span], places.ordered) for span in sorted(found)]
    named = _self_naming()
    for match in named.finditer(sentence) if named is not None else ():
        start, stop = offset + match.start(), offset + match.end()
        if _proper(match.group()) and not any(m.start < stop and start < m.end for m in out):
            law = _self_naming_laws()[match.group().lower()]
            out.append(LawMention(start, stop, match.group(), law))
    return sorted(out, key=lambda m: (m.start, m.end))


@lru_cache(maxsize=1)
def _self_naming_laws() -> dict[str, dict[str, Any]]:
    """Popular names that hold their state's name ("California Values Act", "Keep
    Washington Working"): they name their state themselves, in any document."""
    from sanctuary_tracker.classify.reference import load_reference
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    out: dict[str, dict[str, Any]] = {}
    for state in sorted({law["state"] for law in load_reference().laws}):
        for form, law in sorted(_state_laws(state).by_name.items()):
            state_name = load_gazetteer().by_geoid(law["geoid"]).name.lower()
            if re.search(rf"\b{re.escape(state_name)}\b", form):
                out.setdefault(form, law)
    return out


@lru_cache(maxsize=1)
def _self_naming() -> re.Pattern | None:
    forms = sorted(_self_naming_laws(), key=lambda f: (-len(f), f))
    if not forms:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(f) for f in forms)})(?![\w-])", re.I)


def _nearest_state(candidates: list[LawMention], places: list[PlaceMention]) -> LawMention:
    """Of the laws of several states a span could name, the one of the state named nearest
    before it (else nearest after it)."""
    if len(candidates) == 1:
        return candidates[0]
    at = candidates[0].start

    def distance(mention: LawMention) -> tuple[int, int, str]:
        state = mention.law["state"]
        starts = [m.start for m in places if m.jurisdiction.state == state]
        before = [at - s for s in starts if s <= at]
        after = [s - at for s in starts if s > at]
        return (0, min(before), state) if before else (1, min(after, default=0), state)

    return min(candidates, key=distance)
