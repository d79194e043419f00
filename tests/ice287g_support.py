"""Small ICE 287(g) sheets in ICE's own layout, written with openpyxl for the 287(g) tests
(participating: STATE ... SIGNED, MOA with a hyperlink, ADDENDUM; pending: five columns)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import SHARED

SHEETS = SHARED / "data" / "ice-287g" / "sheets"
HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]

KNOX = (
    "TENNESSEE",
    "Knox County Sheriff's Office",
    "County",
    "Knox County",
    "Jail Enforcement Model",
    "2020-06-08",
)
KNOX_IL = (
    "ILLINOIS",
    "Knox County Sheriff's Office",
    "County",
    "Knox County",
    "Task Force Model",
    "2025-03-01",
)
CAMDEN = (
    "NEW YORK",
    "Camden Police Department",
    "Municipality",
    "#N/A",
    "Task Force Model",
    "2025-01-03",  # made up, as Wells's below: no real agreement has these dates
)
WELLS = (
    "MAINE",
    "Wells Police Department",
    "Municipality",
    "#N/A",
    "Task Force Model",
    "2025-01-02",
)


def write_sheet(path: Path, rows, kind: str = "participating") -> Path:
    """An xlsx at ``path`` with ICE's header and ``rows`` (state, agency, type, county,
    support type, signed ISO date); the MOA cell is a 'link' to a made-up ice.gov PDF."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADER, "ADDENDUM"] if kind == "participating" else HEADER[:5])
    for number, row in enumerate(rows, start=2):
        state, agency, type_, county, support, signed = row
        if kind == "pending":
            sheet.append([state, agency, type_, county, support])
            continue
        sheet.append([state, agency, type_, county, support, dt.date.fromisoformat(signed)])
        cell = sheet.cell(row=number, column=7, value="link")
        cell.hyperlink = f"https://www.ice.gov/doclib/287gMOA/test-{number}.pdf"
    book.save(path)
    return path
