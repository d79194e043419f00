"""The title and the body a text gives a person: the title words before a name ("police
spokesman Lt. Derrick St. Laurent"), a role in an apposition (", a trade professor at"), an
office predicated ("became mayor"), a title's "of" phrase ("Secretary of State Mike
Pompeo"), and the body the person is of: a place in the title, a party label's state, an "of"
phrase after the name, or the federal body a bare title implies."""

from __future__ import annotations

import re

from sanctuary_tracker.extract.people_places import (
    PlaceSpans,
    names_a_place,
    place_name,
    state_named,
)
from sanctuary_tracker.extract.people_words import UPPER, Tok, plain
from sanctuary_tracker.text import given_names
from sanctuary_tracker.text.abbreviations import TITLE_ABBREVIATIONS
from sanctuary_tracker.text.lexicon import (
    FEDERAL_BODIES,
    PERSON_TITLES,
    PROXY_WORDS,
    TITLE_PARTS,
    TITLE_WORDS,
)

_PARTY = re.compile(r"[ \t]*\((?:D|R|I)[-–]([A-Z]{2})\)")
_OF_AFTER = re.compile(
    rf"[ \t]+of[ \t]+((?:the[ \t]+)?[{UPPER}][\w.&'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)?"
    rf"[{UPPER}0-9][\w.&'’-]*){{0,6}})"
)
_TITLE_BACK = re.compile(r"[\w.'’-]+")
_ROLE_AFTER = re.compile(
    r",[ \t]+(?:a|an|the|its|their|his|her)[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,3}?([a-z]+)"
    r"(?=[ \t]*[,.;]|[ \t]+(?:at|of|for|in|with|from|and|who)\b)"
)
_OFFICE_AFTER = re.compile(
    r"[ \t]+(?:became|becomes|was[ \t]+(?:elected|re-elected|appointed|named|sworn[ \t]+in[ \t]+as)|"
    r"is[ \t]+(?:elected|sworn[ \t]+in[ \t]+as)|served[ \t]+as|serves[ \t]+as)[ \t]+"
    r"((?:[\w.'’-]+[ \t]+){0,3}[A-Za-z]+)\b"
)
_PROXY_TITLE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(PROXY_WORDS)) + r")[ \t]+(?:for|to|of)\b|\b(?:for|to|of)$)",
    re.I,
)
_APPOSITIVE = re.compile(
    r",[ \t]+(?:a|the|an)[ \t]+([a-z][a-z -]{2,40}?)(?:[ \t]+(?:in|of|at|for)\b|[,.])"
)


def is_title(tok: Tok) -> bool:
    """A title word, a word inside a title phrase, or an abbreviated title."""
    n = tok.norm
    return n in TITLE_WORDS or n in TITLE_PARTS or n in TITLE_ABBREVIATIONS or n in ("u.s", "u.s.")


def role_after(text: str, end: int) -> bool:
    """An apposition that gives a person's role: ", a trade professor at", ", the county's
    longtime sheriff,"."""
    m = _ROLE_AFTER.match(text, end)
    return bool(m) and m.group(1).lower() in TITLE_WORDS


def office_after(text: str, end: int) -> bool:
    """An office predicated of the word just before: "became president", "was elected
    mayor", "was sworn in as the county's sheriff"."""
    m = _OFFICE_AFTER.match(text, end)
    return bool(m) and any(w.lower() in PERSON_TITLES for w in m.group(1).split())


def office_of(text: str, name: list[Tok]) -> bool:
    """The run's first word ends a title's "of" phrase: "Secretary of State Mike Pompeo"
    (a title word, "of", then one word that is no given name, then a common one)."""
    if len(name) < 3 or given_names.is_given_name(plain(name[0].text)):
        return False
    if given_names.births(plain(name[1].text)) < given_names.COMMON_BIRTHS:
        return False
    before = text[max(0, name[0].start - 40) : name[0].start]
    m = re.search(r"([\w.]+)[ \t]+of[ \t]+$", before)
    return bool(m) and m.group(1).lower().rstrip(".") in TITLE_WORDS


def title_before(text: str, start: int) -> bool:
    """A lower-case title word right before ("police spokesman", "supporter", "state Rep.")."""
    floor = max(0, start - 40)
    end = start
    while end > floor and text[end - 1] in " \t\u00a0":
        end -= 1
    begin = end  # the word before, read backwards (a regex anchored at the end is slow)
    while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in "_.'’-"):
        begin -= 1
    if begin == end:
        return False  # only spaces between: not "Migrant Justice\n • Protesters"
    last = text[begin:end].lower().rstrip(".")
    return last in TITLE_WORDS or last in TITLE_ABBREVIATIONS


_POSSESSIVE_S = re.compile(r"['’]s$")
_DIGITS = re.compile(r"\d+")
# (Tried only where a word starts: a match never starts inside a word, since one would
# start where the word does, and the look back spares reading each word to its end from
# each of its characters.)
_PERIOD = re.compile(r"(?<![\w.'’])([\w.'’]*)\.[ \t]+(?=[A-Z])")


