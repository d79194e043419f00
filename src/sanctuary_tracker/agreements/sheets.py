"""One ICE 287(g) spreadsheet (participating or pending agencies) read into a Publication.

ICE names its files ``participatingAgencies<MMDDYYYY><am|pm>.xlsx`` and
``pendingAgencies...``; the date in the name is the publication date. A file whose name
does not say it needs the date given. Two different files have been published under one
name, so a publication is known by the SHA-256 of its normalised content (its kind, date
and rows as read, not the file's bytes or name).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PRIMARY_SOURCE = "https://www.ice.gov/identify-and-arrest/287g"
MODELS = {
    "jail enforcement model": "JEM",
    "task force model": "TFM",
    "warrant service officer": "WSO",
}
MODEL_NAMES = {code: name.title() for name, code in MODELS.items()}
PENDING_HEADER = ("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE")
PARTICIPATING_HEADER = (*PENDING_HEADER, "SIGNED", "MOA")
_FILE_NAME = re.compile(
    r"^(?P<kind>participating|pending)Agencies(?P<m>\d\d)(?P<d>\d\d)(?P<y>\d{4})(?P<half>am|pm)"
    r"(?:[-_][\w-]*)?\.xlsx$",
    re.I,
)
# "05/08/2025", "5/8/2025", and ICE's slips "05/082025", "7/72025" (month/day, 4-digit year).
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/?(\d{4})$")


class SheetError(ValueError):
    """A file that is not an ICE 287(g) sheet: the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Row:
    """One agency row as ICE listed it (text stripped), with its sheet row number."""

    row: int
    state: str
    agency: str
    type: str
    county: str
    model: str  # JEM, TFM or WSO
    signed: str | None = None  # ISO date
    signed_text: str = ""  # the cell as written when it was not a date cell
    moa: str | None = None  # the MOA link's target (unwrapped from a mail-safety link)
    addendum: str | None = None

    def to_record(self) -> dict:
        return {
            "row": self.row,
            "state": self.state,
            "agency": self.agency,
            "type": self.type,
            "county": self.county,
            "model": self.model,
            "signed": self.signed,
            "signed_text": self.signed_text,
            "moa": self.moa,
            "addendum": self.addendum,
        }

    @classmethod
    def from_record(cls, record: dict) -> Row:
        return cls(**record)


@dataclass(frozen=True, slots=True)
class Publication:
    file_name: str
    kind: str  # participating | pending
    published: str  # ISO date
    half: str  # "am", "pm" or "" when not known
    rows: tuple[Row, ...]
    # Worked out once: the history, the snapshot and the store all key publications by it.
    sha256: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sha = content_sha256(self.kind, self.published, self.half, self.rows)
        object.__setattr__(self, "sha256", sha)

    @property
    def moment(self) -> tuple[str, str]:
        """When ICE published it: (date, am|pm|''); two files can share one."""
        return (self.published, self.half)

    def source(self, row: int | None = None) -> str:
        where = f"{self.file_name}, row {row}" if row is not None else self.file_name
        return f"{PRIMARY_SOURCE} ({where})"


def content_sha256(kind: str, published: str, half: str, rows) -> str:
    payload = {"kind": kind, "published": published, "half": half}
    payload["rows"] = [r.to_record() for r in rows]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def name_date(file_name: str) -> tuple[str, str, str] | None:
    """(kind, ISO date, am|pm) from an ICE file name; None when the name does not fit."""
    found = _FILE_NAME.match(file_name)
    if not found:
        return None
    try:
        day = dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None
    return found["kind"].lower(), day.isoformat(), found["half"].lower()


def read_sheet(path: str | Path, published: str | None = None) -> Publication:
    """Read one ICE sheet. ``published`` (YYYY-MM-DD) is needed when the file name does not
    carry ICE's date; a SheetError names the file and the problem."""
    path = Path(path)
    named = name_date(path.name)
    if published is not None:
        try:
            published = dt.date.fromisoformat(published).isoformat()
        except ValueError:
            raise SheetError(f"{path}: --published {published!r} is not YYYY-MM-DD") from None
    if named is None and published is None:
        raise SheetError(
            f"{path}: the file name does not carry ICE's publication date "
            "(participatingAgencies<MMDDYYYY><am|pm>.xlsx); give the date"
        )
    rows, kind = _read_rows(path)
    if named is not None and named[0] != kind:
        raise SheetError(f"{path}: the name says {named[0]} agencies but the header is {kind}")
    if published is not None and (named is None or named[1] != published):
        date, half = published, ""
    else:
        date, half = named[1], named[2]
    return Publication(path.name, kind, date, half, tuple(rows))


