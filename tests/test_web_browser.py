"""The web app in a real browser: Playwright for Python driving Debian's chromium (never
a downloaded browser). Skipped, with the reason, where /usr/bin/chromium is missing
(`.ci/run` installs it). Screenshots go to tests/screenshots/."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SANCTUARY_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent / "screenshots"
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# Chromium as root in a sandbox-less container, and no calls home (the network is closed).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(
            f"browser tests skipped: no chromium at {CHROMIUM} "
            "(apt-get install chromium, as .ci/run does, or set SANCTUARY_CHROMIUM)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def page_opener(browser):
    """For an ``open_page`` fixture: yields a function that opens a page in a context of
    its own at ``viewport`` (other keywords go to the context: bypass_csp=True to inject
    axe-core, has_touch...); an error thrown by a page's script fails the test."""
    contexts, errors = [], []

    def opened(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        made = context.new_page()
        made.set_default_timeout(30_000)
        made.on("pageerror", lambda e: errors.append(str(e)))
        return made

    yield opened
    for context in contexts:
        context.close()
    assert errors == []


@pytest.fixture
def page(browser):
    opener = page_opener(browser)
    yield next(opener)({"width": 1280, "height": 900})
    next(opener, None)


def serious_violations(page) -> list:
    """axe-core's serious and critical violations on ``page`` (opened with bypass_csp=True:
    the site's CSP lets no script in); skips where axe-core is not installed."""
    if not AXE.exists():
        pytest.skip(f"axe-core not installed at {AXE} (run `npm ci`)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => [v.id, v.impact, v.nodes.length, v.nodes.slice(0, 2).map(n => n.html)])"
    )
    return [v for v in found if v[1] in ("serious", "critical")]


def colours(page) -> dict[str, str]:
    found = {}
    for geoid, cls in page.eval_on_selector_all(
        ".counties path", "els => els.map(e => [e.dataset.geoid, e.getAttribute('class')])"
    ):
        found[geoid] = cls
    return found


def test_map_draws_coloured_counties_and_changes_with_the_definition(page, site_sqlite):
    page.goto(f"{site_sqlite.url}/?definition=hall-2021-preemption&date=2025-09-01")
    assert page.locator(".counties path").count() > 3000
    yes = page.locator(".counties path.l-yes")
    assert yes.count() > 500
    fill = yes.first.evaluate("e => getComputedStyle(e).fill")
    grey = page.locator(".counties path.l-unknown").first.evaluate("e => getComputedStyle(e).fill")
    assert fill != grey
    heading = page.locator("#map-heading")
    assert heading.inner_text() == "Who is under a state ban on sanctuary policies?"
    page.screenshot(path=SHOTS / "map-preemption.png")
    before = colours(page)
    page.select_option("#definition", "doj-2025-08")
    page.locator('.map[data-definition="doj-2025-08"]').wait_for()
    after = colours(page)
    assert after != before and set(after) == set(before)
    assert heading.inner_text() == 'Who counts as "sanctuary"?'
    # the source link beside the picker reads as it does on a page opened on that definition
    source = page.locator("#definition-source")
    switched = (source.inner_text(), source.get_attribute("href"))
    page.goto(f"{site_sqlite.url}/?definition=doj-2025-08&date=2025-09-01")
    assert (source.inner_text(), source.get_attribute("href")) == switched
    page.goto(f"{site_sqlite.url}/?definition=hall-2021-preemption&date=2025-09-01")
    page.select_option("#definition", "ilrc-cooperation")
    page.locator('.map[data-definition="ilrc-cooperation"]').wait_for()
    assert heading.inner_text() == "Who works with ICE?"
    page.screenshot(path=SHOTS / "map-cooperation.png")
    page.select_option("#definition", "doj-2025-08")
    page.locator('.map[data-definition="doj-2025-08"]').wait_for()
    assert "definition=doj-2025-08" in page.url
    page.screenshot(path=SHOTS / "map-doj-2025-08.png")


def test_clicking_a_county_opens_its_page(page, site_sqlite):
    page.goto(f"{site_sqlite.url}/?definition=doj-2025-08&date=2025-09-01")
    county = page.locator('.counties path[data-geoid="06073"]')  # San Diego County
    # A person clicks the county where no city's dot sits on it (its centre holds Chula Vista).
    spot = page.evaluate(
        """(geoid) => {
            const path = document.querySelector(`.counties path[data-geoid="${geoid}"]`);
            const box = path.getBoundingClientRect();
            for (let fy = 0.1; fy < 1; fy += 0.1) {
                for (let fx = 0.1; fx < 1; fx += 0.1) {
                    const x = box.left + fx * box.width, y = box.top + fy * box.height;
                    if (document.elementFromPoint(x, y) === path) {
                        return {x: x - box.left, y: y - box.top};
                    }
                }
            }
            return null;
        }""",
        "06073",
    )
    assert spot is not None, "every point of San Diego County is covered by something else"
    county.click(position=spot)
    page.wait_for_url(re.compile(r"/jurisdiction/06073/"))
    assert page.locator("h1").inner_text().startswith("San Diego County")
    assert page.locator(".status").count() >= 10
    page.screenshot(path=SHOTS / "jurisdiction-san-diego.png", full_page=True)


def test_search_finds_a_quote(page, site_sqlite):
    page.goto(site_sqlite.url + "/")
    page.fill("header input[name=q]", "dignity and respect")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    hit = page.locator("li.hit-quote a").first
    assert "Thomas Ambrosino" in hit.inner_text()
    assert page.locator("li.hit-quote mark").count() >= 1
    page.screenshot(path=SHOTS / "search-quote.png", full_page=True)
    hit.click()
    page.wait_for_url(re.compile(r"/document/\d+/#quote-\d+"))
    assert page.locator("mark.t-quote").count() >= 1


def test_chelsea_for_the_reporter(page, site_sqlite):
    """The first user: is Chelsea on a list, and what did its manager say?"""
    page.goto(site_sqlite.url + "/search/?q=Chelsea")
    page.locator("a", has_text=re.compile(r"^Chelsea, MA$")).first.click()
    page.wait_for_url(re.compile(r"/jurisdiction/2513205/"))
    quotes = page.locator("details#quotes")
    assert re.search(r"What its officials said \(\d+\)", quotes.locator("summary").inner_text())
    quotes.locator("summary").click()  # folded on the page until asked for
    assert "dignity and respect" in " ".join(page.locator("blockquote.quote").all_inner_texts())
    assert page.locator("h2", has_text="Official lists").count() == 1
    page.screenshot(path=SHOTS / "jurisdiction-chelsea.png", full_page=True)


def test_hostile_document_runs_no_script(page, site_sqlite, hostile):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (f"/document/{hostile}/", "/search/?q=comply", "/search/?q=testimony"):
        page.goto(site_sqlite.url + path)
        page.wait_for_load_state("load")
        for handle in page.locator("mark, a, blockquote").all()[:40]:
            handle.hover()  # would fire any onmouseover that got through
        assert page.evaluate("() => window.__xss === undefined"), path
    assert dialogs == []
    assert "<script>" in page.content() or "&lt;script&gt;" in page.content()
    page.screenshot(path=SHOTS / "hostile-document.png", full_page=True)
