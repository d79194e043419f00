"""Bytes to text: byte-order marks, UTF-16/32 without one, declared charsets, UTF-8, repair
of mixed encodings, and removal of control characters no store can keep."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableText(ValueError):
    """The bytes are not text in any encoding the reader can tell."""


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text; return the text and warnings about repairs made.

    Order: byte-order mark; UTF-32 or UTF-16 without one (recognised by where their
    zero bytes fall); UTF-8 when it decodes cleanly (a wrong declared charset is the
    commonest error on the web, and valid UTF-8 is almost never an accident); the
    declared charset (HTTP header or ``<meta charset>``); then detection. UTF-8 with
    stray Windows-1252 bytes (mixed encodings, as when pages are pasted together) is
    repaired line by line. Control characters are then removed (``remove_controls``).
    """
    text, warnings = _decode(data, declared)
    text, removed = remove_controls(text)
    if removed:
        warnings.append(control_warning("text", removed))
    return text, warnings


# C0 controls but tab, newline and carriage return, and lone surrogates: PostgreSQL's text
# refuses NUL and UTF-8 cannot hold a surrogate, so no store keeps them alike.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# Line breaks by ``str.splitlines`` (vertical tab, form feed, separators): kept as breaks.
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e]")


def remove_controls(text: str) -> tuple[str, dict[str, int]]:
    """``text`` without control characters no store can keep alike (line-breaking ones
    become newlines), and how many of each were taken out (``U+0000`` -> count)."""
    if not _CONTROLS.search(text):
        return text, {}
    text = _BREAKS.sub("\n", text)
    removed: dict[str, int] = {}
    for found in _CONTROLS.findall(text):
        key = f"U+{ord(found):04X}"
        removed[key] = removed.get(key, 0) + 1
    return _CONTROLS.sub("", text), removed


def control_warning(where: str, removed: dict[str, int]) -> str:
    total = sum(removed.values())
    kinds = ", ".join(sorted(removed))
    noun = "character" if total == 1 else "characters"
    return f"removed {total} control {noun} ({kinds}) from the {where}"


def wide_encoding(data: bytes) -> str | None:
    """``utf-32-le``/``-be`` or ``utf-16-le``/``-be`` for text in one of them without a
    byte-order mark, else None: its zero bytes fall where that encoding puts them (the
    high bytes of Latin letters) and the text it decodes to is printable."""
    head = data[:4096]
    if b"\x00" not in head:
        return None
    for encoding, width in _WIDE:
        piece = head[: len(head) - len(head) % width]
        units = len(piece) // width
        if units < 2:
            continue
        if width == 2:
            high = 1 if encoding.endswith("le") else 0
            zeros = piece[high::2].count(0)
            if zeros < 0.3 * units or piece[1 - high :: 2].count(0) > 0.05 * units:
                continue
        try:
            text = piece.decode(encoding, errors="replace" if width == 2 else "strict")
        except UnicodeDecodeError:
            continue
        if _printable(text):
            return encoding
    return None


_WIDE = (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2))


def _printable(text: str) -> bool:
    good = sum(1 for c in text if c.isprintable() or c in "\t\n\r")
    return good >= 0.95 * len(text)


def _decode(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom) and (encoding != "utf-32-le" or _decodes(data, encoding)):
            # (a UTF-16 text whose first character is U+0000 starts like UTF-32)
            return data[len(bom) :].decode(encoding, errors="replace"), []
    wide = wide_encoding(data)
    if wide:
        return data.decode(wide, errors="replace"), []
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
    if best.encoding in _LATIN_SINGLE_BYTE and _decodes(data, "cp1252"):
        # Detection cannot tell Latin code pages apart on short texts (it reads "naïve"
        # as cp1250 "naďve"); Windows-1252 is what US documents are (WHATWG's "latin1").
        return data.decode("cp1252"), warnings_for(charset, "cp1252")
    warnings = (
        []
        if charset is None
        else [f"declared charset {charset} was wrong; read as {best.encoding}"]
    )
    return data.decode(best.encoding, errors="replace"), warnings


_LATIN_SINGLE_BYTE = {
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "latin_1",
    "iso8859_2",
    "iso8859_3",
    "iso8859_4",
    "iso8859_9",
    "iso8859_10",
    "iso8859_13",
    "iso8859_14",
    "iso8859_15",
    "iso8859_16",
    "cp850",
    "cp852",
    "cp775",
    "cp1125",
    "mac_latin2",
    "mac_roman",
    "mac_iceland",
}


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def warnings_for(charset: str | None, used: str) -> list[str]:
    return [] if charset is None else [f"declared charset {charset} was wrong; read as {used}"]


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
    """True when some line with non-ASCII bytes is valid UTF-8: the other lines are then
    a pasted-in single-byte encoding (valid multi-byte UTF-8 is almost never an accident)."""
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def _repair_mixed(data: bytes) -> str:
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
    return "\n".join(lines)
