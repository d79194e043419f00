"""The last step of reading: content hash, near-duplicate fingerprint and language."""

from __future__ import annotations

import hashlib
import re

from sanctuary_tracker.document import Document
from sanctuary_tracker.heap import LARGE_TEXT, release_freed_heap
from sanctuary_tracker.read.fingerprint import minhash_signature, words_in_stretches

_WORD = re.compile(r"\w+")


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
    if len(document.body) > LARGE_TEXT:
        release_freed_heap()  # a parser's tree, the decoded text: before extraction allocates
    return document
