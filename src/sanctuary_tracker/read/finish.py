"""The last step of reading: content hash, near-duplicate fingerprint and language."""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import re
from functools import lru_cache

from sanctuary_tracker.document import Document
from sanctuary_tracker.read.fingerprint import minhash_signature, words_in_stretches

_WORD = re.compile(r"\w+")
# Above this many characters, reading freed enough C heap (a parser's tree) to be worth
# handing back to the system before extraction allocates its own.
LARGE_BODY = 1_000_000


def content_hash(body: str) -> str:
    """sha256 of the body's words, lowercased and joined by one space: the same text however
    it was spaced or cased. Hashed a stretch at a time, so no list of every word is built."""
    digest = hashlib.sha256()
    joiner = b""
    for words in words_in_stretches(body):
        if words:
            digest.update(joiner + " ".join(words).encode("utf-8"))
            joiner = b" "
    return "sha256:" + digest.hexdigest()


def detect_language(body: str) -> str | None:
    """ISO 639-1 code of the body's language, or None when the text is too short to tell."""
    from resiliparse.parse.lang import detect_fast

    sample = body[:20_000]
    if len(_WORD.findall(sample)) < 5:
        return None
    code, _distance = detect_fast(sample)
    return None if code in ("unknown", "") else code


def finish(document: Document) -> Document:
    document.content_hash = content_hash(document.body)
    document.minhash = minhash_signature(document.body)
    if document.language is None:
        document.language = detect_language(document.body)
    if len(document.body) > LARGE_BODY:
        release_freed_heap()
    return document


def release_freed_heap() -> None:
    """Give the C heap that parsers freed back to the system (glibc's malloc_trim; a no-op
    elsewhere). Python's own small objects live in separate mappings and cannot reuse it,
    so after a 16 MiB HTML page it would otherwise stay resident (about 65 MB)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None
