"""The Payload: the bytes of one would-be document, as a source (``sources``) or a WARC
record (``warc``) hands them to the readers (``dispatch``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Payload:
    """The bytes of one would-be document and what its container said about them."""

    data: bytes
    source: str  # how the document is named in output: a path, URL, or path#record
    name: str | None = None  # a file name, for type hints
    content_type: str | None = None  # a declared type (HTTP header), when there was one
    url: str | None = None
    fetched_at: str | None = None
