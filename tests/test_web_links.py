"""Links to sources: only an absolute http(s) address becomes a link. A WARC record whose
WARC-Target-URI is javascript:, and an evidence file whose url and source are javascript:,
show the address as text on every page that names them (document, jurisdiction timeline
and reasons, table, search, people, review), never as an href."""

from __future__ import annotations

import json
import re
import time
from html.parser import HTMLParser

import pytest
import requests
from test_web_security import login, proposed, submit

from sanctuary_tracker.web.templatetags.links import is_web_url, source_link

NORTHAMPTON = "2546330"
BODY = (
    "<html><head><title>Northampton council limits ICE detainers</title></head><body>"
    "<article><h1>Northampton council limits ICE detainers</h1><p>NORTHAMPTON, Mass. "
    "(June 5, 2017) - The Northampton City Council voted on Monday that the Northampton "
    "Police Department will not honor ICE detainer requests without a judicial warrant.</p>"
    '<p>"We protect every resident," said Mayor Jane Quill of Northampton.</p>'
    "</article></body></html>"
)


class Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "data-source")]


def hrefs(html: str) -> list[str]:
    parsed = Hrefs()
    parsed.feed(html)
    return parsed.hrefs


def on_this_site_or_web(href: str) -> bool:
    if href == "" or href.startswith(("#", "?")):
        return True
    if href.startswith("/") and not href.startswith("//"):
        return True
    return is_web_url(href)


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)//",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/srv/files/report.pdf",
        "observation 12, entered by a coder",
        "http:alert(1)",
        "https://",
    ],
)
def test_anything_but_an_http_address_is_text(address):
    assert not is_web_url(address)
    shown = str(source_link(address))
    assert "<a" not in shown and "href" not in shown and "source:" in shown


@pytest.mark.parametrize("address", ["https://www.justice.gov/x?a=1&b=2", "HTTP://Example.org"])
def test_an_http_address_is_a_link(address):
    shown = str(source_link(address, "MOA"))
    assert shown.startswith('<a class="source" href="') and ">MOA</a>" in shown
    assert "&amp;" in shown or "&" not in address  # escaped in the attribute


def hostile_warc(tmp_path, name: str, body: str = BODY):
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body.encode())}\r\n\r\n{body}"
    ).encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: javascript:alert(1)//\r\n"
        "WARC-Date: 2017-06-06T00:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:6f1c2a44-5b8e-4c1e-9a43-0d3b0c1e7a11>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    path = tmp_path / name
    path.write_bytes(head + http + b"\r\n\r\n")
    return path


@pytest.fixture(scope="module")
def hostile_evidence(site_sqlite, tmp_path_factory):
    """The WARC ingested as it is, and its evidence loaded from a file whose document url
    and source are javascript:; one observation of the loaded copy accepted. The ids of
    both documents."""
    folder = tmp_path_factory.mktemp("links")
    warc = hostile_warc(folder, "hostile.warc")
    other = hostile_warc(folder, "other.warc", BODY.replace("on Monday", "on Tuesday"))
    done = site_sqlite.cli("extract", str(other))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.splitlines()[0])
    record["source"] = "javascript:alert(2)//"
    record["document"]["url"] = "javascript:alert(3)//"
    evidence = folder / "evidence.jsonl"
    evidence.write_text(json.dumps(record) + "\n")
    loaded = site_sqlite.cli("load", str(evidence), "--user", "demo-coder")
    assert loaded.returncode == 0, loaded.stderr
    ingested = site_sqlite.cli("ingest", str(warc), "--user", "demo-coder")
    assert ingested.returncode == 0, ingested.stderr
    docs = requests.get(
        site_sqlite.url + "/api/documents", params={"q": "Northampton council"}, timeout=60
    ).json()["data"]
    by_url = {d["url"]: d["id"] for d in docs}
    assert set(by_url) >= {"javascript:alert(1)//", "javascript:alert(3)//"}, docs
    loaded_id = by_url["javascript:alert(3)//"]
    observations = requests.get(f"{site_sqlite.url}/api/documents/{loaded_id}", timeout=60).json()[
        "data"
    ]["observations"]
    target = next(o["id"] for o in observations if o["jurisdiction"]["geoid"] == NORTHAMPTON)
    reviewer = login(site_sqlite, "demo-reviewer")
    assert target in proposed(reviewer, site_sqlite)
    decided = submit(
        reviewer, site_sqlite, f"/review/{target}/decide/", {"decision": "accept", "reason": "ok"}
    )
    assert f"Observation {target}: accept saved." in decided.text
    time.sleep(1.2)  # pages see the store's changes within a second
    return by_url["javascript:alert(1)//"], loaded_id


def test_no_page_links_to_a_javascript_address(site_sqlite, hostile_evidence):
    warc_id, loaded_id = hostile_evidence
    people = requests.get(site_sqlite.url + "/api/people", params={"q": "Quill"}, timeout=60)
    pages = {
        f"/document/{warc_id}/": "javascript:alert(1)//",
        f"/document/{loaded_id}/": "javascript:alert(3)//",
        f"/jurisdiction/{NORTHAMPTON}/?date=2018-01-01": "javascript:alert(2)//",
        "/table/?state=MA&q=Northampton&date=2018-01-01": None,
        "/search/?q=Northampton+detainer": None,
        "/?date=2018-01-01": None,
    }
    pages |= {f"/person/{p['id']}/": None for p in people.json()["data"]}
    assert len(pages) > 6, "the person named in the document was not found"
    for path, shown in pages.items():
        html = requests.get(site_sqlite.url + path, timeout=60).text
        assert "javascript:alert" not in "".join(hrefs(html)), path
        assert all(on_this_site_or_web(h) for h in hrefs(html)), (path, hrefs(html))
        if shown:
            assert shown in html, path  # the address is still there, as text
    review = login(site_sqlite, "demo-reviewer").get(site_sqlite.url + "/review/", timeout=60)
    assert review.status_code == 200
    assert all(on_this_site_or_web(h) for h in hrefs(review.text))


def test_the_accepted_fact_keeps_its_source_as_text_in_timeline_and_reasons(
    site_sqlite, hostile_evidence
):
    html = requests.get(
        f"{site_sqlite.url}/jurisdiction/{NORTHAMPTON}/?date=2018-01-01", timeout=60
    ).text
    # Shown as text (whatever the link's label), in the timeline and the reasons.
    shown = re.findall(r'<span class="source">[^<]*: javascript:alert\(2\)//', html)
    assert len(shown) >= 2, shown
    # The shipped reference data still links to its (http) sources.
    assert re.search(r'<a class="source" href="https?://', html)
