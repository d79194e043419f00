"""Every US jurisdiction that can have a policy, read from the bundled data file.

The file (data/gazetteer.tsv.gz) is built by scripts/build_gazetteer.py from Open Civic
Data division ids and package data; its sources and counts are in
data/gazetteer.SOURCES.md. This module reads only that file: no build-time package is
needed at run time.

Rows: the states, DC and the territories (GEOID 2 digits); counties and county
equivalents (5 digits; Puerto Rico's municipios included); incorporated places (7
digits; Virginia's and three other independent cities are places of kind
"independent_city" and level "county"); and county subdivisions that are governments
(10 digits: New England towns, townships). Consolidated city-counties (Denver, San
Francisco, New Orleans, ...) are one row: the county's GEOID and OCD id, the city's
name, and the city's OCD id and GEOID as aliases.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sanctuary_tracker.heap import release_freed_heap
from sanctuary_tracker.places.tokens import normalise_phrase

COLUMNS = (
    "geoid",
    "ocd_id",
    "name",
    "legal_name",
    "kind",
    "state",
    "county_geoid",
    "population",
    "variants",
    "keys",
    "alias_ids",
    "alias_geoids",
)
DATA_FILE = "gazetteer.tsv.gz"

_STATE_KINDS = frozenset({"state", "district", "territory"})
_COUNTY_KINDS = frozenset({"independent_city"})
_LEVEL_RANK = {"state": 0, "county": 1, "local": 2}


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    geoid: str
    ocd_id: str
    name: str
    legal_name: str
    kind: str
    state: str
    county_geoid: str | None
    population: int | None
    variants: tuple[str, ...]  # every surface form that names it, including name and legal forms
    alias_ids: tuple[str, ...]  # other OCD ids for the same government
    alias_geoids: tuple[str, ...] = ()  # other GEOIDs for the same government

    @property
    def level(self) -> str:
        """One of state (states, DC, territories), county (counties and equivalents,
        independent cities, consolidated city-counties) or local (everything else)."""
        if self.kind in _STATE_KINDS:
            return "state"
        if len(self.geoid) == 5 or self.kind in _COUNTY_KINDS:
            return "county"
        return "local"


# Jurisdiction's fields, in the order _read sets them: every column but the lookup keys
# (a test checks they are all of them).
_FIELDS = tuple(column for column in COLUMNS if column != "keys")


def normalise(surface: str) -> str:
    """The lookup key of a surface form: case-, accent- and punctuation-insensitive
    (the one normalisation, from places/tokens.py, that the resolver matches with).

    >>> normalise("St. Louis") == normalise("saint louis") == "saint louis"
    True
    >>> normalise("N.Y.")
    'n y'
    """
    return normalise_phrase(surface)


def _sort_key(j: Jurisdiction) -> tuple:
    return (-(j.population or -1), _LEVEL_RANK[j.level], j.geoid)


class Gazetteer:
    def __init__(
        self,
        rows: Iterable[Jurisdiction],
        keys: Iterable[tuple[str, ...]],
        digest: str | None = None,
    ):
        # The SHA-256 of the file it was read from (None when built in memory): what the
        # resolver's automaton cache is keyed on.
        self.digest = digest
        self._rows: list[Jurisdiction] = list(rows)
        self._by_geoid: dict[str, Jurisdiction] = {j.geoid: j for j in self._rows}
        self._by_ocd: dict[str, Jurisdiction] = {j.ocd_id: j for j in self._rows}
        index: defaultdict[str, list[Jurisdiction]] = defaultdict(list)
        self._states: dict[str, Jurisdiction] = {}
        state_keys: dict[str, Jurisdiction] = {}
        for j, row_keys in zip(self._rows, keys, strict=True):
            for key in row_keys:
                index[key].append(j)
            if j.kind in _STATE_KINDS:
                self._states[j.state] = j
                for key in row_keys:
                    state_keys[key] = j
        for j in self._rows:  # aliases never shadow a canonical id
            for g in j.alias_geoids:
                self._by_geoid.setdefault(g, j)
            for o in j.alias_ids:
                self._by_ocd.setdefault(o, j)
        self._index = dict(index)
        self._state_keys = state_keys
        self._sorted: set[str] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self):
        return iter(self._rows)

    def by_geoid(self, geoid: str) -> Jurisdiction:
        """The jurisdiction with this Census GEOID (or an alias GEOID). KeyError if unknown."""
        return self._by_geoid[geoid.removeprefix("place-")]

    def by_ocd_id(self, ocd_id: str) -> Jurisdiction:
        """The jurisdiction with this OCD division id, canonical or alias. KeyError if unknown."""
        return self._by_ocd[ocd_id]

    def lookup(self, surface: str) -> list[Jurisdiction]:
        """Every jurisdiction the surface form may name, largest population first."""
        key = normalise(surface)
        bucket = self._index.get(key)
        if not bucket:
            return []
        if key not in self._sorted:
            bucket.sort(key=_sort_key)
            self._sorted.add(key)
        return list(bucket)

    def surfaces(self) -> Iterable[str]:
        """Every normalised surface form (the keys lookup() accepts)."""
        return self._index.keys()

    def state(self, text: str) -> Jurisdiction | None:
        """The state, DC or territory that text names: "MA", "Mass.", "Massachusetts",
        "N.Y.", "Calif.", "D.C."; None if it names none."""
        raw = text.strip()
        if len(raw) == 2 and raw.isalpha():
            found = self._states.get(raw.upper())
            if found is not None:
                return found
        return self._state_keys.get(normalise(raw))

    def in_state(self, state: str) -> list[Jurisdiction]:
        """Every jurisdiction inside a state (not the state itself), by GEOID."""
        s = self.state(state)
        if s is None:
            return []
        return [j for j in self._rows if j.state == s.state and j is not s]

    def counties_of(self, j: Jurisdiction) -> list[Jurisdiction]:
        """The county containing a local jurisdiction (where known); a state's counties and
        county equivalents; [] for a county."""
        if j.level == "state":
            return [c for c in self._rows if c.state == j.state and c.level == "county"]
        if j.level == "county" or not j.county_geoid:
            return []
        county = self._by_geoid.get(j.county_geoid)
        return [county] if county is not None else []


def _split(field: str) -> tuple[str, ...]:
    return tuple(field.split("|")) if field else ()


def read_gazetteer(data: bytes) -> Gazetteer:
    """A gazetteer from the bytes of a gazetteer.tsv.gz file."""
    # Some 400,000 small objects and nothing cyclic: the cyclic collector would only rescan them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read(data, hashlib.sha256(data).hexdigest())
    finally:
        if enabled:
            gc.enable()


def _read(data: bytes, digest: str) -> Gazetteer:
    lines = gzip.decompress(data).decode("utf-8").split("\n")
    header = tuple(lines[0].split("\t"))
    if header != COLUMNS:
        raise ValueError(f"unexpected gazetteer columns: {header}")
    rows: list[Jurisdiction] = []
    keys: list[tuple[str, ...]] = []
    new = object.__new__
    # The slots' own setters: faster than object.__setattr__, which looks each one up.
    (
        set_geoid,
        set_ocd,
        set_name,
        set_legal,
        set_kind,
        set_state,
        set_county,
        set_population,
        set_variants,
        set_alias_ids,
        set_alias_geoids,
    ) = (vars(Jurisdiction)[name].__set__ for name in _FIELDS)
    # One string object for each distinct name, legal name, kind, state and county: some
    # 8 MB less. (Sharing the variants too would save 6 MB more and take 15% longer.)
    one = {}.setdefault
    for line in lines[1:]:
        if not line:
            continue
        (
            geoid,
            ocd,
            name,
            legal,
            kind,
            state,
            county,
            pop,
            variants,
            row_keys,
            aliases,
            alias_geoids,
        ) = line.split("\t")
        # Built field by field: several times faster than the frozen dataclass's __init__.
        j = new(Jurisdiction)
        set_geoid(j, geoid)
        set_ocd(j, ocd)
        set_name(j, one(name, name))
        set_legal(j, one(legal, legal))
        set_kind(j, one(kind, kind))
        set_state(j, one(state, state))
        set_county(j, one(county, county) if county else None)
        set_population(j, int(pop) if pop else None)
        set_variants(j, _split(variants))
        set_alias_ids(j, _split(aliases))
        set_alias_geoids(j, _split(alias_geoids))
        rows.append(j)
        keys.append(_split(row_keys))
    return Gazetteer(rows, keys, digest)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    data = resources.files("sanctuary_tracker").joinpath("data", DATA_FILE).read_bytes()
    gazetteer = read_gazetteer(data)
    del data
    release_freed_heap()  # the file's text and lines, freed: about 13 MB
    return gazetteer
