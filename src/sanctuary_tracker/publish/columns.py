"""A table's columns and their kinds: declared, or read from the values; and each
value as a cell of text (CSV, SQLite) or of JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# text: strings; int, float, bool; date and datetime (objects, or ISO strings for a
# declared column); json: lists, dicts or mixed values, as JSON text (strings as they
# are); texts: a list of strings (a Parquet list column, JSON text elsewhere).
KINDS = ("text", "int", "float", "bool", "date", "datetime", "json", "texts")


@dataclass(frozen=True)
class Column:
    """A column: its name, its kind (None: read from the values) and whether it may be
    empty (``required``: never null, a non-nullable Parquet field)."""

    name: str
    kind: str | None = None
    required: bool = False

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"column {self.name!r}: unknown kind {self.kind!r}")


Columns = Sequence["str | Column"]


def names(columns: Columns) -> list[str]:
    return [c.name if isinstance(c, Column) else c for c in columns]


def typed(columns: Columns, rows: Sequence[Mapping[str, Any]]) -> list[Column]:
    """Every column with its kind: as declared, or read from the rows' values."""
    found = []
    for c in columns:
        column = c if isinstance(c, Column) else Column(c)
        if column.kind is None:
            kind = kind_of(row.get(column.name) for row in rows)
            column = Column(column.name, kind, column.required)
        found.append(column)
    return found


def kind_of(values: Iterable[Any]) -> str:
    """The one kind every non-null value has (bool before int, int and float as float,
    datetime before date); ``json`` when they differ or nest, ``text`` when all are null."""
    kinds = {_scalar_kind(v) for v in values if v is not None}
    if kinds <= {"int", "float"} and kinds:
        return "float" if "float" in kinds else "int"
    return kinds.pop() if len(kinds) == 1 else "text" if not kinds else "json"


def _scalar_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    return "json"


def json_default(value: Any) -> Any:
    """What ``json.dumps`` writes for a date or datetime: its ISO form."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent, default=json_default)


def cell(value: Any) -> Any:
    """A CSV cell: lists and dicts as JSON text, dates in ISO form, the rest as given."""
    if isinstance(value, list | dict):
        return dumps(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def text(value: Any) -> str | None:
    """A value of a JSON (mixed or nested) column: strings as they are, the rest as JSON."""
    if value is None or isinstance(value, str):
        return value
    return dumps(value)


def date(value: Any, column: str) -> dt.date | None:
    """A date column's value: a date, or a date's ISO form; anything else is refused."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"column {column!r}: {value!r} is not a date (YYYY-MM-DD)") from None


def datetime(value: Any, column: str) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"column {column!r}: {value!r} is not a date and time") from None
