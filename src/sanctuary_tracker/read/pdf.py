"""PDF files: text by page, with each page's start offset kept for spans.

Body layout: the text of each page (line ends normalised to ``\\n``, trailing spaces
and control characters removed, blank lines at the page's start and end dropped),
pages joined by one blank line (``\\n\\n``). ``Document.pages[i]`` is the body offset
where page ``i + 1`` starts, so ``Document.page_of(offset)`` gives the page number.
A page without text still gets its entry (and an empty stretch of body).

Metadata: ``title`` from the Info dictionary's /Title, ``published`` (YYYY-MM-DD) from
its /CreationDate. Modification dates are not used: re-saving a file changes them.

Limits: PDFs over ``limits.max_pdf_bytes`` are refused. A PDF with more than
``limits.max_pdf_pages`` pages is read up to that page and a warning says so (a long
report's first pages are still evidence). Reading also stops, with a warning, after the
page whose text reaches ``limits.max_text_bytes``: the body stays within the text limit,
and so does the memory fingerprinting and extraction need. Encrypted PDFs are read when the empty password
opens them.

Scans: pages without a text layer (and scanned pages with only a few typed words in one)
are read by OCR (``read/ocr.py``: tesseract, within the read time limit), and a warning
names those pages and the engine. Pages still without text are listed in a warning; when
no page has text, or tesseract is not installed and no page has a text layer, ReadError
says so (and what to install).

Only ReadError leaves this module. pypdf's log messages and Python warnings are kept
off standard error while a PDF is read (the logger is quieted only for that time).
"""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import re
import warnings
from collections.abc import Iterator
from datetime import date

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.heap import LARGE_TEXT
from sanctuary_tracker.read.ocr import read_scanned_pages
from sanctuary_tracker.settings import ReadLimits

MEDIA_TYPE = "application/pdf"
PAGE_SEPARATOR = "\n\n"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_PDF_DATE = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def read_pdf(data: bytes, *, source: str, limits: ReadLimits) -> Document:
    """A Document (media type application/pdf) with ``pages`` set."""
    if len(data) > limits.max_pdf_bytes:
        raise ReadError(
            source, f"is {len(data):,} bytes of PDF, over the {limits.max_pdf_bytes:,}-byte limit"
        )
    with _quiet_pypdf(), _byte_stream(data) as stream:
        try:
            document = _read(data, stream, source, limits)
        except ReadError:
            raise
        except RecursionError:
            raise ReadError(source, "is a PDF nested too deeply to read") from None
        except MemoryError:
            raise ReadError(source, "is a PDF too large to read in memory") from None
        except Exception as exc:
            raise ReadError(source, f"is a PDF that cannot be read ({_describe(exc)})") from None
    if len(document.body) > LARGE_TEXT:
        gc.collect()  # pypdf's objects refer to each other: a long PDF's are freed now
    return document


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read(data: bytes, stream: io.BufferedReader, source: str, limits: ReadLimits) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
                raise ReadError(
                    source, f"is an encrypted PDF that cannot be opened ({exc})"
                ) from None
            if not opened:
                raise ReadError(source, "is an encrypted PDF that needs a password")
        total = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReadError(source, f"is not a readable PDF ({_describe(exc)})") from None
    if total == 0:
        raise ReadError(source, "is a PDF with no pages")

    warnings_out: list[str] = []
    count = min(total, limits.max_pdf_pages)
    parts = _page_texts(reader, count, limits.max_text_bytes)
    if len(parts) < count:
        warnings_out.append(
            f"read the first {len(parts):,} of {total:,} pages (their text reached the"
            f" {limits.max_text_bytes:,}-byte text limit); the rest were skipped"
        )
    elif total > count:
        warnings_out.append(
            f"read the first {count:,} of {total:,} pages (the page limit); the rest were skipped"
        )
    count = len(parts)
    ocr = read_scanned_pages(data, parts, source=source, limits=limits)
    for number in ocr.read:
        parts[number - 1] = _clean(ocr.texts[number - 1])
    empty = [number + 1 for number, text in enumerate(parts) if not text.strip()]
    if len(empty) == count:
        raise ReadError(
            source, f"has no text layer, and OCR ({ocr.engine.describe()}) found no text in it"
        )
    if empty:
        warnings_out.append(f"pages without text (scanned images?): {_ranges(empty)}")
    if ocr.read:
        warnings_out.append(
            f"text read by OCR ({ocr.engine.describe()}), not from a text layer, on"
            f" {'page' if len(ocr.read) == 1 else 'pages'} {_ranges(ocr.read)}:"
            " expect recognition errors"
        )
    warnings_out.extend(ocr.warnings)
    starts: list[int] = []
    offset = 0
    for text in parts:
        starts.append(offset)
        offset += len(text) + len(PAGE_SEPARATOR)
    body = PAGE_SEPARATOR.join(parts)
    title, published = _metadata(reader)
    return Document(
        source=source,
        media_type=MEDIA_TYPE,
        body=body,
        title=title,
        published=published,
        pages=starts,
        warnings=warnings_out,
    )


class _ByteView(io.RawIOBase):
    """A read-only, seekable stream over bytes that shares them. (pypdf asks an
    ``io.BytesIO`` for its buffer to learn its size, which makes the BytesIO copy the
    bytes it was sharing: 100 MB more for a 100 MiB PDF.)"""

    def __init__(self, data: bytes):
        self._view = memoryview(data)
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        piece = self._view[self._position : self._position + len(buffer)]
        buffer[: len(piece)] = piece
        self._position += len(piece)
        return len(piece)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}
        self._position = max(0, base[whence] + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        """Let go of the bytes (the reader's objects, cyclic, may outlive the read)."""
        self._view.release()
        super().close()


def _byte_stream(data: bytes) -> io.BufferedReader:
    return io.BufferedReader(_ByteView(data))


def _page_texts(reader, count: int, max_bytes: int) -> list[str]:
    """The cleaned text of the first ``count`` pages, stopping after the page whose text
    takes the total past ``max_bytes`` (UTF-8): a PDF's body is bounded like a text file's,
    so that fingerprinting and extraction need no more memory for it (a 100 MiB PDF can
    hold far more text than a 16 MiB text file)."""
    parts: list[str] = []
    size = 0
    for number in range(count):
        parts.append(_clean(reader.pages[number].extract_text() or ""))
        size += len(parts[-1].encode("utf-8")) + len(PAGE_SEPARATOR)
        if size >= max_bytes:
            break
    return parts


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    return text.strip("\n").rstrip()


def _metadata(reader) -> tuple[str | None, str | None]:
    try:
        info = reader.metadata
    except Exception:
        return None, None
    if not info:
        return None, None
    title = _text_value(info.get("/Title"))
    published = _pdf_date(_text_value(info.get("/CreationDate")))
    return title, published


def _text_value(value) -> str | None:
    try:
        if value is None:
            return None
        if hasattr(value, "get_object"):
            value = value.get_object()
        text = " ".join(_CONTROL.sub(" ", str(value)).split())
    except Exception:
        return None
    return text or None


def _pdf_date(value: str | None) -> str | None:
    """``D:20170125093000-08'00'`` -> ``2017-01-25``; a date missing its day gives None."""
    if not value:
        return None
    match = _PDF_DATE.match(value)
    if not match or not match.group(3):
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None


def _ranges(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(spans)
