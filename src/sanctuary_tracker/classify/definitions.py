"""Definitions of "sanctuary" as rule files a non-programmer can read (TOML), validated on load.

A definition file::

    id = "dhs-ddor-2017"
    name = "DHS Declined Detainer Outcome Report (2017), section III"
    version = "1"
    source = "https://..."            # where the definition was read (a copy will do)
    primary_title = "..."             # optional: the primary source, named, and where its
    primary_url = "https://..."       #   author published it (``source`` is then a copy)
    summary = "What counts, in plain words."
    levels = ["county", "local"]      # optional: the kinds of jurisdiction it classifies
    measures = "sanctuary"            # optional: or "preemption" (a state ban on sanctuary
                                      #   policies), or "cooperation" (help given to ICE:
                                      #   287(g), detention contracts, detainers honoured)

    [[yes]]                           # the jurisdiction counts when any [[yes]] holds
    provision = "P01"                 # a codebook provision ...
    values = ["decline_all"]          # ... with one of these values (bool: omit, means true)
    formal = true                     # optional: only law or written policy counts;
                                      #   practice alone gives "partial"
    why = "declines detainers"        # optional: the words shown in reasons

    [[yes]]
    listed_on = ["doj-2025-08"]       # or: named in one of these official list editions

    [[partial]]                       # optional: conditions that give "partial"
    ...

``not_values`` instead of ``values`` means any known value but these. Every name is checked
against the codebook and the shipped list editions; a typo fails with the file, the line and
the name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sanctuary_tracker.classify.reference import Citation, load_reference
from sanctuary_tracker.extract.codebook import Codebook, load_codebook

LEVELS = ("state", "county", "local")
_TOP = {
    *("id", "name", "version", "source", "primary_title", "primary_url", "summary"),
    *("levels", "measures", "yes", "partial"),
}
MEASURES = ("sanctuary", "preemption", "cooperation")
_REQUIRED = ("id", "name", "version", "source", "summary", "yes")
_CONDITION = {"provision", "values", "not_values", "formal", "listed_on", "why"}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class DefinitionError(ValueError):
    """A definition file that cannot be used: the message names the file, line and name."""


@dataclass(frozen=True, slots=True)
class Condition:
    provision: str | None = None
    values: tuple[Any, ...] | None = None
    not_values: tuple[Any, ...] | None = None
    formal: bool = False
    listed_on: tuple[str, ...] = ()
    why: str = ""

    def matches(self, value: Any) -> bool:
        if self.values is not None:
            return value in self.values
        if self.not_values is not None:
            return value not in self.not_values and value not in (None, "unknown")
        return value is True


@dataclass(frozen=True, slots=True)
class Definition:
    id: str
    name: str
    version: str
    source: str
    summary: str
    levels: tuple[str, ...]
    measures: str
    yes: tuple[Condition, ...]
    partial: tuple[Condition, ...]
    path: str
    primary: Citation | None = None  # None: no primary source was confirmed

    @property
    def copies(self) -> tuple[str, ...]:
        """The secondary sources beside the primary: ``source`` when it is a copy."""
        return () if self.primary and self.primary.url == self.source else (self.source,)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "source": self.source,
            "primary": self.primary.to_record() if self.primary else None,
            "copies": list(self.copies),
            "summary": self.summary,
            "levels": list(self.levels),
            "measures": self.measures,
            "file": self.path,
        }


def load_definition(path: str | Path, codebook: Codebook | None = None) -> Definition:
    """The definition in the TOML file at ``path``, validated."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DefinitionError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return parse_definition(raw, str(path), codebook or load_codebook())


def parse_definition(raw: str, where: str, codebook: Codebook) -> Definition:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"{where}: not valid TOML: {exc}") from exc
    check = _Checker(raw, where)
    for key in data:
        if key not in _TOP:
            check.fail(key, f"unknown field {key!r} (expected one of {', '.join(sorted(_TOP))})")
    for key in _REQUIRED:
        if key not in data:
            raise DefinitionError(f"{where}: missing field {key!r}")
    for key in ("id", "name", "version", "source", "summary"):
        if not isinstance(data[key], str) or not data[key].strip():
            check.fail(key, f"{key!r} must be a non-empty string")
    if not _ID.match(data["id"]):
        check.fail(data["id"], f"id {data['id']!r} must be lower-case letters, digits, . _ -")
    levels = data.get("levels", list(LEVELS))
    for level in levels:
        if level not in LEVELS:
            check.fail(level, f"unknown level {level!r} (expected {', '.join(LEVELS)})")
    measures = data.get("measures", "sanctuary")
    if measures not in MEASURES:
        check.fail(measures, f"measures must be one of {', '.join(MEASURES)}")
    yes = tuple(_condition(c, check, codebook) for c in _tables(data, "yes", check))
    if not yes:
        check.fail("yes", "a definition needs at least one [[yes]] condition")
    partial = tuple(_condition(c, check, codebook) for c in _tables(data, "partial", check))
    primary = _primary(data, check)
    return Definition(
        data["id"],
        data["name"],
        data["version"],
        data["source"],
        data["summary"].strip(),
        tuple(levels),
        measures,
        yes,
        partial,
        where,
        primary,
    )


