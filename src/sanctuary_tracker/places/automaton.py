"""The Aho-Corasick automaton of every spelling of every gazetteer name, as marked text
writes it (see ``folding``), kept on disk between processes (``automaton_cache``); and the
scan of a long text a stretch at a time."""

from __future__ import annotations

import re
from functools import lru_cache

from sanctuary_tracker.places.automaton_cache import cached_automaton
from sanctuary_tracker.places.folding import MARK, fold, marked_spellings
from sanctuary_tracker.places.gazetteer import Gazetteer
from sanctuary_tracker.places.tokens import normalise_phrase

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
def gazetteer_automaton(gazetteer: Gazetteer):
    """Every spelling of every name, folded and marked as it stands capitalised in
    ``marked`` text (a leading mark or space, so that matches start at a word); the value is
    the form's length and the name's lookup key. Kept on disk for a gazetteer read from a
    file (see ``automaton_cache``)."""
    if gazetteer.digest is None:
        return build_automaton(gazetteer)
    return cached_automaton(gazetteer.digest, lambda: build_automaton(gazetteer))


# Characters of marked text scanned at a time: pyahocorasick copies its whole input as
# 4-byte characters (64 MB for a 16 MiB text); a stretch at a time, it copies 4 MB at most.
SCAN_CHARS = 1 << 20
_WORD_END = re.compile(r"[^ ^](?=[ ^])")


def scan(automaton, marked_text: str, stretch: int = SCAN_CHARS):
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


def build_automaton(gazetteer: Gazetteer):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    forms: dict[str, list[str]] = {}
    for key, spelling in _names(gazetteer):
        found = forms.get(spelling)
        if found is None:
            found = forms[spelling] = marked_spellings(spelling)
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
