"""Names listed together as counties ("Allegheny, Bucks and Chester counties"), placed
together in one state."""

from __future__ import annotations

import re
from collections import Counter

from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction
from sanctuary_tracker.places.lookups import (
    lookup,
    names_a_county,
    non_states,
    state_named,
    states_of,
)
from sanctuary_tracker.places.match_cues import LIST_GAP, person_beside, read_cues
from sanctuary_tracker.places.matches import Doc, Match, windowed
from sanctuary_tracker.places.tokens import normalise_phrase

COHERENT_LIST = 0.6  # share of a list's names that must be counties of one state
LISTED_CITY = 10_000  # a listed name with a namesake city this large may be the city
LARGE_NAMESAKE = 100_000  # a listed name this large somewhere is that city, not a town


_LIST_GAP_STARTS = frozenset(",") | {chr(code) for code in range(0x3001) if chr(code).isspace()}
_AND_BEFORE = re.compile(r"\s(?:and|or|&)\s")
_KIND_AFTER = re.compile(r"\s+(counties|parishes)\b", re.I)
_PLURAL_KIND = re.compile(r"\b(?:counties|parishes)\b", re.I)
# A run of capitalised words (a county's name of one to three words), and a list of them.
_NAME = r"[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,2}"
_NAME_RUN = re.compile(_NAME)
_LIST_BEFORE_KIND = re.compile(
    rf"(?:{_NAME}(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+))+{_NAME}[ \t]+$"
)
_WORD = re.compile(r"\S+")
_LOOK_BACK = 240  # characters read back from "counties" for the names listed before it


def _plural_kind_words(text: str):
    """The matches of "counties" and "parishes" in any case, found from their tails by
    str.find (a case-blind expression over the whole text costs several times more)."""
    found = []
    for tail in ("ounties", "OUNTIES", "arishes", "ARISHES"):
        at = text.find(tail)
        while at >= 0:
            match = _PLURAL_KIND.match(text, at - 1) if at else None
            if match is not None and (at < 2 or not text[at - 2].isalnum()):
                found.append(match)
            at = text.find(tail, at + len(tail))
    return sorted(found, key=lambda m: m.start())


def listed_before_kind(text: str, raw: list, gazetteer: Gazetteer) -> list:
    """The names listed before "counties" or "parishes" that are no place's name alone, so
    the automaton does not see them ("Multnomah and Clackamas counties"): (start, end, key)
    as the automaton's matches, for ``county_lists`` only. A run of words is cut from the
    left to the longest county name it ends with ("The Multnomah": Multnomah)."""
    seen = {(start, end) for start, end, _ in raw}
    found = []
    for kind in _plural_kind_words(text):
        lo = max(0, kind.start() - _LOOK_BACK)
        before = text[lo : kind.start()].split()
        if not before or not before[-1][:1].isupper():
            continue  # (most mentions: "the counties", "border counties")
        listed = _LIST_BEFORE_KIND.search(text, lo, kind.start())
        if listed is None:
            continue
        suffix = " Parish" if kind.group().lower().startswith("parish") else " County"
        for run in _NAME_RUN.finditer(text, listed.start(), kind.start()):
            words = list(_WORD.finditer(run.group()))
            for first in words:
                start, end = run.start() + first.start(), run.end()
                if (start, end) in seen:
                    break
                if _counties_named(gazetteer, text[start:end], suffix):
                    found.append((start, end, normalise_phrase(text[start:end])))
                    break
    return found


