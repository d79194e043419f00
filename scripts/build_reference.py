"""Build the shipped official-list editions and state laws from ../shared/data.

    python scripts/build_reference.py ../shared/data

reads ``official-lists/*.csv`` and ``state-laws.csv`` (each row with its source URL) and the
repository's own ``reference/`` folder (``state-laws.csv``: added laws, and corrections that
replace the shared row with the same state and law; ``state-law-coverage.csv``: one row per
state, DC and Puerto Rico; ``official-lists/<edition file>``: extra list rows), resolves every
listed name to a gazetteer jurisdiction (GEOID and OCD id), and writes
``src/sanctuary_tracker/data/reference.json``. The edition facts written here (dates,
completeness, where the missing rows are reported) come from the sources named beside them.
Rerunning on the same input writes the same file. A name that cannot be resolved stops the
build with a message naming the file and row.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))  # build_observations, when loaded from a test

from build_observations import ObservationError, observations  # noqa: E402

from sanctuary_tracker.places.gazetteer import Jurisdiction, load_gazetteer  # noqa: E402

OUT = ROOT / "src" / "sanctuary_tracker" / "data" / "reference.json"
REFERENCE = ROOT / "reference"

# One entry per edition: its id (the ids the listings extractor uses), what it is, and how
# complete the shipped members are, each with the sources that say so; ``primary``: the
# publisher's own copy (title and address) where one was confirmed, else None.
EDITIONS = [
    {
        "id": "dhs-ddor-2017",
        "file": "dhs-ddor-2017-section3.csv",
        "name": "DHS/ICE Declined Detainer Outcome Report, section III (detainers declined "
        "28 Jan - 3 Feb 2017)",
        "agency": "DHS",
        "date": "2017-03-20",
        "withdrawn": None,
        "complete": False,
        "missing": "Only the rows confirmed in stored sources are shipped. News reports put "
        "the full section III table at roughly 90 to 120 rows; the table text itself could "
        "not be read. A jurisdiction absent here may still have been on the report.",
        "sources": [
            "https://www.bretzlaw.com/2017/03/28/two-new-york-counties-lead-the-list-of-not-"
            "cooperating-with-ice-detainers/",
            "https://wgbh.org/news/local/2017-03-21/nine-new-england-communities-labeled-"
            "uncooperative-by-ice",
            "https://m.startribune.com/ice-suspends-weekly-detainer-report-of-uncooperative-"
            "law-enforcement-agencies/419160454/",
        ],
        # The publisher's own page on the report (ICE's copy of the report itself was not
        # found in any stored source); the sources above are reports about it.
        "primary": {
            "title": "DHS fact sheet: ICE Declined Detainer Outcome Report (20 March 2017)",
            "url": "https://www.dhs.gov/archive/news/2017/03/20/fact-sheet-us-immigration-"
            "and-customs-enforcement-declined-detainer-outcome-report",
        },
    },
    {
        "id": "doj-2017-04-letters",
        "file": "doj-2017-04-21-letters.csv",
        "name": "DOJ letters of 21 April 2017 on 8 U.S.C. 1373 compliance (nine FY2016 Byrne "
        "JAG recipients)",
        "agency": "DOJ",
        "date": "2017-04-21",
        "withdrawn": None,
        "complete": True,
        "missing": None,
        "sources": [
            "https://assets.documentcloud.org/documents/3675286/DOJ-Sanctuary-City-Letters.txt",
            "https://www.dispatch.com/story/news/world/2017/04/21/department-of-justice-warns-"
            "9-sanctuary-cities-they-may-lose-funding/100752356/",
        ],
        "primary": None,  # no copy from the publisher was found in a stored source
    },
    {
        "id": "doj-2017-11-letters",
        "file": "doj-2017-11-15-letters.csv",
        "name": "DOJ letters of 15 November 2017 to 29 jurisdictions preliminarily found in "
        "possible violation of 8 U.S.C. 1373",
        "agency": "DOJ",
        "date": "2017-11-15",
        "withdrawn": None,
        "complete": True,
        "missing": None,
        "sources": [
            "http://www.msnewsnow.com/story/36854317/us-justice-dept-accuses-jackson-of-"
            "possible-immigration-rules-violations",
            "http://wjtv.com/2017/11/15/justice-department-sends-letters-to-29-jurisdictions-"
            "regarding-immigration-enforcement/",
        ],
        "primary": None,  # no copy from the publisher was found in a stored source
    },
    {
        "id": "dhs-2025-05",
        "file": None,
        "name": "DHS list of sanctuary jurisdictions under EO 14287 (29 May 2025)",
        "agency": "DHS",
        "date": "2025-05-29",
        "withdrawn": "2025-06-01",
        "complete": False,
        "missing": "The list named more than 500 states, counties and cities; no stored "
        "source gives its entries. Only the thirteen states reported as on it, and any rows "
        "confirmed since in reference/official-lists/, are shipped. It was taken down by 1 "
        "June 2025.",
        "sources": [
            "https://www.visaverge.com/immigration/dhs-publishes-list-of-sanctuary-cities-and-"
            "counties-obstructing-immigration-enforcement",
            "https://www.visaverge.com/17/us-homeland-security-removes-sanctuary-cities-list-"
            "after-sheriff-criticism",
        ],
        "primary": None,  # no copy from the publisher was found in a stored source
        # The states reported as on the list, with the report that names them.
        "members": {
            "source_url": "https://thisweeksnews.com/local-leaders-question-dhs-list-of-"
            "sanctuary-jurisdictions",
            "states": "CA CO CT DE IL MD MA MN NJ NY OR VT WA".split(),
        },
        # Rows confirmed later, in the repository's reference/official-lists/ (if present).
        "extra_file": "dhs-2025-05-29-list.csv",
    },
    {
        "id": "doj-2025-08",
        "file": "doj-2025-08-05-list.csv",
        "name": "DOJ U.S. Sanctuary Jurisdiction List following EO 14287 (5 August 2025)",
        "agency": "DOJ",
        "date": "2025-08-05",
        "withdrawn": None,
        "complete": True,
        "missing": None,
        "sources": [
            "https://justice.gov/ag/us-sanctuary-jurisdiction-list-following-executive-order-"
            "14287-protecting-american-communities",
            "https://signalscv.com/2025/08/justice-department-releases-updated-list-of-"
            "sanctuary-jurisdictions",
        ],
        "primary": {
            "title": "DOJ: U.S. Sanctuary Jurisdiction List Following Executive Order 14287 "
            "(5 August 2025)",
            "url": "https://justice.gov/ag/us-sanctuary-jurisdiction-list-following-executive-"
            "order-14287-protecting-american-communities",
        },
    },
]

_PREFIXES = re.compile(r"^(?:City and County of|State of|City of)\s+", re.I)
_KEEP = ("aor", "date_enacted")


class BuildError(ValueError):
    pass


def resolve(gazetteer, name: str, state: str, kind: str) -> list[Jurisdiction]:
    """The jurisdictions a list row names (two when a row names a city and its county)."""
    if kind in ("state", "other"):
        if kind == "state" or "District of Columbia" in name:
            found = gazetteer.state(state)
            return [found] if found else []
        return [gazetteer.state(state)] if "Department" in name else []  # a state agency
    if ", " in name:  # "Iowa City, Johnson County"
        parts = [p.strip() for p in name.split(", ")]
        out = []
        for part in parts:
            part_kind = "county" if part.endswith(" County") else kind
            out += resolve(gazetteer, part, state, part_kind)
        return out
    bare = _PREFIXES.sub("", name)
    candidates = [bare, re.sub(r"\s+(?:City|Metro)$", "", bare)]
    if kind == "county" and not re.search(r"\b(?:County|Parish|Borough)$", bare):
        candidates.insert(0, bare + " County")
    for candidate in candidates:
        found = [j for j in gazetteer.lookup(candidate) if j.state == state]
        if kind == "county":
            found = [j for j in found if j.level == "county"]
        else:
            found = [j for j in found if j.level == "local"] or [
                j for j in found if j.kind == "city_county"
            ]
        if found:
            return [max(found, key=lambda j: (len(j.geoid) == 7, j.population or 0))]
    return []


def members(gazetteer, folder: Path, edition: dict, reference: Path = REFERENCE) -> list[dict]:
    """An edition's members: the shared CSV's rows (or the hard-coded states), then the rows
    of ``reference/official-lists/`` for the same edition that the shared rows lack (same
    name, state and kind)."""
    if edition["file"] is None:
        spec = edition["members"]
        seen = {(gazetteer.state(code).name, code, "state") for code in spec["states"]}
        out = [
            _member(
                gazetteer.state(code),
                gazetteer.state(code).name,
                spec["source_url"],
                edition["date"],
                {},
            )
            for code in spec["states"]
        ]
        extra = reference / "official-lists" / edition["extra_file"]
        return out + _list_rows(gazetteer, extra, seen) if extra.is_file() else out
    path = folder / "official-lists" / edition["file"]
    seen: set[tuple[str, str, str]] = set()
    out = _list_rows(gazetteer, path, seen)
    extra = reference / "official-lists" / edition["file"]
    return out + _list_rows(gazetteer, extra, seen) if extra.is_file() else out


def _list_rows(gazetteer, path: Path, seen: set[tuple[str, str, str]]) -> list[dict]:
    """The members a list CSV names, skipping (and then recording in ``seen``) the rows whose
    name, state and kind were already read."""
    out = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            key = (row["name"], row["state"], row["kind"])
            if key in seen:
                continue
            seen.add(key)
            found = resolve(gazetteer, row["name"], row["state"], row["kind"])
            if not found:
                raise BuildError(f"{path}:{line}: cannot resolve {row['name']!r} ({row['state']})")
            if not row.get("source_url", "").startswith("http"):
                raise BuildError(f"{path}:{line}: no source URL for {row['name']!r}")
            extra = {key: row[key] for key in _KEEP if row.get(key)}
            out += [
                _member(j, row["name"], row["source_url"], row["source_date"], extra) for j in found
            ]
    return out


def _member(j: Jurisdiction, as_listed: str, url: str, date: str, extra: dict) -> dict:
    return {
        "geoid": j.geoid,
        "ocd_id": j.ocd_id,
        "name": j.name,
        "state": j.state,
        "kind": j.kind,
        "as_listed": as_listed,
        "source_url": url,
        "source_date": date,
        **extra,
    }


LAW_COLUMNS = ("state", "law", "popular_name", "direction", "effective_date", "source_url")
DIRECTIONS = ("limits_cooperation", "requires_cooperation")
P16_VALUES = ("bans_limits", "mandates_detainers", "mandates_287g")
STATUSES = ("has_laws", "none_found")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _read_laws(path: Path) -> list[tuple[str, int, dict]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(str(path), line, row) for line, row in enumerate(csv.DictReader(handle), start=2)]


def state_laws(gazetteer, folder: Path, reference: Path = REFERENCE) -> list[dict]:
    """The state laws, each with its state's GEOID (the jurisdiction its facts are about): the
    shared table's rows, each replaced by the repository's row with the same state and law,
    then the repository's other rows, in file order."""
    rows = _read_laws(folder / "state-laws.csv")
    own = reference / "state-laws.csv"
    if own.is_file():
        index = {(row["state"], row["law"]): i for i, (_, _, row) in enumerate(rows)}
        for where, line, row in _read_laws(own):
            key = (row["state"], row["law"])
            if key in index:
                rows[index[key]] = (where, line, row)
            else:
                index[key] = len(rows)
                rows.append((where, line, row))
    return [_law(gazetteer, where, line, row) for where, line, row in rows]


