"""A jurisdiction page in Debian's chromium (the browser fixture of test_web_browser): the
verdict line is the first thing seen at 1366x900 and on a 390x844 phone, the phone page
does not scroll sideways, and axe-core (npm, node_modules) finds no serious or critical
violation on a jurisdiction page or a document page. Screenshots: tests/screenshots/."""

from __future__ import annotations

import pytest
import requests
from test_web_browser import SHOTS, browser, page_opener, serious_violations  # noqa: F401

NASSAU = "/jurisdiction/36059/?date=2025-09-01"
SIZES = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}


@pytest.fixture
def open_page(browser):  # noqa: F811
    yield from page_opener(browser)


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_verdict_line_is_seen_first_and_the_phone_does_not_scroll_sideways(
    open_page, site_sqlite, size
):
    page = open_page(SIZES[size])
    page.goto(site_sqlite.url + NASSAU)
    verdict = page.locator("#verdict")
    assert verdict.is_visible()
    box = verdict.bounding_box()
    assert box["y"] + box["height"] <= SIZES[size]["height"]  # above the fold
    said = verdict.inner_text()
    assert "Sanctuary: yes under 1 of 9 definitions" in said
    assert "Works with ICE: yes under 1 of 1 definition" in said
    assert page.locator(".at-stake").is_visible()
    details = page.locator("#not-known")
    assert details.get_attribute("open") is None  # folded until asked for
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    page.screenshot(path=SHOTS / f"jurisdiction-nassau-{size}.png", full_page=True)


def test_axe_finds_no_serious_violation_on_a_jurisdiction_and_a_document_page(
    open_page, site_sqlite
):
    docs = requests.get(site_sqlite.url + "/api/documents", timeout=60).json()["data"]
    for path in (NASSAU, f"/document/{docs[0]['id']}/"):
        for size in sorted(SIZES):
            page = open_page(SIZES[size], bypass_csp=True)
            page.goto(site_sqlite.url + path)
            assert serious_violations(page) == [], (path, size)
