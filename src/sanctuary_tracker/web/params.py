"""The query parameters of the API and the pages with the constraints they are checked by.
For the API, written so that the OpenAPI description states exactly what is accepted: the
date as a pattern that only real calendar dates match, definitions and kinds as
enumerations, page bounds. For the pages, ``PageQuery`` reads the same parameters with the
same checks and collects one line per unusable value (the page answers 400 with them)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Literal

from ninja import Schema
from pydantic import Field, field_validator

from sanctuary_tracker.extract.stage import record_kind
from sanctuary_tracker.web import selectors
from sanctuary_tracker.web.mapdata import LABELS

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
DATE_PROBLEM = "not a date (YYYY-MM-DD, a real calendar day)"
# No control character (PostgreSQL refuses NUL; none belongs in a search).
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"
STATE_PATTERN = r"^[A-Za-z]{2}$"
MAX_TEXT = 200
MAX_PAGE = 1_000_000
SEARCH_PAGES = 10_000
Label = Literal[LABELS]
_DATE = re.compile(DATE_PATTERN)
_TEXT = re.compile(TEXT_PATTERN)
_STATE = re.compile(STATE_PATTERN)
# The problem a refused value has, by parameter and pydantic's error type (the API's
# answers say it as the pages do; pydantic's own words quote the whole date pattern).
PATTERN_PROBLEMS = {
    "date": DATE_PROBLEM,
    "state": "not a two-letter postal code",
    "q": "contains a control character",
}


def shown(value: str) -> str:
    """``value`` as a message quotes it: whole when short, else its start and its length."""
    if len(value) <= 40:
        return repr(value)
    return f"{value[:40]!r}... ({len(value):,} characters)"


def problem_line(name: str, value: str, problem: str) -> str:
    """One line naming the parameter, its value and what is wrong with it."""
    return f"{name} {shown(value)}: {problem}"


def iso_date(text: str | None) -> str | None:
    """``text`` if it is a date as DATE_PATTERN says; None when empty; ValueError else."""
    if not text:
        return None
    if not _DATE.match(text):
        raise ValueError(DATE_PROBLEM)
    return dt.date.fromisoformat(text).isoformat()


def too_long(limit: int) -> str:
    return f"too long (at most {limit} characters)"


def printable(text: str) -> bool:
    return bool(_TEXT.match(text))


def checked_text(text: str) -> str:
    """A search or name filter: at most MAX_TEXT characters, no control character."""
    if len(text) > MAX_TEXT:
        raise ValueError(too_long(MAX_TEXT))
    if not printable(text):
        raise ValueError(PATTERN_PROBLEMS["q"])
    return text


def checked_state(text: str) -> str:
    if not _STATE.match(text):
        raise ValueError(PATTERN_PROBLEMS["state"])
    return text.upper()


def checked_kind(text: str) -> str:
    if text not in kinds():
        raise ValueError(f"unknown kind (known: {', '.join(kinds())})")
    return text


def checked_definition(text: str) -> str:
    if text not in definition_ids():
        raise ValueError(f"unknown definition (known: {', '.join(definition_ids())})")
    return text


def checked_label(text: str) -> str:
    if text not in LABELS:
        raise ValueError(f"not a label (one of {', '.join(LABELS)})")
    return text


def checked_page(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise ValueError("not a page number (a whole number, 1 or more)")
    number = int(text)
    if not 1 <= number <= MAX_PAGE:
        raise ValueError(f"not a page number (1 to {MAX_PAGE:,})")
    return number


def last_page(total: int, per_page: int) -> int:
    return max(1, (total + per_page - 1) // per_page)


def beyond_last(page: int, total: int, per_page: int) -> str | None:
    """The message for a page past the last one ("page 999999 of 3"), or None."""
    last = last_page(total, per_page)
    if page <= last:
        return None
    return f"page {page} of {last}: no results on this page ({total:,} results in all)"


class PageQuery:
    """A page's query parameters, read with the API's checks: each unusable value is a
    problem line in ``problems`` (the page answers 400 and shows them), never replaced by
    a default. An absent or empty parameter is the default (today, the first page...)."""

    def __init__(self, query):
        self.query = query
        self.problems: list[str] = []

    def read(self, name: str, check, *, strip: bool = True):
        raw = self.query.get(name, "")
        value = raw.strip() if strip else raw
        if not value:
            return None
        try:
            return check(value)
        except ValueError as exc:
            self.problems.append(problem_line(name, raw, str(exc)))
            return None

    def date(self) -> str | None:
        return self.read("date", iso_date)

    def definition(self) -> str | None:
        return self.read("definition", checked_definition)

    def page(self) -> int:
        return self.read("page", checked_page) or 1


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
    return Field(None, max_length=MAX_TEXT, pattern=TEXT_PATTERN, description=description, **bounds)


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
        return None if value is None else checked_definition(value)


class ListParams(MapParams):
    """The parameters every list takes (each list applies those that mean something for it)."""

    q: str = text_field("name search")
    state: str = Field(None, pattern=STATE_PATTERN, description="postal code (any case)")
    kind: str = Field(
        None, description="kind, type or level of jurisdiction", json_schema_extra=enum_of(kinds)
    )
    page: int = Field(1, ge=1, le=MAX_PAGE, description="beyond the last page: 404")
    per_page: int = Field(50, ge=1, le=selectors.MAX_PER_PAGE)

    @field_validator("q")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        return None if value is None else checked_kind(value)

    def filters(self) -> selectors.Filters:
        return selectors.Filters(self.q, self.state, self.kind, self.date, self.definition)


class ClassificationParams(ListParams):
    label: Label = Field(None, description="only jurisdictions with this label")