def _law(gazetteer, where: str, line: int, row: dict) -> dict:
    if row["direction"] not in DIRECTIONS:
        raise BuildError(f"{where}:{line}: unknown direction {row['direction']!r}")
    if not _DATE.fullmatch(row["effective_date"]):
        raise BuildError(f"{where}:{line}: bad date {row['effective_date']!r}")
    end = row.get("end_date") or ""
    if end and (not _DATE.fullmatch(end) or end <= row["effective_date"]):
        raise BuildError(f"{where}:{line}: bad end date {end!r}")
    if end and not row.get("end_note"):
        raise BuildError(f"{where}:{line}: end date {end} without an end note saying why")
    if not row["source_url"].startswith("http"):
        raise BuildError(f"{where}:{line}: no source URL for {row['law']!r}")
    p16 = row.get("p16_value") or ""
    if row["direction"] == "requires_cooperation":
        p16 = p16 or "bans_limits"
        if p16 not in P16_VALUES:
            raise BuildError(f"{where}:{line}: unknown p16_value {p16!r}")
    elif p16:
        raise BuildError(f"{where}:{line}: p16_value on a law limiting cooperation")
    state = gazetteer.state(row["state"])
    if state is None:
        raise BuildError(f"{where}:{line}: unknown state {row['state']!r}")
    return {
        **{key: row[key] for key in LAW_COLUMNS},
        "end_date": end or None,
        "end_note": row.get("end_note") or None,
        "p16_value": p16 or None,
        "geoid": state.geoid,
    }


