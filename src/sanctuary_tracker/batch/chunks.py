"""Units of work: large WARC files cut at record boundaries, small files grouped.

A ``.warc.gz`` in the Common Crawl layout holds one gzip member per record, so any member
start is a place to cut. Finding one does not need the whole file decompressed: from
each wanted cut position the scan looks ahead for the gzip magic bytes and accepts a
candidate only when one whole member inflates from there, starts ``WARC/`` and is
followed by the end of the file or another member. That costs one record's
decompression per cut, so planning a terabyte of WARCs reads a few megabytes.

A compressed WARC that is one gzip member (whole-file gzip) has no such cut and stays
one chunk, as does an uncompressed ``.warc``. Other files (HTML, PDF, text) are grouped
in their sorted order: a group ends after a file whose path hashes to a multiple of
``files_per_chunk`` (so groups average that many files, and adding a file changes one
group), or at ``chunk_bytes`` bytes, or at four times ``files_per_chunk`` files.
Chunk ids hash what a chunk covers (paths, byte ranges, file sizes), so the same inputs
planned with the same sizes give the same ids: the manifest resumes by them.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass

DEFAULT_CHUNK_BYTES = 16 << 20
DEFAULT_FILES_PER_CHUNK = 200
_MAGIC = b"\x1f\x8b\x08"
_LOOK = 1 << 20  # bytes read at a time while looking for a member start
_MAX_MEMBER = 64 << 20  # compressed bytes inflated to check one candidate


@dataclass(frozen=True)
class Chunk:
    """One unit of work: a byte range of one WARC file, or a group of whole files."""

    id: str
    kind: str  # "warc" or "files"
    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None  # None: to the end of the file

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "paths": list(self.paths),
            "start": self.start,
            "end": self.end,
        }


def is_warc_path(path: str) -> bool:
    return path.lower().endswith((".warc", ".warc.gz"))


def plan_chunks(
    files: list[str],
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    files_per_chunk: int = DEFAULT_FILES_PER_CHUNK,
) -> list[Chunk]:
    """The chunks of ``files``, in order: each WARC cut at member starts about every
    ``chunk_bytes`` bytes, the other files grouped."""
    chunks: list[Chunk] = []
    group: list[tuple[str, int]] = []  # (path, size): each file's size is read once
    group_bytes = 0

    def close_group() -> None:
        nonlocal group, group_bytes
        if group:
            chunks.append(_chunk("files", group, 0, None))
            group, group_bytes = [], 0

    for path in files:
        size = _size(path)
        if is_warc_path(path):
            close_group()
            cuts = warc_cuts(path, chunk_bytes, size)
            for start, end in zip(cuts, [*cuts[1:], None], strict=True):
                chunks.append(_chunk("warc", [(path, size)], start, end))
            continue
        group.append((path, size))
        group_bytes += size
        if (
            _ends_group(path, files_per_chunk)
            or group_bytes >= chunk_bytes
            or len(group) >= 4 * files_per_chunk
        ):
            close_group()
    close_group()
    return chunks


def _ends_group(path: str, files_per_chunk: int) -> bool:
    """Whether a group of files ends after ``path``: decided by the path alone (one in
    ``files_per_chunk`` paths, by hash), so that a file added to a folder changes only
    the group it joins, not every group after it."""
    digest = hashlib.sha256(path.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % max(1, files_per_chunk) == 0


def warc_cuts(path: str, chunk_bytes: int, size: int | None = None) -> list[int]:
    """Offsets where the chunks of a WARC file start: 0, then a member start at or after
    each multiple of ``chunk_bytes`` (only for gzip-compressed files). ``size``: the
    file's size, when the caller has it already."""
    size = _size(path) if size is None else size
    cuts = [0]
    if not path.lower().endswith(".gz") or size <= chunk_bytes:
        return cuts
    try:
        with open(path, "rb") as handle:
            if handle.read(3) != _MAGIC:
                return cuts
            wanted = chunk_bytes
            while wanted < size:
                cut = _next_member(handle, max(wanted, cuts[-1] + 1), size)
                if cut is None:
                    break
                cuts.append(cut)
                wanted = cut + chunk_bytes
    except OSError:
        return [0]  # reading the chunk reports the problem
    return cuts


def _next_member(handle, position: int, size: int) -> int | None:
    """The first offset at or after ``position`` where a whole WARC record member starts."""
    while position < size:
        handle.seek(position)
        window = handle.read(_LOOK + len(_MAGIC) - 1)
        at = window.find(_MAGIC)
        while at >= 0:
            if _member_starts_at(handle, position + at, size):
                return position + at
            at = window.find(_MAGIC, at + 1)
        position += _LOOK
    return None


def _member_starts_at(handle, offset: int, size: int) -> bool:
    handle.seek(offset)
    inflater = zlib.decompressobj(wbits=31)
    head = b""
    read = 0
    try:
        while not inflater.eof and read < _MAX_MEMBER:
            piece = handle.read(1 << 16)
            if not piece:
                return False
            read += len(piece)
            out = inflater.decompress(piece)
            if len(head) < 5:
                head += out[:5]
                if len(head) >= 5 and not head.startswith(b"WARC/"):
                    return False
    except zlib.error:
        return False
    if not inflater.eof or not head.startswith(b"WARC/"):
        return False
    after = inflater.unused_data[:3]
    if len(after) < 3:
        after += handle.read(3 - len(after))
    end = offset + read - len(inflater.unused_data)
    return end == size if not after else after == _MAGIC


def _chunk(kind: str, sized: list[tuple[str, int]], start: int, end: int | None) -> Chunk:
    """The chunk of ``sized`` ((path, size) pairs), its id a hash of what it covers."""
    key = [kind, start, end, *sized]
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:20]
    return Chunk(digest, kind, tuple(p for p, _ in sized), start, end)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return -1
