"""Fetching http(s) URLs safely: timeouts, a size cap, no private addresses unless allowed."""

from __future__ import annotations

from dataclasses import dataclass

from sanctuary_tracker.settings import ReadLimits


@dataclass
class Fetched:
    data: bytes
    content_type: str | None
    url: str  # the final address, after redirects
    fetched_at: str  # ISO 8601 UTC time of the response


def fetch(url: str, *, allow_private: bool, limits: ReadLimits) -> Fetched:
    raise NotImplementedError("URL fetching is being written")
