"""Every definition and official list links its primary source, labelled with the
source's name, with the copies beside it (the map's legend, the picker's note and the
jurisdiction page's cards), over the served demo."""

from __future__ import annotations

import html
import re

import requests


def page(site, path, **params) -> str:
    response = requests.get(site.url + path, params=params, timeout=60)
    assert response.status_code == 200, path
    return response.text


def map_part(site, pattern: str, definition: str) -> str:
    """The first stretch of the map page (``definition`` on 2025-09-01) ``pattern`` matches."""
    shown = page(site, "/", definition=definition, date="2025-09-01")
    return re.search(pattern, shown, re.S).group(0)


def records(site, path) -> list[dict]:
    return requests.get(site.url + path, timeout=60).json()["data"]


def sources_shown(record: dict) -> str:
    """The markup web/sources.html draws for a record: the primary link, then copies."""
    if record["primary"]:
        url, title = (html.escape(record["primary"][k]) for k in ("url", "title"))
        shown = f'<a class="source primary" href="{url}" rel="noopener noreferrer">{title}</a>'
    else:
        shown = '<span class="no-primary">the publisher\'s own copy was not found</span>'
    return shown


def test_the_legend_links_each_definition_and_list_to_its_primary_source(site_sqlite):
    legend = map_part(site_sqlite, r'<details class="legend-sources">.*?</details>', "doj-2025-08")
    definitions = records(site_sqlite, "/api/definitions")
    lists = records(site_sqlite, "/api/lists")
    cited = [r for r in definitions + lists if r["primary"]]
    assert len(cited) >= 10  # the eight definitions and two lists confirmed
    for record in definitions + lists:
        item = re.search(rf"<li>{re.escape(html.escape(record['name']))}: (.*?)</li>", legend, re.S)
        assert item, record["name"]
        assert item.group(1).startswith('<span class="sources">' + sources_shown(record))
        for copy in record["copies"]:
            assert f'class="source copy" href="{html.escape(copy)}"' in item.group(1)
        if record["primary"]:
            assert record["primary"]["url"] not in record["copies"]


def test_the_picker_note_names_the_primary_source(site_sqlite):
    note = map_part(site_sqlite, r'<p class="definition-note">.*?</p>', "hall-2021-preemption")
    assert 'href="https://doi.org/10.2105/AJPH.2020.306018"' in note
    assert "American Journal of Public Health" in note and "Source of this" not in note


def test_jurisdiction_cards_and_lists_cite_primary_sources(site_sqlite):
    shown = page(site_sqlite, "/jurisdiction/06/", date="2025-09-01")  # California
    cards = re.findall(r'<p class="def-source">(.*?)</p>', shown, re.S)
    definitions = records(site_sqlite, "/api/definitions")
    assert len(cards) == len(definitions)
    for card, record in zip(cards, definitions, strict=True):
        assert sources_shown(record) in card, record["id"]
    doj = next(r for r in records(site_sqlite, "/api/lists") if r["id"] == "doj-2025-08")
    assert f'(the list: <span class="sources">{sources_shown(doj)}' in shown
