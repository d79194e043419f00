"""GeoJSON geometry (longitude, latitude) for exports: counties and states from us-atlas's
unprojected boundaries; a place as a point at its own location (GeoNames, the map's
place-points.json), or at its county's centre when GeoNames does not place it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from sanctuary_tracker.publish.topojson import bbox_centre, decode_arcs, polygons, ring_points
from sanctuary_tracker.web.classification import gazetteer
from sanctuary_tracker.web.mapdata import place_points


@cache
def _shapes() -> dict[str, Any]:
    asset = resources.files("sanctuary_tracker.web") / "static" / "web" / "us-lonlat.json"
    topology = json.loads(asset.read_text())
    arcs = decode_arcs(topology)
    shapes = {}
    for layer in ("counties", "states"):
        for g in topology["objects"][layer]["geometries"]:
            rings = [
                [[[round(x, 4), round(y, 4)] for x, y in ring_points(ring, arcs)] for ring in poly]
                for poly in polygons(g)
            ]
            if rings:
                shapes[g["id"]] = rings
    return shapes


def feature_geometry(geoid: str | None) -> dict[str, Any] | None:
    if not geoid:
        return None
    shapes = _shapes()
    if geoid in shapes:
        return {"type": "MultiPolygon", "coordinates": shapes[geoid]}
    point = place_points().get(geoid)
    if point is not None:
        return {"type": "Point", "coordinates": [point[0], point[1]]}
    try:
        j = gazetteer().by_geoid(geoid)
    except KeyError:
        return None
    county = shapes.get(j.county_geoid or "")
    if county is None:
        return None
    x, y = bbox_centre([tuple(p) for p in county[0][0]])
    return {"type": "Point", "coordinates": [round(x, 4), round(y, 4)]}
