"""Person evidence from text: named people, the titles the text gives them, the body they
speak for, and every later mention of them by surname.

How a run of capitalised words becomes a person (each rule is a reason on the item):
- ``title``: a title word stands right before it ("Mayor Marty Walsh", "Sheriff Helder",
  "police spokesman Lt. Derrick St. Laurent"); one word is enough then ("President Trump").
- ``given name``: it is two to four words and the first is a common given name ("Julio Vega").
- ``context``: a lawyer's "Esq.", a party label "(D-IL)" / ", D-Austin", a speech verb after or
  before it ("Jansen said", "said Arulampalam"), a photo credit ("Credit: X / Outlet",
  "X/Getty Images"), or a court's bench ("FUENTES, COWEN, and BARRY, Circuit Judges").
A run that holds an organisation word ("Edward Byrne Memorial Justice Assistance Grant"), or
that the place resolver read as a place, is not a person. A single capitalised word that is
the surname of a person already found is a later mention of that person.

This module finds the runs and where a name stands in each, and keeps the people found;
``people_words`` cuts runs into words, ``people_titles`` gives a person a title and a body,
``people_evidence`` decides whether a name is a person's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sanctuary_tracker.extract import people_evidence as evidence
from sanctuary_tracker.extract import people_titles as titles
from sanctuary_tracker.extract.people_places import PlaceSpans
from sanctuary_tracker.extract.people_words import (
    INITIALS,
    MAX_RUN,
    RUN,
    Tok,
    name_like,
    org_word,
    pieces,
    plain,
    sentences,
    style,
    surname,
    tokens,
)
from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text import given_names
from sanctuary_tracker.text.abbreviations import TITLE_ABBREVIATIONS
from sanctuary_tracker.text.lexicon import (
    COLLECTIVE_NOUNS,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    TITLE_WORDS,
)
from sanctuary_tracker.text.sentences import ends_sentence

_WEB_ADDRESS = re.compile(r"(?:\.|[ \t]+)(?:org|com|net|gov|edu)\b")


@dataclass
class Person:
    """One named person: the first full mention's span and every mention's span."""

    name: str
    start: int
    end: int
    title: str | None = None
    of: str | None = None
    reason: str = ""
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return surname(self.name)

    @property
    def gender(self) -> str | None:
        """ "m", "f" or None, from the given name (for "he said" / "she said")."""
        if len(self.name.split()) < 2:
            return None
        return given_names.gender(plain(self.name.split()[0]))

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "of": self.of,
            "mentions": [[s, e] for s, e in sorted(self.mentions)],
        }


def find_people(text: str, places: list[PlaceMention]) -> list[Person]:
    """Each named person once, in order of first full mention; `start`, `end` point at that
    mention, `mentions` at every one (surname-only ones included)."""
    return _Finder(without_nicknames(text), PlaceSpans(places)).run()


# A nickname in double quotes between a given name and a surname: 'Jimmy "J.J." Jones'
# (tried at each opening mark after a lower-case letter and a space).
_NICKNAME = re.compile(
    r"[\"“][A-Z][A-Za-z.'’-]{0,20}(?:[ \t][A-Z][A-Za-z.'’-]{0,20})?[\"”](?=[ \t]+[A-Z][a-z])"
)


def without_nicknames(text: str) -> str:
    """``text`` with each quoted nickname inside a name blanked out (the same length, so
    every offset holds): the name reads as its given name and surname."""
    found = []
    for mark in ('"', "“"):
        at = text.find(mark, 2)
        while at >= 0:
            if text[at - 1] in " \t" and text[at - 2].islower():
                nickname = _NICKNAME.match(text, at)
                if nickname:
                    found.append(nickname.span())
            at = text.find(mark, at + 1)
    if not found:
        return text
    pieces, last = [], 0
    for start, end in sorted(found):
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join([*pieces, text[last:]])


class _Finder:
    def __init__(self, text: str, places: PlaceSpans) -> None:
        self.text = text
        self.places = places
        self.people: list[Person] = []
        self.by_key: dict[tuple[str, str], Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        # one-word names: (token, its own evidence: "title", "speech" or "")
        self.singles: list[tuple[Tok, str]] = []
        self.owned = False  # the run follows a possessive: "Castro's Cuban Revolution"
        self.common_nouns = evidence.CommonNouns(text)

    # -- main -----------------------------------------------------------------------------
    def run(self) -> list[Person]:
        text = self.text
        for start, end, title in evidence.bench_names(text):
            person = self._add(start, end, "bench")
            if person.title is None:
                person.title = title
        for m in RUN.finditer(text):
            word = m.group()
            if word.lower().rstrip(".") in NOT_NAMES:
                continue  # one word never a name's ("The", "However"): most runs, at no cost
            if word[1:].islower():
                # One word, capitalised only at its start (so never two run together, nor
                # initials; a run of several words holds a second capital, each word's
                # first): its one piece and sentence, as tokens, pieces and sentences would
                # make them.
                self.owned = False
                if ends_sentence(word):
                    self._name_in([Tok(m.start(), m.end() - 1, word[:-1])])
                else:
                    self._name_in([Tok(m.start(), m.end(), word)])
                continue
            for piece, owned in pieces(tokens(text, m.start(), m.end())):
                if len(piece) <= MAX_RUN:
                    self.owned = owned
                    for part in sentences(piece):
                        self._name_in(part)
                if not owned and len(piece) > 2:
                    self._letterhead(piece)
        for tok, evident in self.singles:
            self._single(tok, evident)
        self._merge_surnames()
        self.people.sort(key=lambda p: p.start)
        for person in self.people:
            person.mentions = sorted(set(person.mentions))
        return self.people

    def _merge_surnames(self) -> None:
        """A one-word person ("STEWART, Magistrate Judge") whose surname is that of exactly one
        person named in full ("Janice M. Stewart") is that person."""
        full: dict[str, list[Person]] = {}
        for person in self.people:
            if len(person.name.split()) > 1:
                full.setdefault(person.surname, []).append(person)
        kept = []
        for person in self.people:
            same = full.get(person.surname, [])
            if len(person.name.split()) == 1 and len(same) == 1:
                same[0].mentions.extend(person.mentions)
                same[0].title = same[0].title or person.title
                continue
            kept.append(person)
        self.people = kept

    def _name_in(self, words: list[Tok]) -> None:
        """The name is the run's tail of name-like words; what stands before it is its title
        (or an organisation, or a place)."""
        while words and words[-1].norm in NOT_NAMES:
            words = words[:-1]
        if words and _WEB_ADDRESS.match(self.text, words[-1].end):
            words = words[:-1]  # "Stateline org": a web address's name, not a surname
        self._titled_inside(words)
        k = len(words)
        while k > 0 and name_like(words[k - 1], len(words), k == len(words), self.places):
            k -= 1
        if (
            0 < k < len(words) - 1
            and INITIALS.fullmatch(words[k].text)
            and len(words[k].text) == 2
            and given_names.births(plain(words[k - 1].text)) >= given_names.COMMON_BIRTHS
        ):
            k -= 1  # "Troy L. Smith": a place's name, but a given name before a middle initial
        name = words[k:]
        prefix = words[:k]
        # leading particles or suffixes are not a name's start
        while name and (name[0].norm in PARTICLES or name[0].norm in NAME_SUFFIXES):
            name = name[1:]
        if not name:
            return
        named = [t for t in name if t.norm not in PARTICLES and t.norm not in NAME_SUFFIXES]
        if len(named) > 4:
            return
        if prefix:
            titled = titles.is_title(prefix[-1]) and any(
                t.norm in TITLE_WORDS or t.norm in TITLE_ABBREVIATIONS for t in prefix
            )
            if not titled and prefix[-1].norm in ORG_WORDS and len(named) == 1:
                return
        else:
            titled = titles.title_before(self.text, name[0].start)
            if titles.office_of(self.text, name):
                name, titled = name[1:], True  # "Secretary of State | Mike Pompeo"
        self._decide(name, titled)

    def _titled_inside(self, words: list[Tok]) -> None:
        """A titled name inside a longer run, before an organisation or a place: "Sheriff Shaun
        Golden Monmouth County Sheriff's Office" (the run's tail is no name there)."""
        i = 0
        while i < len(words) - 2:
            if words[i].norm not in TITLE_WORDS and words[i].norm not in TITLE_ABBREVIATIONS:
                i += 1
                continue
            j = i + 1
            while j < len(words) and name_like(words[j], len(words), False, self.places):
                j += 1
            stop = words[j] if j < len(words) else None
            if (
                stop is not None
                and 2 <= j - (i + 1) <= 4
                and not any(org_word(t.norm) for t in words[i + 1 : j])
                and (org_word(stop.norm) or self.places.at(stop.start, stop.end) is not None)
            ):
                self._decide(words[i + 1 : j], True)
            i = j

    def _letterhead(self, words: list[Tok]) -> None:
        """A letterhead's lines run together in capitals, too long to be one name: a common
        given name and a surname in capitals (an initial between them allowed), right before
        an organisation word, are a person ("JANE Q. ROE DEPARTMENT OF ...")."""
        if sum(1 for t in words if t.text.isupper()) < 3:
            return  # no line of capitals
        for i, tok in enumerate(words[:-2]):
            if style(tok) != "upper" or given_names.births(plain(tok.text)) < (
                given_names.COMMON_BIRTHS
            ):
                continue
            j = i + 1
            if j < len(words) - 1 and INITIALS.fullmatch(words[j].text):
                j += 1
            last, stop = words[j], words[j + 1] if j + 1 < len(words) else None
            if (
                stop is not None
                and style(last) == "upper"
                and style(stop) == "upper"
                and not org_word(last.norm)
                and name_like(last, len(words), False, self.places)
                and org_word(stop.norm)
                and self.places.at(tok.start, tok.end) is None
            ):
                self._add(tok.start, last.end, "letterhead")

    def _decide(self, name: list[Tok], titled: bool) -> None:
        """A person, a one-word name to settle once every full name is known, or nothing."""
        text = self.text
        start = name[0].start
        last = name[-1]
        end = last.start + len(last.bare)
        words = [t for t in name if t.norm not in PARTICLES and t.norm not in NAME_SUFFIXES]
        if not words:
            return
        if len(words) == 1:
            first = words[0]
            tok = first if first.end == end else Tok(start, end, text[start:end])
            owned = self.owned and not titled
            self.singles.append((tok, "" if owned else evidence.single_evidence(text, tok, titled)))
            return
        given = evidence.opens_with_given_name(words, self.places)
        initials = bool(INITIALS.fullmatch(words[0].text))
        known = self.by_surname.get(plain(words[-1].bare))
        if known and not titled and not given and not initials:
            self.singles.append((Tok(words[-1].start, end, text[words[-1].start : end]), ""))
            return
        if self.owned and not titled and not given:
            return  # something possessed: "Castro's Cuban Revolution"
        if evidence.no_surname(plain(words[-1].bare)):
            return
        reason = evidence.reason_for(text, words, start, end, titled, given)
        if not reason:
            # Not a person by itself; its words may still be surnames of people found.
            for tok in words:
                if tok.text[:1].isupper():
                    self.singles.append((Tok(tok.start, tok.start + len(tok.bare), tok.bare), ""))
            return
        if evidence.not_a_person(text, self.places, words, (start, end), reason, titled):
            return
        self._add(start, end, reason)

    def _display(self, start: int, end: int) -> str:
        words = self.text[start:end].split()
        out = []
        for w in words:
            if len(w) > 2 and w.isupper() and "." not in w and w.lower() not in NAME_SUFFIXES:
                w = "-".join(part.capitalize() for part in w.split("-"))
            out.append(w)
        return " ".join(out)

    def _add(self, start: int, end: int, reason: str) -> Person:
        name = self._display(start, end)
        parts = [p for p in name.split() if p.lower().rstrip(".") not in NAME_SUFFIXES]
        key = (plain(parts[0])[:1], plain(parts[-1]))
        person = self.by_key.get(key)
        if person is None:
            title, of = titles.title_and_of(self.text, self.places, start, end)
            person = Person(name, start, end, title, of, reason)
            self.by_key[key] = person
            self.people.append(person)
            self.by_surname.setdefault(person.surname, []).append(person)
        elif start < person.start:
            person.start, person.end, person.name = start, end, name
        person.mentions.append((start, end))
        return person

    def _single(self, tok: Tok, evident: str) -> None:
        word = plain(tok.text)
        if not word or word in NOT_NAMES:
            return
        candidates = self.by_surname.get(word, [])
        if candidates:
            best = max(
                (p for p in candidates if p.start <= tok.start),
                default=candidates[0],
                key=lambda p: p.start,
            )
            best.mentions.append((tok.start, tok.end))
            return
        if not evident:
            return
        if tok.text in self.common_nouns:
            return
        if evident == "speech" and evidence.after_connector(self.text, tok.start):
            return
        if given_names.is_given_name(word) and evident != "title":
            return  # "Grant said" may be a first name; "Sheriff Anderson" is a surname
        if word in ORG_WORDS or word in TITLE_WORDS or word in COLLECTIVE_NOUNS:
            return
        if self.places.at(tok.start, tok.end) is not None:
            return
        self._add(tok.start, tok.end, "title")


__all__ = ["Person", "find_people"]
