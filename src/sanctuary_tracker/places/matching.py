"""Every place name a text may mean, with its cues read: the automaton's matches in the
marked text, less what is not a place (lower-case words, people, organisations) and the
states that qualify a name before them."""

from __future__ import annotations

import re

from sanctuary_tracker.heap import LARGE_TEXT, release_freed_heap
from sanctuary_tracker.places.automaton import SCAN_CHARS, gazetteer_automaton, scan
from sanctuary_tracker.places.county_lists import county_lists, listed_before_kind, listed_towns
from sanctuary_tracker.places.folding import marked_and_spaced
from sanctuary_tracker.places.gazetteer import Gazetteer
from sanctuary_tracker.places.lookups import facts_by_key, key_facts, lookup, state_named
from sanctuary_tracker.places.match_cues import (
    HEADS,
    list_kinds,
    not_a_place,
    person_beside,
    read_cues,
    regions,
    titled,
)
from sanctuary_tracker.places.matches import Doc, Match, Spans, windowed
from sanctuary_tracker.places.tokens import normalise_phrase

_STATE_AFTER_COMMA = re.compile(r",\s+([A-Z]{2})\b")  # "Springfield, MA": cheap context hint
# Where a small place's name stands (see _in_a_place_slot).
_SLOT_WORDS = frozenset("in of from at near to for and or outside including".split())
_SLOT_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(_SLOT_WORDS)) + r")|,)\s+$")
_SLOT_AFTER = re.compile(r"(?:,|['’]s\b|\s+(?:and|or)\s+[A-Z]|\s+([A-Za-z]+))")


def find_matches(text: str, gazetteer: Gazetteer) -> list[Match]:
    """The names in ``text`` that may be places here, cues read, in text order."""
    folded, spaced = marked_and_spaced(text)
    long_text = len(text) > LARGE_TEXT
    if long_text:
        release_freed_heap()  # folding's temporary copies, before the matches take memory
    raw, strong, rest = [], [], []
    size = len(folded)
    facts = facts_by_key(gazetteer)
    automaton = gazetteer_automaton(gazetteer)
    hits = scan(automaton, folded) if size > SCAN_CHARS else automaton.iter_long(folded)
    for end, (length, key) in hits:
        after = end + 1
        if after < size and (folded[after].isalnum() or folded[after] == "&"):
            continue  # ends inside a word
        start = end - length + 1  # in the text, the name is text[start:end]
        if folded[after : after + 1] == "-" and _hyphened_county(gazetteer, text, start, end):
            continue  # "Miami-Dade": a county named short, not Miami
        if text[end - 7 : end] == " county" and state_named(gazetteer, key[:-7]):
            end, key = end - 7, key[:-7]  # "an Oregon county": the state (Oregon County is in
            # Missouri, and written so)
        r = (start, end, key)
        raw.append(r)
        # A match worth reading on its own: several words, a state, a large place, a kind
        # word, a comma after it (a state may follow), or capitals (a dateline).
        if (
            (facts.get(key) or key_facts(gazetteer, key))[2]
            or text[end : end + 1] == ","
            or text[start:end].isupper()
            or (start >= 3 and text[start - 3 : start] == "of ")
        ):
            strong.append(r)
        else:
            rest.append(r)
    homes = _legislators_homes(text, gazetteer)
    if homes:
        known = {r[0] for r in raw}
        homes = [r for r in homes if r[0] not in known]
        raw, strong = sorted(raw + homes), sorted(strong + homes)
    doc = Doc(text, spaced)
    listed = listed_before_kind(text, raw, gazetteer)
    lists, taken = county_lists(doc, sorted(raw + listed) if listed else raw, gazetteer, long_text)
    matches = [m for m in lists if m.candidates]
    if taken:
        raw = [r for r in raw if r[0] not in taken]
        strong = [r for r in strong if r[0] not in taken]
        rest = [r for r in rest if r[0] not in taken]
    states = {_state_indicated(facts[key]) for _, _, key in strong if facts[key][0]}
    # A weak name (one word, only small namesakes, no cue beside it) can only be resolved
    # by the document's states; read it only when one of its namesakes lies in them.
    states |= {m.listed_in for m in lists if m.listed_in}
    states |= set(_STATE_AFTER_COMMA.findall(text))
    towns = listed_towns(text, raw, gazetteer)  # start -> the one state of a list of towns
    states |= set(towns.values())
    weak = [r for r in rest if not states.isdisjoint(facts[r[2]][3]) and _in_a_place_slot(doc, r)]
    people: set[str] = set()  # names the text uses for people ("Michele Jansen")
    # The state after a comma qualifies the name before it; it is not a mention of its own.
    # A match inside the qualifier of one before it is left out as soon as it is read (its
    # own qualifier still counts); the rest once all are read.
    qualifiers = [m.qualifier for m in matches if m.qualifier]
    open_qualifiers: list[tuple[int, int]] = []  # those of the matches read, not yet passed
    for start, end, key in sorted(strong + weak) if weak else strong:
        fact = facts[key]
        match = windowed(doc, start, end, key, fact[0])
        if match is None or not match.candidates:
            continue
        match.names_state = fact[1]
        verdict = not_a_place(doc, match.window, match)
        cued = False
        if verdict == "person" and text[match.end : match.end + 1] == ",":
            # "Kozloski Road Freehold, New Jersey", "Lt. Governor TRENTON, NJ": a state
            # after the comma makes an address of it, unless a title heads a person's name.
            read_cues(text, match.window, match, gazetteer)
            cued = True
            if match.state and not titled(match):
                verdict = None
        if verdict == "person" and not match.names_state:
            people.add(key)  # (a state's name is not taken for a person's elsewhere)
        if verdict is None:
            if not cued:
                read_cues(text, match.window, match, gazetteer)
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
        qualified = Spans(qualifiers)
        matches = [m for m in matches if m.start not in qualified]
    # A one-word name the text also uses for a person ("Jansen said") is not a place when
    # nothing else marks it as one.
    pending = {
        m.key for m in matches if m.first == m.last and not (m.state or m.level or m.names_state)
    }
    pending = {key for key in pending - people if " " not in key}
    if pending:
        for start, end, key in raw:
            if key in pending and person_beside(doc, start, end):
                people.add(key)
                pending.discard(key)
    matches = [
        m
        for m in matches
        if not (m.first == m.last and m.key in people and not (m.state or m.level))
    ]
    for m in matches:
        if m.start in towns and not (m.state or m.level or m.listed_in or m.names_state):
            m.listed_in = towns[m.start]
            m.notes.append("in a list of places")
    matches.sort(key=lambda m: m.start)
    list_kinds(text, matches)
    regions(text, folded, matches)
    return matches


