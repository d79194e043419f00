"""``classify(jurisdiction, definition, date)``: yes, no, partial or unknown, with reasons.

- yes: some [[yes]] condition holds, by facts in force on the date that are not preempted;
- partial: none does, but one holds only by practice where the definition asks for law, or
  only by a local policy a state ban preempts, or some [[partial]] condition holds;
- no: every [[yes]] condition is decided false: the facts on its provision all fail it, or the
  jurisdiction is not in a list edition that is complete (or was not yet published);
- unknown: otherwise. The reasons then say what evidence is missing: never a silent no.

Every reason carries its source (a URL, or a document and span).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from sanctuary_tracker.classify.definitions import Condition, Definition
from sanctuary_tracker.classify.evidence import Applied, Evidence, is_preempted, preempting
from sanctuary_tracker.classify.reference import Edition, load_reference
from sanctuary_tracker.extract.codebook import load_codebook
from sanctuary_tracker.places.gazetteer import Jurisdiction

LABELS = ("yes", "partial", "no", "unknown")


@dataclass(frozen=True, slots=True)
class Classification:
    label: str
    reasons: tuple[dict[str, Any], ...]

    def to_record(self) -> dict[str, Any]:
        return {"label": self.label, "reasons": [dict(r) for r in self.reasons]}


@dataclass
class _Outcome:
    """One condition's result: hit (yes), weak (partial), decided (false for sure)."""

    hit: list[dict] = field(default_factory=list)
    weak: list[dict] = field(default_factory=list)
    against: list[dict] = field(default_factory=list)
    decided: bool = False


def classify(
    j: Jurisdiction, definition: Definition, date: str, evidence: Evidence
) -> Classification:
    """The label of ``j`` under ``definition`` on ``date`` (ISO), with its reasons."""
    if j.level not in definition.levels:
        return Classification(
            "unknown",
            (
                _reason(
                    "scope",
                    f"this definition classifies {', '.join(definition.levels)} governments "
                    f"only, not a {j.level} one",
                    definition.source,
                ),
            ),
        )
    applied = evidence.applied(j, date)
    # A state ban voids local limits on cooperation, not cooperation itself (a 287(g)
    # agreement, detainers honoured): it bears on sanctuary definitions only.
    ban = preempting(applied) if definition.measures == "sanctuary" else None
    editions = load_reference().editions
    yes = [_evaluate(c, j, applied, ban, date, editions) for c in definition.yes]
    partial = [_evaluate(c, j, applied, ban, date, editions) for c in definition.partial]
    hits = [r for o in yes for r in o.hit]
    weak = [r for o in yes + partial for r in o.weak + o.hit]
    if hits:
        label, reasons = "yes", hits
    elif weak:
        label, reasons = "partial", weak
    elif all(o.decided for o in yes):
        label, reasons = "no", [r for o in yes for r in o.against]
    else:
        label, reasons = "unknown", [r for o in yes if not o.decided for r in o.against]
    # Missing evidence is missing by the definition's own terms: cite the definition.
    for reason in reasons:
        if reason["source"] is None:
            reason["source"] = definition.source
    return Classification(label, tuple(reasons))


def _evaluate(
    c: Condition,
    j: Jurisdiction,
    applied: list[Applied],
    ban: Applied | None,
    date: str,
    editions: dict[str, Edition],
) -> _Outcome:
    if c.listed_on:
        return _listing(c, applied, date, editions)
    out = _Outcome()
    found = [a for a in applied if a.fact.provision == c.provision]
    for a in found:
        if not c.matches(a.fact.value):
            out.against.append(_fact_reason(a, f"does not meet: {_what(c)}"))
        elif is_preempted(a, j.level, ban):
            note = f"meets '{_what(c)}' but is preempted by {ban.fact.citation}"
            out.weak.append(_fact_reason(a, note))
        elif c.formal and not a.fact.formal:
            out.weak.append(_fact_reason(a, f"meets '{_what(c)}' in practice, not by law"))
        else:
            out.hit.append(_fact_reason(a, f"meets: {_what(c)}"))
    out.decided = bool(found) and not out.hit and not out.weak
    if not found:
        name = load_codebook()[c.provision].name
        out.against.append(
            _reason(
                "missing",
                f"no evidence on {c.provision} ({name}) to tell whether: {_what(c)}",
                None,
            )
        )
    return out


