"""The map: county and state shapes (built from us-atlas by scripts/build_map.py), their
labels under a definition on a date, and places with evidence of their own as small points
at their own location (GeoNames, built by scripts/build_place_points.py; a place GeoNames
does not place is drawn near its county's centre). Also what each definition has evidence
for on a date, and the view the map opens on."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from sanctuary_tracker.web.classification import (
    classifier,
    data_version,
    definitions,
    gazetteer,
    labels,
)
from sanctuary_tracker.web.lru import Lru

LABELS = ("yes", "partial", "no", "unknown")


class MapAssetMissing(RuntimeError):
    """The built map geometry is absent (run ``make map``)."""


@cache
def geometry() -> dict[str, Any]:
    asset = resources.files("sanctuary_tracker.web") / "static" / "web" / "us-map.json"
    try:
        return json.loads(asset.read_text())
    except FileNotFoundError:
        raise MapAssetMissing(
            "the map geometry is not built: run `make map` (npm ci + scripts/build_map.py)"
        ) from None


@cache
def place_points() -> dict[str, list[float]]:
    """GEOID -> [lon, lat, x, y] of the places GeoNames locates (empty when not built)."""
    asset = resources.files("sanctuary_tracker.web") / "static" / "web" / "place-points.json"
    try:
        return json.loads(asset.read_text())["points"]
    except FileNotFoundError:
        return {}


def _offset(geoid: str) -> tuple[float, float]:
    """A small fixed offset per place so that places of one county do not overlap."""
    digest = hashlib.blake2b(geoid.encode(), digest_size=2).digest()
    return (digest[0] / 255 - 0.5) * 8, (digest[1] / 255 - 0.5) * 8


def places(found: dict[str, str]) -> list[list]:
    """[geoid, name, state, x, y, label] of every local government with facts of its own."""
    g, centres, points = gazetteer(), geometry()["centres"], place_points()
    own = classifier().evidence.own
    rows = []
    for geoid in sorted(own):
        try:
            j = g.by_geoid(geoid)
        except KeyError:
            continue
        if j.level != "local":
            continue
        if geoid in points:
            x, y = points[geoid][2], points[geoid][3]
        elif j.county_geoid in centres:
            centre, (dx, dy) = centres[j.county_geoid], _offset(geoid)
            x, y = round(centre[0] + dx, 1), round(centre[1] + dy, 1)
        else:
            continue
        rows.append([geoid, j.name, j.state, x, y, found.get(geoid, "unknown")])
    return rows


_EVIDENCE_CACHE = Lru(16)


def evidence(date: str) -> dict[str, dict[str, int]]:
    """Per definition, how many jurisdictions have each decided label (yes, partial, no)
    on ``date``: what the definition has evidence for (kept until the store changes)."""
    return _EVIDENCE_CACHE.get_or_build((date, data_version()), lambda: _evidence(date))


def _evidence(date: str) -> dict[str, dict[str, int]]:
    found = {}
    for definition_id in sorted(definitions()):
        values = list(labels(definition_id, date).values())
        found[definition_id] = {label: values.count(label) for label in LABELS[:3]}
    return found


def default_definition_on(date: str) -> str:
    """The definition the map opens on: of those that measure "sanctuary" (the map's own
    question), the one with the most jurisdictions labelled yes or partial on ``date``
    (a closed list's "no" for everyone it does not name says little), then the most
    decided; any definition when none measuring sanctuary has data; ties by id."""
    counts = evidence(date)

    def rank(definition_id: str) -> tuple:
        c = counts[definition_id]
        sanctuary = definitions()[definition_id].measures == "sanctuary"
        return (
            -(sanctuary and c["yes"] + c["partial"] > 0),
            -(c["yes"] + c["partial"]),
            -sum(c.values()),
            definition_id,
        )

    return min(counts, key=rank)


_MAP_CACHE = Lru(16)


def map_data(definition_id: str, date: str) -> dict[str, Any]:
    """Labels of every drawn county and state, and the places, for the map's script (kept
    for the last few definitions and dates until the store's data changes: an address the
    response cache has not seen, or the map page's legend, does not build it again)."""
    key = (definition_id, date, data_version())
    return _MAP_CACHE.get_or_build(key, lambda: _map_data(definition_id, date))


_JSON_CACHE = Lru(16)


def map_json(definition_id: str, date: str, render: Callable[[dict], bytes]) -> bytes:
    """``render(map_data(...))``, the API's answer, kept as the map data is: an address
    the response cache has not seen costs no validating and serialising again."""
    key = (definition_id, date, data_version())
    return _JSON_CACHE.get_or_build(key, lambda: render(map_data(definition_id, date)))


def _map_data(definition_id: str, date: str) -> dict[str, Any]:
    found = labels(definition_id, date)
    shapes = geometry()
    return {
        "definition": definition_id,
        "date": date,
        "counties": {c[0]: found.get(c[0], "unknown") for c in shapes["counties"]},
        "states": {s[0]: found.get(s[0], "unknown") for s in shapes["states"]},
        "places": places(found),
        "evidence": evidence(date),
    }


def _title(geoid: str, fallback: str) -> str:
    try:
        j = gazetteer().by_geoid(geoid)
    except KeyError:
        return fallback
    return j.name if j.level == "state" else f"{j.name}, {j.state}"


_SVG_CACHE = Lru(16)
_SVG_BYTES_CACHE = Lru(16)
# Where the map page's template puts the SVG: markup no escaped value can spell.
SVG_SLOT = "<map-svg-slot/>"


def svg(definition_id: str, date: str) -> str:
    """The whole map as inline SVG markup (kept for the last few definitions and dates
    until the store's data changes)."""
    key = (definition_id, date, data_version())
    return _SVG_CACHE.get_or_build(key, lambda: _svg(definition_id, date))


def with_svg(page: bytes, definition_id: str, date: str) -> bytes:
    """``page`` (UTF-8) with the map's SVG in place of its one SVG_SLOT: the 1.2 MB go in
    as bytes encoded once, not through the template's joins and the page's encoding."""
    before, after = page.split(SVG_SLOT.encode())  # exactly one slot, else an error
    key = (definition_id, date, data_version())
    markup = _SVG_BYTES_CACHE.get_or_build(key, lambda: svg(definition_id, date).encode())
    return b"".join((before, markup, after))


# A state's own label shows, hatched, through its counties that have none of their own.
_PATTERNS = "".join(
    f'<pattern id="hatch-{label}" width="4" height="4" patternUnits="userSpaceOnUse" '
    f'patternTransform="rotate(45)"><rect width="4" height="4" class="pf-{label}"/>'
    '<rect width="1.3" height="4" fill="#fff" fill-opacity=".6"/></pattern>'
    for label in LABELS
)


def _svg(definition_id: str, date: str) -> str:
    """The map's markup, every name escaped, each county and place a link named for its
    jurisdiction and label. Layers, bottom up: states filled by their own label (hatched),
    counties (filled when they have a label of their own, else see-through and still
    clickable), state borders, places as small points."""
    data, shapes, g = map_data(definition_id, date), geometry(), gazetteer()
    known = {j.geoid for j in g if j.level != "local"}
    parts = [
        f'<svg id="map" viewBox="0 0 {shapes["width"]} {shapes["height"]}" role="group" '
        'aria-labelledby="map-title"><title id="map-title">Map of counties, states and '
        f"places coloured by label</title><defs>{_PATTERNS}</defs>"
        '<g class="states-fill" aria-hidden="true">'
    ]
    for geoid, name, path in shapes["states"]:
        label = data["states"][geoid]
        parts.append(
            f'<path class="s-{label}" data-geoid="{geoid}" data-name="{escape(name)}" d="{path}"/>'
        )
    parts.append('</g><g class="counties">')
    for geoid, name, path in shapes["counties"]:
        label = data["counties"][geoid]
        title = escape(f"{_title(geoid, name)}: {label}")
        if geoid in known:
            parts.append(
                f'<a href="/jurisdiction/{geoid}/?date={date}"><title>{title}</title>'
                f'<path class="l-{label}" data-geoid="{geoid}" d="{path}"/></a>'
            )
        else:
            parts.append(
                f'<path class="l-{label}" data-geoid="{geoid}" d="{path}"><title>{title}</title></path>'
            )
    parts.append('</g><g class="states" aria-hidden="true">')
    for _geoid, _name, path in shapes["states"]:
        parts.append(f'<path d="{path}"/>')
    parts.append('</g><g class="places">')
    for geoid, name, state, x, y, label in data["places"]:
        title = escape(f"{name}, {state}: {label}")
        parts.append(
            f'<a href="/jurisdiction/{geoid}/?date={date}"><title>{title}</title><circle '
            f'class="p-{label}" data-geoid="{geoid}" cx="{x}" cy="{y}" r="1.5"/></a>'
        )
    parts.append("</g></svg>")
    return "".join(parts)


_COUNTS_CACHE = Lru(16)


def counts(definition_id: str, date: str) -> dict[str, dict[str, int]]:
    """How many counties, states and places carry each label (the legend's numbers; kept
    as the map data is)."""
    key = (definition_id, date, data_version())
    return _COUNTS_CACHE.get_or_build(key, lambda: _counts(definition_id, date))


def _counts(definition_id: str, date: str) -> dict[str, dict[str, int]]:
    data = map_data(definition_id, date)
    out = {}
    for layer in ("counties", "states"):
        values = list(data[layer].values())
        out[layer] = {label: values.count(label) for label in LABELS}
    out["places"] = {label: sum(p[5] == label for p in data["places"]) for label in LABELS}
    return out
