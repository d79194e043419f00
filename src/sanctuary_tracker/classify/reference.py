"""The shipped reference data (``data/reference.json``, built by scripts/build_reference.py):
official list editions with their members, and state laws, turned into facts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from sanctuary_tracker.classify.facts import Fact, parse_date


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
        }
        if with_members:
            record["members"] = [dict(m) for m in self.members]
        return record


@dataclass(frozen=True, slots=True)
class Reference:
    editions: dict[str, Edition]
    laws: tuple[dict[str, Any], ...]
    laws_missing: str

    def facts(self) -> list[Fact]:
        """Every listing and every state law, as facts."""
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
        return out + [_law_fact(law) for law in self.laws]


# A state law's direction sets the codebook provision it is: a law limiting cooperation is a
# state sanctuary law (P17); a law requiring it is a state ban on sanctuary policies (P16).
def _law_fact(law: dict[str, Any]) -> Fact:
    limits = law["direction"] == "limits_cooperation"
    name = law["popular_name"] or law["law"]
    return Fact(
        geoid=law["geoid"],
        provision="P17" if limits else "P16",
        value=True if limits else "bans_limits",
        valid_from=parse_date(law["effective_date"], law["law"]),
        valid_to=None,
        form="agency_policy" if "directive" in law["law"].lower() else "statute",
        agency="state",
        citation=f"{name}: {law['law']}" if law["popular_name"] else law["law"],
        source=law["source_url"],
    )


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
        )
        for e in data["editions"]
    }
    return Reference(editions, tuple(data["state_laws"]), data["state_laws_missing"])
