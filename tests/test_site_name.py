"""A page's publisher from the names its metadata gives its site, checked against its host:
each mechanism on made-up sites (no outlet here is a real one)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from resiliparse.parse.html import HTMLTree

from sanctuary_tracker.read.html_meta import page_meta
from sanctuary_tracker.read.site_name import choose_site_name, spells_host

SITE = "og:site_name"
LD = "the JSON-LD publisher"


def choose(site=None, ld=None, served=None, declared=None):
    return choose_site_name([(SITE, site), (LD, ld)], served=served, declared=declared)


@pytest.mark.parametrize(
    ("site", "ld", "host", "expected"),
    [
        # a web address is not a name: the next candidate, else the host
        (
            "https://www.valleyledger.example",
            "Valley Ledger",
            "valleyledger.example",
            "Valley Ledger",
        ),
        ("http://valleyledger.example/", None, "valleyledger.example", "valleyledger.example"),
        # a handle
        ("@valleyledger", None, "valleyledger.example", "valleyledger.example"),
        # the host cut short, or written as an address, where a name is given too
        ("valleyledger", "The Valley Ledger", "valleyledger.example", "The Valley Ledger"),
        ("valleyledger", "valleyledger", "valleyledger.example", "valleyledger.example"),
        ("valleyledger.example", "Valley Ledger", "valleyledger.example", "Valley Ledger"),
        # a plain word naming the host's subdomain; a coined name living under a host stays
        ("Syndicated", None, "syndicated.wirecopy.example", "syndicated.wirecopy.example"),
        ("GridironDaily", None, "gridirondaily.sportsnet.example", "GridironDaily"),
        # only a place
        ("U.K.", None, "harbortimes.example", "harbortimes.example"),
        ("Ohio", None, "harbortimes.example", "harbortimes.example"),
        ("United States", None, "harbortimes.example", "harbortimes.example"),
        ("Ohio Valley Ledger", None, "ovledger.example", "Ohio Valley Ledger"),
        # a tagline after the name goes; the part the host spells is the name
        ("Valley Ledger | Your source for river news", None, "vl.example", "Valley Ledger"),
        ("Pedalworks | BMX | Trials | Enduro", None, "pedalworks.example", "Pedalworks"),
        ("Daily Lantern - Notizie di ogni giorno", None, "lantern.example.it", "Daily Lantern"),
        ("Breaking News | The Harbor Times", None, "harbortimes.example", "The Harbor Times"),
        ("Harbor Times: News for the Bay", None, "harbortimes.example", "Harbor Times"),
        # a description, unless the host spells it; words that join names are no sign
        ("Expert advice for busy parents", None, "parentpages.example", "parentpages.example"),
        ("lumen magazine Europe", None, "lumen-magazine.example", "lumen magazine Europe"),
        ("Voz de la Frontera", None, "vozfrontera.example", "Voz de la Frontera"),
        # the first name the host spells wins over an earlier one it does not
        ("Metro", "The Harbor Times", "harbortimes.example", "The Harbor Times"),
        ("Metro", "Evening Post", "harbortimes.example", "Metro"),
        # names and brands in every shape stay as given
        ("HBT", "The Harbor Times", "hbt.example", "HBT"),
        ("Harbor Times 5", None, "ht5.example", "Harbor Times 5"),
        ("KQXY-FM", None, "kqxy.example", "KQXY-FM"),
        ("Lakeview.net", None, "lakeview.net", "Lakeview.net"),
        # a common word names no site, unless the host spells it
        ("News", "Harbor Times", "harbortimes.example", "Harbor Times"),
        ("Home", None, "harbortimes.example", "harbortimes.example"),
        ("Times", None, "times.example", "Times"),
        ("The Sun", None, "thesun.example", "The Sun"),
    ],
)
def test_site_name(site, ld, host, expected):
    assert choose(site, ld, declared=host).name == expected


def test_every_choice_keeps_its_reason():
    refused = choose("@valleyledger", "U.S.", declared="valleyledger.example")
    assert refused.name == "valleyledger.example"
    assert "'@valleyledger' is a handle" in refused.reason
    assert "'U.S.' is only a place" in refused.reason
    cut = choose("Valley Ledger | Your source for river news", declared="vl.example")
    assert cut.reason.startswith("og:site_name") and "cut at its separator" in cut.reason
    spelled = choose("Metro", "The Harbor Times", declared="harbortimes.example")
    assert "the host harbortimes.example spells" in spelled.reason
    assert choose().reason.startswith("no site name and no host")


def test_an_edition_other_than_the_served_one_loses_its_edition_words():
    served = choose("River Wire France", served="riverwire.example", declared="riverwire.fr")
    assert served.name == "River Wire"
    assert "edition at riverwire.fr" in served.reason
    # the page of that edition, as served: its name is right as given
    assert choose("River Wire France", declared="riverwire.fr").name == "River Wire France"
    # another outlet's page served here: not an edition of this one
    assert choose("Harbor Times", served="mirror.example", declared="harbortimes.example").name == (
        "Harbor Times"
    )


@pytest.mark.parametrize(
    ("name", "host", "spelled"),
    [
        ("The Harbor Times", "www.harbortimes.example", True),
        ("The Harbor Times", "theharbortimes.example", True),
        ("Harbor Times", "news.harbortimes.co.uk", True),
        ("Harbor News", "harbor.example", True),  # the name starts with the host's
        ("The New Harbor Times", "nhtimes.example", True),  # first letters of its words
        ("Harbor Times", "weather.example", False),
        ("Harbor Times", "ht.example", True),
        ("Harbor", "times.example", False),
    ],
)
def test_spells_host(name, host, spelled):
    assert spells_host(name, host) is spelled


def _page(metas: dict[str, str], ld: dict | None = None, title: str = "Headline") -> str:
    tags = "".join(f'<meta property="{k}" content="{v}">' for k, v in metas.items())
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return f"<html><head><title>{title}</title>{tags}{script}</head><body><p>x</p></body></html>"


def test_page_meta_reads_the_site_name_through_the_checks():
    markup = _page(
        {"og:site_name": "valleyledger", "og:url": "https://www.valleyledger.example/a/1"},
        {"@type": "NewsArticle", "headline": "Headline", "publisher": {"name": "Valley Ledger"}},
    )
    meta = page_meta(HTMLTree.parse(markup), None)
    assert meta.publisher == "Valley Ledger"
    assert "cut short" in meta.publisher_reason


def test_page_title_still_loses_the_site_name_the_page_gives():
    markup = _page(
        {"og:site_name": "Harbor Times | News for the Bay", "og:title": "Tide rises | Harbor Times"}
    )
    meta = page_meta(HTMLTree.parse(markup), "https://harbortimes.example/x")
    assert meta.publisher == "Harbor Times"
    assert meta.title == "Tide rises"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(max_size=120)), max_size=3),
    st.one_of(st.none(), st.from_regex(r"[a-z0-9\-]{1,20}(\.[a-z]{2,6}){1,3}", fullmatch=True)),
    st.one_of(st.none(), st.from_regex(r"[a-z0-9\-]{1,20}(\.[a-z]{2,6}){1,3}", fullmatch=True)),
)
def test_any_metadata_gives_a_candidate_s_words_or_the_host(values, served, declared):
    chosen = choose_site_name([(f"c{i}", v) for i, v in enumerate(values)], served, declared)
    assert chosen.reason
    if chosen.name is not None:
        names = [" ".join(v.split()) for v in values if v]
        assert chosen.name == (served or declared) or any(chosen.name in v for v in names)
