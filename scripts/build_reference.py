"""Build the shipped official-list editions and state laws from ../shared/data.

    python scripts/build_reference.py ../shared/data

reads ``official-lists/*.csv`` and ``state-laws.csv`` (each row with its source URL),
resolves every listed name to a gazetteer jurisdiction (GEOID and OCD id), and writes
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

from sanctuary_tracker.places.gazetteer import Jurisdiction, load_gazetteer  # noqa: E402

OUT = ROOT / "src" / "sanctuary_tracker" / "data" / "reference.json"

# One entry per edition: its id (the ids the listings extractor uses), what it is, and how
# complete the shipped members are, each with the sources that say so.
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
        "source gives its entries. Only the thirteen states reported as on it are shipped. "
        "It was taken down by 1 June 2025.",
        "sources": [
            "https://www.visaverge.com/immigration/dhs-publishes-list-of-sanctuary-cities-and-"
            "counties-obstructing-immigration-enforcement",
            "https://www.visaverge.com/17/us-homeland-security-removes-sanctuary-cities-list-"
            "after-sheriff-criticism",
        ],
        # The states reported as on the list, with the report that names them.
        "members": {
            "source_url": "https://thisweeksnews.com/local-leaders-question-dhs-list-of-"
            "sanctuary-jurisdictions",
            "states": "CA CO CT DE IL MD MA MN NJ NY OR VT WA".split(),
        },
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


def members(gazetteer, folder: Path, edition: dict) -> list[dict]:
    if edition["file"] is None:
        spec = edition["members"]
        return [
            _member(
                gazetteer.state(code),
                gazetteer.state(code).name,
                spec["source_url"],
                edition["date"],
                {},
            )
            for code in spec["states"]
        ]
    path = folder / "official-lists" / edition["file"]
    out = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            found = resolve(gazetteer, row["name"], row["state"], row["kind"])
            if not found:
                raise BuildError(f"{path}:{line}: cannot resolve {row['name']!r} ({row['state']})")
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


def state_laws(gazetteer, folder: Path) -> list[dict]:
    """The state laws, each with its state's GEOID (the jurisdiction its facts are about)."""
    path = folder / "state-laws.csv"
    out = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["direction"] not in ("limits_cooperation", "requires_cooperation"):
                raise BuildError(f"{path}:{line}: unknown direction {row['direction']!r}")
            if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", row["effective_date"]):
                raise BuildError(f"{path}:{line}: bad date {row['effective_date']!r}")
            state = gazetteer.state(row["state"])
            if state is None:
                raise BuildError(f"{path}:{line}: unknown state {row['state']!r}")
            out.append({**{key: row[key] for key in LAW_COLUMNS}, "geoid": state.geoid})
    return out


def build(folder: Path) -> dict:
    gazetteer = load_gazetteer()
    editions = []
    for spec in EDITIONS:
        edition = {k: v for k, v in spec.items() if k not in ("file", "members")}
        edition["members"] = members(gazetteer, folder, spec)
        editions.append(edition)
    return {
        "about": "Official list editions and state laws on cooperation with immigration "
        "enforcement; every member and law carries the URL of the public source that "
        "confirms it. Built by scripts/build_reference.py from the project's shared "
        "reference folder (official-lists/*.csv, state-laws.csv).",
        "editions": editions,
        "state_laws": state_laws(gazetteer, folder),
        "state_laws_missing": "Shipped: the laws confirmed with a source. Not yet covered "
        "(no confirmed citation): Massachusetts, Rhode Island, Delaware, Minnesota, Nevada "
        "and Hawaii among states limiting cooperation; South Carolina, Missouri, Louisiana, "
        "West Virginia, Oklahoma, Idaho, Utah, Kentucky, Wyoming and later Florida and North "
        "Carolina laws among states requiring it. Dates given as a year or a month are "
        "signing or enactment dates where no effective date was confirmed.",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        data = build(args.folder)
    except (BuildError, OSError, KeyError) as exc:
        print(f"build_reference: {exc}", file=sys.stderr)
        return 1
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = ", ".join(f"{e['id']} {len(e['members'])}" for e in data["editions"])
    print(f"wrote {args.out}: {counts}; {len(data['state_laws'])} state laws")
    return 0


if __name__ == "__main__":
    sys.exit(main())
