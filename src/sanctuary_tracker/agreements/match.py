"""Which jurisdiction a 287(g) row binds, by GEOID, with how it was matched and how sure.

- TYPE State Agency (or a name that starts with the state's name: "Arkansas State Police
  Department"): the state.
- TYPE County: the county the agency serves: its name read as funding/recipients.py reads
  recipients ("Knox County Sheriff's Office" -> Knox County), else a county its name names
  ("Bullitt County Detention Center"), else the sheet's COUNTY column for a sheriff, jail or
  corrections body ("Jacksonville Sheriff's Office", COUNTY Duval County).
- TYPE Municipality: the municipality the police department belongs to; where the state has
  namesakes, the sheet's COUNTY decides, and without it the row stays unmatched.

Constables (independent elected officers) and regional bodies shared by several governments
bind no one jurisdiction: they stay unmatched with that reason, as does anything else that
cannot be told for sure. Nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctuary_tracker.funding.recipients import DOUBTFUL, Matcher, read_name
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction

_MISSING = frozenset({"", "#n/a", "n/a", "na", "none"})
_CONSTABLE = re.compile(r"\bconst\w*", re.I)
_REGIONAL = re.compile(r"\b(?:regional|district jail|metro police authority|joint)\b", re.I)
_POLICE = re.compile(r"\bpolice\b|\bdepartment of public safety\b|\bpublic safety\b", re.I)
_COUNTY_BODY = re.compile(r"\b(?:sheriff|jail|detention|correction|corrections)\b", re.I)
_COUNTY_IN_NAME = re.compile(r"\b((?:[A-Z][\w.'-]*\s+){1,3}?(?:County|Parish))\b")
_STATE_SUFFIX = re.compile(r",\s*[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class AgencyMatch:
    """The jurisdiction an agency's agreement binds, or why none could be told."""

    geoid: str | None
    method: str  # how it was matched, or the reason it was not
    confidence: float
    agency: str  # sheriff, police, state, county, municipal ... (who acts)

    @property
    def matched(self) -> bool:
        return self.geoid is not None

    def to_record(self) -> dict:
        return {
            "geoid": self.geoid,
            "method": self.method,
            "confidence": self.confidence,
            "agency": self.agency,
        }

    @classmethod
    def from_record(cls, record: dict) -> AgencyMatch:
        return cls(**record)


def county_missing(county: str) -> bool:
    return county.strip().lower() in _MISSING


