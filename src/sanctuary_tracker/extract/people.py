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

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sanctuary_tracker.extract.people_lexicon import (
    CREDIT_WORDS,
    FEDERAL_BODIES,
    FEMALE_NAMES,
    GIVEN_NAMES,
    MALE_NAMES,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORG_WORDS,
    PARTICLES,
    SPEECH_VERBS,
    TITLE_PARTS,
    TITLE_WORDS,
)
from sanctuary_tracker.places.resolve import PlaceMention

_UP = "A-ZÀ-ÖØ-Þ"
_INITIALS = re.compile(rf"(?:[{_UP}]\.)+")  # "J.", "U.S."
_PARTY_PREFIX = re.compile(r"[DRI][-–]")  # "D-Mass."
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ"
# One capitalised word: "Walsh", "McMenamin", "D’Annunzio", "Tack–Hooper", "GALARZA", "O'Brien".
_CAP = rf"[{_UP}][{_LETTER}'’]*(?:[-–][{_LETTER}][{_LETTER}'’]*)*"
# Initials, "P.J." or "A.", and abbreviations with their dot ("Sen.", "Lt.", "St.", "U.S.").
_WORD = rf"(?<![{_LETTER}0-9'’.])(?:[{_UP}]\.(?:[{_UP}]\.)*|{_CAP}\.?)"
_SEP = r"[ \t\u00a0]+"
_PARTICLE = r"(?:van|von|de|da|do|dos|das|del|della|der|den|di|la|le|du|bin|ter|ten)"
_RUN = re.compile(rf"{_WORD}(?:{_SEP}(?:{_PARTICLE}{_SEP})?{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}|\b{_PARTICLE}\b")
# "AssociationKieran": two words run together by a lost line break.
_GLUED = re.compile(rf"[a-z]{{4,}}([{_UP}][a-z]+)")
MAX_RUN = 12  # longer capitalised runs are headlines or tables, not names

TITLE_ABBREVIATIONS = frozenset(
    "sen rep gov lt sgt capt col gen dr mr mrs ms rev prof ald atty hon supt det insp cmdr adm "
    "maj pres sec".split()
)
_CONTRACTION = re.compile(r"['’](?:ve|ll|re|m|d|t)$|n['’]t$", re.I)
ABBREVIATIONS = frozenset(
    """
    sen rep gov lt sgt capt col gen dr mr mrs ms rev prof ald st jr sr atty esq u.s hon supt
    det insp cmdr adm maj pres sec dept
    """.split()
)
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
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|told|wrote|asked|according to)[ \t]+$", re.I)
_CONTEXT_AFTER = re.compile(
    r",?[ \t]*(?:Esq\b|\((?:[DRI]|Dem|Rep)\.?[-–]|[DRI]-[A-Z]|a[ \t]+(?:physician|lawyer|resident|"
    r"professor|spokesman|spokeswoman|spokesperson|member|teacher|doctor|nurse|pastor|student|"
    r"former|retired|local|longtime))"
)
_CREDIT_AFTER = re.compile(rf"[ \t]*/[ \t]*[{_UP}]")
_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:photo|photos|credit|credits|photographer|file|by)\b[:]?|\(|[:|])[ \t]*$", re.I
)
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
        return _plain(self.name.split()[-1])

    @property
    def gender(self) -> str | None:
        """ "m", "f" or None, from the given name (for "he said" / "she said")."""
        first = _plain(self.name.split()[0])
        if len(self.name.split()) < 2:
            return None
        if first in MALE_NAMES and first not in FEMALE_NAMES:
            return "m"
        if first in FEMALE_NAMES and first not in MALE_NAMES:
            return "f"
        return None

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
        self.bare = _without_possessive(text)