# A legislator's party and home: "Rep. Ana Ruiz, D-Commerce City," (the folded text marks
# no capital inside a hyphened word, so the automaton does not find the place there).
# (The initial leads the pattern, its boundary checked behind it: the engine then skips to
# each "D", "R" or "I" instead of trying a look-behind at every character.)
_PARTY_HOME = re.compile(
    r"[DRI]-(?<![\w-][DRI]-)([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?=[,;)]|[ \t]+[a-z])"
)


def _legislators_homes(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """The places named as legislators' homes after their party's initial: (start, end,
    key) like the automaton's matches, read as strong ones."""
    if "-" not in text:
        return []
    found = []
    for label in _PARTY_HOME.finditer(text):
        key = normalise_phrase(label.group(1))
        if key_facts(gazetteer, key)[0]:
            found.append((label.start(1), label.end(1), key))
    return found


def _state_indicated(fact: tuple) -> str:
    """The state a strong name points to: a state's own ("Vermont", though towns in other
    states bear its name and may be listed first), else its first namesake's."""
    candidates, names_state = fact[0], fact[1]
    if names_state:
        return next(c.state for c in candidates if c.level == "state")
    return candidates[0].state


def _in_a_place_slot(doc: Doc, raw: tuple[int, int, str]) -> bool:
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
    return word is None or word.lower() in HEADS


_HYPHENED = re.compile(r"-([A-Za-z]+)")


def _hyphened_county(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """Whether the name and the word hyphened to it name a county ("Miami-Dade")."""
    rest = _HYPHENED.match(text, end)
    if rest is None:
        return False
    found = lookup(gazetteer, normalise_phrase(f"{text[start:end]}-{rest.group(1)} County"))
    return any(c.level == "county" for c in found)
