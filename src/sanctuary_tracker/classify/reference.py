"""The shipped reference data (``data/reference.json``, built by scripts/build_reference.py):
official list editions with their members, state laws and sourced observations (reference/
observations/*.csv: detention contracts and the like), turned into facts; and, for every
state, DC and Puerto Rico, whether any law was found and which sources were checked."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from sanctuary_tracker.classify.facts import Fact, parse_date


@dataclass(frozen=True, slots=True)
class Citation:
    """A primary source, named: the document itself where its author published it (an
    agency's page, the Federal Register, a journal article's DOI), not a copy or a report
    about it."""

    title: str
    url: str

    def to_record(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url}


def citation(raw: dict[str, str] | None) -> Citation | None:
    return Citation(raw["title"], raw["url"]) if raw else None


@dataclass(frozen=True, slots=True)
class Edition:
    """One edition of an official list: who published it, when, and how complete the shipped
    members are (a jurisdiction missing from an incomplete edition may still be on it)."""

    id: str
    name: str
    agency: str
    date: str
    withdrawn: str | None
    complete: bool
    missing: str | None
    sources: tuple[str, ...]
    members: tuple[dict[str, Any], ...]
    primary: Citation | None = None  # None: no copy from the publisher was confirmed

    @property
    def copies(self) -> tuple[str, ...]:
        """The secondary sources: copies and reports of the edition, beside the primary."""
        return tuple(url for url in self.sources if not self.primary or url != self.primary.url)

    def to_record(self, with_members: bool = False) -> dict[str, Any]:
        record = {
            "id": self.id,
            "name": self.name,
            "agency": self.agency,
            "date": self.date,
            "withdrawn": self.withdrawn,
            "complete": self.complete,
            "members": len(self.members),
            "missing": self.missing,
            "sources": list(self.sources),
            "primary": self.primary.to_record() if self.primary else None,
            "copies": list(self.copies),
        }
        if with_members:
            record["members"] = [dict(m) for m in self.members]
        return record


@dataclass(frozen=True, slots=True)
class Coverage:
    """Whether a state law search found any law for one state, DC or Puerto Rico."""

    state: str
    status: str  # has_laws / none_found
    checked_as_of: str
    sources_checked: tuple[str, ...]
    note: str

    def to_record(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "status": self.status,
            "checked_as_of": self.checked_as_of,
            "sources_checked": list(self.sources_checked),
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Reference:
    editions: dict[str, Edition]
    laws: tuple[dict[str, Any], ...]
    laws_missing: str
    coverage: dict[str, Coverage] = field(default_factory=dict)  # by state code, sorted
    observations: tuple[dict[str, Any], ...] = ()  # one sourced fact each, by dataset

    def laws_of(self, state: str) -> list[dict[str, Any]]:
        """The laws of one state (two-letter code), by effective date."""
        return sorted(
            (law for law in self.laws if law["state"] == state),
            key=lambda law: (law["effective_date"], law["law"]),
        )

    def facts(self) -> list[Fact]:
        """Every listing, every state law and every observation, as facts."""
        out = [
            Fact(
                geoid=member["geoid"],
                provision="listing",
                value=edition.id,
                valid_from=edition.date,
                valid_to=edition.withdrawn,
                form="list",
                agency=edition.agency,
                citation=f"{edition.name} (as '{member['as_listed']}')",
                source=member["source_url"],
            )
            for edition in self.editions.values()
            for member in edition.members
        ]
        laws = [_law_fact(law) for law in self.laws]
        return out + laws + [_observation_fact(o) for o in self.observations]


def _observation_fact(observation: dict[str, Any]) -> Fact:
    """A shipped observation (already checked by scripts/build_observations.py) as a fact."""
    where = f"{observation['dataset']} {observation['geoid']}"
    return Fact(
        geoid=observation["geoid"],
        provision=observation["provision"],
        value=observation["value"],
        valid_from=parse_date(observation["valid_from"], where),
        valid_to=parse_date(observation["valid_to"], where),
        form=observation["form"],
        agency=observation["agency"],
        citation=observation["citation"],
        source=observation["source_url"],
    )


# A state law's direction sets the codebook provision it is: a law limiting cooperation is a
# state sanctuary law (P17); a law requiring it is a state ban on sanctuary policies (P16),
# valued by what it does (bans local limits, or also mandates detainers or 287(g)). A law
# repealed, struck down or wholly enjoined stops on its end date (exclusive: not in force on
# that day); a partly enjoined law whose core stands stays in force, the enjoined part named.
def _law_fact(law: dict[str, Any]) -> Fact:
    limits = law["direction"] == "limits_cooperation"
    name = law["popular_name"] or law["law"]
    citation = f"{name}: {law['law']}" if law["popular_name"] else law["law"]
    note = law.get("end_note")
    if note:
        citation += f" ({_URL.sub('', note).strip().rstrip(',;(').strip()})"
    return Fact(
        geoid=law["geoid"],
        provision="P17" if limits else "P16",
        value=True if limits else law.get("p16_value") or "bans_limits",
        valid_from=parse_date(law["effective_date"], law["law"]),
        valid_to=parse_date(law.get("end_date"), f"{law['law']} end date"),
        form="agency_policy" if "directive" in law["law"].lower() else "statute",
        agency="state",
        citation=citation,
        source=law["source_url"],
    )


_URL = re.compile(r"\(?https?://\S+\)?")


@lru_cache(maxsize=1)
def load_reference() -> Reference:
    resource = resources.files("sanctuary_tracker") / "data" / "reference.json"
    data = json.loads(resource.read_text(encoding="utf-8"))
    editions = {
        e["id"]: Edition(
            id=e["id"],
            name=e["name"],
            agency=e["agency"],
            date=e["date"],
            withdrawn=e["withdrawn"],
            complete=e["complete"],
            missing=e["missing"],
            sources=tuple(e["sources"]),
            members=tuple(e["members"]),
            primary=citation(e.get("primary")),
        )
        for e in data["editions"]
    }
    coverage = {
        c["state"]: Coverage(
            state=c["state"],
            status=c["status"],
            checked_as_of=c["checked_as_of"],
            sources_checked=tuple(c["sources_checked"]),
            note=c["note"],
        )
        for c in data.get("state_law_coverage", ())
    }
    return Reference(
        editions,
        tuple(data["state_laws"]),
        data["state_laws_missing"],
        dict(sorted(coverage.items())),
        tuple(data.get("observations", ())),
    )
