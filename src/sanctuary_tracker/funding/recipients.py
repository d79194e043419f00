"""Which jurisdiction received an award, from the recipient's name as federal files spell it
("CITY OF CHELSEA", "NASSAU, COUNTY OF", "COUNTY OF NASSAU", "Boston City", "NASSAU COUNTY
SHERIFF'S OFFICE", "CHELSEA POLICE DEPARTMENT"), its state, city and county FIPS code.

Method, in order:
0. A body of the state's government is the state: "STATE OF X", or a name carrying the
   state's own name ("CALIFORNIA BOARD OF ...", "X STATE ...", "... OF X") with an
   organisation word (department, board, commission, office, police, patrol, corrections,
   criminal justice, attorney general ...) and no word of local government (city, county,
   sheriff ...), unless the state's name begins a place's name ("VIRGINIA BEACH").
1. Read the name: drop the agency ("sheriff's office" means the county, "police department"
   the city unless it says county), read the legal form ("city of", ", county of", "town
   of") as the kind of government, and what is left as the name.
2. Look the name up in the gazetteer within the recipient's state, keeping the kind read.
3. Break ties with the county FIPS code (a county's own code, or a place's county), then
   with the recipient's city, then by population.

Each match says how it was made and how sure it is; a name that is not a government (a
university, a non-profit) or cannot be told apart from a namesake is unmatched or doubtful,
and goes to review rather than being guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction

DOUBTFUL = 0.8  # matches below this confidence go to review

# Agencies and what government they belong to.
_AGENCY = re.compile(
    r"[\s,-]*(?:(?P<sheriff>sheriff'?s?(?: office| department| dept\.?)?|office of the sheriff)"
    r"|(?P<police>police(?: department| dept\.?)?|department of police|public safety"
    r"(?: department)?)|(?:board of (?:county )?commissioners|district attorney'?s? office"
    r"|department of corrections|corrections department|jail))\s*$",
    re.I,
)
_AGENCY_BEFORE = re.compile(r"^(?:office of the sheriff|sheriff of|police department of)\s+", re.I)
# Legal forms, before or after the name.
_KINDS = "city and county|city & county|consolidated government|metropolitan government|metro government|city|county|town|township|village|borough|parish|municipality"
_FORM_BEFORE = re.compile(rf"^(?:the\s+)?(?P<kind>{_KINDS})\s+of\s+(?:the\s+)?", re.I)
_FORM_AFTER = re.compile(rf",\s*(?:the\s+)?(?P<kind>{_KINDS})\s+of\s*$", re.I)
_KIND_WORD_AFTER = re.compile(rf"\s+(?P<kind>{_KINDS})$", re.I)
_STATE_AGENCY = re.compile(
    r"^(?:state of\s+\w|commonwealth of\s+\w)|\b(?:state police|state patrol|highway patrol"
    r"|department of (?:justice|public safety|corrections|criminal justice)|attorney general"
    r"|governor'?s office|office of the governor|executive office)\b",
    re.I,
)
# A body of a state's government named for its state ("CALIFORNIA BOARD OF STATE AND
# COMMUNITY CORRECTIONS", "NEW YORK STATE DIVISION OF CRIMINAL JUSTICE SERVICES", "OFFICE
# OF THE ATTORNEY GENERAL OF TEXAS"): the state's name (or "state of X", "X state") with one
# of these organisation words, and no word of local government.
_STATE_BODY = re.compile(
    r"\b(?:department|dept|board|commission|office|agency|division|bureau|police|patrol"
    r"|corrections?|public safety|criminal justice|attorney general|governor'?s?|courts?"
    r"|judiciary|national guard)\b",
    re.I,
)
_LOCAL_WORD = re.compile(
    r"\b(?:city|county|counties|town|township|village|borough|parish|municipal(?:ity)?"
    r"|metropolitan|sheriff'?s?)\b",
    re.I,
)
_NOT_GOVERNMENT = re.compile(
    r"\b(?:university|college|inc|llc|corp(?:oration)?|foundation|association|institute|"
    r"hospital|school district|church|center for|council on|coalition|society)\b",
    re.I,
)
# Government types of BJA's allocation tables.
_GOVERNMENT_TYPES = {
    "county": "county",
    "municipal": "local",
    "city": "local",
    "town": "local",
    "township": "local",
    "village": "local",
    "borough": "local",
    "parish": "county",
}


@dataclass(frozen=True, slots=True)
class Match:
    jurisdiction: Jurisdiction | None
    method: str
    confidence: float

    @property
    def doubtful(self) -> bool:
        return self.jurisdiction is None or self.confidence < DOUBTFUL


@dataclass(frozen=True, slots=True)
class Reading:
    """What a recipient name says: the government's name and the level the words give."""

    name: str
    level: str | None  # "county" | "local" | "state" | None
    agency: str | None  # "sheriff", "police" ...
    how: str
    kind: str | None = None  # the legal form's word: "city", "town", "village" ...
    spelled: str = ""  # the name before a trailing kind word was taken off ("Plain City")


