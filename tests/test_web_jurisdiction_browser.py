"""A jurisdiction page in Debian's chromium (the browser fixture of test_web_browser): the
verdict line is the first thing seen at 1366x900 and on a 390x844 phone, the phone page
does not scroll sideways, and axe-core (npm, node_modules) finds no serious or critical
violation on a jurisdiction page or a document page. Screenshots: tests/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from test_web_browser import SHOTS, browser  # noqa: F401 (the fixture)

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
NASSAU = "/jurisdiction/36059/?date=2025-09-01"
SIZES = {"1366": (1366, 900), "390": (390, 844)}


@pytest.fixture
def open_page(browser):  # noqa: F811
    contexts = []

    def opened(size: str):
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield opened
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_verdict_line_is_seen_first_and_the_phone_does_not_scroll_sideways(
    open_page, site_sqlite, size
):
    page = open_page(size)
    page.goto(site_sqlite.url + NASSAU)
    verdict = page.locator("#verdict")
    assert verdict.is_visible()
    box = verdict.bounding_box()
    assert box["y"] + box["height"] <= SIZES[size][1]  # above the fold
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
    if not AXE.exists():
        pytest.skip(f"axe-core not installed at {AXE} (run `npm ci`)")
    docs = requests.get(site_sqlite.url + "/api/documents", timeout=60).json()["data"]
    for path in (NASSAU, f"/document/{docs[0]['id']}/"):
        for size in sorted(SIZES):
            page = open_page(size)
            page.goto(site_sqlite.url + path)
            page.add_script_tag(path=str(AXE))
            found = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']}))"
                ".violations.map(v => [v.id, v.impact, v.nodes.length,"
                " v.nodes.slice(0, 2).map(n => n.html)])"
            )
            bad = [v for v in found if v[1] in ("serious", "critical")]
            assert bad == [], (path, size, bad)