def _last_sentence_end(window: str) -> int:
    """Where the last sentence before a name ends in ``window`` (the offset of its
    period), or -1: "... for ICE. Gov. Ned Lamont" ends at "ICE.", not at "Gov."."""
    last = -1
    for m in _PERIOD.finditer(window):
        word = m.group(1).lower()
        if not word.isdigit() and (word in TITLE_ABBREVIATIONS or "." in word or len(word) <= 1):
            continue  # "Gov.", "Sen.", "J.", "U.S." abbreviate; they end no sentence (a
            # number does: "takes effect Aug. 1. Gov. Jared Polis")
        last = m.end(1)
    return last


# A capitalised word right before a title that was not read as a place: the words of the
# title that make a place's name with it ("Oklahoma City coach", a team's) are the name's.
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+$")
_WORD_AT = re.compile(r"([A-Z][\w.'’-]*)[ \t]+")


def _past_name_words(text: str, name_start: int, at: int, end: int) -> int:
    """Where the title starts once the words that finish a place's name ("City" after
    "Oklahoma") are given to that name."""
    while at < end:
        word = _WORD_AT.match(text, at, end)
        if word is None or _a_title_word(word.group(1)):
            break
        if not names_a_place(" ".join(text[name_start : word.end(1)].split())):
            break
        at = word.end()
    return at


def _a_title_word(word: str) -> bool:
    """A title's own word ("Judge", "Sen.", "co-founder"), not one that only stands inside
    titles ("District", "of", "and")."""
    word = _POSSESSIVE_S.sub("", word.lower().rstrip("."))
    word = word.rpartition("-")[2] or word  # "co-founder", "vice-chair"
    return word in TITLE_WORDS or word in TITLE_ABBREVIATIONS


def title_and_of(
    text: str, places: PlaceSpans, start: int, end: int
) -> tuple[str | None, str | None]:
    """The title and the body of the person named at text[start:end]."""
    window_start = max(0, start - 90)
    window = text[window_start:start]
    # stop at a sentence or clause break
    cut = max(window.rfind(c) for c in (",", ";", ":", "\n", "(", "“", '"', "—"))
    cut = max(cut, _last_sentence_end(window))
    if cut >= 0:
        window_start += cut + 1
        window = window[cut + 1 :]
    words = list(_TITLE_BACK.finditer(window))
    title_start = None
    for w in reversed(words):
        s = window_start + w.start()
        e = window_start + w.end()
        word = w.group().lower().rstrip(".")
        word = _POSSESSIVE_S.sub("", word)
        if (
            word in TITLE_WORDS
            or word in TITLE_PARTS
            or word in TITLE_ABBREVIATIONS
            or word in ("u.s", "st", "jr", "sr")
            or _DIGITS.fullmatch(word)
            or places.at(s, e) is not None
            or word == "ward"
        ):
            title_start = s
            continue
        break
    title = None
    place_of = None
    if title_start is not None:
        phrase_start = title_start
        # the title proper: from the first title word, after any place
        for s, e, p in places.starting(phrase_start, start):  # (the places in the phrase)
            if phrase_start <= s and e <= start:
                place_of = place_of or p
                if s == title_start or text[title_start:s].strip() == "":
                    title_start = e
        while title_start < start and text[title_start] in " \t\u00a0":
            title_start += 1
        before = _NAME_BEFORE.search(text, max(0, title_start - 30), title_start)
        if place_of is None and before:
            title_start = _past_name_words(text, before.start(), title_start, start)
        title = " ".join(text[title_start:start].split())
        title = re.sub(r"^(?:(?:and|of|the|or|by|with|for|to)\s+)+", "", title, flags=re.I)
        title = title if title and re.search("[A-Za-z]", title) else None  # not "085"
        if title and not any(_a_title_word(w) for w in title.split()):
            title = None  # only words that stand inside titles: "Ann Ruiz and | Bo Lee"
        proxy = _PROXY_TITLE.search(title) if title else None
        if title and proxy:  # "a spokeswoman for (Mayor) Ortiz": someone else's title
            title = title[proxy.end() :].strip() or None
    after = text[end : end + 120]
    of = None
    if place_of is not None:
        of = place_name(place_of)
    party = _PARTY.match(after)
    if party:
        of = of or state_named(party.group(1))
    if of is None:
        m = _OF_AFTER.match(after)
        if m:
            of = m.group(1).strip().rstrip(".,")
    if of is None and title:
        of = FEDERAL_BODIES.get(title.lower().rstrip("."))
    if title is None:
        appositive = _APPOSITIVE.match(after)
        if appositive and any(w in TITLE_WORDS for w in appositive.group(1).split()):
            title = appositive.group(1)
    return title, of
