"""No folder of the server's file system in any page, API answer or export: a document's
source is shown as its web address or the name of its file."""

from __future__ import annotations

import requests

from sanctuary_tracker.document import public_source

SAMPLES_FOLDER = "src/sanctuary_tracker/samples"  # where the demo's documents are read from


def test_public_source_keeps_the_address_or_the_file_name():
    assert public_source("/tmp/x/crawl.warc.gz#120") == "crawl.warc.gz#120"
    assert public_source("/srv/data/story.html") == "story.html"
    assert public_source("story.txt#body:10-20") == "story.txt#body:10-20"
    assert public_source("/tmp/a.html", "https://example.org/a") == "https://example.org/a"
    assert public_source("https://example.org/b") == "https://example.org/b"
    assert public_source("/tmp/a.html", "javascript:alert(1)") == "a.html"
    assert public_source("-") == "-"
    assert public_source("javascript:alert(2)//") == "javascript:alert(2)//"


def test_no_page_answer_or_export_shows_a_server_folder(site_sqlite):
    def get(path: str, **params) -> str:
        answer = requests.get(site_sqlite.url + path, params=params, timeout=120)
        assert answer.status_code == 200, (path, answer.status_code)
        return answer.text

    documents = requests.get(site_sqlite.url + "/api/documents", timeout=60).json()
    ids = [d["id"] for d in documents["data"]]
    assert ids, "the demo holds documents"
    texts = [get("/api/documents"), get("/api/quotes"), get("/api/listings")]
    for pk in ids:
        texts += [get(f"/document/{pk}/"), get(f"/api/documents/{pk}")]
    people = requests.get(site_sqlite.url + "/api/people", timeout=60).json()["data"]
    texts += [get(f"/person/{p['id']}/") for p in people[:5]]
    texts += [get("/jurisdiction/2513205/"), get("/api/jurisdictions/2513205")]  # Chelsea, MA
    for dataset in ("observations", "listings", "quotes"):
        texts.append(get(f"/api/exports/{dataset}", format="csv"))
    leaks = [t for t in texts if SAMPLES_FOLDER in t or "/tmp/" in t]
    assert leaks == []