def read_name(raw: str, government_type: str | None = None) -> Reading | None:
    """The government a recipient name stands for, or None for a non-government."""
    name = re.sub(r"\s+", " ", raw.replace("*", "")).strip().strip(",.")
    if not name:
        return None
    level = _GOVERNMENT_TYPES.get((government_type or "").strip().lower())
    agency = None
    found = _AGENCY.search(name)
    if found and found.start() > 0:
        agency = (
            "sheriff" if found.group("sheriff") else "police" if found.group("police") else "agency"
        )
        name = name[: found.start()].strip(" ,-")
        if agency == "sheriff":
            level = "county"
    before = _AGENCY_BEFORE.match(name)
    if before:
        agency = agency or "sheriff"
        level = "county"
        name = name[before.end() :]
    hows, kind_word, spelled = [], None, name
    for pattern in (_FORM_BEFORE, _FORM_AFTER):
        form = pattern.search(name)
        if form:
            name = (name[: form.start()] + name[form.end() :]).strip(" ,")
            spelled, kind_word = name, form.group("kind").lower()
            level = level or _level(kind_word)
            hows.append("legal form")
            break
    else:
        word = _KIND_WORD_AFTER.search(name)
        if word and len(name) > len(word.group()):
            kind_word = word.group("kind").lower()
            kind = _level(kind_word)
            if kind == "county" or level is None:
                level = level or kind
            if kind != "county":  # "Boston City" is Boston; "Nassau County" keeps its word
                name = name[: word.start()]
            hows.append("kind word")
    if agency == "police" and level is None:
        level = "local"
    if _NOT_GOVERNMENT.search(name):
        return None
    return Reading(name.strip(), level, agency, ", ".join(hows) or "name", kind_word, spelled)


def _level(kind: str) -> str:
    kind = kind.lower()
    if kind in ("county", "parish"):
        return "county"
    if kind in (
        "city and county",
        "city & county",
        "consolidated government",
        "metropolitan government",
        "metro government",
    ):
        return "both"
    return "local"


