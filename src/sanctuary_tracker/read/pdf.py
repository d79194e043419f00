"""PDF files: text by page, with each page's start offset kept for spans."""

from __future__ import annotations

from sanctuary_tracker.document import Document
from sanctuary_tracker.settings import ReadLimits


def read_pdf(data: bytes, *, source: str, limits: ReadLimits) -> Document:
    """A Document (media type application/pdf) with ``pages`` set."""
    raise NotImplementedError("PDF reading is being written")
