"""Search over the served demo, on SQLite and PostgreSQL: places ranked by name, then by
how much evidence the store holds, then by kind; people found by name; the last word
matched as the start of a word ("Chel" finds Chelsea)."""

from __future__ import annotations

import re

import requests

CHELSEA = "2513205"
COOK_IL, NASSAU_NY = "17031", "36059"


def get(site, path, **params):
    response = requests.get(site.url + path, params=params, timeout=60)
    assert response.status_code == 200, (path, response.text[:300])
    return response


def places_on_page(site, q) -> list[str]:
    """The GEOIDs of the search page's places, in the order shown."""
    html = get(site, "/search/", q=q).text
    shown = re.search(r"<h2>Places</h2><ul>(.*?)</ul>", html, re.S)
    assert shown, f"no places for {q!r}"
    return re.findall(r'href="/jurisdiction/(\d+)/"', shown.group(1))


def test_places_with_evidence_come_first(site):
    cook = places_on_page(site, "Cook County")
    assert cook[0] == COOK_IL and len(cook) >= 3  # Georgia's and Minnesota's follow
    assert places_on_page(site, "Nassau")[0] == NASSAU_NY  # before Florida's and the towns
    assert places_on_page(site, "chel")[0] == CHELSEA  # a prefix, any case
    listed = get(site, "/api/jurisdictions", q="Cook County").json()["data"]
    assert listed[0]["geoid"] == COOK_IL  # the API lists them in the same order


def test_search_finds_people_by_name_and_by_prefix(site):
    hits = get(site, "/api/search", q="Ambro").json()["data"]
    people = [h for h in hits if h["kind"] == "person"]
    assert [h["title"] for h in people] == ["Thomas Ambrosino"]
    assert re.fullmatch(r"/person/\d+/", people[0]["url"])
    assert "<mark>Ambrosino</mark>" in people[0]["snippet_html"]
    html = get(site, "/search/", q="Ambrosino").text
    assert f'href="{people[0]["url"]}">Person: Thomas Ambrosino</a>' in html


def test_the_last_word_matches_the_start_of_a_word(site):
    hits = get(site, "/api/search", q="Chel").json()["data"]
    quotes = [h for h in hits if h["kind"] == "quote"]
    assert quotes and all("<mark>Chelsea</mark>" in h["snippet_html"] for h in quotes)
    typed = get(site, "/api/search", q="simply doesn't coll").json()
    assert {h["kind"] for h in typed["data"]} >= {"quote", "document"}
    # Only the last word is a prefix: "t" is the word of doesn't, not every word in t.
    assert not any("<mark>the</mark>" in h["snippet_html"] for h in typed["data"])
    assert get(site, "/api/search", q="Chelx").json()["meta"]["total"] == 0
