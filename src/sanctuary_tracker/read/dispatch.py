"""From one payload's bytes to a finished Document: sniff, decode, read by type, finish."""

from __future__ import annotations

from dataclasses import fields

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import detect
from sanctuary_tracker.read.deadline import time_limit
from sanctuary_tracker.read.decode import (
    UndecodableText,
    control_warning,
    decode,
    remove_controls,
)
from sanctuary_tracker.read.finish import finish
from sanctuary_tracker.read.payload import Payload
from sanctuary_tracker.settings import ReadLimits


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    name: str | None = None,
    declared_type: str | None = None,
    url: str | None = None,
    fetched_at: str | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Read one document's bytes. Raises ReadError naming ``source`` on bad input."""
    limits = limits or ReadLimits.from_env()
    if not data.strip():
        raise ReadError(source, "is empty")
    try:
        media_type = detect.sniff(data, name=name, declared=declared_type)
    except detect.UnsupportedType as exc:
        raise ReadError(source, str(exc)) from None
    if media_type == detect.GZIP:
        raise ReadError(source, "is gzip data inside a container; decompress it first")
    if media_type == detect.WARC:
        raise ReadError(source, "is a WARC record inside a container; read the WARC file itself")
    with time_limit(limits.read_seconds, source):
        document = _read_by_type(data, media_type, source, declared_type, url, limits)
    document.url = document.url or url
    document.fetched_at = fetched_at
    remove_document_controls(document)
    if not document.body.strip():
        raise ReadError(source, f"has no readable body text ({media_type})")
    return finish(document)


def document_from_payload(payload: Payload, *, limits: ReadLimits | None = None) -> Document:
    """Read one payload (a file's bytes, a WARC record) with what its container declared."""
    return document_from_bytes(
        payload.data,
        source=payload.source,
        name=payload.name,
        declared_type=payload.content_type,
        url=payload.url,
        fetched_at=payload.fetched_at,
        limits=limits,
    )


# Every text field of a Document but its source (the caller's own name for it).
_TEXT_FIELDS = tuple(
    f.name for f in fields(Document) if f.type in ("str", "str | None") and f.name != "source"
)


def remove_document_controls(document: Document) -> None:
    """Take control characters out of every text of ``document`` (see ``remove_controls``),
    with a warning naming each field they were in: a PDF's text, a JSON-LD headline or a
    WARC header can hold them however the bytes were decoded."""
    for name in _TEXT_FIELDS:
        value = getattr(document, name)
        if isinstance(value, str):
            clean, removed = remove_controls(value)
            if removed:
                setattr(document, name, clean or None if name != "body" else clean)
                document.warnings.append(control_warning(name, removed))
    for name in ("captions", "credits"):
        cleaned, removed = [], {}
        for value in getattr(document, name):
            clean, found = remove_controls(value)
            for key, number in found.items():
                removed[key] = removed.get(key, 0) + number
            if clean.strip():
                cleaned.append(clean)
        if removed:
            setattr(document, name, cleaned)
            document.warnings.append(control_warning(name, removed))


def _read_by_type(data, media_type, source, declared_type, url, limits) -> Document:
    if media_type == detect.PDF:
        from sanctuary_tracker.read.pdf import read_pdf

        return read_pdf(data, source=source, limits=limits)
    cap = limits.max_html_bytes if media_type == detect.HTML else limits.max_text_bytes
    if len(data) > cap:
        raise ReadError(
            source, f"is {len(data):,} bytes of {media_type}, over the {cap:,}-byte limit"
        )
    try:
        text, warnings = decode(data, declared=declared_type)
    except UndecodableText as exc:
        raise ReadError(source, str(exc)) from None
    if media_type == detect.HTML:
        from sanctuary_tracker.read.html import read_html

        document = read_html(text, source=source, url=url, limits=limits)
    else:
        from sanctuary_tracker.read.text import read_text

        document = read_text(text, source=source)
    document.warnings[:0] = warnings
    return document
