"""An HTTP body's content-encoding undone: gzip, or deflate (zlib-wrapped, else raw), under a
size cap. Shared by the fetcher (``fetch``) and the WARC reader (``warc``), which each say in
their own words what a body too large, truncated or corrupt means for them."""

from __future__ import annotations

import zlib


def inflate(data: bytes, coding: str, cap: int) -> tuple[bytes, bool] | None:
    """``data`` decompressed as ``coding`` ("gzip", "x-gzip" or "deflate"), at most ``cap + 1``
    bytes of it (more than ``cap`` means too large), and whether its stream ended; None when
    the data is not in that coding."""
    modes = (31,) if coding != "deflate" else (15, -15)
    for wbits in modes:
        inflater = zlib.decompressobj(wbits=wbits)
        try:
            out = inflater.decompress(data, cap + 1)
        except zlib.error:
            continue
        return out, inflater.eof
    return None