class Matcher:
    """Matches recipients to gazetteer jurisdictions; repeated recipients are looked up once."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.match = lru_cache(maxsize=200_000)(self._match)

    def _named(self, name: str, state: str) -> list[Jurisdiction]:
        """Jurisdictions of ``state`` called ``name``; for a joint name ("Nashville &
        Davidson", "Louisville/Jefferson"), those called by its first part."""
        found = [j for j in self.gazetteer.lookup(name) if j.state == state and j.level != "state"]
        if not found:
            first = re.split(r"\s*(?:&|/|\band\b|-)\s*", name, maxsplit=1)[0]
            if first and first != name:
                found = [
                    j
                    for j in self.gazetteer.lookup(first)
                    if j.state == state and j.level != "state"
                ]
        return found

    def _state_body(self, name: str, state_j: Jurisdiction) -> str | None:
        """The organisation word when ``name`` is a body of ``state_j``'s government named
        for it; None otherwise (a city or county named like its state, a university)."""
        if _NOT_GOVERNMENT.search(name) or _LOCAL_WORD.search(name):
            return None
        state = re.escape(state_j.name).replace(r"\ ", r"\s+")
        named = rf"(?:(?:state|commonwealth)\s+of\s+{state}|{state}(?:\s+state)?)"
        first = re.match(rf"^(?:the\s+)?{state}\s+(?P<rest>.+)$", name, re.I)
        if first and self._place_begins(first.group("rest"), state_j):
            return None  # "VIRGINIA BEACH POLICE DEPARTMENT" is Virginia Beach's
        found = (
            re.match(rf"^(?:the\s+)?{named}\b[\s,-]*(?P<rest>.+)$", name, re.I)
            or re.match(rf"^(?P<rest>.+?)[\s,-]+(?:of\s+)?(?:the\s+)?{named}$", name, re.I)
            or re.match(rf"^(?P<rest>.+?)\b(?:state|commonwealth)\s+of\s+{state}\b", name, re.I)
        )
        word = _STATE_BODY.search(found.group("rest")) if found else None
        return word.group().lower() if word else None

    def _place_begins(self, rest: str, state_j: Jurisdiction) -> bool:
        """True when the state's name and the next words name a place in the state."""
        words = rest.split()
        for count in (1, 2):
            if len(words) >= count:
                candidate = f"{state_j.name} {' '.join(words[:count])}"
                found = self.gazetteer.lookup(candidate)
                if any(j.state == state_j.state and j.level != "state" for j in found):
                    return True
        return False

    def _match(
        self,
        name: str,
        state: str,
        city: str = "",
        county_fips: str = "",
        government_type: str = "",
    ) -> Match:
        state_j = self.gazetteer.state(state.strip()) if state and state.strip() else None
        if state_j is None:
            return Match(None, f"no usable state ({state!r})", 0.0)
        if re.match(r"^(?:state|commonwealth) of\s", name, re.I):
            return Match(state_j, "the state government", 0.95)
        body = self._state_body(name, state_j)
        if body:
            return Match(state_j, f"state agency named for its state ({body}): the state", 0.9)
        if _STATE_AGENCY.search(name) and not _LOCAL_WORD.search(name):
            return Match(state_j, "state agency: the state government", 0.9)
        reading = read_name(name, government_type)
        if reading is None:
            return Match(None, "not a government (name says otherwise)", 0.0)
        if self.gazetteer.state(reading.name) == state_j and reading.level in (None, "state"):
            return Match(state_j, "the state's name", 0.95)
        # "Plain City" is a city's whole name; "Boston City" is Boston: the name as spelled
        # first, then without its kind word.
        found = self._named(reading.spelled, state_j.state) if reading.spelled else []
        found = found or self._named(reading.name, state_j.state)
        if reading.level in ("county", "local"):
            level_ok = [j for j in found if j.level == reading.level or j.kind == "city_county"]
            if not level_ok and reading.level == "county":
                level_ok = [
                    j
                    for j in self.gazetteer.lookup(reading.name + " County")
                    if j.state == state_j.state and j.level == "county"
                ]
            found = level_ok
        elif reading.level == "both":
            found = [j for j in found if j.kind == "city_county"] or found
        if not found:
            return Match(
                None,
                f"no {reading.level or 'government'} named {reading.name!r} in {state_j.state}",
                0.0,
            )
        how = f"{reading.how}, state"
        if len(found) > 1 and reading.kind in ("city", "town", "township", "village", "borough"):
            of_kind = [j for j in found if j.kind == reading.kind]
            if of_kind:  # "City of Arena" is not the town of Arena
                found, how = of_kind, how + f", a {reading.kind}"
        fips = re.sub(r"\D", "", county_fips or "")
        if len(found) > 1 and len(fips) == 5:
            by_fips = [j for j in found if j.geoid == fips or j.county_geoid == fips]
            if by_fips:
                found, how = by_fips, how + ", county FIPS"
        if len(found) > 1 and city:
            by_city = [j for j in found if j.name.lower() == city.strip().lower()]
            if by_city:
                found, how = by_city, how + ", city"
        if len(found) > 1:
            # A city and the town of the same name (New England), or a place and its
            # township: the incorporated place, then the larger, but it is a guess.
            ranked = sorted(found, key=lambda j: (len(j.geoid) == 10, -(j.population or 0)))
            return Match(ranked[0], how + f"; {len(found)} namesakes, the largest taken", 0.6)
        j = found[0]
        confidence = 0.95 if "FIPS" in how or reading.level else 0.85
        if len(fips) == 5 and fips not in (j.geoid, j.county_geoid) and j.level != "state":
            how, confidence = how + "; county FIPS disagrees", 0.6
        if reading.agency:
            how = f"{reading.agency} -> its government; " + how
        return Match(j, how, confidence)