class RowMatcher:
    """Matches sheet rows; each distinct (state, agency, type, county) is worked out once."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.recipients = Matcher(gazetteer)
        self._done: dict[tuple[str, str, str, str], AgencyMatch] = {}

    def match(self, state: str, agency: str, type_: str, county: str) -> AgencyMatch:
        key = (state, agency, type_, county)
        if key not in self._done:
            self._done[key] = self._match(state, agency, type_, county)
        return self._done[key]

    def _match(self, state_text: str, agency: str, type_: str, county: str) -> AgencyMatch:
        kind = type_.strip().lower()
        who = _who(agency, kind)
        state = self.gazetteer.state(state_text)
        if state is None:
            return AgencyMatch(None, f"no state named {state_text!r}", 0.0, who)
        name = _clean(agency)
        if kind == "state agency" or _named_for_state(name, state):
            if _REGIONAL.search(name):
                return AgencyMatch(None, "a regional body of several governments", 0.0, who)
            how = "state agency -> the state"
            if kind != "state agency":
                how += f" (named for the state; TYPE says {type_ or 'nothing'})"
            return AgencyMatch(state.geoid, how, 0.95, "state")
        if _CONSTABLE.search(name):
            return AgencyMatch(
                None, "a constable (an elected officer, no government's agency)", 0.0, who
            )
        if _REGIONAL.search(name):
            return AgencyMatch(None, "a regional body of several governments", 0.0, who)
        counties, county_note = self._sheet_county(county, state)
        if not kind:  # the TYPE cell left empty: what the name says
            kind = "county" if who == "sheriff" else "municipality" if who == "police" else ""
        if kind == "county" and who == "police" and not re.search(r"\bmetropolitan\b", name, re.I):
            # ICE's TYPE says County for some town police ("Neptune Beach Police Department")
            found = self._municipal_agency(name, state, counties, county, county_note, who)
            if found.matched:
                return AgencyMatch(
                    found.geoid, found.method + "; TYPE says County", found.confidence, who
                )
        if kind == "county":
            return self._county_agency(name, state, counties, county, county_note, who)
        if kind in ("municipality", "municipal"):
            return self._municipal_agency(name, state, counties, county, county_note, who)
        return AgencyMatch(
            None, f"TYPE {type_!r} is not County, Municipality or State Agency", 0.0, who
        )

    def _sheet_county(self, county: str, state: Jurisdiction) -> tuple[list[Jurisdiction], str]:
        """The counties the sheet's COUNTY names in the state, and a note for reasons."""
        if county_missing(county):
            return [], f"county {county!r}" if county else "no county given"
        found = self.counties_named(county, state)
        if not found:
            return [], f"no county named {county!r} in {state.state}"
        if len(found) > 1:
            return found, f"{len(found)} counties named {county!r} in {state.state}"
        return found, f"county {county!r}"

    def counties_named(self, text: str, state: Jurisdiction) -> list[Jurisdiction]:
        """County-level jurisdictions of ``state`` that ``text`` names ("Knox County",
        "Lafourche County" for the parish, "Hopewell County" for the independent city)."""
        text = re.sub(r"'s$", "", text.strip())
        bare = re.sub(r"\s+(?:county|parish)$", "", text, flags=re.I)
        for attempt in (text, f"{bare} County", f"{bare} Parish", bare):
            found = [
                j
                for j in self.gazetteer.lookup(attempt)
                if j.state == state.state and j.level == "county"
            ]
            if found:
                return sorted(found, key=lambda j: j.geoid)
        return []

    def _county_agency(self, name, state, counties, county, note, who) -> AgencyMatch:
        fips = counties[0].geoid if len(counties) == 1 else ""
        result = self.recipients.match(name, state.state, "", fips, "")
        j = result.jurisdiction
        if j is not None and j.level == "county" and result.confidence >= DOUBTFUL:
            if counties and j not in counties:
                return AgencyMatch(
                    None, f"the name reads {j.name} but the sheet says {county!r}", 0.0, who
                )
            agrees = "; the sheet's COUNTY agrees" if counties else ""
            return AgencyMatch(j.geoid, result.method + agrees, result.confidence, who)
        named = _COUNTY_IN_NAME.search(name)
        in_name = self.counties_named(named.group(1), state) if named else []
        if len(in_name) == 1:
            j = in_name[0]
            if counties and j not in counties:
                return AgencyMatch(
                    None, f"the name reads {j.name} but the sheet says {county!r}", 0.0, who
                )
            return AgencyMatch(j.geoid, "a county body: the county its name names", 0.9, who)
        if re.search(r"\bmetropolitan police\b", name, re.I) and len(counties) == 1:
            # Las Vegas Metropolitan Police Department: the county sheriff's department
            return AgencyMatch(
                counties[0].geoid,
                "a city-county police under the sheriff: the sheet's COUNTY",
                0.85,
                who,
            )
        if _POLICE.search(name) or not _COUNTY_BODY.search(name):
            return AgencyMatch(None, f"not a county body by its name; {note}", 0.0, who)
        if len(counties) == 1:
            return AgencyMatch(
                counties[0].geoid, "a sheriff/jail body: the sheet's COUNTY column", 0.85, who
            )
        return AgencyMatch(None, f"no county read from the name; {note}", 0.0, who)

    def _municipal_agency(self, name, state, counties, county, note, who) -> AgencyMatch:
        fips = counties[0].geoid if len(counties) == 1 else ""
        result = self.recipients.match(name, state.state, "", fips, "")
        j = result.jurisdiction
        reading = read_name(name)
        called = reading.name if reading else name
        if j is None:
            return AgencyMatch(None, f"no municipality named {called!r} in {state.state}", 0.0, who)
        if j.level == "state":
            return AgencyMatch(None, "reads as a state agency but TYPE says municipal", 0.0, who)
        if result.confidence < DOUBTFUL:
            namesakes = self._namesakes(called, state)
            if "namesakes" in result.method and len(namesakes) > 1:
                listed = ", ".join(f"{n.name} ({self._where(n)})" for n in namesakes[:4])
                return AgencyMatch(
                    None,
                    f"{len(namesakes)} municipalities named {called!r} in {state.state} "
                    f"({listed}); {note}",
                    0.0,
                    who,
                )
            return AgencyMatch(None, f"{result.method}; {note}", 0.0, who)
        if counties and j.county_geoid not in {c.geoid for c in counties} and j not in counties:
            return AgencyMatch(
                None, f"{j.name} is not in the sheet's county {county!r} ({note})", 0.0, who
            )
        agrees = "; the sheet's COUNTY agrees" if counties else ""
        return AgencyMatch(j.geoid, result.method + agrees, result.confidence, who)

    def _where(self, j: Jurisdiction) -> str:
        """ "township, Allegheny County": a namesake told apart."""
        if not j.county_geoid:
            return j.kind
        try:
            return f"{j.kind}, {self.gazetteer.by_geoid(j.county_geoid).name}"
        except KeyError:
            return j.kind

    def _namesakes(self, name: str, state: Jurisdiction) -> list[Jurisdiction]:
        return sorted(
            (
                j
                for j in self.gazetteer.lookup(name)
                if j.state == state.state and j.level == "local"
            ),
            key=lambda j: j.geoid,
        )


def _clean(agency: str) -> str:
    """The agency's name with ICE's slips undone: curly apostrophes, a trailing ", PA", and
    a town's "Department of Public Safety" read as its police."""
    name = agency.replace("\u2019", "'").replace("\u2018", "'").strip()
    name = _STATE_SUFFIX.sub("", name)
    name = re.sub(r"\bdepartment of public safety$", "Public Safety Department", name, flags=re.I)
    return re.sub(r"\bpolice services department$", "Police Department", name, flags=re.I)


def _named_for_state(name: str, state: Jurisdiction) -> bool:
    """ "Arkansas State Police Department", "Louisiana Alcohol and Tobacco Control": a state
    body whatever the TYPE column says (no county or town is named like a state and a body)."""
    return name.lower().startswith(state.name.lower() + " ") and not re.search(
        r"\b(?:county|parish|city|town)\b", name, re.I
    )


def _who(agency: str, kind: str) -> str:
    """Who acts, in the codebook's terms: sheriff, police, corrections, state, county ..."""
    low = agency.lower()
    if kind == "state agency":
        return "state"
    if "sheriff" in low:
        return "sheriff"
    if "constable" in low:
        return "constable"
    if _POLICE.search(low):
        return "police"
    if re.search(r"jail|detention|correction", low):
        return "corrections"
    return "county" if kind == "county" else "municipal"
