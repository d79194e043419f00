"""The Document record: a source's clean body text and what is known about it."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import PurePath
from typing import Any

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")  # "https:", "javascript:"; not "C:"


def public_source(source: str, url: str | None = None) -> str:
    """What a reader may be shown of where a document came from: its web address when it
    has one, else the name of the file it was read from (with its "#record" part), never a
    folder of the machine that read it ("/tmp/x/crawl.warc.gz#120" -> "crawl.warc.gz#120")."""
    if url and url.startswith(("http://", "https://")):
        return url
    if _SCHEME.match(source):  # an address, not a path (links are filtered where shown)
        return source
    path, mark, record = source.partition("#")
    name = PurePath(path).name or path
    return f"{name}{mark}{record}"


@dataclass
class Document:
    """One document read from a source.

    Every later record (places, quotes, amounts, ...) points into ``body`` by
    character offsets, so ``body`` is final once the Document is built.
    """

    source: str
    media_type: str
    body: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    publisher: str | None = None  # who served the page
    original_publisher: str | None = None  # who wrote it, when the page is a syndicated copy
    byline: str | None = None
    captions: list[str] = field(default_factory=list)  # photo captions, never in body
    credits: list[str] = field(default_factory=list)  # photo credits, never in body
    language: str | None = None  # ISO 639-1 code
    url: str | None = None  # the address the content came from, when known
    fetched_at: str | None = None  # ISO 8601 time of the HTTP response, when known
    pages: list[int] | None = None  # PDF: offset in body where each page starts
    content_hash: str = ""  # sha256 of the normalised body
    minhash: list[int] = field(default_factory=list)  # near-duplicate fingerprint
    warnings: list[str] = field(default_factory=list)  # what was repaired while reading

    def page_of(self, offset: int) -> int | None:
        """The 1-based page a body offset falls on, for paged sources (PDF)."""
        if not self.pages:
            return None
        page = 0
        for number, start in enumerate(self.pages, start=1):
            if start > offset:
                break
            page = number
        return page or None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
