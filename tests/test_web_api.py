"""The JSON API over the served demo, on SQLite and PostgreSQL: one envelope for results
and errors, pagination, filters, the jurisdiction profile, map data and search."""

from __future__ import annotations

import gzip

import pytest
import requests

CHELSEA = "2513205"
LISTS = ["/api/jurisdictions", "/api/documents", "/api/people", "/api/quotes", "/api/amounts"]
LISTS += ["/api/listings", "/api/observations", "/api/classifications"]


def get(site, path, **params):
    return requests.get(site.url + path, params=params, timeout=60)


@pytest.mark.parametrize("path", LISTS)
def test_every_list_answers_in_the_envelope_with_pagination(site, path):
    body = get(site, path, per_page=2).json()
    assert body["ok"] is True and body["error"] is None
    assert isinstance(body["data"], list) and len(body["data"]) <= 2
    meta = body["meta"]
    assert meta["page"] == 1 and meta["per_page"] == 2 and meta["total"] >= len(body["data"])
    if meta["total"] > 2:
        following = requests.get(site.url + meta["next"], timeout=60).json()
        assert following["meta"]["page"] == 2 and following["data"] != body["data"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/jurisdictions/99999999", 404, "not_found"),
        ("/api/documents/987654", 404, "not_found"),
        ("/api/people/987654", 404, "not_found"),
        ("/api/no-such-thing", 404, "not_found"),
        ("/api/jurisdictions?state=Massachusetts", 422, "invalid"),
        ("/api/jurisdictions?per_page=0", 422, "invalid"),
        ("/api/classifications?definition=nope", 422, "invalid"),
        ("/api/classifications?date=2017-13-45", 422, "invalid"),
        ("/api/map?definition=nope", 422, "invalid"),
        ("/api/jurisdictions/2513205?date=yesterday", 422, "invalid"),
        ("/api/exports/quotes?format=docx", 422, "invalid"),
    ],
)
def test_errors_share_the_envelope(site, path, status, code):
    response = requests.get(site.url + path, timeout=60)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["data"] is None
    assert body["error"]["code"] == code and body["error"]["message"]


def test_filters_state_kind_and_name(site):
    found = get(site, "/api/jurisdictions", q="chelsea", state="MA").json()["data"]
    assert [j["geoid"] for j in found] == [CHELSEA]
    counties = get(site, "/api/jurisdictions", state="ma", kind="county", per_page=500).json()
    assert counties["meta"]["total"] == 14 and {j["level"] for j in counties["data"]} == {"county"}
    labelled = get(site, "/api/jurisdictions", q="chelsea", state="MA", definition="cis").json()
    assert labelled["data"][0]["label"] in ("yes", "partial", "no", "unknown")


def test_classifications_follow_the_official_lists_by_date(site):
    # Cook County, IL got a DOJ letter on 21 April 2017: named on the list after, not before.
    def label(date):
        rows = get(
            site,
            "/api/classifications",
            definition="doj-1373-review-2017",
            date=date,
            state="IL",
            q="Cook",
            kind="county",
        ).json()["data"]
        return next(r for r in rows if r["geoid"] == "17031")["label"]

    assert label("2017-05-01") == "yes"
    assert label("2017-01-01") != "yes"


def test_chelsea_profile_has_quotes_documents_statuses_and_money_section(site):
    body = get(site, f"/api/jurisdictions/{CHELSEA}", date="2017-06-01").json()
    data = body["data"]
    assert data["jurisdiction"]["name"] == "Chelsea" and data["date"] == "2017-06-01"
    assert {s["definition"] for s in data["statuses"]} >= {"cis", "dhs-ddor-2017", "doj-2025-08"}
    assert all(s["reasons"] for s in data["statuses"])
    said = " ".join(q["text"] for q in data["quotes"])
    assert "dignity and respect" in said
    assert all(q["speaker"]["name"] == "Thomas Ambrosino" for q in data["quotes"])
    assert any("Massachusetts cities" in (d["title"] or "") for d in data["documents"])
    money = data["money_at_stake"]
    assert set(money) >= {"amounts_in_documents", "awards", "awards_total", "awards_note"}
    by_ocd = get(site, "/api/jurisdictions/ocd-division/country:us/state:ma/place:chelsea").json()
    assert by_ocd["data"]["jurisdiction"]["geoid"] == CHELSEA


def test_quotes_filter_by_state_and_text(site):
    found = get(site, "/api/quotes", q="dignity", state="MA").json()
    assert found["meta"]["total"] == 1
    assert found["data"][0]["speaker"]["name"] == "Thomas Ambrosino"
    assert get(site, "/api/quotes", q="dignity", state="TX").json()["meta"]["total"] == 0


def test_document_detail_carries_body_and_spans_inside_it(site):
    doc = get(site, "/api/documents", q="Massachusetts").json()["data"][0]
    data = get(site, f"/api/documents/{doc['id']}").json()["data"]
    body = data["body"]
    for quote in data["quotes"]:
        span = quote["span"]
        assert body[span["start"] : span["end"]] == quote["text"]
    assert any(m["jurisdiction"]["geoid"] == CHELSEA for m in data["mentions"])


def test_search_finds_a_quote_and_a_document(site):
    body = get(site, "/api/search", q="dignity respect").json()
    kinds = {h["kind"] for h in body["data"]}
    assert {"quote", "document"} <= kinds
    assert any("<mark>" in h["snippet_html"] for h in body["data"])
    assert get(site, "/api/search", q="zzyzx-not-a-word").json()["meta"]["total"] == 0
    # Operators and quotes are searched as words, never as query syntax.
    assert get(site, "/api/search", q='" OR NEAR( *').json()["ok"] is True


def test_map_data_labels_every_county_and_is_small(site):
    response = requests.get(
        site.url + "/api/map",
        params={"definition": "doj-2025-08", "date": "2025-09-01"},
        timeout=60,
    )
    data = response.json()["data"]
    assert len(data["counties"]) > 3000 and len(data["states"]) >= 50
    assert data["states"]["06"] == "yes"  # California is on the DOJ list of August 2025
    assert any(p[0] for p in data["places"])
    geometry = requests.get(site.url + "/static/us-map.json", timeout=60).content
    compressed = len(gzip.compress(geometry)) + len(gzip.compress(response.content))
    assert compressed < 1_000_000


def test_openapi_describes_every_endpoint(site):
    spec = requests.get(site.url + "/api/openapi.json", timeout=60).json()
    paths = set(spec["paths"])
    for path in [*LISTS, "/api/jurisdictions/{key}", "/api/map", "/api/search"]:
        assert path in paths, path
    assert "/api/exports/{dataset}" in paths