def _read_rows(path: Path) -> tuple[list[Row], str]:
    import openpyxl

    if not path.is_file():
        raise SheetError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise SheetError(f"{path}: not an xlsx workbook (not a zip archive)")
    try:
        # Not read-only: openpyxl reads hyperlinks only from a full workbook.
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        problem = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SheetError(f"{path}: cannot read the workbook ({problem})") from None
    try:
        sheet = workbook.worksheets[0]
        cells = list(sheet.iter_rows())
    finally:
        workbook.close()
    if not cells:
        raise SheetError(f"{path}: the sheet is empty")
    header = tuple(_text(c.value).upper() for c in cells[0])
    while header and not header[-1]:
        header = header[:-1]
    if header[: len(PARTICIPATING_HEADER)] == PARTICIPATING_HEADER:
        kind = "participating"
    elif header == PENDING_HEADER:
        kind = "pending"
    else:
        raise SheetError(
            f"{path}: not ICE's 287(g) layout (header {', '.join(h for h in header if h)!r}; "
            f"expected {', '.join(PARTICIPATING_HEADER)}[, ADDENDUM] or {', '.join(PENDING_HEADER)})"
        )
    addendum = header.index("ADDENDUM") if "ADDENDUM" in header else None
    rows = []
    for number, line in enumerate(cells[1:], start=2):
        row = _row(path, number, line, kind, addendum)
        if row is not None:
            rows.append(row)
    return rows, kind


def _row(path: Path, number: int, line, kind: str, addendum: int | None) -> Row | None:
    values = [_text(c.value) for c in line[:5]]
    values += [""] * (5 - len(values))
    state, agency, type_, county, support = values
    if not any(values):
        return None
    if not agency or not state:
        raise SheetError(f"{path}: row {number}: no {'agency' if state else 'state'}")
    model = MODELS.get(re.sub(r"\s+", " ", support).lower())
    if model is None:
        raise SheetError(f"{path}: row {number}: unknown support type {support!r}")
    if kind == "pending":
        return Row(number, state, agency, type_, county, model)
    signed, signed_text = _signed(line[5].value if len(line) > 5 else None)
    return Row(
        number,
        state,
        agency,
        type_,
        county,
        model,
        signed,
        signed_text,
        _link(line[6]) if len(line) > 6 else None,
        _link(line[addendum]) if addendum is not None and len(line) > addendum else None,
    )


def _text(value) -> str:
    if value is None:
        return ""
    return re.sub(r"\s+", " ", str(value).replace("\xa0", " ")).strip()


def _signed(value) -> tuple[str | None, str]:
    """The ISO date of a SIGNED cell, and the cell's text when it was not a date cell."""
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat(), ""
    text = _text(value)
    found = _SLASHED.match(text)
    if found:
        try:
            day = dt.date(int(found[3]), int(found[1]), int(found[2]))
            return day.isoformat(), text
        except ValueError:
            pass
    try:
        return dt.date.fromisoformat(text).isoformat(), text
    except ValueError:
        return None, text


def _link(cell) -> str | None:
    """The cell's hyperlink target (or a URL written in the cell), unwrapped."""
    target = cell.hyperlink.target if cell.hyperlink is not None else None
    if not target:
        text = _text(cell.value)
        target = text if text.startswith(("http://", "https://")) else None
    return unwrap(target) if target else None


def unwrap(url: str) -> str:
    """The real address behind a mail-safety link (safelinks.protection.outlook.com)."""
    parts = urlsplit(url.strip())
    if parts.hostname and parts.hostname.endswith("safelinks.protection.outlook.com"):
        inner = parse_qs(parts.query).get("url")
        if inner:
            return inner[0]
    return url.strip()