def county_lists(
    doc: Doc, raw: list, gazetteer: Gazetteer, long_text: bool
) -> tuple[list[Match], set[int]]:
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
        last_names_county = names_a_county(items[-1][2]) and bool(
            _AND_BEFORE.search(text, items[-2][1], items[-1][0])
        )
        explicit = kind is not None or last_names_county
        if explicit:
            kind_word = kind.group(1).lower() if kind else items[-1][2].rsplit(" ", 1)[-1]
            suffix = " Parish" if kind_word.startswith("parish") else " County"
            listed = _listed_counties(doc, items, suffix, gazetteer)
            if kind is None and len(listed) < len(items):
                # The singular names a list of counties only when every name listed can be
                # one: "the cities of Danbury, Guilford, and Richmond County" lists places
                # of two kinds, and "County" is Richmond's alone.
                listed = listed[-1:]
            items = listed
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
            own_key = names_a_county(key)
            match = windowed(
                doc, start, end, key if own_key else normalise_phrase(name + suffix), in_state
            )
            if match is None:
                continue
            match.level = "county"
            match.notes.append("in a list of counties")
            if state and (hits == len(items) or not explicit):
                match.listed_in = state
            read_cues(text, match.window, match, gazetteer)
            if long_text:
                match.drop_cue_words(doc.share)
            out.append(match)
            taken.add(start)
    return out, taken


TOWN_LIST = 3  # names at least, for a list of towns to be placed by its names alone


def listed_towns(text: str, raw: list, gazetteer: Gazetteer) -> dict[int, str]:
    """Names listed together ("Burlington, Montpelier and Winooski") that only one state
    has a namesake of every one of: each name's start and that state. A list holding a
    state's name is left alone. A large city's name ("Chicago, Boston and Seattle") is the
    city meant, wherever it lies, and says nothing of its list's state; but when the list's
    other names, three or more, lie together in one state only, and that state has a
    namesake of the large city too ("Goshen, Readsboro, Hartford and Corinth"), the whole
    list is in that state."""
    placed = {}
    for items in _chains(text, raw):
        if len(items) < TOWN_LIST:
            continue
        keys = [key for _, _, key in items]
        if any(names_a_county(key) or state_named(gazetteer, key) for key in keys):
            continue
        small = [key for key in keys if not _large_namesake(gazetteer, key)]
        if len(small) < TOWN_LIST:
            continue
        common = frozenset.intersection(*(states_of(gazetteer, key) for key in small))
        if len(common) != 1:
            continue
        (state,) = common
        if all(state in states_of(gazetteer, key) for key in keys):
            placed.update((start, state) for start, _, _ in items)
    return placed


def _large_namesake(gazetteer: Gazetteer, key: str) -> bool:
    return any((c.population or 0) >= LARGE_NAMESAKE for c in lookup(gazetteer, key))


def _chains(text: str, raw: list) -> list[list]:
    """The runs of names joined by list gaps (a comma, "and", "or", "&"), of two or more."""
    chains, chain = [], []
    for item in raw:
        # (a list's gap starts with a comma or a space: anything else is no gap of one)
        if chain and not (
            text[chain[-1][1] : chain[-1][1] + 1] in _LIST_GAP_STARTS
            and LIST_GAP.fullmatch(text, chain[-1][1], item[0])
        ):
            chains.append(chain)
            chain = []
        chain.append(item)
    if chain:
        chains.append(chain)
    return [c for c in chains if len(c) > 1]


def _listed_counties(doc: Doc, items: list, suffix: str, gazetteer: Gazetteer) -> list:
    """The names an explicit list of counties holds: the run before the kind word whose
    names are counties' and no person's ("the city of Portland and Cumberland and Hancock
    Counties": not Portland; "Mayor Brandon Johnson and Cook County": not Johnson)."""
    text = doc.text
    first = len(items)
    while first > 0:
        start, end, key = items[first - 1]
        if not _counties_named(gazetteer, text[start:end], suffix):
            break
        if not names_a_county(key) and person_beside(doc, start, end):
            break
        first -= 1
    return items[first:]


def _counties_named(gazetteer: Gazetteer, name: str, suffix: str) -> list[Jurisdiction]:
    """The counties a listed name can be: "Dakota" before "counties", or "Ramsey County"."""
    full = name if names_a_county(normalise_phrase(name)) else name + suffix
    return [c for c in lookup(gazetteer, normalise_phrase(full)) if c.level == "county"]


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
            for c in non_states(gazetteer, normalise_phrase(name))
        )
        for name in names
    )
    return 2 * cities < len(names)
