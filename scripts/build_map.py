"""Build the web map's geometry from npm's us-atlas (Census cartographic boundaries,
already projected to Albers USA in a 975 x 610 frame): one SVG path per county and per
state, and each county's centre (where its places are drawn), as compact JSON.

    npm ci && python scripts/build_map.py [node_modules/us-atlas] [STATIC_FOLDER]

``make map`` runs both; the output is deterministic (same input, same bytes)."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from sanctuary_tracker.publish.topojson import decode_arcs, polygons, ring_points

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ROOT / "node_modules" / "us-atlas"
STATIC = ROOT / "src" / "sanctuary_tracker" / "web" / "static" / "web"


def svg_path(geometry: dict, arcs) -> tuple[str, tuple[float, float] | None]:
    """The geometry as an SVG path of relative moves at 0.1 px, and the centre of its
    largest ring's bounding box."""
    parts, best = [], None
    for polygon in polygons(geometry):
        for number, ring in enumerate(polygon):
            points = [(round(x * 10), round(y * 10)) for x, y in ring_points(ring, arcs)]
            deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            if len(deduped) < 3:
                continue
            x0, y0 = deduped[0]
            steps = [
                f"{(x - px) / 10:g} {(y - py) / 10:g}"
                for (px, py), (x, y) in itertools.pairwise(deduped)
            ]
            parts.append(f"M{x0 / 10:g} {y0 / 10:g}l" + " ".join(steps) + "z")
            if number == 0:
                xs, ys = [p[0] for p in deduped], [p[1] for p in deduped]
                area = (max(xs) - min(xs)) * (max(ys) - min(ys))
                if best is None or area > best[0]:
                    best = (area, ((max(xs) + min(xs)) / 20, (max(ys) + min(ys)) / 20))
    return "".join(parts), (best[1] if best else None)


def build(atlas: Path) -> dict:
    topology = json.loads((atlas / "counties-albers-10m.json").read_text())
    arcs = decode_arcs(topology)
    counties, centres = [], {}
    for g in sorted(topology["objects"]["counties"]["geometries"], key=lambda g: g["id"]):
        path, centre = svg_path(g, arcs)
        if path:
            counties.append([g["id"], g["properties"]["name"], path])
            centres[g["id"]] = [round(centre[0], 1), round(centre[1], 1)]
    states = []
    for g in sorted(topology["objects"]["states"]["geometries"], key=lambda g: g["id"]):
        path, _ = svg_path(g, arcs)
        states.append([g["id"], g["properties"]["name"], path])
    version = json.loads((atlas / "package.json").read_text())["version"]
    return {
        "source": f"us-atlas {version} (counties-albers-10m.json: Census cartographic boundaries, 1:10m)",
        "width": 975,
        "height": 610,
        "counties": counties,
        "states": states,
        "centres": centres,
    }


def main(argv: list[str]) -> None:
    atlas = Path(argv[0]) if argv else ATLAS
    static = Path(argv[1]) if len(argv) > 1 else STATIC
    if not (atlas / "counties-albers-10m.json").exists():
        sys.exit(f"{atlas}: us-atlas is not installed (run `npm ci` first)")
    data = build(atlas)
    static.mkdir(parents=True, exist_ok=True)
    output = static / "us-map.json"
    output.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(
        f"{output}: {len(data['counties'])} counties, {len(data['states'])} states, "
        f"{output.stat().st_size:,} bytes"
    )
    # The unprojected boundaries (longitude, latitude), for the GeoJSON export.
    lonlat = json.loads((atlas / "counties-10m.json").read_text())
    (static / "us-lonlat.json").write_text(json.dumps(lonlat, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