def _without_possessive(text: str) -> str:
    for ending in ("'s", "’s", "'", "’"):
        if text.endswith(ending) and len(text) > len(ending) + 1:
            return text[: -len(ending)]
    return text


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
        self.singles: list[tuple[_Tok, bool]] = []  # one-word names: (token, has own evidence)

    # -- places ---------------------------------------------------------------------------
    def _place_at(self, start: int, end: int) -> PlaceMention | None:
        import bisect

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
        for m in _BENCH.finditer(text):
            self._bench(m)
        for m in _RUN.finditer(text):
            tokens = self._tokens(m.start(), m.end())
            if len(tokens) > MAX_RUN:
                continue
            self._run(tokens)
        for tok, evident in self.singles:
            self._single(tok, evident)
        self.people.sort(key=lambda p: p.start)
        for person in self.people:
            person.mentions = sorted(set(person.mentions))
        return self.people

    def _tokens(self, start: int, end: int) -> list[_Tok]:
        tokens = []
        for t in _TOKEN.finditer(self.text, start, end):
            word = t.group()
            glued = _GLUED.search(word)
            if glued and glued.group(1).lower() in GIVEN_NAMES:
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
            if tok.text.endswith(".") and not (
                tok.norm in ABBREVIATIONS or _INITIALS.fullmatch(tok.text)
            ):
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
            or _CONTRACTION.search(tok.text)
            or _PARTY_PREFIX.match(tok.text)
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
        k = len(tokens)
        while k > 0 and self._name_like(tokens[k - 1], len(tokens), k == len(tokens)):
            k -= 1
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
        self._decide(name, titled)

    def _only_places(self, tokens: list[_Tok]) -> bool:
        return all(self._place_at(t.start, t.end) is not None for t in tokens)

    def _title_before(self, start: int) -> bool:
        """A lower-case title word right before ("police spokesman", "supporter", "state Rep.")."""
        window = self.text[max(0, start - 40) : start]
        words = _TITLE_BACK.findall(window)
        if not words or not re.search(r"[ \t\u00a0]$", window):
            return False
        last = words[-1].lower().rstrip(".")
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
            evident = titled or bool(_SPEECH_AFTER_SINGLE.match(text, end))
            if tok.text.isupper() and not titled:
                evident = False
            self.singles.append((tok, evident))
            return
        first = words[0]
        first_plain = _plain(first.text)
        given = first_plain in GIVEN_NAMES
        initials = bool(_INITIALS.fullmatch(first.text))
        known = self.by_surname.get(_plain(words[-1].bare))
        if known and not titled and not given and not initials:
            self.singles.append((_Tok(words[-1].start, end, text[words[-1].start : end]), False))
            return
        reason = ""
        if titled:
            reason = "title"
        elif given:
            reason = "given name"
        elif (
            _CONTEXT_AFTER.match(text, end)
            or _SPEECH_AFTER.match(text, end)
            or _SPEECH_BEFORE.search(text, max(0, start - 30), start)
        ):
            reason = "context"
        elif _CREDIT_AFTER.match(text, end) or _CREDIT_BEFORE.search(
            text, max(0, start - 20), start
        ):
            reason = "credit"
        elif initials and len(words) == 2:
            reason = "initials"
        elif self._byline(start, end):
            reason = "byline"
        if not reason:
            # Not a person by itself; its words may still be surnames of people found.
            for tok in words:
                if tok.text[:1].isupper():
                    self.singles.append(
                        (_Tok(tok.start, tok.start + len(tok.bare), tok.bare), False)
                    )
            return
        if any(_plain(t.text) in NOT_NAMES and not t.text.endswith(".") for t in words[1:]):
            return
        if all(self._place_at(t.start, t.end) is not None for t in words):
            return
        self._add(start, end, reason)

    def _byline(self, start: int, end: int) -> bool:
        """A name alone on its line, above a line that names an outlet or organisation."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        if self.text[line_start:start].strip() or self.text[end:line_end].strip():
            return False
        nxt = self.text[line_end + 1 : line_end + 80].split("\n", 1)[0]
        return any(w.lower() in ORG_WORDS for w in re.findall(r"[A-Za-z]+", nxt)[:6])

    def _display(self, start: int, end: int) -> str:
        words = self.text[start:end].split()
        out = []
        for w in words:
            if len(w) > 2 and w.isupper() and "." not in w:
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

    def _single(self, tok: _Tok, evident: bool) -> None:
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
        if surname in GIVEN_NAMES or surname in ORG_WORDS or surname in TITLE_WORDS:
            return
        if self._place_at(tok.start, tok.end) is not None:
            return
        self._add(tok.start, tok.end, "title")

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
                or word in ABBREVIATIONS
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
            for s, e, p in self.places:
                if phrase_start <= s and e <= start:
                    place_of = place_of or p
                    if s == title_start or text[title_start:s].strip() == "":
                        title_start = e
            while title_start < start and text[title_start] in " \t\u00a0":
                title_start += 1
            title = " ".join(text[title_start:start].split())
            title = re.sub(r"^(?:(?:and|of|the|or|by|with|for|to)\s+)+", "", title, flags=re.I)
            title = title or None
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
