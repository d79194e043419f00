"""What a jurisdiction's page says first, in words a reader can use: the verdict under every
definition on one date (counted, with the definitions that measure something else than
sanctuary kept apart), a card per definition saying what decided it and which evidence it
counted and which it did not, and one block of what is not known. Provision codes become
the codebook's names; values read yes or no."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from sanctuary_tracker.extract.codebook import load_codebook
from sanctuary_tracker.web.classification import definitions, reference

_CODE = re.compile(r"\bP\d{2}[a-z]?\b")
_MISSING = re.compile(r"^no evidence on (P\d{2}[a-z]?) \(.*?\) to tell whether: (.*)$", re.S)
# What each kind of definition measures, as the verdict line words it.
MEASURE_WORDS = {
    "sanctuary": "sanctuary",
    "cooperation": "works with ICE",
    "preemption": "under a state ban on sanctuary policies",
}
NOT_YET = "not yet published"


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """(code, name) of every provision, longest code first (P01a before P01)."""
    found = [(p.id, p.name) for p in load_codebook().provisions.values()]
    return tuple(sorted(found, key=lambda x: (-len(x[0]), x[0])))


def provision_name(code: str) -> str:
    return dict(_names()).get(code, code)


def plain(text: str) -> str:
    """``text`` with every provision code replaced by its name: "P01 (Detainer policy)" and
    "P01" read "Detainer policy", "P17 = yes" reads "State sanctuary law ...: yes"."""
    for code, name in _names():
        text = text.replace(f"{code} ({name})", name)
    text = re.sub(r"\b(P\d{2}[a-z]?) = ", lambda m: provision_name(m.group(1)) + ": ", text)
    return _CODE.sub(lambda m: provision_name(m.group(0)), text)


def value_text(value: Any) -> str:
    """A value as the page shows it: True and "yes" are one word, a set a list."""
    if value is True or value == "true":
        return "yes"
    if value is False or value == "false":
        return "no"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(v) for v in value) or "none"
    return str(value)


def short_name(name: str) -> str:
    """A definition's name up to its first colon or comma, without its examples: "DOJ
    sanctuary jurisdiction list (August 2025)"."""
    return re.sub(r" \(e\.g\. [^)]*\)", "", name.split(": ")[0].split(", ")[0])


def _listed_on(definition) -> tuple[str, ...]:
    return tuple(e for c in definition.yes + definition.partial for e in c.listed_on)


def _not_yet_published(definition, date: str) -> list[dict]:
    """The editions a list-only definition reads, when none was published by ``date``."""
    if any(not c.listed_on for c in definition.yes):
        return []
    editions = [reference().editions[e] for e in _listed_on(definition)]
    if not editions or any(e.date <= date for e in editions):
        return []
    return sorted(({"name": e.name, "date": e.date} for e in editions), key=lambda e: e["date"])


def cards(statuses: list[dict], date: str, unreviewed: list[dict]) -> list[dict]:
    """One card per definition: its label as shown, what decided it (reasons in plain words,
    the missing-evidence ones only counted), the evidence it counted and what it did not:
    ``unreviewed`` listings (read from documents no reviewer accepted) on its lists."""
    out = []
    for s in statuses:
        definition = definitions()[s["definition"]]
        decided, missing = [], []
        for r in s["reasons"]:
            found = _MISSING.match(r["text"]) if r["kind"] == "missing" else None
            if found:
                missing.append({"provision": found.group(1), "asks": found.group(2)})
            else:
                decided.append({**r, "text": plain(r["text"])})
        unpublished = _not_yet_published(definition, date) if s["label"] == "no" else []
        shown = NOT_YET if unpublished else s["label"]
        if s["reasons"] and s["reasons"][0]["kind"] == "scope":
            shown = "does not apply"
        lists = set(_listed_on(definition))
        out.append(
            {
                "definition": s["definition"],
                "name": s["name"],
                "short": short_name(s["name"]),
                "measures": s["measures"],
                "source": s["source"],
                "label": s["label"],
                "shown": shown,
                "css": "unpublished" if unpublished else s["label"],
                "decided": decided,
                "unpublished": unpublished,
                "missing": missing,
                "not_counted": [x for x in unreviewed if x["list_id"] in lists],
            }
        )
    return out


def summary(all_cards: list[dict]) -> list[dict]:
    """The verdict line, one part per kind of measure (sanctuary first): how many of the
    definitions that apply give each label, and which give yes."""
    parts = []
    for measures in sorted({c["measures"] for c in all_cards}, key=lambda m: (m != "sanctuary", m)):
        group = [c for c in all_cards if c["measures"] == measures]
        applies = [c for c in group if c["shown"] != "does not apply"]
        counts = {}
        for c in applies:
            counts[c["shown"]] = counts.get(c["shown"], 0) + 1
        order = ("yes", "partial", "no", NOT_YET, "unknown")
        parts.append(
            {
                "measures": measures,
                "words": MEASURE_WORDS.get(measures, measures),
                "of": len(applies),
                "yes": [c for c in applies if c["shown"] == "yes"],
                "counts": [{"label": k, "n": counts[k]} for k in order if counts.get(k)],
                "not_applying": len(group) - len(applies),
            }
        )
    return parts


def unknowns(all_cards: list[dict]) -> list[dict]:
    """What is not known, by provision: its name and which definitions ask about it."""
    by_code: dict[str, list[dict]] = {}
    for c in all_cards:
        for m in c["missing"]:
            by_code.setdefault(m["provision"], []).append({"short": c["short"], "asks": m["asks"]})
    return [
        {"provision": code, "name": provision_name(code), "asked_by": by_code[code]}
        for code in sorted(by_code)
    ]
