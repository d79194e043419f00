"""Checking one evidence record (a line of ``sanctuary extract --format jsonl``) before it
is loaded: required fields, types, spans in range, jurisdictions and provisions known, and
nothing one store would keep and another refuse (a control character, a text over a
column's length, a span offset over PostgreSQL's integer, a number that is not finite).

Pure Python (no Django), so it tests without a database. ``check_record`` raises
``RecordError`` with the first problem found, phrased for ``file:line: problem``."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from sanctuary_tracker.extract.codebook import Codebook

LISTS = ("jurisdictions", "people", "quotes", "amounts", "lists", "observations")
DOCUMENT_TEXT_FIELDS = (
    "title",
    "publisher",
    "original_publisher",
    "byline",
    "language",
    "url",
    "media_type",
    "fetched_at",
)
_HASH = re.compile(r"^sha256:[0-9a-f]{64}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FIELD = re.compile(r"^(title|body|byline|captions\[(\d{1,6})\]|credits\[(\d{1,6})\])$")
_PLAIN_FIELDS = frozenset({"body", "title", "byline"})
# Columns of limited length (PostgreSQL enforces the limit, SQLite does not).
_DOCUMENT_LENGTHS = {"media_type": 80, "language": 16, "fetched_at": 40}
_MAX_OFFSET = 2**31 - 1  # spans are PostgreSQL integers
# What no store keeps alike: C0 controls but tab, newline and carriage return (PostgreSQL
# text refuses NUL), and lone surrogates (not UTF-8). The same set as the readers remove.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# The JSON escapes that can write them (raw ones are refused by the JSON parser).
CONTROL_ESCAPES = re.compile(r"\\u(?:00[01][0-9a-f]|d[89a-f][0-9a-f]{2})", re.I)


class RecordError(ValueError):
    """What is wrong with a record, in one line."""


def check_record(
    record: Any,
    *,
    known_ocd_id: Callable[[str], bool],
    known_geoid: Callable[[str], bool],
    codebook: Codebook,
) -> dict[str, Any]:
    """The record, checked; RecordError on the first problem."""
    _need(isinstance(record, dict), "not a JSON object")
    source = record.get("source")
    _need(isinstance(source, str) and source.strip() != "", "source: missing or not a string")
    document = _object(record, "document")
    content_hash = document.get("content_hash")
    _need(
        isinstance(content_hash, str) and bool(_HASH.match(content_hash)),
        "document.content_hash: missing or not sha256:<64 hex digits>",
    )
    for name in DOCUMENT_TEXT_FIELDS:
        _optional_str(document, name, "document.")
    for name, most in _DOCUMENT_LENGTHS.items():
        value = document.get(name)
        if value is not None and len(value) > most:
            raise RecordError(f"document.{name}: longer than {most} characters")
    # From here on, messages are built only for a problem found (this runs 100,000 times
    # a minute).
    published = document.get("published")
    if not (published is None or (isinstance(published, str) and _DATE.match(published))):
        raise RecordError(f"document.published: {published!r} is not a YYYY-MM-DD date")
    for key in LISTS:
        if key not in record:
            raise RecordError(f"{key}: missing")
        if not isinstance(record[key], list):
            raise RecordError(f"{key}: not a list")
    lengths = _field_lengths(document)
    for i, j in enumerate(record["jurisdictions"]):
        if not isinstance(j, dict):
            raise RecordError(f"jurisdictions[{i}]: not an object")
        _known(j.get("ocd_id"), known_ocd_id, lambda i=i: f"jurisdictions[{i}].ocd_id")
        mentions = j.get("mentions")
        if not isinstance(mentions, list) or not mentions:
            raise RecordError(f"jurisdictions[{i}].mentions: missing or empty")
        _optional_strs(j, ("name", "kind", "state"), "jurisdictions", i)
        for k, m in enumerate(mentions):
            where = lambda i=i, k=k: f"jurisdictions[{i}].mentions[{k}]"  # noqa: E731
            if not isinstance(m, dict):
                raise RecordError(f"{where()}: not an object")
            if not isinstance(m.get("text"), str):
                raise RecordError(f"{where()}.text: missing or not a string")
            _span(m, lengths, where, text=m.get("text"))
            if not _is_finite(m.get("confidence")):
                raise RecordError(f"{where()}.confidence: missing or not a number")
            if m.get("reason") is not None and not isinstance(m.get("reason"), str):
                raise RecordError(f"{where()}.reason: not a string or null")
    for i, p in enumerate(record["people"]):
        _item(p, "people", i, lengths)
        name = p.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RecordError(f"people[{i}].name: missing")
        _optional_strs(p, ("title", "of"), "people", i)
    for i, q in enumerate(record["quotes"]):
        _item(q, "quotes", i, lengths, text_required=True)
        if not isinstance(q.get("direct"), bool):
            raise RecordError(f"quotes[{i}].direct: not true or false")
        _optional_strs(q, ("speaker",), "quotes", i)
        speaker = q.get("speaker_span")
        if isinstance(speaker, dict):
            _span(speaker, lengths, lambda i=i: f"quotes[{i}].speaker_span", text=None)
        elif speaker is not None and not (  # (as records before 2026-12-07 gave it)
            isinstance(speaker, list) and len(speaker) == 2 and all(_is_int(v) for v in speaker)
        ):
            raise RecordError(f"quotes[{i}].speaker_span: not a span")
    for i, a in enumerate(record["amounts"]):
        _item(a, "amounts", i, lengths, text_required=True)
        value = a.get("value")
        if value is not None and not (_is_number(value) and 0 <= value < 10**17):
            raise RecordError(f"amounts[{i}].value: {value!r} is not an amount of dollars or null")
        _optional_strs(a, ("refers_to", "jurisdiction"), "amounts", i)
        currency = a.get("currency")
        if currency is not None and not (isinstance(currency, str) and len(currency) <= 3):
            raise RecordError(f"amounts[{i}].currency: {currency!r} is not a currency code")
    for i, listing in enumerate(record["lists"]):
        _item(listing, "lists", i, lengths)
        if not isinstance(listing.get("list"), str):
            raise RecordError(f"lists[{i}].list: missing or not a string")
        _optional_strs(listing, ("list_id", "cue"), "lists", i)
        if len(listing.get("list_id") or "") > 80:
            raise RecordError(f"lists[{i}].list_id: longer than 80 characters")
        members = listing.get("members")
        if not isinstance(members, list):
            raise RecordError(f"lists[{i}].members: missing or not a list")
        for k, member in enumerate(members):
            if not isinstance(member, dict):
                raise RecordError(f"lists[{i}].members[{k}]: not an object")
            where = lambda i=i, k=k: f"lists[{i}].members[{k}].ocd_id"  # noqa: E731
            _known(member.get("ocd_id"), known_ocd_id, where)
    for i, o in enumerate(record["observations"]):
        _item(o, "observations", i, lengths)
        _optional_strs(o, ("cue", "rule"), "observations", i)
        code = o.get("provision")
        if not (isinstance(code, str) and code in codebook):
            raise RecordError(f"observations[{i}].provision: {code!r} is not in the codebook")
        if not codebook[code].allows(o.get("value")):
            raise RecordError(
                f"observations[{i}].value: {o.get('value')!r} is not a value of {code}"
            )
        geoid = o.get("geoid")
        if not (geoid is None or (isinstance(geoid, str) and known_geoid(geoid))):
            raise RecordError(f"observations[{i}].geoid: unknown jurisdiction {geoid!r}")
        date = o.get("date")
        if not (date is None or (isinstance(date, str) and _DATE.match(date))):
            raise RecordError(f"observations[{i}].date: {date!r} is not a YYYY-MM-DD date")
    return record


def check_text(record: Any) -> None:
    """RecordError naming the first string of ``record`` (at any depth, keys included)
    holding a character no store keeps alike (see ``CONTROLS``)."""
    stack: list[tuple[str, Any]] = [("record", record)]
    while stack:  # not recursive: a record may nest as deep as JSON allows
        where, value = stack.pop()
        if isinstance(value, str):
            found = CONTROLS.search(value)
            if found:
                raise RecordError(
                    f"{where}: holds control character U+{ord(found.group()):04X}, which no "
                    "store keeps alike (read the source again: the readers remove it)"
                )
        elif isinstance(value, dict):
            items = [(f"{where} (a key)", key) for key in value]
            items += [
                (key if where == "record" else f"{where}.{key}", v) for key, v in value.items()
            ]
            stack.extend(reversed(items))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{where}[{i}]", v) for i, v in enumerate(value)]))


def _need(condition: Any, problem: str) -> None:
    if not condition:
        raise RecordError(problem)


def _object(record: Mapping, key: str) -> dict:
    value = record.get(key)
    _need(key in record, f"{key}: missing")
    _need(isinstance(value, dict), f"{key}: not an object")
    return value


def _optional_str(item: Mapping, key: str, prefix: str) -> None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise RecordError(f"{prefix}{key}: not a string or null")


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_number(value: Any) -> bool:
    return type(value) is int or type(value) is float


def _is_finite(value: Any) -> bool:
    # NaN: SQLite stores it as NULL, PostgreSQL as NaN
    return type(value) is int or (type(value) is float and math.isfinite(value))


def _optional_strs(item: Mapping, keys: tuple[str, ...], kind: str, index: int) -> None:
    for key in keys:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"{kind}[{index}].{key}: not a string or null")


def _known(ocd_id: Any, known: Callable[[str], bool], where: Callable[[], str]) -> None:
    if not isinstance(ocd_id, str):
        raise RecordError(f"{where()}: missing or not a string")
    if not known(ocd_id):
        raise RecordError(f"{where()}: unknown jurisdiction {ocd_id!r}")


def _item(
    item: Any, kind: str, index: int, lengths: dict[str, int], text_required: bool = False
) -> None:
    """An evidence item: an object with a span (and a text the span must fit, if asked)."""
    if not isinstance(item, dict):
        raise RecordError(f"{kind}[{index}]: not an object")
    text = item.get("text")
    if text_required and not isinstance(text, str):
        raise RecordError(f"{kind}[{index}].text: missing or not a string")
    span = item.get("span")
    if not isinstance(span, dict):
        raise RecordError(f"{kind}[{index}].span: missing or not an object")
    _span(span, lengths, lambda: f"{kind}[{index}].span", text=text if text_required else None)


def _span(span: Mapping, lengths: dict[str, int], where: Callable[[], str], text: Any) -> None:
    field, start, end = span.get("field"), span.get("start"), span.get("end")
    # A good span passes this one test (spans are most of a record's checks); any other
    # goes through the checks below, which name its problem.
    if (
        type(start) is int
        and type(end) is int
        and 0 <= start <= end <= _MAX_OFFSET
        and type(field) is str
        and (field in _PLAIN_FIELDS or _FIELD.match(field))
        and end <= lengths.get(field, end)
        and (not isinstance(text, str) or len(text) == end - start)
    ):
        return
    if not isinstance(field, str) or (field not in _PLAIN_FIELDS and not _FIELD.match(field)):
        raise RecordError(f"{where()}.field: {field!r} is not a field")
    if not (_is_int(start) and _is_int(end)):
        raise RecordError(f"{where()}: start and end must be whole numbers")
    if not 0 <= start <= end <= _MAX_OFFSET:
        raise RecordError(f"{where()}: span {start}-{end} is out of range")
    limit = lengths.get(field)
    if limit is not None and end > limit:
        raise RecordError(
            f"{where()}: span {start}-{end} is out of range ({field} has {limit} characters)"
        )
    if isinstance(text, str) and len(text) != end - start:
        raise RecordError(
            f"{where()}: span {start}-{end} does not fit its text ({len(text)} characters)"
        )


def _field_lengths(document: Mapping) -> dict[str, int]:
    """The length of each field whose text the record carries (ingest passes the body)."""
    lengths = {}
    for name in ("title", "body", "byline"):
        if isinstance(document.get(name), str):
            lengths[name] = len(document[name])
    for name in ("captions", "credits"):
        values = document.get(name)
        if isinstance(values, list):
            for i, value in enumerate(values):
                if isinstance(value, str):
                    lengths[f"{name}[{i}]"] = len(value)
    return lengths
