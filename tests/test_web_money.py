"""Money at stake on the jurisdiction page and in its JSON, once award files are imported
into the served store: totals by program and year, each award with its source row."""

from __future__ import annotations

import time
from pathlib import Path

import requests

FIXTURES = Path(__file__).parent / "fixtures" / "funding"
CHELSEA = "2513205"


def test_imported_awards_show_on_the_jurisdiction_page_and_json(site):
    imported = site.cli(
        "funding",
        "import",
        str(FIXTURES / "usaspending_awards.csv"),
        str(FIXTURES / "jag_allocations_fy2016_ma.csv"),
        "--user",
        "demo-coder",
    )
    assert imported.returncode == 0, imported.stderr
    time.sleep(1.5)  # the served answers follow the store's data within a second
    money = requests.get(f"{site.url}/api/jurisdictions/{CHELSEA}", timeout=60).json()["data"][
        "money_at_stake"
    ]
    assert money["awards_total"] == "129000.00"  # net of a 15,000 deobligation
    assert money["awards_by_program_and_year"] == [
        {
            "program": "16.738",
            "program_title": "Edward Byrne Memorial Justice Assistance Grant (Byrne JAG)",
            "fiscal_year": 2016,
            "total": "129000.00",
            "total_text": "129,000.00",
        }
    ]
    assert {(a["source_file"].rsplit("/", 1)[-1], a["source_row"]) for a in money["awards"]} == {
        ("usaspending_awards.csv", 2),
        ("usaspending_awards.csv", 5),
        ("jag_allocations_fy2016_ma.csv", 6),
    }
    page = requests.get(f"{site.url}/jurisdiction/{CHELSEA}/", timeout=60).text
    assert "$129,000.00 in 3 awards" in page
    assert "jag_allocations_fy2016_ma.csv, row 6" in page
