"""The facts that bear on one jurisdiction: its own, and those it inherits.

Inheritance (CODEBOOK section 1):
- a state's sanctuary law (P17) or ban on sanctuary policies (P16) applies inside every
  county and place of the state;
- a county's jail policies (detainers P01, release-date notice P02, ICE access P03) apply to
  the places in the county, whose arrestees its jail holds, unless the place has its own
  value for that provision (a city that runs its own jail codes it for itself);
- listings are never inherited: a state on a list does not put its cities on it.

A state ban in force preempts local limits on cooperation: such local facts are still shown,
marked preempted, and count only towards "partial".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sanctuary_tracker.classify.facts import Fact
from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction

STATE_WIDE = frozenset({"P16", "P17"})
JAIL = frozenset({"P01", "P02", "P03"})
# Local provisions that limit cooperation, which a state ban preempts.
LIMITS = frozenset(
    {"P01", "P01a", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P12", "P13", "P14"}
)


@dataclass(frozen=True, slots=True)
class Applied:
    """A fact as it applies to a jurisdiction: its own, or inherited ``via`` another."""

    fact: Fact
    via: str | None = None  # "state law of California", "county jail of Cook County"

    def to_record(self) -> dict:
        return {**self.fact.to_record(), "inherited_from": self.via}


class Evidence:
    """Facts indexed by jurisdiction, with the gazetteer to find states and counties."""

    def __init__(self, facts: Iterable[Fact], gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.own: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            self.own[fact.geoid].append(fact)
        self._names: dict[str, str] = {}

    def __len__(self) -> int:
        return sum(len(found) for found in self.own.values())

    def _name(self, geoid: str) -> str:
        if geoid not in self._names:
            try:
                self._names[geoid] = self.gazetteer.by_geoid(geoid).name
            except KeyError:
                self._names[geoid] = geoid
        return self._names[geoid]

    def key(self, j: Jurisdiction) -> tuple:
        """What decides ``j``'s facts (equal keys, equal facts): cheap, for grouping."""
        state = j.geoid[:2] if j.level != "state" else None
        county = j.county_geoid if j.level == "local" and j.county_geoid in self.own else None
        return (j.level, j.geoid if j.geoid in self.own else None, state, county)

    def change_dates(self, j: Jurisdiction) -> set[str]:
        """Every date on which a fact bearing on ``j`` starts or stops being in force."""
        sources = [self.own.get(j.geoid, ())]
        if j.level != "state":
            sources.append(self.own.get(j.geoid[:2], ()))
        if j.level == "local" and j.county_geoid:
            sources.append(self.own.get(j.county_geoid, ()))
        return {d for facts in sources for f in facts for d in (f.valid_from, f.valid_to) if d}

    def applied(self, j: Jurisdiction, date: str) -> list[Applied]:
        """Every fact in force on ``date`` that bears on ``j``, own first."""
        own = [Applied(f) for f in self.own.get(j.geoid, ()) if f.in_force(date)]
        out = list(own)
        if j.level != "state":
            state = j.geoid[:2]
            via = f"state law of {self._name(state)}"
            out += [
                Applied(f, via)
                for f in self.own.get(state, ())
                if f.provision in STATE_WIDE and f.in_force(date)
            ]
        if j.level == "local" and j.county_geoid:
            has_own = {a.fact.provision for a in own}
            via = f"county jail of {self._name(j.county_geoid)}"
            out += [
                Applied(f, via)
                for f in self.own.get(j.county_geoid, ())
                if f.provision in JAIL and f.provision not in has_own and f.in_force(date)
            ]
        return out


def preempting(applied: list[Applied]) -> Applied | None:
    """The state ban in force among ``applied`` that preempts local limits, if any."""
    for a in applied:
        if a.fact.provision == "P16" and a.fact.value not in (None, "none"):
            return a
    return None


def is_preempted(a: Applied, level: str, ban: Applied | None) -> bool:
    """Whether a local limit on cooperation is void under a state ban in force."""
    return (
        ban is not None
        and level != "state"
        and a.fact.provision in LIMITS
        and a.fact.agency != "state"
    )
