"""The server-rendered pages over the served demo: map, table, jurisdiction, document,
person and search, without JavaScript."""

from __future__ import annotations

import re

import requests

CHELSEA = "2513205"


def page(site, path, **params):
    response = requests.get(site.url + path, params=params, timeout=60)
    assert response.status_code == 200, path
    assert response.headers["Content-Type"].startswith("text/html")
    return response.text


def test_map_draws_every_county_coloured_with_links(site_sqlite):
    html = page(site_sqlite, "/", definition="doj-2025-08", date="2025-09-01")
    counties = re.findall(r'<path class="l-(\w+)" data-geoid="(\d{5})"', html)
    assert len(counties) > 3000
    labels = {label for label, _ in counties}
    assert "yes" in labels and len(labels) >= 2
    assert 'href="/jurisdiction/06037/?date=2025-09-01"' in html  # Los Angeles County
    assert re.search(r'<circle class="p-\w+" data-geoid="\d{7}', html)  # places as points


def test_changing_the_definition_changes_the_colours(site_sqlite):
    def colours(definition):
        html = page(site_sqlite, "/", definition=definition, date="2025-09-01")
        return dict((g, c) for c, g in re.findall(r'class="l-(\w+)" data-geoid="(\d{5})"', html))

    assert colours("doj-2025-08") != colours("hall-2021-preemption")


def test_table_shows_the_same_labels_as_the_map(site_sqlite):
    html = page(
        site_sqlite,
        "/table/",
        definition="doj-2025-08",
        date="2025-09-01",
        state="CA",
        kind="county",
        q="San Diego",
    )
    assert "San Diego County" in html and 'class="badge l-yes"' in html


def test_table_filters_by_label_and_pages_the_rest(site_sqlite):
    def labels(**params):
        html = page(site_sqlite, "/table/", definition="doj-2025-08", date="2025-09-01", **params)
        total = int(re.search(r"<p>(\d+) jurisdictions", html).group(1))
        return total, re.findall(r'<td><span class="badge l-(\w+)">', html)

    every, shown = labels(state="CA", kind="county")
    yes, marked = labels(state="CA", kind="county", label="yes")
    assert every == len(shown) == 58 and marked == ["yes"] * yes
    assert 0 < yes < every and shown.count("yes") == yes
    assert len(labels(page="2")[1]) == 100  # the whole gazetteer, a page at a time


def test_table_reasons_name_provisions_not_codes(site_sqlite):
    # CIS's definition asks about provisions most counties have no evidence on: the reasons
    # say which, by name
    html = page(site_sqlite, "/table/", definition="cis", date="2025-09-01", state="CA")
    reasons = re.findall(r"</span></td><td>([^<]*)</td></tr>", html)
    assert reasons and any(r.startswith("no evidence on ") for r in reasons)
    assert not [r for r in reasons if re.search(r"\bP\d{2}", r)]


def test_jurisdiction_page_puts_definitions_side_by_side_with_quotes(site_sqlite):
    html = page(site_sqlite, f"/jurisdiction/{CHELSEA}/", date="2017-06-01")
    assert html.count('class="status"') >= 10
    assert "dignity and respect" in html and "Thomas Ambrosino" in html
    assert 'id="money"' in html
    assert re.search(r'href="/document/\d+/#quote-\d+"', html)


def test_document_page_highlights_spans_by_type_and_links_them(site_sqlite):
    docs = requests.get(
        site_sqlite.url + "/api/documents", params={"q": "Massachusetts"}, timeout=60
    ).json()["data"]
    html = page(site_sqlite, f"/document/{docs[0]['id']}/")
    for kind in ("place", "person", "quote"):
        assert f"t-{kind}" in html
    assert f'<a href="/jurisdiction/{CHELSEA}/"><mark class="t-place"' in html
    assert re.search(r'<a href="/person/\d+/"><mark class="t-person"', html)


def test_person_page_lists_quotes(site_sqlite):
    people = requests.get(
        site_sqlite.url + "/api/people", params={"q": "Ambrosino"}, timeout=60
    ).json()["data"]
    html = page(site_sqlite, f"/person/{people[0]['id']}/")
    assert "Thomas Ambrosino" in html and "dignity and respect" in html


def test_search_page_finds_a_quote(site):
    html = page(site, "/search/", q="simply doesn't collect")
    assert "<mark>" in html and "Quote by Thomas Ambrosino" in html
    assert "Chelsea" in page(site, "/search/", q="Chelsea")


def test_missing_pages_are_404(site_sqlite):
    for path in ("/jurisdiction/00000000/", "/document/999999/", "/person/999999/", "/nope"):
        assert requests.get(site_sqlite.url + path, timeout=60).status_code == 404


def test_a_cooperation_map_has_its_own_colours_and_legend_words(site_sqlite):
    from sanctuary_tracker.classify.definitions import MEASURES

    html = page(site_sqlite, "/", definition="ilrc-cooperation", date="2025-09-01")
    assert '<div class="map-wrap" data-measures="cooperation">' in html
    assert '<div class="legends" id="legend" data-measures="cooperation">' in html
    assert "yes, cooperates with ICE" in html
    assert '<h1 id="map-heading" data-measures="cooperation">' in html
    for measures in MEASURES:  # every measure has its legend words, shown by its own attribute
        assert f'<ul class="legend" data-for="{measures}">' in html, measures
    assert 'value="ilrc-cooperation"' in html and 'data-measures="cooperation"' in html
    counties = re.findall(r'<path class="l-(\w+)" data-geoid="(\d{5})"', html)
    assert sum(label == "yes" for label, _ in counties) > 100  # the 287(g) agreements
    sanctuary = page(site_sqlite, "/", definition="doj-2025-08", date="2025-09-01")
    assert '<div class="map-wrap" data-measures="sanctuary">' in sanctuary
    table = page(site_sqlite, "/table/", definition="hall-2021-preemption", date="2025-09-01")
    assert '<table class="data" data-measures="preemption">' in table
    assert '<div class="legends" id="legend" data-measures="preemption">' in table
