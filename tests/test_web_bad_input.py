"""Bad input on every page and API operation of the served demo: each value that is not
valid (an impossible date, an unknown definition, kind or label, a page past the last, a
query thousands of characters long) gets its status (400/404/422, 414 for an address too
long to read) and a visible message naming the parameter and the problem: on a page in the
site's layout, in the API's envelope; never a silent default. Also the API's ``label``
filter, its documentation page, and a bad date seen in a real browser (screenshots at
1366x900 and 390x844 in tests/screenshots/)."""

from __future__ import annotations

import html
import re

import pytest
import requests
from test_web_browser import SHOTS, browser  # noqa: F401  (the browser fixture)
from test_web_security import login, submit

LONG = "a" * 5000
DATE = "not a date (YYYY-MM-DD, a real calendar day)"

PAGES = [
    ("/?date=2017-02-30", 400, f"date '2017-02-30': {DATE}"),
    ("/?date=notadate", 400, f"date 'notadate': {DATE}"),
    ("/?definition=nope", 400, "definition 'nope': unknown definition (known: cis,"),
    ("/table/?date=2017-02-30", 400, f"date '2017-02-30': {DATE}"),
    ("/table/?definition=nope", 400, "definition 'nope': unknown definition"),
    ("/table/?label=maybe", 400, "label 'maybe': not a label (one of yes, partial, no, unknown)"),
    ("/table/?kind=County", 400, "kind 'County': unknown kind (known: borough,"),
    ("/table/?state=Massachusetts", 400, "state 'Massachusetts': not a two-letter postal code"),
    (f"/table/?q={LONG}", 400, "(5,000 characters): too long (at most 200 characters)"),
    ("/table/?page=x", 400, "page 'x': not a page number"),
    ("/table/?page=0", 400, "page '0': not a page number"),
    ("/table/?page=999999", 404, "page 999999 of "),
    ("/jurisdiction/2513205/?date=notadate", 400, f"date 'notadate': {DATE}"),
    ("/jurisdiction/99999999/", 404, "Nothing is at this address"),
    (f"/search/?q={LONG}", 400, "(5,000 characters): too long (at most 200 characters)"),
    ("/search/?q=a%01b", 400, "q 'a\\x01b': contains a control character"),
    ("/document/99999999999999999999/", 404, "Nothing is at this address"),
    ("/person/987654/", 404, "Nothing is at this address"),
    ("/quote/987654/", 404, "Nothing is at this address"),
    ("/static/no-such.js", 404, "Nothing is at this address"),
    ("/no/such/page/", 404, "Nothing is at this address"),
    ("/logout/", 405, "GET is not taken here: this address takes POST."),
]

API = [
    ("/api/classifications?date=2017-02-30", 422, "invalid", f"date '2017-02-30': {DATE}"),
    ("/api/map?date=notadate", 422, "invalid", f"date 'notadate': {DATE}"),
    ("/api/jurisdictions/2513205?date=2017-02-30", 422, "invalid", "date '2017-02-30'"),
    ("/api/exports/quotes?date=notadate", 422, "invalid", f"date 'notadate': {DATE}"),
    ("/api/map?definition=nope", 422, "invalid", "definition 'nope': unknown definition"),
    ("/api/classifications?label=maybe", 422, "invalid", "label 'maybe': Input should be"),
    ("/api/jurisdictions?kind=County", 422, "invalid", "kind 'County': unknown kind"),
    ("/api/people?state=Massachusetts", 422, "invalid", "not a two-letter postal code"),
    ("/api/quotes?page=abc", 422, "invalid", "page 'abc': "),
    (f"/api/jurisdictions?q={LONG}", 422, "invalid", "too long (at most 200 characters)"),
    (f"/api/search?q={LONG}", 422, "invalid", "too long (at most 200 characters)"),
    ("/api/search", 422, "invalid", "q: required"),
    ("/api/jurisdictions?page=999999", 404, "not_found", "page 999999 of "),
    ("/api/classifications?page=999999&per_page=500", 404, "not_found", "page 999999 of "),
    ("/api/search?q=zzyzx-not-a-word&page=5", 404, "not_found", "page 5 of 1: no results"),
]