def coverage(gazetteer, laws: list[dict], reference: Path = REFERENCE) -> list[dict]:
    """One entry per state, DC and Puerto Rico: whether laws were found, as of when, and the
    sources checked. A state marked has_laws must have a law, one marked none_found none."""
    path = reference / "state-law-coverage.csv"
    with_laws = {law["state"] for law in laws}
    out = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path}:{line}"
            if gazetteer.state(row["state"]) is None:
                raise BuildError(f"{where}: unknown state {row['state']!r}")
            if row["status"] not in STATUSES:
                raise BuildError(f"{where}: unknown status {row['status']!r}")
            if (row["status"] == "has_laws") != (row["state"] in with_laws):
                raise BuildError(
                    f"{where}: status {row['status']} but laws shipped: {row['state'] in with_laws}"
                )
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["checked_as_of"]):
                raise BuildError(f"{where}: bad date {row['checked_as_of']!r}")
            sources = row["sources_checked"].split()
            if not sources or not all(url.startswith("http") for url in sources):
                raise BuildError(f"{where}: sources_checked must be URLs")
            out.append(
                {
                    "state": row["state"],
                    "status": row["status"],
                    "checked_as_of": row["checked_as_of"],
                    "sources_checked": sources,
                    "note": row["note"],
                }
            )
    states = [entry["state"] for entry in out]
    if len(set(states)) != len(states):
        raise BuildError(f"{path}: a state appears twice")
    missing = sorted(with_laws - set(states))
    if missing:
        raise BuildError(f"{path}: no row for {', '.join(missing)}")
    return sorted(out, key=lambda entry: entry["state"])


