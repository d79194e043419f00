"""The official lists a text can say a jurisdiction is on (CODEBOOK section 4), and the
cue words that name each one."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OfficialList:
    list_id: str
    name: str
    agency: str  # "DHS" | "DOJ"
    era: str  # "2017" | "2025"


LISTS = {
    entry.list_id: entry
    for entry in (
        OfficialList("dhs-ddor-2017", "DHS Declined Detainer Outcome Report", "DHS", "2017"),
        OfficialList(
            "doj-2017-04-letters", "DOJ 8 U.S.C. 1373 letters (April 2017)", "DOJ", "2017"
        ),
        OfficialList("doj-2017-11-letters", "DOJ 8 U.S.C. 1373 letters (Nov. 2017)", "DOJ", "2017"),
        OfficialList("dhs-2025-05", "DHS sanctuary jurisdictions list (May 2025)", "DHS", "2025"),
        OfficialList("doj-2025-08", "DOJ sanctuary jurisdictions list (Aug. 2025)", "DOJ", "2025"),
    )
}

# The report itself, by name.
DDOR = re.compile(
    r"declined[ \t-]+detainers?\b|\bDDOR\b|\bdetainer[ \t]+(?:outcome[ \t]+)?reports?\b", re.I
)
# Who published a list.
DHS = re.compile(
    r"\bDHS\b|\bHomeland[ \t]+Security\b|\bICE(?:'s|’s)?\b|\bImmigrations?[ \t]+and[ \t]+Customs[ \t]+Enforcement\b|\bNoem\b"
)
DOJ = re.compile(
    r"\bDOJ\b|\bJustice[ \t]+Department\b|\bDepartment[ \t]+of[ \t]+Justice\b|\bAttorney[ \t]+General\b"
    r"|\bSessions\b|\bBondi\b|\bOffice[ \t]+of[ \t]+Justice[ \t]+Programs\b|\bOJP\b"
)
# Lists that are not official: a listing by these is not a listing here.
UNOFFICIAL = re.compile(
    r"\bCenter[ \t]+for[ \t]+Immigration[ \t]+Studies\b|\bCIS\b|\bILRC\b|\bImmigrant[ \t]+Legal[ \t]+Resource[ \t]+Center\b"
    r"|\bTRAC\b|\bOhio[ \t]+Jobs[ \t]+(?:and|&)[ \t]+Justice\b|\bmap\b"
)
LIST_NOUN = re.compile(
    r"\b(?:watch[ \t]?list|list|lists|report|reports|letters?|DDOR|top[ \t-](?:10|ten)(?:[ \t-]list)?)\b",
    re.I,
)
# "identified as sanctuary jurisdictions": a listing verb that names a list when an agency is its subject
LISTING_VERB = re.compile(
    r"\b(?:identified|label(?:l)?ed|labell?ing|deemed|designated|named|listing|listed|flagged|cited)\b",
    re.I,
)
EARLIER = re.compile(
    r"\b(?:previous|old|earlier|first|original|prior|initial)[ \t]+(?:list|report)\b", re.I
)
ERA_2025 = re.compile(r"\b(?:202[4-9]|Bondi|Noem|14287|500|more[ \t]than[ \t]500)\b")
ERA_2017 = re.compile(r"\b(?:201[6-9]|Sessions|13768|Kelly)\b")
APRIL = re.compile(r"\b(?:April|Apr\.|nine)\b|\b9[ \t]+(?:jurisdictions|cities)\b", re.I)
NOVEMBER = re.compile(r"\b(?:November|Nov\.|29)\b|\btwenty-nine\b", re.I)
