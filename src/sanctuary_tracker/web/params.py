"""The API's query parameters with the constraints they are checked by, written so that
the OpenAPI description states exactly what is accepted: the date as a pattern that only
real calendar dates match, definitions and kinds as enumerations, page bounds."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ninja import Schema
from pydantic import Field, field_validator

from sanctuary_tracker.extract.record import record_kind
from sanctuary_tracker.web import selectors

_YEAR = r"(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))"
)
_LEAP_YEAR = r"(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
# Every real date from 0001-01-01 to 9999-12-31 (29 February in leap years only), or empty
# (today): a regular expression, so that the description can say it.
DATE_PATTERN = rf"^(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)?$"
DATE_HELP = "YYYY-MM-DD, a real calendar date; empty or absent: today"
# No control character (PostgreSQL refuses NUL; none belongs in a search).
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
SEARCH_PAGES = 10_000
_DATE = re.compile(DATE_PATTERN)
_TEXT = re.compile(TEXT_PATTERN)


def iso_date(text: str | None) -> str | None:
    """``text`` if it is a date as DATE_PATTERN says; None when empty; ValueError else."""
    if not text:
        return None
    if not _DATE.match(text):
        raise ValueError(f"date {text!r}: not a date (YYYY-MM-DD)")
    return dt.date.fromisoformat(text).isoformat()


def printable(text: str) -> bool:
    return bool(_TEXT.match(text))


@cache
def kinds() -> tuple[str, ...]:
    """Every kind, type and level of a gazetteer jurisdiction (the ``kind`` filter)."""
    from sanctuary_tracker.web.classification import gazetteer

    found = set()
    for j in gazetteer():
        found.update((j.kind, record_kind(j), j.level))
    return tuple(sorted(found))


def definition_ids() -> tuple[str, ...]:
    from sanctuary_tracker.web.classification import definitions

    return tuple(sorted(definitions()))


def enum_of(values) -> callable:
    """A schema hook that lists ``values()`` (computed when the description is asked for)."""

    def extra(schema: dict) -> None:
        schema["enum"] = list(values())

    return extra


DATE = {"pattern": DATE_PATTERN, "description": DATE_HELP}
DEFINITION = {
    "description": "definition id (GET /api/definitions); absent: the default one. "
    "Labels under a definition: yes, partial, no, unknown",
    "json_schema_extra": enum_of(definition_ids),
}


def text_field(description: str, **bounds):
    return Field(None, max_length=200, pattern=TEXT_PATTERN, description=description, **bounds)


class DateParams(Schema):
    date: str = Field(None, **DATE)

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        return iso_date(value)


class MapParams(DateParams):
    definition: str = Field(None, **DEFINITION)

    @field_validator("definition")
    @classmethod
    def _known_definition(cls, value: str | None) -> str | None:
        if value is not None and value not in definition_ids():
            raise ValueError(f"unknown definition (known: {', '.join(definition_ids())})")
        return value


class ListParams(MapParams):
    """The parameters every list takes (each list applies those that mean something for it)."""

    q: str = text_field("name search")
    state: str = Field(None, pattern=r"^[A-Za-z]{2}$", description="postal code (any case)")
    kind: str = Field(
        None, description="kind, type or level of jurisdiction", json_schema_extra=enum_of(kinds)
    )
    page: int = Field(1, ge=1, le=1_000_000)
    per_page: int = Field(50, ge=1, le=selectors.MAX_PER_PAGE)

    @field_validator("q")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        if value is not None and value not in kinds():
            raise ValueError(f"unknown kind (known: {', '.join(kinds())})")
        return value

    def filters(self) -> selectors.Filters:
        return selectors.Filters(self.q, self.state, self.kind, self.date, self.definition)
