"""Near-duplicate fingerprints: MinHash over word 5-grams, so syndicated copies can be linked."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

NUM_PERM = 64
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash

    # Permutations are derived from the seed; one template shares them across documents,
    # so each document costs only its hashing.
    return MinHash(num_perm=NUM_PERM, seed=1)


def shingles(body: str) -> list[bytes]:
    words = _WORD.findall(body.lower())
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    ]


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
    grams = shingles(body)
    if grams:
        sketch.update_batch(grams)
    return [int(v) for v in sketch.hashvalues]


def estimated_similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two documents' shingle sets, from their signatures."""
    if not a or len(a) != len(b):
        raise ValueError("signatures must be non-empty and of equal length")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
