"""WARC files: every HTTP response record becomes a payload, streamed."""

from __future__ import annotations

from collections.abc import Iterator

from sanctuary_tracker.read.sources import Payload
from sanctuary_tracker.settings import ReadLimits


def iter_warc_payloads(
    path: str, *, limits: ReadLimits, data: bytes | None = None
) -> Iterator[Payload]:
    """One Payload per HTTP response record of the WARC at ``path`` (or in ``data``)."""
    raise NotImplementedError("WARC reading is being written")
