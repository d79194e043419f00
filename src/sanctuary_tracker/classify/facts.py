"""What classification reads: dated facts about jurisdictions, each with its source.

A fact is either an observation (a provision's value, valid over an interval, with its form,
acting agency and citation) or a listing (a jurisdiction named in an official list edition).
Facts are never overwritten: an amended law is a new observation with its own dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# The forms a provision takes: "by law" (the first five) or "in practice".
FORMS = (
    "statute",
    "ordinance",
    "resolution",
    "executive_order",
    "sheriff_policy",
    "police_policy",
    "agency_policy",
    "practice",
    "unknown",
)
FORMAL = frozenset(FORMS[:7])

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(text: str | None, where: str = "date") -> str | None:
    """An ISO date from "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a partial date is taken as its
    first day); None stays None. A malformed date raises ValueError naming ``where``."""
    if text is None or text == "":
        return None
    match = _DATE.match(str(text))
    if not match:
        raise ValueError(f"{where}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        raise ValueError(f"{where}: {text!r} is not a date")
    return f"{year}-{month}-{day}"


@dataclass(frozen=True, slots=True)
class Fact:
    """One dated, sourced fact about one jurisdiction (by GEOID)."""

    geoid: str
    provision: str  # a codebook id ("P01") or "listing"
    value: Any  # the provision's value; for a listing, the edition id
    valid_from: str | None  # ISO date, None = since always
    valid_to: str | None  # ISO date (exclusive), None = still in force
    form: str  # one of FORMS; "list" for a listing
    agency: str | None  # who acts: state, county, sheriff, city police ...
    citation: str  # the law, ordinance section or list edition
    source: str  # a URL, or a document and span ("path#body:120-180")
    origin: str = "reference"  # reference (shipped data), store (reviewed evidence), file

    def in_force(self, date: str) -> bool:
        return (self.valid_from is None or self.valid_from <= date) and (
            self.valid_to is None or date < self.valid_to
        )

    @property
    def formal(self) -> bool:
        return self.form in FORMAL

    def describe(self) -> str:
        """One line a reader can check: what, since when, by what, where it says so."""
        if self.provision == "listing":
            return f"named in {self.citation}"
        value = {True: "yes", False: "no"}.get(self.value, self.value)
        since = f" since {self.valid_from}" if self.valid_from else ""
        until = f" until {self.valid_to}" if self.valid_to else ""
        cited = f" ({self.citation})" if self.citation else ""
        return f"{self.provision} = {value}{since}{until}, {self.form.replace('_', ' ')}{cited}"

    def to_record(self) -> dict[str, Any]:
        return {
            "provision": self.provision,
            "value": self.value,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "form": self.form,
            "agency": self.agency,
            "citation": self.citation,
            "source": self.source,
            "origin": self.origin,
        }
