"""Award tables as published, streamed row by row: USAspending.gov award downloads and BJA's
JAG local allocation tables, as CSV or XLSX. Rows come out as dicts keyed by lower-case
column names, with their row number in the file, so memory stays flat however long the
file is."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Columns that identify each layout (lower case). USAspending award summaries carry the
# recipient and the obligation; BJA's allocation tables carry the government and its share.
USASPENDING = ("recipient_name", "total_obligated_amount")
JAG = ("state", "jurisdiction name", "government type", "direct allocation")
HEADER_SEARCH = 25  # title rows an allocation table may have above its header


class TableError(ValueError):
    """The file cannot be read as an award table; the message names the file."""


@dataclass(frozen=True, slots=True)
class Table:
    path: str
    layout: str  # "usaspending" | "jag"
    columns: tuple[str, ...]
    title: str  # text above the header (a JAG table's "FY 2016 ... allocations" line)
    rows: Iterator[tuple[int, dict[str, str]]]


def open_table(path: str | Path) -> Table:
    """The award table in ``path`` (``.csv`` or ``.xlsx``), its layout found from its header."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        raw = _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        raw = _csv_rows(path)
    else:
        raise TableError(f"{path}: not a CSV or XLSX file")
    title_lines = []
    for number, cells in raw:
        names = tuple(_column(c) for c in cells)
        layout = _layout(names)
        if layout:
            return Table(str(path), layout, names, " ".join(title_lines), _records(names, raw))
        text = " ".join(c for c in cells if c)
        if text:
            title_lines.append(text)
        if number >= HEADER_SEARCH:
            break
    raise TableError(
        f"{path}: no header of a USAspending award download (recipient_name, "
        "total_obligated_amount ...) or a JAG allocation table (State, Jurisdiction Name, "
        "Government Type, Direct Allocation) in its first rows"
    )


def _layout(names: tuple[str, ...]) -> str | None:
    if all(c in names for c in USASPENDING):
        return "usaspending"
    if all(c in names for c in JAG):
        return "jag"
    return None


def _column(cell: str) -> str:
    return re.sub(r"\s+", " ", (cell or "").strip().lower().lstrip("\ufeff"))


def _records(names, raw) -> Iterator[tuple[int, dict[str, str]]]:
    for number, cells in raw:
        if not any(cells):
            continue
        yield number, dict(zip(names, cells, strict=False))


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        handle = open(path, newline="", encoding="utf-8-sig", errors="replace")  # noqa: SIM115
    except OSError as exc:
        raise TableError(f"{path}: cannot read: {exc.strerror or exc}") from exc

    def rows():
        with handle:
            try:
                # Cells are taken as written; readers strip what they use.
                yield from enumerate(csv.reader(handle), start=1)
            except csv.Error as exc:
                raise TableError(f"{path}: broken CSV: {exc}") from exc

    return rows()


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TableError(f"{path}: not a readable XLSX workbook ({exc})") from exc

    def rows():
        try:
            sheet = book.worksheets[0]
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [_cell(c) for c in cells]
        finally:
            book.close()

    return rows()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
