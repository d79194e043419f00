"""Near-duplicate fingerprints: MinHash over word 5-grams, so syndicated copies can be linked.

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

NUM_PERM = 64
SHINGLE_WORDS = 5
STRETCH_CHARS = 64 * 1024
_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W")


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash

    # Permutations are derived from the seed; one template shares them across documents,
    # so each document costs only its hashing.
    return MinHash(num_perm=NUM_PERM, seed=1)


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
    from datasketch import MinHash

    template = _template()
    # crc32 rather than datasketch's default sha1: the permutations on top make any
    # well-spread 32-bit hash enough, and crc32 is several times cheaper per shingle.
    sketch = MinHash(
        num_perm=NUM_PERM,
        seed=1,
        permutations=template.permutations,
        scheme=template.scheme,
        hashfunc=zlib.crc32,
    )
    for batch in shingle_batches(body):
        sketch.update_batch(batch)
    return [int(v) for v in sketch.hashvalues]


def estimated_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two documents' shingle sets, from their signatures."""
    if not a or len(a) != len(b):
        raise ValueError("signatures must be non-empty and of equal length")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