def _listing(
    c: Condition, applied: list[Applied], date: str, editions: dict[str, Edition]
) -> _Outcome:
    out = _Outcome()
    named = [a for a in applied if a.fact.provision == "listing" and a.fact.value in c.listed_on]
    out.hit = [_fact_reason(a, "named in the list") for a in named]
    if named:
        return out
    decided = True
    for edition_id in c.listed_on:
        edition = editions[edition_id]
        if date < edition.date:
            text = f"not named: {edition.name} was published on {edition.date}"
        elif edition.complete:
            text = f"not among the {len(edition.members)} members of {edition.name}"
        else:
            decided = False
            text = (
                f"not among the {len(edition.members)} confirmed members of {edition.name}; "
                f"the shipped edition is incomplete: {edition.missing}"
            )
        kind = "not_listed" if decided else "missing"
        out.against.append(_reason(kind, text, edition.sources[0] if edition.sources else None))
    out.decided = decided
    return out


def _what(c: Condition) -> str:
    if c.why:
        return c.why
    if c.values is not None:
        return f"{c.provision} in {', '.join(map(str, c.values))}"
    if c.not_values is not None:
        return f"{c.provision} not {', '.join(map(str, c.not_values))}"
    return f"{c.provision} = yes"


def _fact_reason(a: Applied, note: str) -> dict[str, Any]:
    kind = "listing" if a.fact.provision == "listing" else "observation"
    text = a.fact.describe() + f": {note}"
    if a.via:
        text += f" (inherited: {a.via})"
    return {**_reason(kind, text, a.fact.source), "fact": a.to_record()}


def _reason(kind: str, text: str, source: str | None) -> dict[str, Any]:
    return {"kind": kind, "text": text, "source": source}


class Classifier:
    """Classifies many jurisdictions at once: jurisdictions whose facts come from the same
    places (most have none of their own) share one evaluation per definition and date."""

    def __init__(self, evidence: Evidence):
        self.evidence = evidence
        self._cache: dict[tuple, Classification] = {}

    def classify(self, j: Jurisdiction, definition: Definition, date: str) -> Classification:
        key = (definition.id, date, self.evidence.key(j))
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = classify(j, definition, date, self.evidence)
        return found

    def classify_all(self, definition: Definition, date: str, jurisdictions):
        """(jurisdiction, classification) for each of ``jurisdictions``, in their order."""
        results: dict[tuple, Classification] = {}
        key = self.evidence.key
        for j in jurisdictions:
            group = key(j)
            found = results.get(group)
            if found is None:
                found = results[group] = classify(j, definition, date, self.evidence)
            yield j, found

    def series(self, definition: Definition, dates: list[str], jurisdictions):
        """Labels on each of ``dates`` (ISO, ascending), grouped: yields ``(members,
        labels)`` with ``labels[i]`` the label of every member on ``dates[i]``.

        A label can change only on a date when one of the group's facts starts or ends,
        or a list edition is published or withdrawn; between those dates it is evaluated
        once."""
        groups: dict[tuple, list[Jurisdiction]] = {}
        for j in jurisdictions:
            groups.setdefault(self.evidence.key(j), []).append(j)
        published = {
            d for e in load_reference().editions.values() for d in (e.date, e.withdrawn) if d
        }
        for members in groups.values():
            first = members[0]
            changes = sorted(self.evidence.change_dates(first) | published)
            labels, period, label = [], -1, ""
            for date in dates:
                now = bisect_right(changes, date)
                if now != period:
                    period, label = now, classify(first, definition, date, self.evidence).label
                labels.append(label)
            yield members, labels
