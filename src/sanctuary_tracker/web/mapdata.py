"""The map: county and state shapes (built from us-atlas by scripts/build_map.py), their
labels under a definition on a date, and places with evidence of their own as points
(drawn at their county's centre: the gazetteer holds no coordinates)."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from sanctuary_tracker.web.classification import classifier, data_version, gazetteer, labels
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


def _offset(geoid: str) -> tuple[float, float]:
    """A small fixed offset per place so that places of one county do not overlap."""
    digest = hashlib.blake2b(geoid.encode(), digest_size=2).digest()
    return (digest[0] / 255 - 0.5) * 8, (digest[1] / 255 - 0.5) * 8


def places(found: dict[str, str]) -> list[list]:
    """[geoid, name, state, x, y, label] of every local government with facts of its own."""
    g, centres = gazetteer(), geometry()["centres"]
    own = classifier().evidence.own
    rows = []
    for geoid in sorted(own):
        try:
            j = g.by_geoid(geoid)
        except KeyError:
            continue
        centre = centres.get(j.county_geoid or "")
        if j.level != "local" or centre is None:
            continue
        dx, dy = _offset(geoid)
        x, y = round(centre[0] + dx, 1), round(centre[1] + dy, 1)
        rows.append([geoid, j.name, j.state, x, y, found.get(geoid, "unknown")])
    return rows


def map_data(definition_id: str, date: str) -> dict[str, Any]:
    """Labels of every drawn county and state, and the places, for the map's script."""
    found = labels(definition_id, date)
    shapes = geometry()
    return {
        "definition": definition_id,
        "date": date,
        "counties": {c[0]: found.get(c[0], "unknown") for c in shapes["counties"]},
        "states": {s[0]: found.get(s[0], "unknown") for s in shapes["states"]},
        "places": places(found),
    }


def _title(geoid: str, fallback: str) -> str:
    try:
        j = gazetteer().by_geoid(geoid)
    except KeyError:
        return fallback
    return j.name if j.level == "state" else f"{j.name}, {j.state}"


_SVG_CACHE = Lru(16)


def svg(definition_id: str, date: str) -> str:
    """The whole map as inline SVG markup (kept for the last few definitions and dates
    until the store's data changes)."""
    key = (definition_id, date, data_version())
    found = _SVG_CACHE.get(key)
    if found is None:
        found = _svg(definition_id, date)
        _SVG_CACHE.put(key, found)
    return found


def _svg(definition_id: str, date: str) -> str:
    """The map's markup, every name escaped, each shape linking to its jurisdiction's page."""
    data, shapes, g = map_data(definition_id, date), geometry(), gazetteer()
    known = {j.geoid for j in g if j.level != "local"}
    parts = [
        f'<svg id="map" viewBox="0 0 {shapes["width"]} {shapes["height"]}" role="img" '
        'aria-labelledby="map-title"><title id="map-title">Counties and states coloured by '
        'label</title><g class="counties">'
    ]
    for geoid, name, path in shapes["counties"]:
        label = data["counties"][geoid]
        title = escape(f"{_title(geoid, name)}: {label}")
        shape = (
            f'<path class="l-{label}" data-geoid="{geoid}" d="{path}"><title>{title}</title></path>'
        )
        if geoid in known:
            shape = f'<a href="/jurisdiction/{geoid}/?date={date}">{shape}</a>'
        parts.append(shape)
    parts.append('</g><g class="states">')
    for geoid, _name, path in shapes["states"]:
        parts.append(f'<path class="s-{data["states"][geoid]}" data-geoid="{geoid}" d="{path}"/>')
    parts.append('</g><g class="places">')
    for geoid, name, state, x, y, label in data["places"]:
        title = escape(f"{name}, {state}: {label}")
        parts.append(
            f'<a href="/jurisdiction/{geoid}/?date={date}"><circle class="p-{label}" '
            f'data-geoid="{geoid}" cx="{x}" cy="{y}" r="3"><title>{title}</title></circle></a>'
        )
    parts.append("</g></svg>")
    return "".join(parts)


def counts(definition_id: str, date: str) -> dict[str, dict[str, int]]:
    """How many counties, states and places carry each label (the legend's numbers)."""
    data = map_data(definition_id, date)
    out = {}
    for layer in ("counties", "states"):
        values = list(data[layer].values())
        out[layer] = {label: values.count(label) for label in LABELS}
    out["places"] = {label: sum(p[5] == label for p in data["places"]) for label in LABELS}
    return out
