"""OCR of scanned PDFs: the Wells 287(g) MOA read by tesseract, text-layer MOAs read without
it, the read deadline, and the one-line refusal when tesseract is not installed.

The real MOAs live in ../shared/data/ice-287g/moa (not copied here); tests that need them
or tesseract skip with a message when either is absent. Absence of tesseract is simulated
honestly: the real command line runs in a subprocess whose PATH holds no tesseract.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.dispatch import document_from_bytes
from sanctuary_tracker.read.ocr import find_engine
from sanctuary_tracker.read.pdf import read_pdf
from sanctuary_tracker.settings import ReadLimits

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
MOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ice-287g" / "moa"
WELLS = MOA / "WellsPDME_TFM_MOA_040225.pdf"
TEXT_MOAS = {  # file -> its page count
    "287g_JEM_Knox_6-8-2020.pdf": 11,
    "287g_JEM_TarrantCoTX_06-16-2020.pdf": 13,
    "hIllsboroughCountySherrifsOffice_WSO_MOA_03122025.pdf": 10,
}
_SCRIPT = Path(sys.executable).parent / "sanctuary"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "sanctuary_tracker.cli"]

needs_moas = pytest.mark.skipif(
    not WELLS.exists(), reason=f"the shared 287(g) MOAs are absent ({MOA.name} not found)"
)
needs_tesseract = pytest.mark.skipif(
    isinstance(find_engine(), str),
    reason="tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)",
)


def run_without_tesseract(tmp_path: Path, *sources: Path) -> subprocess.CompletedProcess:
    """``sanctuary read --format json`` with a PATH where no tesseract can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SANCTUARY_")}
    environment["PATH"] = str(empty)
    return subprocess.run(
        [*COMMAND, "read", "--format", "json", *map(str, sources)],
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def wells():
    if not WELLS.exists():
        pytest.skip(f"the shared 287(g) MOAs are absent ({MOA} not found)")
    if isinstance(find_engine(), str):
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
    started = time.monotonic()
    # The default deadline (60 s) holds on an idle machine; a generous one keeps a busy
    # test machine from failing this test (the deadline has its own test below).
    doc = document_from_bytes(
        WELLS.read_bytes(), source=WELLS.name, limits=ReadLimits(read_seconds=300)
    )
    print(f"\nWells MOA read by OCR in {time.monotonic() - started:.1f} s")
    return doc


@pytest.mark.slow
def test_wells_moa_is_read_by_ocr(wells):
    engine = find_engine()
    assert len(wells.pages) == 14 and wells.pages[0] == 0
    assert all(a < b for a, b in zip(wells.pages, wells.pages[1:], strict=False))
    for word in ("Immigration", "Wells", "Memorandum of Agreement", "287(g)"):
        assert word.lower() in wells.body.lower(), word
    assert wells.page_of(wells.body.index("MEMORANDUM OF AGREEMENT")) == 1
    # page 7 is a scan whose text layer holds only a typed field: OCR reads the whole page
    assert wells.page_of(wells.body.index("LIABILITY AND RESPONSIBILITY")) == 7
    assert wells.page_of(wells.body.index("Boston, Massachusetts")) == 7
    assert wells.warnings == [
        f"text read by OCR ({engine.describe()}), not from a text layer, on pages 1-14:"
        " expect recognition errors"
    ]
    assert wells.language == "en"


@needs_moas
@pytest.mark.parametrize("name", sorted(TEXT_MOAS))
def test_text_layer_moas_are_read_without_ocr(name):
    doc = read_pdf((MOA / name).read_bytes(), source=name, limits=ReadLimits())
    assert len(doc.pages) == TEXT_MOAS[name]
    assert "Immigration and Customs Enforcement" in " ".join(doc.body.split())
    assert doc.warnings == []


@needs_moas
@needs_tesseract
def test_ocr_stops_at_the_read_deadline_and_says_so():
    started = time.monotonic()
    with pytest.raises(ReadError) as info:
        document_from_bytes(
            WELLS.read_bytes(), source="wells.pdf", limits=ReadLimits(read_seconds=4)
        )
    assert time.monotonic() - started < 8
    message = str(info.value)
    assert message.startswith("wells.pdf: took longer than 4 s to read (the time limit): OCR read ")
    assert " of 14 scanned pages in " in message
    assert message.endswith("raise SANCTUARY_READ_SECONDS to give OCR more time")
    assert not _tesseract_children(), "a tesseract process outlived the read"


def _tesseract_children() -> list[int]:
    mine = str(os.getpid())
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().split()
        except OSError:
            continue
        if fields[1] == "(tesseract)" and fields[3] == mine:
            found.append(int(fields[0]))
    return found


def test_without_tesseract_a_scan_is_refused_in_one_line(tmp_path):
    result = run_without_tesseract(tmp_path, FIXTURES / "scanned.pdf")
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines == [
        f"sanctuary: error: {FIXTURES / 'scanned.pdf'}: has no text layer; install Debian's"
        " tesseract-ocr (with tesseract-ocr-eng) to read it by OCR",
        "sanctuary: 1 of 1 sources failed",
    ]


def test_without_tesseract_text_pages_are_still_read(tmp_path):
    sources = [FIXTURES / "mixed.pdf"]
    sources += [MOA / name for name in sorted(TEXT_MOAS)] if WELLS.exists() else []
    result = run_without_tesseract(tmp_path, *sources)
    assert result.returncode == 0, result.stderr.decode()
    docs = json.loads(result.stdout)
    docs = docs if isinstance(docs, list) else [docs]
    assert docs[0]["pages"] == [0, 44, 46]
    assert docs[0]["warnings"] == [
        "pages without text (scanned images?): 2",
        "pages without text not read by OCR: install Debian's tesseract-ocr"
        " (with tesseract-ocr-eng)",
    ]
    for doc in docs[1:]:
        assert doc["warnings"] == []


@needs_tesseract
def test_an_image_page_with_no_words_stays_empty_after_ocr():
    engine = find_engine()
    doc = read_pdf((FIXTURES / "mixed.pdf").read_bytes(), source="m", limits=ReadLimits())
    assert doc.body == "Page one has words about sanctuary policy.\n\n\n\nPage three."
    assert doc.warnings == [
        "pages without text (scanned images?): 2",
        f"text read by OCR ({engine.describe()}), not from a text layer, on page 2:"
        " expect recognition errors",
    ]
    with pytest.raises(ReadError) as info:
        read_pdf((FIXTURES / "scanned.pdf").read_bytes(), source="s.pdf", limits=ReadLimits())
    assert str(info.value) == (
        f"s.pdf: has no text layer, and OCR ({engine.describe()}) found no text in it"
    )
