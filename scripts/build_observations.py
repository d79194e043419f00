"""Check the sourced reference observations in ``reference/observations/*.csv``.

    python scripts/build_observations.py [reference/observations]

Each CSV holds one source's facts about jurisdictions, one a row: the jurisdiction's Census
GEOID (with its gazetteer name and state), a codebook provision and its value (a JSON
literal: ``true``, ``"honor_all"``), the date the source states it as of, the fact's form and
agency, a citation and the source's URL. A row whose provision, value, date, form, GEOID or
source does not check stops the build with the file and line. ``build_reference.py`` ships
the checked rows in ``data/reference.json`` as ``observations``; run alone, this script only
checks them and prints the counts.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sanctuary_tracker.classify.facts import FORMS  # noqa: E402
from sanctuary_tracker.places.gazetteer import load_gazetteer  # noqa: E402

FOLDER = ROOT / "reference" / "observations"
CODEBOOK = ROOT / "src" / "sanctuary_tracker" / "data" / "codebook.json"
COLUMNS = (
    "geoid",
    "name",
    "state",
    "provision",
    "value",
    "valid_from",
    "valid_to",
    "form",
    "agency",
    "citation",
    "source_url",
    "note",
)
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class ObservationError(ValueError):
    pass


def load_codebook(path: Path = CODEBOOK) -> dict[str, dict]:
    """The codebook's provisions by id."""
    return {p["id"]: p for p in json.loads(path.read_text(encoding="utf-8"))["provisions"]}


def observations(gazetteer, folder: Path = FOLDER, codebook: dict | None = None) -> list[dict]:
    """Every row of every CSV in ``folder`` (files by name, rows in file order), checked, with
    its value parsed and the dataset (the file's stem) it came from."""
    provisions = codebook if codebook is not None else load_codebook()
    out = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise ObservationError(f"{path}:1: columns must be {', '.join(COLUMNS)}")
            for line, row in enumerate(reader, start=2):
                record = _check(gazetteer, provisions, row, f"{path}:{line}")
                out.append({"dataset": path.stem, **record})
    return out


def _check(gazetteer, provisions: dict[str, dict], row: dict, where: str) -> dict:
    if None in row or any(row[c] is None for c in COLUMNS):
        raise ObservationError(f"{where}: expected {len(COLUMNS)} fields")
    try:
        j = gazetteer.by_geoid(row["geoid"])
    except KeyError:
        raise ObservationError(f"{where}: unknown GEOID {row['geoid']!r}") from None
    if j.geoid != row["geoid"]:
        raise ObservationError(f"{where}: GEOID {row['geoid']} is an alias of {j.geoid}")
    if j.state != row["state"]:
        raise ObservationError(f"{where}: GEOID {row['geoid']} is in {j.state}, not {row['state']}")
    provision = provisions.get(row["provision"])
    if provision is None:
        raise ObservationError(f"{where}: unknown provision {row['provision']!r}")
    try:
        value = json.loads(row["value"])
    except json.JSONDecodeError:
        raise ObservationError(f"{where}: value {row['value']!r} is not a JSON literal") from None
    if not _allowed(provision, value):
        raise ObservationError(
            f"{where}: {value!r} is not an allowed {provision['id']} value "
            f"({', '.join(json.dumps(v) for v in provision['allowed_values'])})"
        )
    start, end = row["valid_from"], row["valid_to"]
    if not _DATE.fullmatch(start):
        raise ObservationError(f"{where}: valid_from {start!r} is not YYYY[-MM[-DD]]")
    if end and (not _DATE.fullmatch(end) or end <= start):
        raise ObservationError(f"{where}: valid_to {end!r} is not a date after valid_from")
    if row["form"] not in FORMS:
        raise ObservationError(f"{where}: unknown form {row['form']!r}")
    for column in ("name", "agency", "citation"):
        if not row[column].strip():
            raise ObservationError(f"{where}: empty {column}")
    if not row["source_url"].startswith(("https://", "http://")):
        raise ObservationError(f"{where}: no source URL")
    return {**row, "value": value, "valid_to": end or None, "note": row["note"] or None}


def _allowed(provision: dict, value) -> bool:
    allowed = provision["allowed_values"]
    if provision["value_type"] in ("multi_enum", "set"):
        values = value if isinstance(value, list) else [value]
        return bool(values) and all(isinstance(v, str) and v in allowed for v in values)
    if provision["value_type"] == "bool":
        return isinstance(value, bool) and value in allowed
    return isinstance(value, str) and value in allowed


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER
    try:
        rows = observations(load_gazetteer(), folder)
    except (ObservationError, OSError) as exc:
        print(f"build_observations: {exc}", file=sys.stderr)
        return 1
    datasets = sorted({row["dataset"] for row in rows})
    for dataset in datasets:
        mine = [row for row in rows if row["dataset"] == dataset]
        print(f"{dataset}: {len(mine)} rows, {len({r['geoid'] for r in mine})} jurisdictions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
