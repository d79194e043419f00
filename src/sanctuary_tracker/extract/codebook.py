"""The provisions codebook (CODEBOOK section 1) shipped as ``data/codebook.json``: loader
and validation.

Each provision has ``id`` (P01, P01a ... P17), ``name``, ``value_type`` (bool, enum, set,
multi_enum), ``allowed_values`` (``[true, false]`` for bool; a non-empty list of distinct
strings otherwise) and ``basis`` (its sources as the codebook gives them). A malformed file
raises ``CodebookError`` naming the file, the entry and what is wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

VALUE_TYPES = ("bool", "enum", "set", "multi_enum")
REQUIRED = ("id", "name", "value_type", "allowed_values", "basis")
_ID = re.compile(r"^P\d{2}[a-z]?$")


class CodebookError(ValueError):
    """The codebook file is missing, not JSON, or breaks the schema."""


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    name: str
    value_type: str
    allowed_values: tuple[Any, ...]
    basis: str

    def allows(self, value: Any) -> bool:
        """Whether ``value`` is one the provision can take (a subset for set/multi_enum)."""
        if self.value_type == "bool":
            return isinstance(value, bool)
        if self.value_type == "enum":
            return value in self.allowed_values
        values = value if isinstance(value, list | tuple | set | frozenset) else [value]
        return all(v in self.allowed_values for v in values)


@dataclass(frozen=True, slots=True)
class Codebook:
    version: str
    provisions: dict[str, Provision]

    def __getitem__(self, provision_id: str) -> Provision:
        return self.provisions[provision_id]

    def __contains__(self, provision_id: object) -> bool:
        return provision_id in self.provisions


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The codebook at ``path``, or the one shipped with the package (cached)."""
    if path is None:
        return _shipped()
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CodebookError(f"{path}: cannot read codebook: {exc.strerror or exc}") from exc
    return parse_codebook(raw, str(path))


@lru_cache(maxsize=1)
def _shipped() -> Codebook:
    resource = resources.files("sanctuary_tracker") / "data" / "codebook.json"
    return parse_codebook(
        resource.read_text(encoding="utf-8"), "sanctuary_tracker/data/codebook.json"
    )


def parse_codebook(raw: str, where: str = "codebook") -> Codebook:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CodebookError(
            f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("provisions"), list):
        raise CodebookError(f"{where}: expected an object with a 'provisions' list")
    if not data["provisions"]:
        raise CodebookError(f"{where}: 'provisions' is empty")
    provisions: dict[str, Provision] = {}
    for index, entry in enumerate(data["provisions"]):
        provision = _provision(entry, f"{where}: provisions[{index}]")
        if provision.id in provisions:
            raise CodebookError(f"{where}: provisions[{index}]: duplicate id {provision.id!r}")
        provisions[provision.id] = provision
    return Codebook(version=str(data.get("version", "")), provisions=provisions)


def _provision(entry: Any, where: str) -> Provision:
    if not isinstance(entry, dict):
        raise CodebookError(f"{where}: expected an object, got {type(entry).__name__}")
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        name = entry.get("id", "?")
        raise CodebookError(f"{where} ({name}): missing {', '.join(missing)}")
    pid = entry["id"]
    if not isinstance(pid, str) or not _ID.match(pid):
        raise CodebookError(f"{where}: id {pid!r} is not of the form P01 or P01a")
    where = f"{where} ({pid})"
    for key in ("name", "basis"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise CodebookError(f"{where}: {key} must be a non-empty string")
    value_type = entry["value_type"]
    if value_type not in VALUE_TYPES:
        raise CodebookError(
            f"{where}: value_type {value_type!r} is not one of {', '.join(VALUE_TYPES)}"
        )
    allowed = entry["allowed_values"]
    if not isinstance(allowed, list) or not allowed:
        raise CodebookError(f"{where}: allowed_values must be a non-empty list")
    if value_type == "bool":
        if sorted(allowed) != [False, True] or not all(isinstance(v, bool) for v in allowed):
            raise CodebookError(f"{where}: a bool provision allows exactly [true, false]")
    else:
        if not all(isinstance(v, str) and v for v in allowed):
            raise CodebookError(
                f"{where}: allowed_values of a {value_type} must be non-empty strings"
            )
        if len(set(allowed)) != len(allowed):
            raise CodebookError(f"{where}: allowed_values has duplicates")
    return Provision(pid, entry["name"], value_type, tuple(allowed), entry["basis"])
