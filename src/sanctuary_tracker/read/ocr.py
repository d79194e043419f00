"""OCR for scanned PDF pages: pages rasterised by pypdfium2, read by Debian's tesseract.

Which pages: a page whose text layer is empty, and a scanned page carrying a little typed
text (a page mostly covered by one image whose text layer has under ``THIN_TEXT``
characters, such as a form field filled in over a scan: the Wells MOA's page 7 has only
"Boston, Massachusetts" in its text layer). OCR's text replaces such a page's text layer.
Pages with a real text layer are never read by OCR.

The engine is tesseract (Debian's ``tesseract-ocr`` with ``tesseract-ocr-eng``) called
through pytesseract, on pages rendered at ``DPI`` in grey. Without it, a PDF with no text
at all is refused with what to install; pages without text in a PDF that has some text
are left empty and a warning says the same.

Time: OCR is slow (about 2 s a page at 300 dpi on a busy two-core machine). Each
tesseract run gets only the time left before the read deadline (``read/deadline.py``,
``SANCTUARY_READ_SECONDS``) and is stopped when it runs out, so no child process outlives
the read; the error says how many pages OCR had read.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.deadline import seconds_left
from sanctuary_tracker.settings import ReadLimits

DPI = 300
LANGUAGE = "eng"
THIN_TEXT = 200  # characters other than spaces
IMAGE_COVER = 0.5  # share of the page's area one image must cover
_MARGIN = 1.0  # seconds kept back so tesseract is stopped before the read deadline fires
_INSTALL = "install Debian's tesseract-ocr (with tesseract-ocr-eng)"


@dataclass(frozen=True)
class OcrEngine:
    version: str
    language: str = LANGUAGE
    dpi: int = DPI

    def describe(self) -> str:
        return f"tesseract {self.version}, {self.language}, {self.dpi} dpi"


@dataclass
class OcrResult:
    """Each page's text after OCR, the pages OCR read (1-based), and warnings."""

    texts: list[str]
    engine: OcrEngine | None = None
    read: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_engine() -> OcrEngine | str:
    """The installed OCR engine, or what to install (a phrase) when there is none."""
    try:
        import pytesseract
    except ImportError:
        return "install the pytesseract package and " + _INSTALL.removeprefix("install ")
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return _INSTALL
    if LANGUAGE not in languages:
        return "install Debian's tesseract-ocr-eng (tesseract's English data)"
    return OcrEngine(version=version)


def read_scanned_pages(
    data: bytes, texts: list[str], *, source: str, limits: ReadLimits
) -> OcrResult:
    """``texts`` (each page's text layer, cleaned) with the scanned pages read by OCR (their
    text as tesseract gives it: the caller cleans it as it cleans a text layer)."""
    empty = [i for i, text in enumerate(texts) if not text.strip()]
    thin = [i for i, text in enumerate(texts) if 0 < _characters(text) < THIN_TEXT]
    if not empty and not thin:
        return OcrResult(texts=texts)
    engine = find_engine()
    if isinstance(engine, str):
        return _unread(texts, empty, engine, source)
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        return _unread(texts, empty, f"pdfium cannot open it for OCR ({exc})", source)
    try:
        numbers = sorted([*empty, *(i for i in thin if _scanned(pdf, i))])
        if not numbers:
            return OcrResult(texts=texts)
        found = _read_pages(pdf, numbers, engine, source, limits)
    finally:
        pdf.close()
    texts = [found.get(i, text) for i, text in enumerate(texts)]
    read = [i + 1 for i in numbers]
    return OcrResult(texts=texts, engine=engine, read=read)


def _unread(texts: list[str], empty: list[int], reason: str, source: str) -> OcrResult:
    if len(empty) == len(texts):
        raise ReadError(source, f"has no text layer; {reason} to read it by OCR")
    if not empty:
        return OcrResult(texts=texts)
    return OcrResult(texts=texts, warnings=[f"pages without text not read by OCR: {reason}"])


def _characters(text: str) -> int:
    return len("".join(text.split()))


def _scanned(pdf, index: int) -> bool:
    """True when one image covers most of the page (a scan)."""
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    try:
        width, height = page.get_size()
        for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
            left, bottom, right, top = image.get_bounds()
            if (right - left) * (top - bottom) >= IMAGE_COVER * width * height:
                return True
        return False
    finally:
        page.close()


def _read_pages(
    pdf, numbers: list[int], engine: OcrEngine, source: str, limits: ReadLimits
) -> dict[int, str]:
    import pytesseract

    started = time.monotonic()
    budget = seconds_left() or (limits.read_seconds if limits.read_seconds > 0 else None)
    end = None if budget is None else started + budget - _MARGIN
    found: dict[int, str] = {}

    def too_slow() -> ReadError:
        return ReadError(
            source,
            f"took longer than {limits.read_seconds:g} s to read (the time limit): OCR read"
            f" {len(found)} of {len(numbers)} scanned pages in {time.monotonic() - started:.0f} s;"
            " raise SANCTUARY_READ_SECONDS to give OCR more time",
        )

    with _one_thread():
        for index in numbers:
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                raise too_slow()
            page = pdf[index]
            try:
                image = page.render(scale=engine.dpi / 72, grayscale=True).to_pil()
                text = pytesseract.image_to_string(image, lang=engine.language, timeout=left or 0)
            except RuntimeError as exc:  # pytesseract's "Tesseract process timeout"
                if "timeout" in str(exc).lower():
                    raise too_slow() from None
                raise
            except ReadError:  # the read deadline fired while a page was rendered
                raise too_slow() from None
            except pytesseract.TesseractError as exc:
                raise ReadError(
                    source, f"page {index + 1} could not be read by OCR ({exc.message})"
                ) from None
            finally:
                page.close()
            found[index] = text
    return found


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """One OpenMP thread per tesseract run, unless OMP_THREAD_LIMIT is set already.

    tesseract's threads spin against each other on a busy machine: the 14-page Wells MOA
    took 117 s with the default and 27 s with one thread (two shared cores).
    """
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OMP_THREAD_LIMIT", None)
