"""Checking one evidence record (a line of ``sanctuary extract --format jsonl``) before it
is loaded: required fields, types, spans in range, jurisdictions and provisions known.

Pure Python (no Django), so it tests without a database. ``check_record`` raises
``RecordError`` with the first problem found, phrased for ``file:line: problem``."""

from __future__ import annotations

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
_FIELD = re.compile(r"^(title|body|byline|captions\[(\d+)\]|credits\[(\d+)\])$")


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
    published = document.get("published")
    _need(
        published is None or (isinstance(published, str) and bool(_DATE.match(published))),
        f"document.published: {published!r} is not a YYYY-MM-DD date",
    )
    for key in LISTS:
        _need(key in record, f"{key}: missing")
        _need(isinstance(record[key], list), f"{key}: not a list")
    lengths = _field_lengths(document)
    for i, j in enumerate(record["jurisdictions"]):
        where = f"jurisdictions[{i}]"
        _need(isinstance(j, dict), f"{where}: not an object")
        _known(j.get("ocd_id"), known_ocd_id, f"{where}.ocd_id")
        mentions = j.get("mentions")
        _need(isinstance(mentions, list) and bool(mentions), f"{where}.mentions: missing or empty")
        for k, m in enumerate(mentions):
            _need(isinstance(m, dict), f"{where}.mentions[{k}]: not an object")
            _span(m, lengths, f"{where}.mentions[{k}]", text=m.get("text"))
            _number(m, "confidence", f"{where}.mentions[{k}]")
    for i, p in enumerate(record["people"]):
        where = f"people[{i}]"
        _item(p, where, lengths)
        _need(isinstance(p.get("name"), str) and p["name"].strip(), f"{where}.name: missing")
        _optional_str(p, "title", where + ".")
        _optional_str(p, "of", where + ".")
    for i, q in enumerate(record["quotes"]):
        where = f"quotes[{i}]"
        _item(q, where, lengths, text=q.get("text") if isinstance(q, dict) else None)
        _need(isinstance(q.get("text"), str), f"{where}.text: missing or not a string")
        _need(isinstance(q.get("direct"), bool), f"{where}.direct: not true or false")
        _optional_str(q, "speaker", where + ".")
        pair = q.get("speaker_span")
        _need(
            pair is None
            or (isinstance(pair, list) and len(pair) == 2 and all(_is_int(v) for v in pair)),
            f"{where}.speaker_span: not [start, end]",
        )
    for i, a in enumerate(record["amounts"]):
        where = f"amounts[{i}]"
        _item(a, where, lengths, text=a.get("text") if isinstance(a, dict) else None)
        _need(isinstance(a.get("text"), str), f"{where}.text: missing or not a string")
        value = a.get("value")
        _need(
            value is None or (_is_number(value) and 0 <= value < 10**17),
            f"{where}.value: {value!r} is not an amount of dollars or null",
        )
        _optional_str(a, "refers_to", where + ".")
    for i, listing in enumerate(record["lists"]):
        where = f"lists[{i}]"
        _item(listing, where, lengths)
        _need(isinstance(listing.get("list"), str), f"{where}.list: missing or not a string")
        members = listing.get("members")
        _need(isinstance(members, list), f"{where}.members: missing or not a list")
        for k, member in enumerate(members):
            _need(isinstance(member, dict), f"{where}.members[{k}]: not an object")
            _known(member.get("ocd_id"), known_ocd_id, f"{where}.members[{k}].ocd_id")
    for i, o in enumerate(record["observations"]):
        where = f"observations[{i}]"
        _item(o, where, lengths)
        code = o.get("provision")
        _need(
            isinstance(code, str) and code in codebook,
            f"{where}.provision: {code!r} is not in the codebook",
        )
        _need(
            codebook[code].allows(o.get("value")),
            f"{where}.value: {o.get('value')!r} is not a value of {code}",
        )
        geoid = o.get("geoid")
        _need(
            geoid is None or (isinstance(geoid, str) and known_geoid(geoid)),
            f"{where}.geoid: unknown jurisdiction {geoid!r}",
        )
        date = o.get("date")
        _need(
            date is None or (isinstance(date, str) and bool(_DATE.match(date))),
            f"{where}.date: {date!r} is not a YYYY-MM-DD date",
        )
    return record


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
    _need(value is None or isinstance(value, str), f"{prefix}{key}: not a string or null")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(item: Mapping, key: str, where: str) -> None:
    _need(_is_number(item.get(key)), f"{where}.{key}: missing or not a number")


def _known(ocd_id: Any, known: Callable[[str], bool], where: str) -> None:
    _need(isinstance(ocd_id, str), f"{where}: missing or not a string")
    _need(known(ocd_id), f"{where}: unknown jurisdiction {ocd_id!r}")


def _item(item: Any, where: str, lengths: dict[str, int], text: Any = None) -> None:
    _need(isinstance(item, dict), f"{where}: not an object")
    span = item.get("span")
    _need(isinstance(span, dict), f"{where}.span: missing or not an object")
    _span(span, lengths, where + ".span", text=text)


def _span(span: Mapping, lengths: dict[str, int], where: str, text: Any = None) -> None:
    field, start, end = span.get("field"), span.get("start"), span.get("end")
    _need(
        isinstance(field, str) and _FIELD.match(field), f"{where}.field: {field!r} is not a field"
    )
    _need(_is_int(start) and _is_int(end), f"{where}: start and end must be whole numbers")
    _need(0 <= start <= end, f"{where}: span {start}-{end} is out of range")
    limit = lengths.get(field)
    _need(
        limit is None or end <= limit,
        f"{where}: span {start}-{end} is out of range ({field} has {limit} characters)",
    )
    _need(
        not isinstance(text, str) or len(text) == end - start,
        f"{where}: span {start}-{end} does not fit its text ({len(text or '')} characters)",
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
