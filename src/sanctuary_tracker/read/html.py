"""HTML pages: main content and metadata (title, date, publisher, byline, captions)."""

from __future__ import annotations

from sanctuary_tracker.document import Document
from sanctuary_tracker.settings import ReadLimits


def read_html(markup: str, *, source: str, url: str | None, limits: ReadLimits) -> Document:
    """A Document (media type text/html) with the page's main text and metadata."""
    raise NotImplementedError("HTML reading is being written")
