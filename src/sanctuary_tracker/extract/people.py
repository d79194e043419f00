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

All patterns are linear (no nested quantifiers over the same characters)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from nameparser import HumanName

from sanctuary_tracker.extract.people_lexicon import CREDIT_WORDS, FEDERAL_BODIES, NAME_SUFFIXES
from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text import given_names
from sanctuary_tracker.text.lexicon import (
    COLLECTIVE_NOUNS,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    PERSON_TITLES,
    PROXY_WORDS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLE_PARTS,
    TITLE_WORDS,
)
from sanctuary_tracker.text.sentences import ends_sentence

_UP = "A-ZÀ-ÖØ-Þ"
_INITIALS = re.compile(rf"(?:[{_UP}]\.)+")  # "J.", "U.S."
_PARTY_PREFIX = re.compile(r"[DRI][-–]")  # "D-Mass."
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ"
# One capitalised word: "Walsh", "McMenamin", "D’Annunzio", "Tack–Hooper", "GALARZA", "O'Brien".
_CAP = rf"[{_UP}][{_LETTER}'’]*(?:[-–][{_LETTER}][{_LETTER}'’]*)*"
# Initials, "P.J." or "A.", and abbreviations with their dot ("Sen.", "Lt.", "St.", "U.S.").
# (The capital comes first, then the look back at what stands before it: the engine skips
# to the next capital fast.)
_WORD = (
    rf"[{_UP}](?<![{_LETTER}0-9'’.][{_UP}])"
    rf"(?:\.(?:[{_UP}]\.)*|[{_LETTER}'’]*(?:[-–][{_LETTER}][{_LETTER}'’]*)*\.?)"
)
_SEP = r"[ \t\u00a0]+"
_PARTICLE = r"(?:van|von|de|da|do|dos|das|del|della|der|den|di|la|le|du|bin|ter|ten)"
_SEPARATOR = re.compile(_SEP)
_RUN = re.compile(rf"{_WORD}(?:{_SEP}(?:{_PARTICLE}{_SEP})?{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}|\b{_PARTICLE}\b")
# "AssociationKieran": two words run together by a lost line break.
_GLUED = re.compile(rf"[a-z]{{4,}}([{_UP}][a-z]+)")
MAX_RUN = 12  # longer capitalised runs are headlines or tables, not names

_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)$|n['’]t$", re.I)
_STRONG_ORG = ORG_WORDS - {
    "hall",
    "house",
    "park",
    "grant",
    "bill",
    "star",
    "sun",
    "post",
    "law",
    "order",
    "code",
    "press",
    "record",
    "union",
    "trust",
    "church",
    "bee",
    "fund",
    "library",
    "liberty",
    "rights",
    "times",
    "news",
    "court",
    "state",
    "city",
    "town",
    "village",
    "county",
    "national",
    "federal",
    "american",
    "international",
    "justice",
    "register",
    "review",
    "mirror",
    "observer",
    "herald",
}
_SPEECH_AFTER = re.compile(
    r"(?:['’]s)?,?[ \t]+(?:(?:also|then|later|has|had|have|previously|recently)[ \t]+)?(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")\b"
)
_SPEECH_AFTER_SINGLE = re.compile(
    r"[ \t]+(?:(?:also|then|later|has|had|have|previously|recently)[ \t]+)?(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")\b"
)
# ("told X", "asked X": X is the one spoken to, often an outlet: "told Business Insider")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|wrote|according to)[ \t]+$", re.I)
_CONTEXT_AFTER = re.compile(
    r",?[ \t]*(?:Esq\b|\((?:[DRI]|Dem|Rep)\.?[-–]|[DRI]-[A-Z]|a[ \t]+(?:physician|lawyer|resident|"
    r"professor|spokesman|spokeswoman|spokesperson|member|teacher|doctor|nurse|pastor|student|"
    r"former|retired|local|longtime))"
)
_CREDIT_AFTER = re.compile(rf"[ \t]*/[ \t]*[{_UP}]")
# "Photo: X", "By X" (a bare colon or bar before is no evidence: "Related post: Pickled Beets")
_CREDIT_WORD_BEFORE = re.compile(
    r"\b(?:photo|photos|credit|credits|photographer|file|by)\b:?[ \t]*$", re.I
)
# A capitalised word and a connector right before: the name goes on an organisation's
# ("Centers for Disease Control and Prevention said").
_CLAUSE_END = re.compile(r"[ \t]*[,.;]")
_CONNECTOR_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+(?:and|of|for|&)[ \t]+$")
_BENCH = re.compile(
    rf"((?:{_CAP})(?:,[ \t]+(?:and[ \t]+)?{_CAP}){{0,8}}(?:,?[ \t]+and[ \t]+{_CAP})?),[ \t]+"
    r"((?:Chief[ \t]+|Senior[ \t]+|Circuit[ \t]+|District[ \t]+|Associate[ \t]+|Magistrate[ \t]+)*"
    r"(?:Judges?|Justices?))\b"
)
_PARTY = re.compile(r"[ \t]*\((?:D|R|I)[-–]([A-Z]{2})\)")
_OF_AFTER = re.compile(
    rf"[ \t]+of[ \t]+((?:the[ \t]+)?[{_UP}][\w.&'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+|and[ \t]+)?"
    rf"[{_UP}0-9][\w.&'’-]*){{0,6}})"
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
US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
    "PR": "Puerto Rico",
}


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
        return _surname(self.name)

    @property
    def gender(self) -> str | None:
        """ "m", "f" or None, from the given name (for "he said" / "she said")."""
        if len(self.name.split()) < 2:
            return None
        return given_names.gender(_plain(self.name.split()[0]))

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "of": self.of,
            "mentions": [[s, e] for s, e in sorted(self.mentions)],
        }


