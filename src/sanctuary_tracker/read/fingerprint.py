"""Near-duplicate fingerprints: MinHash over word 5-grams, so syndicated copies can be linked.

The signature is datasketch's ``MinHash(num_perm=64, seed=1)`` (its default scheme since
2.0, "affine32") over each 5-gram's CRC-32, computed here in a few lines of numpy: importing
datasketch loads scipy, about 50 MB in every process that reads a document. A test checks
the values against datasketch's.

Memory: the words are taken a stretch of text at a time (``words_in_stretches``) and the
sketch is updated a stretch at a time, so a 16 MiB body needs a few megabytes beyond
itself, not one hashed row per 5-gram at once (1.5 GB before). The minimum of minimums
is the minimum: the signature is the same as hashing all 5-grams in one batch.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from functools import lru_cache

import numpy

NUM_PERM = 64
SHINGLE_WORDS = 5
STRETCH_CHARS = 64 * 1024
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W")


SEED = 1
_EMPTY = numpy.uint32(0xFFFFFFFF)
# MurmurHash3's 32-bit finalizer (shifts and multipliers), which datasketch mixes each hash
# with before the permutations.
_FMIX = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)


@lru_cache(maxsize=1)
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    """The NUM_PERM permutations h -> a * h + b (mod 2^32, a odd), drawn as datasketch draws
    them from numpy's seeded legacy generator; one pair of arrays for every document."""
    generator = numpy.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=numpy.uint32) * numpy.uint32(2)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=numpy.uint32)
    return a + numpy.uint32(1), b


def _mixed(hashes: numpy.ndarray) -> numpy.ndarray:
    shift1, multiplier1, shift2, multiplier2, shift3 = (numpy.uint32(n) for n in _FMIX)
    hashes = hashes ^ (hashes >> shift1)
    hashes = hashes * multiplier1
    hashes = hashes ^ (hashes >> shift2)
    hashes = hashes * multiplier2
    return hashes ^ (hashes >> shift3)


def words_in_stretches(body: str, size: int | None = None) -> Iterator[list[str]]:
    """The body's lowercased ``\\w+`` words, a list per stretch of about ``size`` characters.

    Stretches end on a non-word character, so no word is cut; joined, the lists are
    ``_WORD.findall(body.lower())``. The whole body is lowercased at once because
    lowercasing depends on context (a final sigma)."""
    size = size or STRETCH_CHARS
    lowered = body.lower()
    start, length = 0, len(lowered)
    while start < length:
        end = min(start + size, length)
        if end < length:
            boundary = _NON_WORD.search(lowered, end)
            end = boundary.start() if boundary else length
        yield _WORD.findall(lowered, start, end)
        start = end


def shingle_batches(body: str) -> Iterator[list[bytes]]:
    """The body's word 5-grams (UTF-8), a batch per stretch of text; a text shorter than
    five words is one shingle."""
    carry: list[str] = []  # the last four words of the stretches before, for 5-grams across
    seen = 0
    for stretch in words_in_stretches(body):
        words = carry + stretch if carry else stretch
        seen += len(stretch)
        if len(words) >= SHINGLE_WORDS:
            yield [
                " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
                for i in range(len(words) - SHINGLE_WORDS + 1)
            ]
        carry = words[-(SHINGLE_WORDS - 1) :]
    if 0 < seen < SHINGLE_WORDS:
        yield [" ".join(carry).encode("utf-8")]


def shingles(body: str) -> list[bytes]:
    """All of the body's word 5-grams at once (for short texts and tests)."""
    return [gram for batch in shingle_batches(body) for gram in batch]


def minhash_signature(body: str) -> list[int]:
    """A MinHash signature (``NUM_PERM`` integers) of the body's word 5-grams."""
    # crc32 rather than datasketch's default sha1: the permutations on top make any
    # well-spread 32-bit hash enough, and crc32 is several times cheaper per shingle.
    a, b = _permutations()
    values = numpy.full(NUM_PERM, _EMPTY, dtype=numpy.uint32)
    for batch in shingle_batches(body):
        hashes = numpy.array(list(map(zlib.crc32, batch)), dtype=numpy.uint32).reshape(-1, 1)
        values = numpy.minimum(values, (_mixed(hashes) * a + b).min(axis=0))
    return [int(v) for v in values]


def estimated_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two documents' shingle sets, from their signatures."""
    if not a or len(a) != len(b):
        raise ValueError("signatures must be non-empty and of equal length")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
