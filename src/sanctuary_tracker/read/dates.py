"""Dates written in text ("March 28, 2017", "2017-03-28", "3/28/2017") to ISO 8601."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "m", "d")),
    (
        re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
        ("mon", "d", "y"),
    ),
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I), ("d", "mon", "y")),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("m", "d", "y")),  # US order
]


def find_date(text: str) -> str | None:
    """The first valid calendar date written in ``text``, as YYYY-MM-DD, or None."""
    found: list[tuple[int, str]] = []
    for pattern, order in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(dict(zip(order, match.groups(), strict=True)))
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def _to_iso(parts: dict[str, str]) -> str | None:
    month = _MONTHS[parts["mon"].lower()] if "mon" in parts else int(parts["m"])
    try:
        return date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except ValueError:
        return None
