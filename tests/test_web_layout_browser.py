"""The published pages at a phone's 390x844 and at desktop 1280x900 and 1366x900, in
Debian's chromium (the browser fixture of test_web_browser): no page scrolls sideways, the
phone's map pinches in (its width: test_web_map_browser), the counts table fits beside it at
1280, a rich jurisdiction page on a phone is a few screens long with its long sections
folded (and all of them still in the page), and axe-core finds no serious or critical
violation. Screenshots: tests/screenshots/layout-*.png."""

from __future__ import annotations

import re

import pytest
import requests
from test_web_browser import SHOTS, browser, page_opener, serious_violations  # noqa: F401

SIZES = {
    "390": {"width": 390, "height": 844},
    "1280": {"width": 1280, "height": 900},
    "1366": {"width": 1366, "height": 900},
}
DATE = "date=2025-09-01"
# Rich jurisdictions of the demo: 287(g) agreements, list editions, quotes, state laws.
JURISDICTIONS = {
    "knox": "47093",  # Knox County, TN
    "cook": "17031",  # Cook County, IL
    "california": "06",
    "chelsea": "2513205",  # Chelsea, MA: quotes and documents
    "miami-dade": "12086",  # the most 287(g) agreements of the demo
}
PAGES = {
    "map": f"/?definition=doj-2025-08&{DATE}",
    "map-cooperation": f"/?definition=ilrc-cooperation&{DATE}",
    **{name: f"/jurisdiction/{geoid}/?{DATE}" for name, geoid in JURISDICTIONS.items()},
    "search": "/search/?q=Chelsea",
    "table": f"/table/?definition=doj-2025-08&{DATE}",
}
SIDEWAYS = "() => [document.documentElement.scrollWidth, window.innerWidth]"
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


@pytest.fixture
def open_page(browser):  # noqa: F811
    yield from page_opener(browser)


@pytest.fixture(scope="module")
def pages(site_sqlite):
    """Every page to look at: PAGES, the Chelsea document and a person quoted in it."""
    docs = requests.get(
        site_sqlite.url + "/api/documents", params={"q": "Chelsea"}, timeout=60
    ).json()["data"]
    chelsea = requests.get(site_sqlite.url + PAGES["chelsea"], timeout=60).text
    person = re.search(r'href="(/person/\d+/)"', chelsea).group(1)
    return {**PAGES, "document": f"/document/{docs[0]['id']}/", "person": person}


def sideways(page) -> list[int]:
    return page.evaluate(SIDEWAYS)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_no_page_scrolls_sideways(open_page, site_sqlite, pages, size):
    page = open_page(SIZES[size])
    for name, path in pages.items():
        page.goto(site_sqlite.url + path)
        width, inner = sideways(page)
        assert width <= inner, (name, size, width, inner)
        page.screenshot(path=SHOTS / f"layout-{name}-{size}.png", full_page=True)
        if name in JURISDICTIONS:  # every folded section opened: still no sideways scroll
            page.evaluate(OPEN_ALL)
            assert sideways(page)[0] <= inner, (name, size, "opened")


def test_the_phone_map_spans_the_screen_and_two_fingers_zoom_it(open_page, site_sqlite):
    page = open_page(SIZES["390"], has_touch=True, is_mobile=True)
    page.goto(site_sqlite.url + PAGES["map"])
    svg = page.locator("#map").bounding_box()
    assert svg["y"] + svg["height"] / 2 < 844  # most of the map is on the first screen
    # a pinch: two fingers move apart over the map's middle
    x, y = svg["x"] + svg["width"] / 2, svg["y"] + svg["height"] / 2
    touch = page.context.new_cdp_session(page)

    def fingers(apart):
        return [{"x": x - apart, "y": y, "id": 1}, {"x": x + apart, "y": y, "id": 2}]

    touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": fingers(20)})
    for apart in range(25, 85, 5):
        touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": fingers(apart)})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    assert float(page.locator(".map").get_attribute("data-zoom")) > 3
    assert page.url.endswith(PAGES["map"])  # a pinch opens no county
    page.screenshot(path=SHOTS / "layout-map-pinched-390.png")


@pytest.mark.parametrize("size", ["1280", "1366"])
def test_the_counts_table_fits_beside_the_map(open_page, site_sqlite, size):
    page = open_page(SIZES[size])
    page.goto(site_sqlite.url + PAGES["map-cooperation"])
    table, aside, inner = page.evaluate(
        "() => [document.querySelector('#counts').getBoundingClientRect().right,"
        " document.querySelector('#after-map').getBoundingClientRect().right, innerWidth]"
    )
    assert table <= aside <= inner, (table, aside, inner)


@pytest.mark.parametrize("name", sorted(JURISDICTIONS))
def test_a_rich_jurisdiction_on_a_phone_leads_with_its_verdict_and_folds_the_rest(
    open_page, site_sqlite, name
):
    page = open_page(SIZES["390"])
    page.goto(site_sqlite.url + PAGES[name])
    verdict = page.locator("#verdict").bounding_box()
    assert verdict["y"] + verdict["height"] <= 844  # the answer is on the first screen
    folded = page.evaluate("() => document.documentElement.scrollHeight")
    assert folded <= 4 * 844, folded
    assert page.locator("details[open]").count() == 0
    assert page.locator(".status > details").count() >= 10  # every definition, folded
    # each folded section says how many it holds, and holds them (in the page, unseen)
    for section, items in (
        ("timeline", "li"),
        ("lists", "li"),
        ("agreements", "li"),
        ("quotes", "blockquote"),
        ("documents", "li"),
    ):
        fold = page.locator(f"details.fold#{section}")
        if fold.count():
            said = int(re.search(r"\((\d+)\)", fold.locator("summary").inner_text()).group(1))
            assert fold.locator(items).count() == said, (section, said)
            assert not fold.locator(items).first.is_visible()
    page.evaluate(OPEN_ALL)
    opened = page.evaluate("() => document.documentElement.scrollHeight")
    assert opened > folded  # nothing was dropped: opening shows more


def test_a_verdict_link_opens_its_definition_and_wide_screens_open_the_cards(
    open_page, site_sqlite
):
    page = open_page(SIZES["390"])
    page.goto(site_sqlite.url + PAGES["knox"])
    link = page.locator("#verdict a").first
    target = link.get_attribute("href")
    link.click()
    card = page.locator(f"{target} > details")
    assert card.get_attribute("open") is not None
    assert card.locator(".def-source").is_visible()
    page.goto(site_sqlite.url + PAGES["knox"] + target)  # arriving at the address opens it
    assert page.locator(f"{target} > details").get_attribute("open") is not None
    wide = open_page(SIZES["1366"])
    wide.goto(site_sqlite.url + PAGES["knox"])
    cards = wide.locator(".status > details")
    assert cards.count() >= 10
    assert wide.locator(".status > details:not([open])").count() == 0
    assert wide.locator("details.fold[open]").count() == 0  # the long lists stay folded


def test_axe_finds_no_serious_violation_on_any_page(open_page, site_sqlite, pages):
    # the map is checked by test_web_map_browser; the others here, every section opened
    checked = {name: path for name, path in pages.items() if not name.startswith("map")}
    for size in ("390", "1366"):
        page = open_page(SIZES[size], bypass_csp=True)
        for name, path in checked.items():
            page.goto(site_sqlite.url + path)
            page.evaluate(OPEN_ALL)
            assert serious_violations(page) == [], (name, size)
