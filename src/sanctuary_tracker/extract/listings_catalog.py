"""The official list editions a text can say a jurisdiction is on (CODEBOOK section 4), and
what a text says of a list that identifies its edition: the agency that published it, the
month and year, and its kind (report, letters, list).

The editions, their agencies and dates come from the shipped reference data
(``classify.reference.load_reference().editions``); only the short display names below are
kept here. A mention is matched to an edition by what it says (``matching_editions``), never
by an official's surname or a bare number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sanctuary_tracker.classify.reference import load_reference
from sanctuary_tracker.text import scan


@dataclass(frozen=True, slots=True)
class OfficialList:
    list_id: str
    name: str
    agency: str  # "DHS" | "DOJ"
    year: int
    month: int
    end_month: tuple[int, int] | None  # (year, month) it was withdrawn, when it was
    kind: str  # "report" | "letters" | "list"
    members: frozenset[str] = frozenset()  # the shipped members' GEOIDs
    complete: bool = False  # whether those are all its members


# Short names used in records (the reference's names are long and descriptive).
DISPLAY_NAMES = {
    "dhs-ddor-2017": "DHS Declined Detainer Outcome Report",
    "doj-2017-04-letters": "DOJ 8 U.S.C. 1373 letters (April 2017)",
    "doj-2017-11-letters": "DOJ 8 U.S.C. 1373 letters (Nov. 2017)",
    "dhs-2025-05": "DHS sanctuary jurisdictions list (May 2025)",
    "doj-2025-08": "DOJ sanctuary jurisdictions list (Aug. 2025)",
}
_KIND = (
    ("letters", re.compile(r"\bletters?\b", re.I)),
    ("report", re.compile(r"\breport\b", re.I)),
)


def _kind(name: str) -> str:
    return next((kind for kind, pattern in _KIND if pattern.search(name)), "list")


def _year_month(iso: str) -> tuple[int, int]:
    year, month = iso.split("-")[:2]
    return int(year), int(month)


@lru_cache(maxsize=1)
def editions() -> tuple[OfficialList, ...]:
    """Every shipped edition, by date then id."""
    out = []
    for edition in load_reference().editions.values():
        year, month = _year_month(edition.date)
        end = _year_month(edition.withdrawn) if edition.withdrawn else None
        name = DISPLAY_NAMES.get(edition.id, edition.name)
        members = frozenset(m["geoid"] for m in edition.members if m.get("geoid"))
        kind = _kind(edition.name)
        out.append(
            OfficialList(
                edition.id, name, edition.agency, year, month, end, kind, members, edition.complete
            )
        )
    return tuple(sorted(out, key=lambda e: (e.year, e.month, e.list_id)))


def by_id(list_id: str) -> OfficialList:
    return next(e for e in editions() if e.list_id == list_id)


@dataclass(frozen=True, slots=True)
class Said:
    """What a text says of one list: each part None when it says nothing of it."""

    agency: str | None = None
    kind: str | None = None
    year: int | None = None
    month: int | None = None

    def describe(self) -> str:
        parts = [self.agency, self.kind]
        if self.month or self.year:
            parts.append("/".join(str(x) for x in (self.month, self.year) if x))
        return " ".join(p for p in parts if p)


def matching_editions(said: Said) -> list[OfficialList]:
    """The editions consistent with what the text says: same agency and date (when given);
    of those, the ones of the same kind ("report", "letters") if any is."""
    found = [
        e
        for e in editions()
        if (said.agency is None or e.agency == said.agency) and date_fits(e, said)
    ]
    if said.kind == "list":  # the generic word: news calls reports and letters lists too
        return found
    same_kind = [e for e in found if e.kind == said.kind]
    return same_kind or found


def told_apart_by_members(tied: list[OfficialList], named: set[str]) -> OfficialList | None:
    """Of editions a text's words fit alike ("the Justice Department's 2017 letters": April's
    or November's), the one whose shipped members hold some of the places named (GEOIDs),
    when every other is complete and holds none (a place missing from an incomplete edition
    may still be on it); else None."""
    having = [e for e in tied if e.members & named]
    if len(having) != 1 or not all(e.complete for e in tied if e is not having[0]):
        return None
    return having[0]


def date_fits(edition: OfficialList, said: Said) -> bool:
    months = {(edition.year, edition.month)}
    if edition.end_month:
        months.add(edition.end_month)
    return any(
        (said.year is None or said.year == year) and (said.month is None or said.month == month)
        for year, month in months
    )


# The report by its own name.
DDOR = re.compile(
    r"declined[ \t-]+detainers?[ \t]+outcome\b|\bDDOR\b|\bdeclined[ \t-]+detainers?[ \t]+reports?\b",
    re.I,
)
DDOR_OPENINGS = scan.Openings("declined", "DDOR")  # what each of DDOR's matches opens with
DDOR_ID = "dhs-ddor-2017"
# Who published a list: agencies and offices, never an official's surname.
DHS = re.compile(
    r"\bDHS\b|\bHomeland[ \t]+Security\b|\bICE(?:'s|’s)?\b"
    r"|\bImmigrations?[ \t]+and[ \t]+Customs[ \t]+Enforcement\b"
)
DOJ = re.compile(
    r"\bDOJ\b|\bJustice[ \t]+Department\b|\bDepartment[ \t]+of[ \t]+Justice\b"
    r"|\bAttorney[ \t]+General\b|\bOffice[ \t]+of[ \t]+Justice[ \t]+Programs\b|\bOJP\b"
)
# Bodies whose lists are not official: a listing by these is not a listing here.
UNOFFICIAL = re.compile(
    r"\bCenter[ \t]+for[ \t]+Immigration[ \t]+Studies\b|\bCIS\b|\bILRC\b"
    r"|\bImmigrant[ \t]+Legal[ \t]+Resource[ \t]+Center\b|\bTRAC\b"
    r"|\bOhio[ \t]+Jobs[ \t]+(?:and|&)[ \t]+Justice\b"
)
# A word (as written) that each agency pattern's every match holds: a sentence holding none
# of an agency's is not searched for it.
AGENCY_WORDS = {
    "DHS": ("DHS", "Homeland", "ICE", "Immigration"),
    "DOJ": ("DOJ", "Justice", "Attorney", "OJP"),
    "unofficial": ("Center", "CIS", "ILRC", "Immigrant", "TRAC", "Ohio"),
}
NUMBER_WORD = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty)"
LIST_NOUN = re.compile(
    r"\b(?:watch[ \t]?list|list|lists|report|reports|letters?|DDOR"
    rf"|top[ \t-]{NUMBER_WORD}(?:[ \t-]list)?)\b",
    re.I,
)
LIST_NOUN_OPENINGS = scan.Openings("watch", "list", "report", "letter", "DDOR", "top")
# The kind a list noun names ("top 10" and "watch list" are lists).
NOUN_KIND = {"letter": "letters", "letters": "letters", "report": "report", "reports": "report"}
# "identified as sanctuary jurisdictions": a listing verb that names a list when an agency is
# its subject.
LISTING_VERB = re.compile(
    r"\b(?:identif(?:y|ies|ied)|label(?:l)?ed|labell?ing|deem(?:s|ed)|designat(?:es|ed)|"
    r"names|named|listing|listed|lists|flag(?:s|ged)|cites|cited)\b",
    re.I,
)
EARLIER = re.compile(
    r"\b(?:previous|old|earlier|first|original|prior|initial)[ \t]+(?:list|report)\b", re.I
)

_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
# A month by name (with its day and year when given), or a year alone. "May" counts only
# with a day, a year or a word that makes it a date ("in May").
DATE = re.compile(
    r"\b(?:(?P<month>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?"
    r"|(?:(?<=in[ \t])|(?<=early[ \t])|(?<=late[ \t])|(?<=mid-)|(?<=since[ \t])|(?<=of[ \t])"
    r"|(?<=last[ \t])|(?<=this[ \t]))May|May(?=[ \t]+\d))"
    r"(?:[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?[ \t]+(?P<year>(?:19|20)\d\d)\b)?"
    r"|(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>[01]\d)(?:-[0-3]\d)?\b"
    r"|(?P<bare_year>(?:19|20)\d\d)\b(?![-/]\d))"
)
# What every date starts with: a month's capital or a year's first digit.
DATE_OPENING = re.compile(r"[JFMASOND12]")
# Two dates joined as a range name the period a report covers, not when it came out.
_RANGE = re.compile(r"^[ \t]*(?:[-–—]|to|through|until|and)[ \t]*$")


@dataclass(frozen=True, slots=True)
class Date:
    start: int
    end: int
    year: int | None
    month: int | None


def _year(match: re.Match[str]) -> int | None:
    year = match.group("year") or match.group("iso_year") or match.group("bare_year")
    return int(year) if year else None


def _month(match: re.Match[str]) -> int | None:
    if match.group("iso_month"):
        return int(match.group("iso_month")) or None
    name = match.group("month")
    return _MONTHS.index(name[:3].lower()) + 1 if name else None


def dates_in(text: str) -> list[Date]:
    """The dates a text names, in order, leaving out the two ends of a range."""
    found = []
    for m in scan.matches(DATE_OPENING, DATE, text):
        found.append(Date(m.start(), m.end(), _year(m), _month(m)))
    ranged = set()
    for index in range(len(found) - 1):
        a, b = found[index], found[index + 1]
        if a.month and b.month and _RANGE.match(text[a.end : b.start]):
            ranged.update((index, index + 1))
    return [d for index, d in enumerate(found) if index not in ranged]
