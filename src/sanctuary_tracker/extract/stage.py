"""The extract stage run over one document: places resolved, then people, quotes, amounts,
listings and provisions found, into the plain record that `sanctuary extract` prints and
`load` reads (``extract``); ``prepare`` loads what the stage needs once, ``record_kind`` names
a jurisdiction's kind as records show it."""

from __future__ import annotations

import bisect
from typing import Any

from sanctuary_tracker.document import Document
from sanctuary_tracker.extract.listings import find_listings
from sanctuary_tracker.extract.money import find_amounts
from sanctuary_tracker.extract.people import find_people
from sanctuary_tracker.extract.provisions import find_provisions
from sanctuary_tracker.extract.quotes import find_quotes
from sanctuary_tracker.places.gazetteer import Jurisdiction
from sanctuary_tracker.places.resolve import PlaceMention, resolve_places
from sanctuary_tracker.places.tokens import normalise_phrase
from sanctuary_tracker.text.paragraphs import flowed

DOCUMENT_FIELDS = (
    "title",
    "published",
    "publisher",
    "original_publisher",
    "byline",
    "language",
    "url",
    "content_hash",
)
SEPARATOR = "\n\n"
PREFIXES = {"byline": "By "}  # words read before a field's own, in no field


def extract(document: Document) -> dict[str, Any]:
    """The evidence record of one document (schema: ../shared/eval/README.md, plus spans).

    Every span names the field it points into (``body``, ``title`` or ``captions[i]``)
    and its offsets there."""
    fields = _fields(document)
    text, starts = _joined(fields)
    text = flowed(text)  # a hard-wrapped paragraph read as one line (offsets unchanged)
    places = resolve_places(text)
    people = find_people(text, places)
    evidence = {
        "people": people,
        "quotes": find_quotes(text, people),
        "amounts": find_amounts(text, places),
        "lists": find_listings(text, places),
        "observations": find_provisions(text, places),
    }
    record = {
        "source": document.source,
        "document": {name: getattr(document, name) for name in DOCUMENT_FIELDS},
        "jurisdictions": _jurisdictions([_locate(fields, starts, m) for m in places]),
    }
    for key, items in evidence.items():
        record[key] = [_with_span(fields, starts, item) for item in items]
    return record


def prepare() -> None:
    """Load the gazetteer and codebook and build the name automaton now (a one-time cost of
    about two seconds), so that a per-document time limit times only the document."""
    text = "Boston Mayor Marty Walsh said the city does not honor ICE detainers."
    find_provisions(text, resolve_places(text))


def _fields(document: Document) -> list[tuple[str, str]]:
    fields = []
    if document.title and not document.body.startswith(document.title):
        fields.append(("title", document.title))
    fields.append(("body", document.body))
    fields += [(f"captions[{i}]", caption) for i, caption in enumerate(document.captions)]
    # Bylines and photo credits name people too ("By Brenden Moore", "Steven Senne").
    if document.byline:
        fields.append(("byline", document.byline))
    fields += [(f"credits[{i}]", credit) for i, credit in enumerate(document.credits)]
    return fields


def _joined(fields: list[tuple[str, str]]) -> tuple[str, list[int]]:
    """Title, body and captions read as one text (so that each lends the others its
    context), and where each field starts in it. A byline's names are read after "By ", as
    the text gave them ("By Nguyen Thi Lan": a person, though no given name opens it)."""
    starts, parts, position = [], [], 0
    for name, value in fields:
        prefix = PREFIXES.get(name, "")
        starts.append(position + len(prefix))
        parts.append(prefix + value)
        position += len(prefix) + len(value) + len(SEPARATOR)
    return SEPARATOR.join(parts), starts


def _locate(fields, starts, mention):
    """(field name, the field's start in the joined text, the mention)."""
    index = _field_at(starts, mention.start)
    return fields[index][0], starts[index], mention


def _field_at(starts: list[int], offset: int) -> int:
    """The index of the field an offset of the joined text lies in."""
    return bisect.bisect_right(starts, offset) - 1


def _with_span(fields, starts, item) -> dict[str, Any]:
    """The item's record with its span, and every other offset it holds (a person's
    mentions, a quotation's speaker) made a span of its field too."""
    record = {**item.to_record(), "span": _field_span(fields, starts, item.start, item.end)}
    if "mentions" in record:
        record["mentions"] = [_field_span(fields, starts, s, e) for s, e in record["mentions"]]
    if record.get("speaker_span"):
        record["speaker_span"] = _field_span(fields, starts, *record["speaker_span"])
    return record


def _field_span(fields, starts, start: int, end: int) -> dict[str, Any]:
    """The span start..end of the joined text as the field it lies in gives it."""
    index = _field_at(starts, start)
    offset = starts[index]
    return {"field": fields[index][0], "start": start - offset, "end": end - offset}


def _jurisdictions(mentions: list[tuple[str, int, PlaceMention]]) -> list[dict[str, Any]]:
    """One entry per jurisdiction named, in order of first mention; a consolidated
    city-county named both ways ("San Francisco", "San Francisco County") gets an entry
    for each, since the text names both governments."""
    grouped: dict[tuple[str, str], tuple[Jurisdiction, str, list]] = {}
    for field, offset, mention in mentions:
        j = mention.jurisdiction
        named_as = _level_named(j, mention.text)
        entry = grouped.setdefault((j.geoid, named_as), (j, mention.text, []))
        entry[2].append((field, offset, mention))
    return [
        {
            "name": _display_name(j, first_text, named_as),
            "state": j.state,
            "kind": record_kind(j, named_as),
            "geoid": j.geoid,
            "ocd_id": j.ocd_id,
            "confidence": max(m.confidence for _, _, m in found),
            "mentions": [
                {
                    "field": field,
                    "start": m.start - offset,
                    "end": m.end - offset,
                    "text": m.text,
                    "confidence": m.confidence,
                    "reason": m.reason,
                }
                for field, offset, m in found
            ],
        }
        for (_, named_as), (j, first_text, found) in grouped.items()
    ]


def _level_named(j: Jurisdiction, text: str) -> str:
    if j.kind == "city_county":
        words = normalise_phrase(text).split()
        return "county" if {"county", "parish"} & set(words) else "local"
    return j.level


def _display_name(j: Jurisdiction, text: str, named_as: str) -> str:
    """The jurisdiction's name, or the legal form the text used for a county-level
    government known by two names ("Orleans Parish" for New Orleans)."""
    if j.kind == "city_county" and named_as == "county":
        return " ".join(text.split())
    return j.name


def record_kind(j: Jurisdiction, named_as: str | None = None) -> str:
    """state, district or territory; county or parish; else the local kind (city, town ...)."""
    if j.level == "state":
        return j.kind if j.kind in ("state", "district", "territory") else "state"
    if j.kind == "city_county":
        return "county" if named_as == "county" else "city"
    if j.level == "county":
        return "parish" if j.kind == "parish" else "county"
    return j.kind
