"""Read any source (file, URL, standard input, WARC) into Documents: detect, decode, dispatch, finish.

The pipeline, in order:
  source -> bytes (``sources``) -> media type (``detect``) -> text (``decode``)
         -> body and metadata (``html``, ``pdf``, ``text``) -> hash, fingerprint, language (``finish``)
WARC files yield one Document per HTTP response record (``warc``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.dispatch import document_from_bytes, document_from_payload
from sanctuary_tracker.read.sources import iter_payloads
from sanctuary_tracker.settings import ReadLimits

__all__ = ["document_from_bytes", "iter_documents", "read"]


def iter_documents(
    source: str,
    *,
    allow_private: bool = False,
    limits: ReadLimits | None = None,
    on_record_error: Callable[[ReadError], None] | None = None,
) -> Iterator[Document]:
    """Every Document a source holds: one for most sources, one per response record of a WARC.

    ``source`` is a file path, an ``http(s)`` URL, or ``-`` for standard input.
    Raises ReadError, naming the source and the problem, on bad input. With
    ``on_record_error``, a bad record inside a WARC (an image, a broken PDF) is
    handed to it and the rest of the archive is still read.
    """
    limits = limits or ReadLimits.from_env()
    for payload in iter_payloads(source, allow_private=allow_private, limits=limits):
        try:
            yield document_from_payload(payload, limits=limits)
        except ReadError as error:
            if on_record_error is None or payload.source == source:
                raise
            on_record_error(error)


def read(source: str, *, allow_private: bool = False, limits: ReadLimits | None = None) -> Document:
    """Read one source into one Document (a WARC must then hold exactly one response)."""
    documents = iter_documents(source, allow_private=allow_private, limits=limits)
    first = next(documents, None)
    if first is None:
        raise ReadError(source, "holds no document (a WARC without HTTP response records?)")
    if next(documents, None) is not None:
        raise ReadError(source, "holds several documents; use iter_documents() to read them all")
    return first
