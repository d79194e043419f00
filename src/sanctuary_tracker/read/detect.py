"""Media-type sniffing from the bytes themselves, with the name and declared type as hints."""

from __future__ import annotations

import re

from sanctuary_tracker.read.decode import wide_encoding

HTML = "text/html"
PDF = "application/pdf"
TEXT = "text/plain"
WARC = "application/warc"
GZIP = "application/gzip"

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|script)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|div|p|article)\b[^>]*>", re.IGNORECASE)
_UNSUPPORTED_MAGIC = {
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"(\xb5/\xfd": "a zstd archive",
    b"SQLite format 3": "an SQLite database",
    b"RIFF": "a RIFF media file",
}


class UnsupportedType(ValueError):
    """The bytes are of a kind the reader does not handle; the message says which."""


def sniff(data: bytes, *, name: str | None = None, declared: str | None = None) -> str:
    """The media type of ``data``: HTML, PDF, plain text, WARC or gzip.

    Content decides; a declared type (HTTP header) or file name only breaks ties
    between HTML and text. Raises UnsupportedType for known binary formats and
    for bytes that are not text.
    """
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x1f\x8b"):
        return GZIP
    if head.startswith(b"WARC/"):
        return WARC
    for magic, what in _UNSUPPORTED_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedType(
                f"is {what}, which is not a supported type (HTML, PDF, text, WARC)"
            )
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if _looks_binary(stripped):
        raise UnsupportedType("is binary data of no supported type (HTML, PDF, text, WARC)")
    if _HTML_START.match(stripped):
        return HTML
    declared_kind = (declared or "").split(";")[0].strip().lower()
    lowered_name = (name or "").lower()
    if declared_kind in ("text/html", "application/xhtml+xml") or lowered_name.endswith(
        (".html", ".htm", ".xhtml")
    ):
        return HTML
    if _HTML_ANYWHERE.search(head) and not lowered_name.endswith(".txt"):
        return HTML
    return TEXT


def _looks_binary(head: bytes) -> bool:
    """True when bytes look like no text encoding: NULs outside UTF-16 and UTF-32, many
    control bytes."""
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False  # UTF-16 or UTF-32 with a byte-order mark
    if wide_encoding(head):
        return False  # UTF-32 or UTF-16 without one
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(head) > 0.05
