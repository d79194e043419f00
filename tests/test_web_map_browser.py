"""The map in a real browser (Debian's chromium through Playwright, as test_web_browser.py):
the default view has data, states fill by their own label, a county click opens the
county, a bad date shows a message and no map, zoom and search-to-zoom, no horizontal
scroll on a phone, axe-core finds no serious or critical violation. Screenshots at
1366x900 and 390x844 go to tests/screenshots/."""

from __future__ import annotations

import re

import pytest
import requests
from test_web_browser import (  # noqa: F401 (the fixtures)
    DESKTOP,
    PHONE,
    SHOTS,
    browser,
    page_opener,
    serious_violations,
)


@pytest.fixture
def open_page(browser):  # noqa: F811
    yield from page_opener(browser)


def fill_of(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).fill")


def test_default_map_opens_on_a_definition_with_data(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/")
    chosen = page.locator("#definition option:checked").inner_text()
    # the option says what the definition decides on the date, and it decides something
    counted = re.search(r"\(([\d,]+) yes", chosen)
    assert counted and int(counted.group(1).replace(",", "")) > 0, chosen
    options = page.locator("#definition option").all_inner_texts()
    assert all(re.search(r"\((no evidence|[\d,]+ (yes|partial|no))", o) for o in options)
    coloured = page.locator(
        ".counties path.l-yes, .counties path.l-partial, .states-fill path.s-yes"
    ).count()
    assert coloured > 0
    page.screenshot(path=SHOTS / "map-default-1366.png")


def test_a_state_fills_by_its_own_label(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
    california = '.states-fill path[data-geoid="06"]'
    assert "s-yes" in page.locator(california).get_attribute("class")
    assert fill_of(page, california).startswith("url(")  # the hatch of its label
    grey = fill_of(page, ".states-fill path.s-unknown")
    assert grey != fill_of(page, california)
    # a county of California with no label of its own lets the state's label show through
    county = page.locator('.counties path[data-geoid="06001"]')  # Alameda
    if "l-unknown" in county.get_attribute("class"):
        assert county.evaluate("e => getComputedStyle(e).fill") in (
            "transparent",
            "rgba(0, 0, 0, 0)",
        )
    # what shows at the county's centre is California's hatch, drawn by the state layer
    hit = page.evaluate(
        """() => {
            const p = document.querySelector('.counties path[data-geoid="06019"]');
            const b = p.getBoundingClientRect();
            p.style.pointerEvents = 'none';
            const under = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
            p.style.pointerEvents = '';
            return under && under.dataset.geoid;
        }"""
    )
    assert hit == "06"
    page.uncheck("#show-states")
    assert page.locator(".map-wrap.no-states").count() == 1
    page.check("#show-states")
    page.screenshot(path=SHOTS / "map-doj-2025-08-states.png")


def test_clicking_a_county_opens_the_county_not_a_city(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
    # Cook County, once hidden by Chicago's dot: most of it is the county's own, clickable
    spots = page.evaluate(
        """() => {
            const p = document.querySelector('.counties path[data-geoid="17031"]');
            const b = p.getBoundingClientRect(), mine = [];
            let inside = 0, dots = 0;
            for (let fy = 0.05; fy < 1; fy += 0.1) for (let fx = 0.05; fx < 1; fx += 0.1) {
                const x = b.left + fx * b.width, y = b.top + fy * b.height;
                if (!p.isPointInFill(new DOMPoint(...(() => {
                    const m = p.getScreenCTM().inverse(); const q = new DOMPoint(x, y)
                        .matrixTransform(m); return [q.x, q.y]; })()))) continue;
                inside += 1;
                const under = document.elementFromPoint(x, y);
                if (under === p) mine.push([x, y]);
                else if (under.tagName === 'circle') dots += 1;
            }
            return [inside, dots, mine];
        }"""
    )
    inside, dots, mine = spots
    # at the whole-country view (Cook is 12 px wide) the suburbs' dots cover under a third
    assert inside > 10 and dots <= 0.3 * inside and len(mine) >= 0.6 * inside, spots
    x, y = mine[len(mine) // 2]
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/jurisdiction/17031/"))
    assert page.locator("h1").inner_text().startswith("Cook County")


def test_places_sit_apart_and_small(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
    dots = page.eval_on_selector_all(
        ".places circle",
        "els => els.map(e => [e.dataset.geoid, +e.getAttribute('cx'), +e.getAttribute('cy'),"
        " e.getBoundingClientRect().width])",
    )
    assert len(dots) > 10
    assert max(d[3] for d in dots) < 6  # a few pixels across at 1366 wide
    where = {d[0]: (d[1], d[2]) for d in dots}
    boston, lawrence = where.get("2507000"), where.get("2534550")
    if boston and lawrence:  # Boston's dot no longer sits under Lawrence's
        assert abs(boston[1] - lawrence[1]) > 4
    # Suffolk County (Boston) can still be clicked somewhere
    free = page.evaluate(
        """() => {
            const p = document.querySelector('.counties path[data-geoid="25025"]');
            const b = p.getBoundingClientRect();
            for (let fy = 0.05; fy < 1; fy += 0.1) for (let fx = 0.05; fx < 1; fx += 0.1)
                if (document.elementFromPoint(b.left + fx * b.width, b.top + fy * b.height) === p)
                    return true;
            return false;
        }"""
    )
    assert free


def test_zoom_buttons_keys_and_find(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
    svg = page.locator("#map")
    assert svg.get_attribute("viewBox") == "0 0 975 610"
    page.click('button[data-zoom="in"]')
    assert page.locator(".map").get_attribute("data-zoom") == "2.00"
    page.locator(".map").focus()
    page.keyboard.press("+")
    assert page.locator(".map").get_attribute("data-zoom") == "4.00"
    before = svg.get_attribute("viewBox")
    page.keyboard.press("ArrowLeft")
    assert svg.get_attribute("viewBox") != before
    page.keyboard.press("0")
    assert page.locator(".map").get_attribute("data-zoom") == "1.00"
    page.mouse.move(600, 400)
    page.mouse.wheel(0, -300)
    page.wait_for_function("() => +document.querySelector('.map').dataset.zoom > 1")
    page.click('button[data-zoom="reset"]')
    page.fill("#map-find-name", "Suffolk County, MA")
    page.keyboard.press("Enter")
    assert float(page.locator(".map").get_attribute("data-zoom")) > 8
    assert page.locator('.counties .found[data-geoid="25025"]').count() == 1
    page.screenshot(path=SHOTS / "map-find-suffolk.png")
    page.locator("#map-found a").click()
    page.wait_for_url(re.compile(r"/jurisdiction/25025/"))


def test_a_bad_date_shows_a_message_never_a_map(open_page, site_sqlite):
    page = open_page()
    answer = page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2017-02-30")
    assert answer.status == 400
    assert "not a date" in page.locator("#map-error").inner_text()
    assert page.locator("#map").count() == 0
    answer = page.goto(site_sqlite.url + "/?definition=nonesuch")
    assert answer.status == 400 and "unknown" in page.locator("#map-error").inner_text()
    # map.js: an error answer from the API shows its message and hides the map
    page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
    page.evaluate(
        "() => { const d = document.querySelector('#definition');"
        " const o = new Option('bad', 'no-such-definition'); d.add(o); d.value = o.value;"
        " d.dispatchEvent(new Event('change')); }"
    )
    page.locator("#map-error:not([hidden])").wait_for()
    said = requests.get(
        site_sqlite.url + "/api/map",
        params={"definition": "no-such-definition", "date": "2025-09-01"},
        timeout=60,
    ).json()["error"]["message"]
    assert said in page.locator("#map-error").inner_text()  # the API's own words
    assert page.locator(".map.failed").count() == 1
    assert page.locator("#map").evaluate("e => getComputedStyle(e).visibility") == "hidden"
    assert set(page.locator("#counts td").all_inner_texts()) == {"\u2013"}  # no stale counts
    page.screenshot(path=SHOTS / "map-error.png")
    page.select_option("#definition", "doj-2025-08")
    page.locator('.map[data-definition="doj-2025-08"]').wait_for()
    assert page.locator(".map.failed").count() == 0
    assert page.locator("#map-error").is_hidden()


def test_typing_a_date_sends_one_request_and_stale_answers_are_dropped(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
    sent = []
    page.on("request", lambda r: sent.append(r.url) if "/api/map" in r.url else None)
    page.locator("#date").focus()  # the month: then day and year, as a person types
    page.keyboard.type("06012017", delay=40)  # month, day, year: one keystroke at a time
    page.locator('.map[data-date="2017-06-01"]').wait_for()
    page.wait_for_timeout(700)
    assert len(sent) == 1, sent
    # two requests in a row, the first answered last: the newer answer stays
    page.route(
        re.compile(r".*/api/map\?definition=ilrc-cooperation.*"),
        lambda route: (page.wait_for_timeout(1500), route.continue_()),
    )
    page.select_option("#definition", "ilrc-cooperation")
    page.select_option("#definition", "hall-2021-preemption")
    page.locator('.map[data-definition="hall-2021-preemption"]').wait_for()
    page.wait_for_timeout(2500)
    assert page.locator(".map").get_attribute("data-definition") == "hall-2021-preemption"


def test_phone_layout_has_no_horizontal_scroll(open_page, site_sqlite):
    page = open_page(PHONE)
    page.goto(site_sqlite.url + "/")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth,"
        " document.querySelector('#definition').getBoundingClientRect().right,"
        " document.querySelector('header input[name=q]').getBoundingClientRect().width,"
        " document.querySelector('#map').getBoundingClientRect().width]"
    )
    assert widths[0] == widths[1] == PHONE["width"], widths
    assert widths[2] <= PHONE["width"] and widths[3] >= 150, widths
    assert widths[4] >= 0.9 * PHONE["width"], widths  # the map spans the phone's width
    page.screenshot(path=SHOTS / "map-phone-390.png", full_page=True)


def test_skip_link_passes_the_map(open_page, site_sqlite):
    page = open_page()
    page.goto(site_sqlite.url + "/")
    skip = page.locator("a.skip", has_text="Skip the map")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "after-map"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.closest('#map')")


def test_axe_finds_no_serious_violation_on_the_map(open_page, site_sqlite):
    for viewport, name in ((DESKTOP, "1366"), (PHONE, "390")):
        page = open_page(viewport, bypass_csp=True)
        page.goto(site_sqlite.url + "/?definition=doj-2025-08&date=2025-09-01")
        assert serious_violations(page) == [], name
