"""One chunk's evidence: payloads -> relevance filter -> read -> extract, in one process.

Pure: no Dask, no output files, no global state beyond the caches ``prepare`` fills. The
batch runner maps ``chunk_evidence`` over chunks on a cluster; ``serial_evidence`` is
the plain loop over whole inputs that a batch run must equal, record for record.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sanctuary_tracker.batch.chunks import Chunk
from sanctuary_tracker.batch.relevance import is_relevant, needs_text
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.payload import Payload
from sanctuary_tracker.settings import ReadLimits


@dataclass
class ChunkEvidence:
    """What one chunk gave: its records, its counts and its problems."""

    records: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0  # payloads seen: files, or HTTP 200 responses of a WARC
    relevant: int = 0  # passed the relevance filter
    errors: list[dict[str, str]] = field(default_factory=list)  # source, message

    @property
    def extracted(self) -> int:
        return len(self.records)


@cache
def prepare() -> None:
    """Load the gazetteer, the codebook and the filter's automaton, once per process."""
    from sanctuary_tracker.batch import relevance
    from sanctuary_tracker.extract.stage import prepare as prepare_extract

    prepare_extract()
    relevance.prepare()
    # The gazetteer and automata are millions of long-lived objects: out of the way of
    # the cycle collector, a full collection (one per chunk) costs milliseconds.
    gc.freeze()


def chunk_payloads(chunk: Chunk, limits: ReadLimits) -> Iterator[tuple[str, Iterator[Payload]]]:
    """(input path, its payloads) for each input the chunk covers."""
    from sanctuary_tracker.read.sources import iter_payloads
    from sanctuary_tracker.read.warc import iter_warc_payloads

    if chunk.kind == "warc":
        path = chunk.paths[0]
        yield path, iter_warc_payloads(path, limits=limits, start=chunk.start, end=chunk.end)
        return
    for path in chunk.paths:
        yield path, iter_payloads(path, allow_private=False, limits=limits)


def chunk_evidence(chunk: Chunk, limits: ReadLimits | None = None) -> ChunkEvidence:
    """Every relevant document's evidence record in ``chunk``, in input order."""
    limits = limits or ReadLimits.from_env()
    prepare()
    return collect_evidence(chunk_payloads(chunk, limits), limits)


def serial_evidence(paths: Iterable[str], limits: ReadLimits | None = None) -> ChunkEvidence:
    """The same for whole inputs, one after another in this process: no chunks, no cluster."""
    from sanctuary_tracker.read.sources import iter_payloads

    limits = limits or ReadLimits.from_env()
    prepare()
    sources = ((p, iter_payloads(p, allow_private=False, limits=limits)) for p in paths)
    return collect_evidence(sources, limits)


def collect_evidence(
    sources: Iterable[tuple[str, Iterator[Payload]]], limits: ReadLimits
) -> ChunkEvidence:
    """Filter, read and extract every payload; a bad input or record is recorded in
    ``errors`` and the rest still read."""
    result = ChunkEvidence()
    for path, payloads in sources:
        try:
            for payload in payloads:
                result.documents += 1
                if payload.source == path and _refused(payload, result):
                    continue
                record = _evidence_of(payload, limits, result)
                if record is not None:
                    result.records.append(record)
        except ReadError as exc:  # the input stops here; what came before is kept
            result.errors.append({"source": path, "message": str(exc)})
    return result


def _refused(payload: Payload, result: ChunkEvidence) -> bool:
    """A file named as an input (not a record inside a crawl) that is empty or of no
    supported type is an error, found by sniffing its head before any filtering. A
    crawl's images and scripts are simply not relevant."""
    from sanctuary_tracker.read import detect

    try:
        if not payload.data.strip():
            raise detect.UnsupportedType("is empty")
        detect.sniff(payload.data[:4096], name=payload.name, declared=payload.content_type)
    except detect.UnsupportedType as exc:
        result.errors.append({"source": payload.source, "message": f"{payload.source}: {exc}"})
        return True
    return False


def _evidence_of(payload: Payload, limits: ReadLimits, result: ChunkEvidence) -> dict | None:
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read.deadline import time_limit
    from sanctuary_tracker.read.dispatch import document_from_payload

    judged_by_text = needs_text(payload.data)  # a PDF: judged by its text, once read
    if not judged_by_text:
        if not is_relevant(payload.data):
            return None
        result.relevant += 1
    try:
        document = document_from_payload(payload, limits=limits)
        if judged_by_text:
            if not is_relevant(document.body.encode("utf-8")):
                return None
            result.relevant += 1
        with time_limit(limits.extract_seconds, document.source, "extract evidence from"):
            return extract(document)
    except ReadError as exc:
        result.errors.append({"source": payload.source, "message": str(exc)})
    except Exception as exc:  # one document's bug must not stop millions of others
        message = f"{payload.source}: {type(exc).__name__}: {exc}"
        result.errors.append({"source": payload.source, "message": " ".join(message.split())})
    return None