class _Tok:
    """A word of a capitalised run: offsets, text, and its normal and bare forms."""

    __slots__ = ("bare", "end", "norm", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.norm = text.lower().rstrip(".")
        self.bare = text if text[-1:] not in _POSSESSIVE_ENDS else _without_possessive(text)


_POSSESSIVE_ENDS = ("s", "'", "’")


def _without_possessive(text: str) -> str:
    if text[-1:] not in _POSSESSIVE_ENDS:
        return text
    for ending in ("'s", "’s", "'", "’"):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


@lru_cache(maxsize=65536)
def _surname(name: str) -> str:
    """The last name as nameparser reads it, without suffixes ("Robert Nardolillo III" ->
    "nardolillo"; "Chris Van Hollen" -> "hollen", the word a later mention repeats)."""
    words = name.split()
    if len(words) > 1 and not _NEEDS_PARSER.search(name) and _plain_words(words):
        return _plain(words[-1])  # nameparser's answer too, without its cost (~0.3 ms)
    last = HumanName(name).last or words[-1]
    return _plain(last.split()[-1])


# What makes nameparser's last name differ from the last word: punctuation it reads
# ("Smith, John", a nickname in quotes or brackets, a final period), a suffix ("III",
# "Jr.") or a conjunction ("and", "of") among the words.
_NEEDS_PARSER = re.compile(r"[,\"“”'‘’()\[\]]|\.$")


def _plain_words(words: list[str]) -> bool:
    special = _parser_words()
    return not any(w.lower().strip(".") in special for w in words)


@lru_cache(maxsize=1)
def _parser_words() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(
        w.lower().strip(".")
        for group in (
            CONSTANTS.suffix_acronyms,
            CONSTANTS.suffix_not_acronyms,
            CONSTANTS.conjunctions,
        )
        for w in group
    )


@lru_cache(maxsize=65536)
def _plain(word: str) -> str:
    return re.sub(r"[^a-z]", "", word.lower())


def find_people(text: str, places: list[PlaceMention]) -> list[Person]:
    """Each named person once, in order of first full mention; `start`, `end` point at that
    mention, `mentions` at every one (surname-only ones included)."""
    place_spans = sorted((p.start, p.end, p) for p in places)
    finder = _Finder(text, place_spans)
    return finder.run()


class _Finder:
    def __init__(self, text: str, place_spans: list[tuple[int, int, PlaceMention]]) -> None:
        self.text = text
        self.places = place_spans
        self.place_starts = [s for s, _, _ in place_spans]
        self.people: list[Person] = []
        self.by_key: dict[tuple[str, str], Person] = {}
        self.by_surname: dict[str, list[Person]] = {}
        # one-word names: (token, its own evidence: "title", "speech" or "")
        self.singles: list[tuple[_Tok, str]] = []
        self.owned = False  # the run follows a possessive: "Castro's Cuban Revolution"
        self.alone: dict[str, bool] = {}  # common-word tests made, by word
        self.words: frozenset[str] | None = None  # the text's words, once many are tested

    # -- places ---------------------------------------------------------------------------
    def _place_at(self, start: int, end: int) -> PlaceMention | None:
        i = bisect.bisect_right(self.place_starts, start)
        for j in (i - 1, i - 2):
            if 0 <= j < len(self.places):
                s, e, p = self.places[j]
                if s <= start and end <= e:
                    return p
        return None

    # -- main -----------------------------------------------------------------------------
    def run(self) -> list[Person]:
        text = self.text
        for m in _benches(text):
            self._bench(m)
        for m in _RUN.finditer(text):
            word = m.group()
            if word.lower().rstrip(".") in NOT_NAMES:
                continue  # one word never a name's ("The", "However"): most runs, at no cost
            if word[1:].islower() and not _SEPARATOR.search(word):
                # One word, capitalised only at its start (so never two run together, nor
                # initials): its one piece and sentence, as _tokens, _pieces and _sentences
                # would make them.
                self.owned = False
                if ends_sentence(word):
                    self._name_in([_Tok(m.start(), m.end() - 1, word[:-1])])
                else:
                    self._name_in([_Tok(m.start(), m.end(), word)])
                continue
            for piece, owned in _pieces(self._tokens(m.start(), m.end())):
                if len(piece) <= MAX_RUN:
                    self.owned = owned
                    self._run(piece)
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

    def _tokens(self, start: int, end: int) -> list[_Tok]:
        tokens = []
        for t in _TOKEN.finditer(self.text, start, end):
            word = t.group()
            # (a word with no capital after its first letter is never two run together)
            glued = None if word[1:].islower() else _GLUED.search(word)
            if glued and given_names.is_given_name(glued.group(1)):
                split = t.start() + glued.start(1)
                tokens.append(_Tok(t.start(), split, self.text[t.start() : split]))
                tokens.append(_Tok(split, t.end(), self.text[split : t.end()]))
                continue
            tokens.append(_Tok(t.start(), t.end(), word))
        return tokens

    def _is_title(self, tok: _Tok) -> bool:
        n = tok.norm
        return (
            n in TITLE_WORDS or n in TITLE_PARTS or n in TITLE_ABBREVIATIONS or n in ("u.s", "u.s.")
        )

    def _sentences(self, tokens: list[_Tok]) -> list[list[_Tok]]:
        """Split a run where a word other than an abbreviation or initial ends with a dot."""
        parts: list[list[_Tok]] = [[]]
        for tok in tokens:
            if ends_sentence(tok.text) and not _INITIALS.fullmatch(tok.text):
                parts[-1].append(_Tok(tok.start, tok.end - 1, tok.text[:-1]))
                parts.append([])
            else:
                parts[-1].append(tok)
        return [p for p in parts if p]

    def _name_like(self, tok: _Tok, run_len: int, is_last: bool) -> bool:
        n = tok.norm
        plain = _plain(tok.bare)
        if not plain or n in PARTICLES or n in NAME_SUFFIXES:
            return bool(plain)
        if _INITIALS.fullmatch(tok.text):
            return True
        if (
            n in NOT_NAMES
            or plain in NOT_NAMES
            or n in TITLE_WORDS
            or n in TITLE_ABBREVIATIONS
            or n in ("u.s", "u.s.")
            or n in _STRONG_ORG
            or (n in ORG_WORDS and is_last and run_len >= 3)
            or (("'" in tok.text or "’" in tok.text) and _CONTRACTION.search(tok.text))
            or (tok.text[1:2] in ("-", "–") and _PARTY_PREFIX.match(tok.text))
        ):
            return False
        return self._place_at(tok.start, tok.end) is None

    def _run(self, tokens: list[_Tok]) -> None:
        for part in self._sentences(tokens):
            self._name_in(part)

    def _name_in(self, tokens: list[_Tok]) -> None:
        """The name is the run's tail of name-like words; what stands before it is its title
        (or an organisation, or a place)."""
        while tokens and tokens[-1].norm in NOT_NAMES:
            tokens = tokens[:-1]
        if tokens and _WEB_ADDRESS.match(self.text, tokens[-1].end):
            tokens = tokens[:-1]  # "Stateline org": a web address's name, not a surname
        self._titled_inside(tokens)
        k = len(tokens)
        while k > 0 and self._name_like(tokens[k - 1], len(tokens), k == len(tokens)):
            k -= 1
        if (
            0 < k < len(tokens) - 1
            and _INITIALS.fullmatch(tokens[k].text)
            and len(tokens[k].text) == 2
            and given_names.births(_plain(tokens[k - 1].text)) >= given_names.COMMON_BIRTHS
        ):
            k -= 1  # "Troy L. Smith": a place's name, but a given name before a middle initial
        name = tokens[k:]
        prefix = tokens[:k]
        # leading particles or suffixes are not a name's start
        while name and (name[0].norm in PARTICLES or name[0].norm in NAME_SUFFIXES):
            name = name[1:]
        if not name:
            return
        words = [t for t in name if t.norm not in PARTICLES and t.norm not in NAME_SUFFIXES]
        if len(words) > 4:
            return
        if prefix:
            titled = self._is_title(prefix[-1]) and any(
                t.norm in TITLE_WORDS or t.norm in TITLE_ABBREVIATIONS for t in prefix
            )
            if not titled and prefix[-1].norm in ORG_WORDS and len(words) == 1:
                return
        else:
            titled = self._title_before(name[0].start)
            if self._office_of(name):
                name, titled = name[1:], True  # "Secretary of State | Mike Pompeo"
        self._decide(name, titled)

    def _titled_inside(self, tokens: list[_Tok]) -> None:
        """A titled name inside a longer run, before an organisation or a place: "Sheriff Shaun
        Golden Monmouth County Sheriff's Office" (the run's tail is no name there)."""
        i = 0
        while i < len(tokens) - 2:
            if tokens[i].norm not in TITLE_WORDS and tokens[i].norm not in TITLE_ABBREVIATIONS:
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and self._name_like(tokens[j], len(tokens), False):
                j += 1
            stop = tokens[j] if j < len(tokens) else None
            if (
                stop is not None
                and 2 <= j - (i + 1) <= 4
                and not any(_org_word(t.norm) for t in tokens[i + 1 : j])
                and (_org_word(stop.norm) or self._place_at(stop.start, stop.end) is not None)
            ):
                self._decide(tokens[i + 1 : j], True)
            i = j

    def _letterhead(self, tokens: list[_Tok]) -> None:
        """A letterhead's lines run together in capitals, too long to be one name: a common
        given name and a surname in capitals (an initial between them allowed), right before
        an organisation word, are a person ("JANE Q. ROE DEPARTMENT OF ...")."""
        if sum(1 for t in tokens if t.text.isupper()) < 3:
            return  # no line of capitals
        for i, tok in enumerate(tokens[:-2]):
            if _style(tok) != "upper" or given_names.births(_plain(tok.text)) < (
                given_names.COMMON_BIRTHS
            ):
                continue
            j = i + 1
            if j < len(tokens) - 1 and _INITIALS.fullmatch(tokens[j].text):
                j += 1
            surname, stop = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None
            if (
                stop is not None
                and _style(surname) == "upper"
                and _style(stop) == "upper"
                and not _org_word(surname.norm)
                and self._name_like(surname, len(tokens), False)
                and _org_word(stop.norm)
                and self._place_at(tok.start, tok.end) is None
            ):
                self._add(tok.start, surname.end, "letterhead")

    def _role_after(self, end: int) -> bool:
        """An apposition that gives a person's role: ", a trade professor at", ", the county's
        longtime sheriff,"."""
        m = _ROLE_AFTER.match(self.text, end)
        return bool(m) and m.group(1).lower() in TITLE_WORDS

    def _office_after(self, end: int) -> bool:
        """An office predicated of the word just before: "became president", "was elected
        mayor", "was sworn in as the county's sheriff"."""
        m = _OFFICE_AFTER.match(self.text, end)
        return bool(m) and any(w.lower() in PERSON_TITLES for w in m.group(1).split())

    def _office_of(self, name: list[_Tok]) -> bool:
        """The run's first word ends a title's "of" phrase: "Secretary of State Mike Pompeo"
        (a title word, "of", then one word that is no given name, then a common one)."""
        if len(name) < 3 or given_names.is_given_name(_plain(name[0].text)):
            return False
        if given_names.births(_plain(name[1].text)) < given_names.COMMON_BIRTHS:
            return False
        before = self.text[max(0, name[0].start - 40) : name[0].start]
        m = re.search(r"([\w.]+)[ \t]+of[ \t]+$", before)
        return bool(m) and m.group(1).lower().rstrip(".") in TITLE_WORDS

    def _title_before(self, start: int) -> bool:
        """A lower-case title word right before ("police spokesman", "supporter", "state Rep.")."""
        text, floor = self.text, max(0, start - 40)
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

    def _decide(self, name: list[_Tok], titled: bool) -> None:
        text = self.text
        start, end = name[0].start, name[-1].end
        last = name[-1]
        end = last.start + len(last.bare)
        words = [t for t in name if t.norm not in PARTICLES and t.norm not in NAME_SUFFIXES]
        if not words:
            return
        if len(words) == 1:
            tok = _Tok(start, end, text[start:end])
            evident = "title" if titled else ""
            if (
                not titled
                and not tok.text.isupper()
                and (
                    _SPEECH_AFTER_SINGLE.match(text, end)
                    or (_CLAUSE_END.match(text, end) and _said_before(text, start))
                )
            ):
                evident = "speech"  # "Jansen said", '..., said Sowers, who ...'
            if not evident and not tok.text.isupper() and self._office_after(end):
                evident = "title"  # "since Jansen became mayor"

            if self.owned and not titled:
                evident = ""
            self.singles.append((tok, evident))
            return
        first = words[0]
        first_plain = _plain(first.text)
        # a given name the place resolver read as a place is a place there ("Florida Man")
        given = given_names.is_given_name(first_plain) and (
            self._place_at(first.start, first.end) is None
            or (len(words) == 3 and _INITIALS.fullmatch(words[1].text) is not None)
        )
        initials = bool(_INITIALS.fullmatch(first.text))
        known = self.by_surname.get(_plain(words[-1].bare))
        if known and not titled and not given and not initials:
            self.singles.append((_Tok(words[-1].start, end, text[words[-1].start : end]), ""))
            return
        if self.owned and not titled and not given:
            return  # something possessed: "Castro's Cuban Revolution"
        reason = ""
        if titled:
            reason = "title"
        elif given:
            reason = "given name"
        elif (
            _CONTEXT_AFTER.match(text, end)
            or self._role_after(end)
            or _SPEECH_AFTER.match(text, end)
            or _said_before(text, start)
        ):
            reason = "context"
        elif _CREDIT_AFTER.match(text, end) or _CREDIT_WORD_BEFORE.search(
            text, max(0, start - 20), start
        ):
            reason = "credit"
        elif initials and len(words) == 2:
            reason = "initials"
        elif self._byline(start, end):
            reason = "byline"
        last = _plain(words[-1].bare)
        if last in KIND_WORDS or (last.endswith("s") and _org_word(last)):
            return  # "Franklin County", "Grant Funds", "Assistance Grant Programs": no surname
        if reason == "initials" and words[-1].bare in US_STATES.values():
            return  # a court's district: "D. Oregon"
        if reason and not titled and self._organisation(words, start, end):
            return
        if reason == "given name" and self._quoted_term(start, end):
            return  # a "Green Run" test: a term in quotation marks, not someone named
        if not reason:
            # Not a person by itself; its words may still be surnames of people found.
            for tok in words:
                if tok.text[:1].isupper():
                    self.singles.append((_Tok(tok.start, tok.start + len(tok.bare), tok.bare), ""))
            return
        if any(_plain(t.text) in NOT_NAMES and not t.text.endswith(".") for t in words[1:]):
            return
        if all(
            self._place_at(t.start, t.end) is not None or _INITIALS.fullmatch(t.text) for t in words
        ):
            return  # "D. Oregon" (a court's district), "Portland Maine"
        self._add(start, end, reason)

    def _organisation(self, words: list[_Tok], start: int, end: int) -> bool:
        """The words around a name that make it an organisation's or a thing's, not a person's:
        it ends in an organisation word and does not open with a common given name ("Fox
        News", "U.S. Constitution", but "Jon Hall"); or an article stands before it ("the
        Cuban Revolution"; a person is "the mayor, Jon Hall")."""
        last = _plain(words[-1].bare)
        if _org_word(last) and given_names.births(_plain(words[0].text)) < (
            given_names.COMMON_BIRTHS
        ):
            return True
        if any(_plain(t.text) in _STRONG_ORG or t.norm == "news" for t in words[1:-1]):
            return True  # "India Post News Weekly": an organisation word inside
        if self._ampersand(start, end):
            return True  # "Eve Door & Window" (but "Ariana Grande & Billie Eilish")
        return bool(_ARTICLE_BEFORE.search(self.text, max(0, start - 6), start))

    def _ampersand(self, start: int, end: int) -> bool:
        """Joined by "&" to a word that starts no person's name: an organisation's or a
        product's name."""
        after = _AMPERSAND_AFTER.match(self.text, end)
        if after:
            return not given_names.is_given_name(_plain(after.group(1)))
        before = _AMPERSAND_BEFORE.search(self.text, max(0, start - 40), start)
        if before:
            return not (before.group(1) and given_names.is_given_name(_plain(before.group(1))))
        return False

    def _quoted_term(self, start: int, end: int) -> bool:
        """The name is all that stands between two quotation marks."""
        before = self.text[start - 1 : start] if start else ""
        return before in ("“", '"') and self.text[end : end + 1] in ("”", '"')

    def _byline(self, start: int, end: int) -> bool:
        """A name alone on its line, above a line that names an outlet or organisation."""
        text = self.text
        before = start  # only white space back to the line's start (read no further)
        while before > 0 and text[before - 1] != "\n" and text[before - 1].isspace():
            before -= 1
        line_end = end  # and on to its end
        while line_end < len(text) and text[line_end] != "\n" and text[line_end].isspace():
            line_end += 1
        if (before > 0 and text[before - 1] != "\n") or (
            line_end < len(text) and text[line_end] != "\n"
        ):
            return False
        nxt = text[line_end + 1 : line_end + 80].split("\n", 1)[0]
        return any(w.lower() in ORG_WORDS for w in re.findall(r"[A-Za-z]+", nxt)[:6])

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
        key = (_plain(parts[0])[:1], _plain(parts[-1]))
        person = self.by_key.get(key)
        if person is None:
            title, of = self._title_and_of(start, end)
            person = Person(name, start, end, title, of, reason)
            self.by_key[key] = person
            self.people.append(person)
            self.by_surname.setdefault(person.surname, []).append(person)
        elif start < person.start:
            person.start, person.end, person.name = start, end, name
        person.mentions.append((start, end))
        return person

    def _single(self, tok: _Tok, evident: str) -> None:
        surname = _plain(tok.text)
        if not surname or surname in NOT_NAMES:
            return
        candidates = self.by_surname.get(surname, [])
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
        if self._common_word(tok.text):
            return
        if evident == "speech" and _CONNECTOR_BEFORE.search(
            self.text, max(0, tok.start - 40), tok.start
        ):
            return
        if given_names.is_given_name(surname) and evident != "title":
            return  # "Grant said" may be a first name; "Sheriff Anderson" is a surname
        if surname in ORG_WORDS or surname in TITLE_WORDS or surname in COLLECTIVE_NOUNS:
            return
        if self._place_at(tok.start, tok.end) is not None:
            return
        self._add(tok.start, tok.end, "title")

    def _common_word(self, word: str) -> bool:
        """A word the text also writes in lower case ("Sheriffs say ..." beside "county
        sheriffs"), or the plural of a title or an organisation word, is a common noun."""
        lower = _without_possessive(word).lower()
        if lower.endswith("s") and _org_word(lower):
            return True
        known = self.alone.get(lower)
        if known is None:
            known = self._written_alone(lower)
            self.alone[lower] = known
        return known

    def _written_alone(self, word: str) -> bool:
        """``word`` stands alone somewhere in the text. A search through the text for each
        word, until a text has asked for many: then the text's words are collected once
        (so a long text's work stays linear)."""
        if not _IN_WORD_RUN.fullmatch(word):
            return _standing_alone(word, self.text)  # (a word of other characters)
        if self.words is None and len(self.alone) < _SEARCHES_BEFORE_WORDS:
            return _standing_alone(word, self.text)
        if self.words is None:
            self.words = frozenset(_IN_WORD_RUN.findall(self.text))
        return word in self.words

    def _bench(self, m: re.Match) -> None:
        names = re.finditer(_CAP, m.group(1))
        for n in names:
            word = n.group()
            if word.lower() in ("and",) or _plain(word) in NOT_NAMES:
                continue
            s = m.start(1) + n.start()
            person = self._add(s, s + len(word), "bench")
            if person.title is None:
                person.title = re.sub(r"s\b", "", m.group(2))

    # -- title and body -------------------------------------------------------------------
    def _title_and_of(self, start: int, end: int) -> tuple[str | None, str | None]:
        text = self.text
        window_start = max(0, start - 90)
        window = text[window_start:start]
        # stop at a sentence or clause break
        cut = max(window.rfind(c) for c in (",", ";", ":", "\n", "(", "“", '"', "—"))
        if cut >= 0:
            window_start += cut + 1
            window = window[cut + 1 :]
        words = list(_TITLE_BACK.finditer(window))
        title_start = None
        for w in reversed(words):
            s = window_start + w.start()
            e = window_start + w.end()
            word = w.group().lower().rstrip(".")
            word = re.sub(r"['’]s$", "", word)
            if (
                word in TITLE_WORDS
                or word in TITLE_PARTS
                or word in TITLE_ABBREVIATIONS
                or word in ("u.s", "st", "jr", "sr")
                or re.fullmatch(r"\d+", word)
                or self._place_at(s, e) is not None
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
            first = bisect.bisect_left(self.place_starts, phrase_start)
            last = bisect.bisect_left(self.place_starts, start)
            for s, e, p in self.places[first:last]:  # (the places starting in the phrase)
                if phrase_start <= s and e <= start:
                    place_of = place_of or p
                    if s == title_start or text[title_start:s].strip() == "":
                        title_start = e
            while title_start < start and text[title_start] in " \t\u00a0":
                title_start += 1
            title = " ".join(text[title_start:start].split())
            title = re.sub(r"^(?:(?:and|of|the|or|by|with|for|to)\s+)+", "", title, flags=re.I)
            title = title if title and re.search("[A-Za-z]", title) else None  # not "085"
            proxy = _PROXY_TITLE.search(title) if title else None
            if title and proxy:  # "a spokeswoman for (Mayor) Ortiz": someone else's title
                title = title[proxy.end() :].strip() or None
        after = text[end : end + 120]
        of = None
        if place_of is not None:
            of = _place_name(place_of)
        party = _PARTY.match(after)
        if party and party.group(1) in US_STATES:
            of = of or US_STATES[party.group(1)]
        if of is None:
            m = _OF_AFTER.match(after)
            if m:
                of = m.group(1).strip().rstrip(".,")
        if of is None and title:
            of = FEDERAL_BODIES.get(title.lower().rstrip("."))
        if title is None:
            appositive = re.match(
                r",[ \t]+(?:a|the|an)[ \t]+([a-z][a-z -]{2,40}?)(?:[ \t]+(?:in|of|at|for)\b|[,.])",
                after,
            )
            if appositive and any(w in TITLE_WORDS for w in appositive.group(1).split()):
                title = appositive.group(1)
        return title, of


KIND_WORDS = frozenset("county city town village township borough parish state".split())
_WEB_ADDRESS = re.compile(r"(?:\.|[ \t]+)(?:org|com|net)\b")
_ARTICLE_BEFORE = re.compile(r"\bthe[ \t]+$")
_AMPERSAND_AFTER = re.compile(r"[ \t]*&[ \t]*([A-Z][\w'’-]*)")
_AMPERSAND_BEFORE = re.compile(r"(?:([A-Z][\w'’-]*)[ \t]+)?[A-Z][\w.'’-]*[ \t]*&[ \t]*$")
_POSSESSIVE = re.compile(r"['’]s?$")


def _benches(text: str) -> Iterator[re.Match]:
    """``_BENCH``'s matches, searched for only on the lines that hold "Judge" or "Justice"
    (a match holds one of them and never a line break, so these are all the matches a scan
    of the whole text finds)."""
    line_end = -1
    for word in _BENCH_WORD.finditer(text):
        if word.start() < line_end:
            continue  # a line already searched
        line_start = text.rfind("\n", 0, word.start()) + 1
        line_end = text.find("\n", word.end())
        line_end = len(text) if line_end < 0 else line_end
        yield from _BENCH.finditer(text, line_start, line_end)


_BENCH_WORD = re.compile(r"Ju(?:dge|stice)")
# The last letters of the words _SPEECH_BEFORE ends in, in every case it matches ("ſ" is
# an "s" to a case-insensitive pattern).
_SPEECH_LAST_LETTERS = frozenset("dDsSſeEoO")


def _said_before(text: str, start: int) -> bool:
    """A speech verb right before ("said X", "according to X"): _SPEECH_BEFORE, run only
    when the word before ends in a letter one of its verbs ends in."""
    floor = max(0, start - 30)
    end = start - 1 if text[start - 1 : start] == "\n" else start  # ($ before a final \n)
    if text[end - 1 : end] not in (" ", "\t"):
        return False
    while end > floor and text[end - 1] in " \t":
        end -= 1
    if text[end - 1 : end] not in _SPEECH_LAST_LETTERS:
        return False
    return _SPEECH_BEFORE.search(text, floor, start) is not None


def _standing_alone(word: str, text: str) -> bool:
    """``word`` occurs in ``text`` with no letter, digit, underscore, apostrophe or hyphen
    either side (a search for the literal: no pattern compiled for each word)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _in_word(text[at - 1])) and (
            end == len(text) or not _in_word(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


# The characters of _in_word (\w is a letter, a digit or "_"), and a run of them: a word
# that is one run stands alone exactly where the text has it as a whole run.
_IN_WORD_RUN = re.compile(r"[\w'’-]+")
_SEARCHES_BEFORE_WORDS = 32  # searches through a text before its words are collected


def _org_word(norm: str) -> bool:
    """An organisation word, or the plural of one or of a title ("Programs", "Sheriffs")."""
    if norm in ORG_WORDS:
        return True
    if norm.endswith("ies") and norm[:-3] + "y" in ORG_WORDS:
        return True
    return norm.endswith("s") and (norm[:-1] in ORG_WORDS or norm[:-1] in TITLE_WORDS)


def _style(tok: _Tok) -> str | None:
    """ "upper" (GALARZA), "title" (Galarza), or None for initials and particles."""
    letters = "".join(c for c in tok.text if c.isalpha())
    if len(letters) < 2 or _INITIALS.fullmatch(tok.text) or not tok.text[:1].isupper():
        return None
    return "upper" if letters.isupper() else "title"


def _pieces(tokens: list[_Tok]) -> list[tuple[list[_Tok], bool]]:
    """A capitalised run cut after a possessive ("Fidel Castro's | Cuban Revolution": the
    second piece is something possessed, flagged True) and where the case of its words changes
    between two capitals-only words and the rest ("PHILIP D. MURPHY | Governor | SHEILA Y.
    OLIVER": a letterhead's lines run together; not "Mark SZALCZYK" nor "DOJ Grant")."""
    if len(tokens) == 1 or not any(
        t.bare != t.text or (len(t.text) > 1 and t.text.isupper()) for t in tokens
    ):
        return [(tokens, False)]  # (the common case: no possessive, no word in capitals)
    styles = [_style(t) for t in tokens]
    shown = [i for i, st in enumerate(styles) if st]
    for k, i in enumerate(shown):
        if styles[i] == "upper":
            beside = [shown[j] for j in (k - 1, k + 1) if 0 <= j < len(shown)]
            if not any(styles[j] == "upper" for j in beside):
                styles[i] = None  # one acronym or one name in capitals: no line of capitals
    pieces: list[tuple[list[_Tok], bool]] = [([], False)]
    style = None
    for tok, current in zip(tokens, styles, strict=True):
        if pieces[-1][0] and current and style and current != style:
            pieces.append(([], False))
        pieces[-1][0].append(tok)
        style = current or style
        if _POSSESSIVE.search(tok.text) and tok.bare != tok.text:
            pieces.append(([], True))
            style = None
    return [(p, owned) for p, owned in pieces if p]


def _place_name(place: PlaceMention) -> str:
    j = place.jurisdiction
    if j.level == "state":
        return j.name
    return f"{j.name}, {j.state}"


def pronoun_gender(word: str) -> str | None:
    w = word.lower()
    if w in ("he", "him", "his"):
        return "m"
    if w in ("she", "her", "hers"):
        return "f"
    return None


__all__ = ["CREDIT_WORDS", "Person", "find_people", "pronoun_gender"]
