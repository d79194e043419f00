"""Bytes to text: byte-order marks, declared charsets, UTF-8, and repair of mixed encodings."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableText(ValueError):
    """The bytes are not text in any encoding the reader can tell."""


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text; return the text and warnings about repairs made.

    Order: byte-order mark; UTF-8 when it decodes cleanly (a wrong declared
    charset is the commonest error on the web, and valid UTF-8 is almost never
    an accident); the declared charset (HTTP header or ``<meta charset>``);
    then detection. UTF-8 with stray Windows-1252 bytes (mixed encodings, as
    when pages are pasted together) is repaired line by line.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    charset = _charset_of(declared) or _meta_charset(data)
    if _mostly_utf8(data):
        return _repair_mixed(data), ["mixed encodings: some lines were Windows-1252 in UTF-8 text"]
    if charset and charset not in ("utf-8", "utf8"):
        try:
            return data.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UndecodableText("is not text in any encoding that could be detected")
    warnings = (
        []
        if charset is None
        else [f"declared charset {charset} was wrong; read as {best.encoding}"]
    )
    return data.decode(best.encoding, errors="replace"), warnings


def _charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return _normal(match.group(1)) if match else None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return _normal(match.group(1).decode("ascii", "ignore")) if match else None


def _normal(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 sequences."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return good > 0 and good >= 2 * bad


def _repair_mixed(data: bytes) -> str:
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
    return "\n".join(lines)