def alert_text(page: str) -> str:
    """The text of the page's message boxes (role=alert), tags removed, unescaped."""
    boxes = re.findall(r'role="alert"[^>]*>(.*?)</div>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(boxes)))


@pytest.mark.parametrize(("path", "status", "message"), PAGES)
def test_a_page_says_what_is_wrong_in_the_site_layout(site_sqlite, path, status, message):
    response = requests.get(site_sqlite.url + path, timeout=120, allow_redirects=False)
    assert response.status_code == status, path
    assert response.headers["Content-Type"].startswith("text/html")
    assert '<a href="/table/">Table</a>' in response.text  # the site's navigation
    assert message in alert_text(response.text), alert_text(response.text)


@pytest.mark.parametrize(("path", "status", "code", "message"), API)
def test_the_api_says_what_is_wrong_in_its_envelope(site_sqlite, path, status, code, message):
    response = requests.get(site_sqlite.url + path, timeout=120)
    assert response.status_code == status, path
    body = response.json()
    assert body["ok"] is False and body["data"] is None and body["error"]["code"] == code
    assert message in body["error"]["message"], body["error"]["message"]


@pytest.mark.parametrize("path", ["/search/?q=", "/api/search?q=", "/table/?q="])
def test_an_address_too_long_to_read_gets_the_sites_own_414_page(site_sqlite, path):
    response = requests.get(site_sqlite.url + path + "a" * 9000, timeout=120)
    assert response.status_code == 414
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<a href="/table/">Table</a>' in response.text
    assert "at most 8,190 bytes" in alert_text(response.text)
    assert "Content-Security-Policy" in response.headers


def test_a_method_not_taken_or_a_form_without_its_token_is_said_so(site_sqlite):
    api = requests.post(site_sqlite.url + "/api/definitions", timeout=60)
    assert api.status_code == 405 and api.headers["Allow"] == "GET"
    assert api.json()["error"]["message"] == "POST is not taken here: this address takes GET."
    form = requests.post(site_sqlite.url + "/table/", timeout=60)
    assert form.status_code == 403
    assert "The form could not be checked" in alert_text(form.text)


def test_a_page_past_the_last_says_how_many_pages_there_are(site_sqlite):
    url = site_sqlite.url
    total = requests.get(url + "/api/jurisdictions?per_page=1", timeout=60).json()["meta"]["total"]
    last = -(-total // 500)
    assert requests.get(url + f"/api/jurisdictions?per_page=500&page={last}", timeout=60).ok
    past = requests.get(url + f"/api/jurisdictions?per_page=500&page={last + 1}", timeout=60)
    assert past.status_code == 404
    expected = f"page {last + 1} of {last}: no results on this page ({total:,} results in all)"
    assert past.json()["error"]["message"] == expected
    table = requests.get(url + "/table/?page=999999", timeout=120)
    assert f"page 999999 of {-(-total // 100)}: no results" in alert_text(table.text)


def test_a_review_form_with_a_bad_date_is_refused_with_the_queue(site_sqlite):
    coder = login(site_sqlite, "demo-coder")
    form = {"jurisdiction": "2513205", "provision": "P04", "value": "true"}
    refused = submit(coder, site_sqlite, "/review/enter/", {**form, "effective_from": "2017-02-30"})
    assert refused.status_code == 400 and "Review queue" in refused.text
    assert f"Not saved: effective_from '2017-02-30': {DATE}" in alert_text(refused.text)


def test_the_export_command_reads_dates_as_the_web_does(site_sqlite, tmp_path):
    done = site_sqlite.cli(
        "export", "classifications", "--date", "2017-02-30", "--output", str(tmp_path / "x")
    )
    assert done.returncode != 0 and f"'2017-02-30': {DATE}" in done.stderr
    assert not (tmp_path / "x").exists()


def test_classifications_filter_by_label_as_the_table_does(site_sqlite):
    asked = {"definition": "doj-2025-08", "date": "2025-09-01", "state": "CA", "per_page": 500}
    every = requests.get(site_sqlite.url + "/api/classifications", params=asked, timeout=120)
    yes = requests.get(
        site_sqlite.url + "/api/classifications", params={**asked, "label": "yes"}, timeout=120
    )
    rows, chosen = every.json()["data"], yes.json()["data"]
    assert chosen and {r["label"] for r in chosen} == {"yes"}
    assert [r["geoid"] for r in chosen] == [r["geoid"] for r in rows if r["label"] == "yes"]
    table = requests.get(
        site_sqlite.url + "/table/", params={**asked, "label": "yes"}, timeout=120
    ).text
    assert f"{len(chosen)} jurisdictions" in table


def test_every_operation_describes_the_fields_of_its_answer(site_sqlite):
    spec = requests.get(site_sqlite.url + "/api/openapi.json", timeout=60).json()
    schemas = spec["components"]["schemas"]
    for path, methods in spec["paths"].items():
        answer = methods["get"]["responses"]["200"]
        if "exports" in path:
            continue  # a file, not JSON
        envelope = schemas[answer["content"]["application/json"]["schema"]["$ref"].split("/")[-1]]
        data = next(s for s in envelope["properties"]["data"]["anyOf"] if s.get("type") != "null")
        record = data.get("items", data)
        assert "$ref" in record, path
        assert schemas[record["$ref"].split("/")[-1]]["properties"], path


def test_the_api_documentation_page_lists_every_operation_without_scripts(site_sqlite):
    home = requests.get(site_sqlite.url + "/", timeout=120).text
    assert '<a href="/api-docs/">API</a>' in home
    page = requests.get(site_sqlite.url + "/api-docs/", timeout=60)
    assert page.status_code == 200 and "<script" not in page.text
    spec = requests.get(site_sqlite.url + "/api/openapi.json", timeout=60).json()
    for path in spec["paths"]:
        assert f"<code>GET {path}</code>" in page.text, path
    assert 'id="record-Classification"' in page.text and "<code>reasons</code>" in page.text
    moved = requests.get(site_sqlite.url + "/api/docs", timeout=60, allow_redirects=False)
    assert moved.status_code == 302 and moved.headers["Location"] == "/api-docs/"


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_a_bad_date_shows_a_visible_message_in_a_browser(browser, site_sqlite, width, height):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        answer = page.goto(f"{site_sqlite.url}/table/?date=2017-02-30&state=CA")
        assert answer.status == 400
        box = page.locator(".problems")
        assert box.is_visible()
        assert box.inner_text() == f"date '2017-02-30': {DATE}"
        colour = box.evaluate("e => getComputedStyle(e).borderTopColor")
        assert colour == "rgb(187, 0, 0)"  # messages.css, not an unstyled paragraph
        width_used = page.evaluate("document.documentElement.scrollWidth")
        assert width_used <= width  # the message does not push the page sideways
        page.screenshot(path=SHOTS / f"bad-date-{width}x{height}.png")
    finally:
        context.close()


def test_the_api_documentation_reads_on_a_phone(browser, site_sqlite):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        assert page.goto(f"{site_sqlite.url}/api-docs/").status == 200
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator("#record-Classification").scroll_into_view_if_needed()
        page.screenshot(path=SHOTS / "api-docs-390x844.png")
    finally:
        context.close()
