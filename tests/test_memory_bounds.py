"""Memory bounds that change no result: fingerprint and content hash taken a stretch of text
at a time give the values the one-pass code gave (every word at once, every 5-gram in one
MinHash batch); a PDF's text stops at the text limit. The peaks themselves are measured by
benchmarks/bench_memory.py."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from pathlib import Path

import pytest

from sanctuary_tracker.read import fingerprint
from sanctuary_tracker.read.finish import content_hash
from sanctuary_tracker.read.pdf import read_pdf
from sanctuary_tracker.settings import ReadLimits

_WORD = re.compile(r"\w+")

TEXTS = [
    "",
    "  \n ",
    "Boston",
    "one two three four",
    "one two three four five",
    "Boston Mayor Marty Walsh said the city does not honor ICE detainers.",
    "Ünïcode wörds — café  naïve\n\nBOSTON  boston 2017 $5,000 l'été",
    "ΟΔΥΣΣΕΥΣ ΚΑΙ ΑΣ ΤΑ ΠΟΛΛΑ ΣΕ ΛΟΓΟΣ",  # final sigma: lowercasing depends on context
    " ".join(
        f"In county {n} the sheriff ended the 287(g) agreement, {n * 7 % 13} days later."
        for n in range(400)
    ),
]


def one_pass_signature(body: str) -> list[int]:
    """The signature as computed before stretches, by datasketch itself (the reference for
    fingerprint's numpy MinHash): all 5-grams in one batch."""
    from datasketch import MinHash

    words = _WORD.findall(body.lower())
    if len(words) < 5:
        grams = [" ".join(words).encode("utf-8")] if words else []
    else:
        grams = [" ".join(words[i : i + 5]).encode("utf-8") for i in range(len(words) - 4)]
    sketch = MinHash(num_perm=64, seed=1, hashfunc=zlib.crc32)
    if grams:
        sketch.update_batch(grams)
    return [int(v) for v in sketch.hashvalues]


def one_pass_hash(body: str) -> str:
    words = " ".join(_WORD.findall(body.lower()))
    return "sha256:" + hashlib.sha256(words.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("stretch", [None, 1, 7, 64])
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_stretched_values_equal_one_pass(monkeypatch, text, stretch):
    if stretch:
        monkeypatch.setattr(fingerprint, "STRETCH_CHARS", stretch)
    assert fingerprint.minhash_signature(text) == one_pass_signature(text)
    assert content_hash(text) == one_pass_hash(text)


@pytest.mark.parametrize("stretch", [1, 7, 64])
def test_stretches_cut_no_word(stretch):
    text = TEXTS[6] + " " + TEXTS[7] + " " + TEXTS[8]
    joined = [w for part in fingerprint.words_in_stretches(text, stretch) for w in part]
    assert joined == _WORD.findall(text.lower())


def test_long_body_is_hashed_in_bounded_batches(monkeypatch):
    """No MinHash batch is larger than one stretch's 5-grams, however long the body."""
    sizes = []
    original = fingerprint.shingle_batches

    def recording(body):
        for batch in original(body):
            sizes.append(len(batch))
            yield batch

    monkeypatch.setattr(fingerprint, "shingle_batches", recording)
    body = TEXTS[8] * 40  # about 1.2 MB
    fingerprint.minhash_signature(body)
    assert len(sizes) > 10
    assert max(sizes) <= fingerprint.STRETCH_CHARS // 2 + 4


def test_pdf_text_stops_after_the_page_that_reaches_the_text_limit():
    data = (Path(__file__).parent / "fixtures" / "pdf" / "report.pdf").read_bytes()
    whole = read_pdf(data, source="r", limits=ReadLimits())
    assert len(whole.pages) == 3 and not whole.warnings
    cut = read_pdf(data, source="r", limits=ReadLimits(max_text_bytes=whole.pages[1] + 10))
    assert cut.pages == whole.pages[:2]
    assert cut.body == whole.body[: whole.pages[2] - 2]
    assert cut.warnings == [
        f"read the first 2 of 3 pages (their text reached the {whole.pages[1] + 10:,}-byte"
        " text limit); the rest were skipped"
    ]


def test_given_name_counts_are_kept_in_the_cache_and_read_back(monkeypatch, tmp_path):
    """Summing the baby-name table peaks near 200 MB; later processes read the sums back."""
    from sanctuary_tracker.text import given_names

    try:
        built = given_names._table_counts(given_names._data_file())
    except given_names.GivenNamesUnavailable as exc:
        pytest.skip(str(exc))
    monkeypatch.setenv("SANCTUARY_CACHE", str(tmp_path))
    monkeypatch.setattr(given_names, "_table_counts", lambda path: built)
    given_names._counts.cache_clear()
    try:
        assert given_names._counts() == built
        (cached,) = tmp_path.glob("given-names-*.json")

        def no_table(path):
            raise AssertionError("the table was read again")

        monkeypatch.setattr(given_names, "_table_counts", no_table)
        given_names._counts.cache_clear()
        assert given_names._counts() == built
        cached.write_text('{"julio": [1')  # a writer killed half-way
        monkeypatch.setattr(given_names, "_table_counts", lambda path: built)
        given_names._counts.cache_clear()
        assert given_names._counts() == built
        assert json.loads(cached.read_text())["julio"] == list(built["julio"])
    finally:
        given_names._counts.cache_clear()