def _primary(data: dict, check: _Checker) -> Citation | None:
    """The primary source, when the file names one: a title and a web address, both."""
    given = [key for key in ("primary_title", "primary_url") if key in data]
    if not given:
        return None
    if len(given) == 1:
        check.fail(given[0], "give both primary_title and primary_url, or neither")
    title, url = data["primary_title"], data["primary_url"]
    if not isinstance(title, str) or not title.strip():
        check.fail("primary_title", "'primary_title' must be a non-empty string")
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+\S*$", url):
        check.fail("primary_url", "'primary_url' must be an http(s) address")
    return Citation(title.strip(), url)


def _tables(data: dict, key: str, check: _Checker) -> list[dict]:
    tables = data.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        check.fail(key, f"{key!r} must be written as [[{key}]] tables")
    return tables


def _condition(table: dict, check: _Checker, codebook: Codebook) -> Condition:
    for key in table:
        if key not in _CONDITION:
            check.fail(key, f"unknown condition field {key!r}")
    listed = table.get("listed_on")
    if listed is not None:
        editions = load_reference().editions
        listed = [listed] if isinstance(listed, str) else listed
        for edition in listed:
            if edition not in editions:
                check.fail(
                    edition,
                    f"unknown list edition {edition!r} (known: {', '.join(sorted(editions))})",
                )
        if "provision" in table:
            check.fail("listed_on", "a condition is either a provision or a listing, not both")
        return Condition(listed_on=tuple(listed), why=str(table.get("why", "")))
    provision = table.get("provision")
    if provision is None:
        check.fail("yes", "a condition needs 'provision' or 'listed_on'")
    if provision not in codebook:
        check.fail(provision, f"unknown provision {provision!r} (not in the codebook)")
    spec = codebook[provision]
    if "values" in table and "not_values" in table:
        check.fail("not_values", "give 'values' or 'not_values', not both")
    values = {k: table[k] for k in ("values", "not_values") if k in table}
    for key, listed_values in values.items():
        if not isinstance(listed_values, list) or not listed_values:
            check.fail(key, f"{key!r} must be a non-empty list")
        for value in listed_values:
            if not spec.allows(value):
                check.fail(
                    value,
                    f"{value!r} is not a value of {provision} "
                    f"(allowed: {', '.join(map(str, spec.allowed_values))})",
                )
    if not values and spec.value_type != "bool":
        check.fail(provision, f"{provision} is not yes/no: give 'values' or 'not_values'")
    formal = table.get("formal", False)
    if not isinstance(formal, bool):
        check.fail("formal", "'formal' must be true or false")
    return Condition(
        provision=provision,
        values=tuple(values["values"]) if "values" in values else None,
        not_values=tuple(values["not_values"]) if "not_values" in values else None,
        formal=formal,
        why=str(table.get("why", "")),
    )


class _Checker:
    """Turns a bad name into an error naming the file and the line it is on."""

    def __init__(self, raw: str, where: str):
        self.lines = raw.splitlines()
        self.where = where

    def fail(self, name: Any, message: str) -> None:
        line = self._line_of(str(name))
        at = f"{self.where}:{line}" if line else self.where
        raise DefinitionError(f"{at}: {message}")

    def _line_of(self, name: str) -> int | None:
        quoted = re.compile(
            rf"""(?:["']{re.escape(name)}["']|^\s*{re.escape(name)}\s*=|\[\[{re.escape(name)}\]\])"""
        )
        for number, line in enumerate(self.lines, start=1):
            if quoted.search(line.split("#", 1)[0]):
                return number
        return None


@lru_cache(maxsize=1)
def shipped_definitions() -> tuple[Definition, ...]:
    """The definitions shipped in ``data/definitions`` (cached)."""
    folder = resources.files("sanctuary_tracker") / "data" / "definitions"
    codebook = load_codebook()
    found = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".toml")),
        key=lambda e: e.name,
    )
    return tuple(
        parse_definition(
            entry.read_text(encoding="utf-8"),
            f"sanctuary_tracker/data/definitions/{entry.name}",
            codebook,
        )
        for entry in found
    )


def load_definitions(extra: list[str | Path] = ()) -> dict[str, Definition]:
    """The shipped definitions and the user's own files, by id; ids must be unique."""
    out: dict[str, Definition] = {}
    for definition in (*shipped_definitions(), *(load_definition(p) for p in extra)):
        if definition.id in out:
            raise DefinitionError(
                f"{definition.path}: id {definition.id!r} is already used by "
                f"{out[definition.id].path}"
            )
        out[definition.id] = definition
    return out