def build(folder: Path, reference: Path = REFERENCE) -> dict:
    gazetteer = load_gazetteer()
    editions = []
    for spec in EDITIONS:
        edition = {k: v for k, v in spec.items() if k not in ("file", "members", "extra_file")}
        edition["members"] = members(gazetteer, folder, spec, reference)
        editions.append(edition)
    laws = state_laws(gazetteer, folder, reference)
    return {
        "about": "Official list editions and state laws on cooperation with immigration "
        "enforcement; every member and law carries the URL of the public source that "
        "confirms it. Built by scripts/build_reference.py from the project's shared "
        "reference folder (official-lists/*.csv, state-laws.csv) and the repository's "
        "reference/ folder (added and corrected laws, per-state coverage).",
        "editions": editions,
        "state_laws": laws,
        "state_laws_missing": "Shipped: the laws confirmed with a source, and for every state, "
        "DC and Puerto Rico whether any was found (state_law_coverage, with the sources "
        "checked). A state marked none_found may still have a law the sources did not show. "
        "Not confirmed and left out: Tennessee's 2024 and 2026 laws, Indiana's 2026 bill, "
        "Kentucky SB 1 (2020), Hawaii, Oklahoma and Idaho anti-sanctuary claims, Virginia's 2020 repeal of its 2008 jail-reporting law. Dates "
        "given as a year or a month are signing or enactment dates where no effective date "
        "was confirmed (see each law's source).",
        "state_law_coverage": coverage(gazetteer, laws, reference),
        "observations": observations(gazetteer, reference / "observations"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--reference", type=Path, default=REFERENCE, help="the repository's reference folder"
    )
    args = parser.parse_args()
    try:
        data = build(args.folder, args.reference)
    except (BuildError, ObservationError, OSError, KeyError) as exc:
        print(f"build_reference: {exc}", file=sys.stderr)
        return 1
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = ", ".join(f"{e['id']} {len(e['members'])}" for e in data["editions"])
    found = sum(1 for entry in data["state_law_coverage"] if entry["status"] == "has_laws")
    print(
        f"wrote {args.out}: {counts}; {len(data['state_laws'])} state laws; "
        f"{found} of {len(data['state_law_coverage'])} states with a law"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
