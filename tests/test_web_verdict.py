"""A jurisdiction page leads with its verdict and never contradicts itself, over the served
demo: the counted verdict line (cooperation and preemption apart), what is not known folded
in one block, provision names instead of codes, an unreviewed listing marked and not
counted by the card it bears on, a list not yet published on the date, and an observation
accepted without a date or citation only explicitly, with who accepted it and when."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import time

import requests

NASSAU = "36059"  # the demo's DDOR sample names it; New York's state laws apply to it
CHITTENDEN = "50007"  # no other test reads it


def page(site, geoid, date):
    response = requests.get(f"{site.url}/jurisdiction/{geoid}/", params={"date": date}, timeout=60)
    assert response.status_code == 200
    return response.text


def text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def cards(html) -> dict[str, tuple[str, str]]:
    """definition id -> (shown label, the card's text)."""
    found = {}
    for block in re.findall(r'<section class="status".*?</section>', html, re.S):
        definition = re.search(r'id="def-([\w.-]+)"', block).group(1)
        label = re.search(r'<span class="badge l-[\w-]+">([^<]+)</span>', block).group(1)
        found[definition] = (label, text(block))
    return found


def test_the_verdict_line_counts_what_the_cards_say_with_other_measures_apart(site_sqlite):
    html = page(site_sqlite, NASSAU, "2025-09-01")
    line = re.search(r'<p class="verdict" id="verdict">(.*?)</p>', html, re.S).group(1)
    assert html.index('id="verdict"') < html.index('class="status"')  # first thing read
    parts = dict(re.findall(r'data-measures="(\w+)">(.*?)</span>\s*(?=<span|$)', line, re.S))
    assert set(parts) == {"sanctuary", "cooperation", "preemption"}
    by_measure = {}
    for block in re.findall(r'<section class="status".*?</section>', html, re.S):
        measures = re.search(r'data-measures="(\w+)"', block).group(1)
        by_measure.setdefault(measures, []).append(cards(block).popitem()[1][0])
    for measures, labels in by_measure.items():
        said = text(parts[measures])
        assert f"yes under {labels.count('yes')} of {len(labels)} definition" in said, said
        for label in ("no", "unknown"):
            if labels.count(label):
                assert f"{label} under {labels.count(label)}" in said, said
    sanctuary = text(parts["sanctuary"])
    assert sanctuary.startswith("Sanctuary: yes under 1 of 9 definitions: Covered by a state law")
    assert text(parts["cooperation"]).startswith("Works with ICE: yes under 1 of 1 definition")
    assert text(parts["preemption"]).startswith("Under a state ban on sanctuary policies:")
    assert "Money at stake" in text(html[html.index('id="verdict"') : html.index("<h2")])
    data = requests.get(f"{site_sqlite.url}/api/jurisdictions/{NASSAU}?date=2025-09-01", timeout=60)
    verdict = {v["measures"]: v for v in data.json()["data"]["verdict"]}
    assert (len(verdict["sanctuary"]["yes"]), verdict["sanctuary"]["of"]) == (1, 9)


def test_what_is_not_known_is_folded_and_no_provision_code_is_read(site_sqlite):
    html = page(site_sqlite, NASSAU, "2025-09-01")
    folded = re.search(r'<details class="not-known" id="not-known">(.*?)</details>', html, re.S)
    assert folded and "Detainer (I-247A hold) policy" in folded.group(1)
    rest = html.replace(folded.group(0), "")
    assert "to tell whether" not in text(rest)  # the engine's "no evidence on P01 (...)" lines
    assert "No evidence on 5 provisions it asks about" in cards(html)["cis"][1]
    main = html[html.index("<main") :]
    read = text(re.sub(r"<code>.*?</code>", "", main))
    assert re.findall(r"\bP\d{2}[a-z]?\b", read) == []
    assert "287(g) agreement in force: TFM since 2025-03-10" in read  # the name, not P10


def test_an_unreviewed_listing_is_marked_and_the_card_says_it_did_not_count_it(site_sqlite):
    html = page(site_sqlite, NASSAU, "2025-09-01")
    lists = re.search(r'<ul class="listings">(.*?)</ul>', html, re.S).group(1)
    ddor = next(li for li in re.findall(r"<li>(.*?)</li>", lists, re.S) if "Declined" in li)
    assert '<span class="badge l-unreviewed">unreviewed</span>' in ddor
    document = re.search(r'href="/document/(\d+)/"', ddor).group(1)
    label, card = cards(html)["dhs-ddor-2017"]
    assert label != "yes" and "not among the 25 confirmed members" in card
    assert "Not counted: an unreviewed listing from" in card
    block = re.search(r'<section class="status" id="def-dhs-ddor-2017".*?</section>', html, re.S)
    assert f'href="/document/{document}/"' in block.group(0)
    assert "Not counted" not in cards(html)["state-sanctuary-law"][1]  # reads no such list


def test_a_list_not_yet_published_on_the_date_says_so(site_sqlite):
    before = cards(page(site_sqlite, NASSAU, "2017-04-01"))["doj-1373-review-2017"]
    assert before[0] == "not yet published"
    assert "Not yet published on 2017-04-01" in before[1] and "2017-04-21" in before[1]
    after = cards(page(site_sqlite, NASSAU, "2017-06-01"))["doj-1373-review-2017"]
    assert after[0] == "no" and "not among the 9 members" in after[1]


def test_an_observation_without_date_or_citation_is_accepted_only_explicitly(site_sqlite):
    added = site_sqlite.cli("review", "add", CHITTENDEN, "P13", "true", "--user", "demo-coder")
    assert added.returncode == 0, added.stderr
    number = re.search(r"observation (\d+): proposed", added.stdout).group(1)
    accept = ("review", "accept", number, "--reason", "council resolution seen")
    refused = site_sqlite.cli(*accept, "--user", "demo-reviewer")
    assert refused.returncode == 1 and "--undated --no-citation" in refused.stderr
    done = site_sqlite.cli(*accept, "--undated", "--no-citation", "--user", "demo-reviewer")
    assert done.returncode == 0, done.stderr
    time.sleep(1.2)  # the served answers follow the store's data within a second
    html = page(site_sqlite, CHITTENDEN, "2025-09-01")
    shown = text(re.search(r'<ul class="observations">(.*?)</ul>', html, re.S).group(1))
    today = dt.date.today().isoformat()
    assert shown == (
        'Public sanctuary/"welcoming" declaration (symbolic): yes, undated; no citation; '
        f"accepted by demo-reviewer on {today}"
    )
    assert "True" not in text(html[html.index("<main") :])


def test_the_demo_shows_money_at_stake_from_its_shipped_award_file(site_sqlite):
    html = page(site_sqlite, "3651000", "2017-06-01")  # New York City
    line = text(re.search(r'<p class="at-stake">(.*?)</p>', html, re.S).group(1))
    assert line.startswith("Money at stake: $2,181,680.00 in 1 federal award")
    assert "bja-jag-awards.csv, row 2" in html and "/samples/" not in html


def test_every_row_of_the_shipped_award_file_names_its_award_page():
    import csv
    from importlib import resources

    path = resources.files("sanctuary_tracker") / "samples" / "bja-jag-awards.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        page_url = "https://bja.ojp.gov/funding/awards/" + row["award_id_fain"].lower()
        assert row["source_url"] == page_url, row
