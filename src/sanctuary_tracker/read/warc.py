"""WARC files: every HTTP response record becomes a payload, streamed.

What is yielded: one Payload per ``response`` record whose HTTP status is 200. Other
record types (warcinfo, request, metadata, revisit, ...) and other statuses (redirects,
404 pages, ...) are skipped silently: they hold no document.

Payload fields: ``data`` is the HTTP body with chunked transfer-encoding removed and
gzip/deflate content-encoding decoded; ``content_type`` the HTTP Content-Type header;
``url`` and ``name`` the WARC-Target-URI; ``fetched_at`` the WARC-Date.

Record names (``Payload.source``): ``PATH#OFFSET``, where OFFSET is the byte offset of
the record in the file as stored. For a ``.warc.gz`` written one gzip member per record
(the Common Crawl layout) that is the offset of the record's gzip member, the same number
as the ``offset`` field of the Common Crawl index. When one gzip member holds several
records, the name is ``PATH#MEMBER+INNER`` (member offset, then the record's offset in
the member's decompressed bytes). Names are unique within a file and stable as long as
the file is.

Bad input: the records before a problem are yielded, then ReadError (one line, naming
the file) is raised for a truncated or corrupt gzip stream, a truncated record, bytes
that are not WARC, or a file holding no record at all (an empty gzip member included). Records over ``limits.max_record_bytes`` (declared length, or body
after decoding) and records whose body cannot be decoded are skipped and reported
together in one ReadError raised after the last record, since a generator cannot warn.

Decompression and body decoding are done here with zlib rather than by fastwarc:
fastwarc (2.0.1) stops silently on a truncated gzip stream and, with
``auto_decode="all"``, stops iterating after a chunked gzip record; both were measured.
"""

from __future__ import annotations

import io
import zlib
from collections import deque
from collections.abc import Iterator

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read.compression import inflate
from sanctuary_tracker.read.payload import Payload
from sanctuary_tracker.settings import ReadLimits

_CHUNK = 1 << 16
_MAX_LISTED = 5  # skipped-record offsets listed in the closing message


class _GzipMembers:
    """A read()/tell() stream of the decompressed bytes of a multi-member gzip file.

    It never raises into fastwarc (whose Rust core would panic): problems end the
    stream early and are kept in ``error``. ``members`` maps decompressed offsets of
    member starts to their offsets in the file.
    """

    def __init__(self, raw, base: int = 0) -> None:
        self._raw = raw
        self._inflater: zlib._Decompress | None = None
        self._pending = b""
        self._in_pos = base  # file offset of the compressed bytes consumed
        self._out_pos = 0  # decompressed bytes handed out
        self._done = False
        self.error: str | None = None
        self.members: deque[tuple[int, int]] = deque()  # (decompressed start, file offset)

    def tell(self) -> int:
        return self._out_pos

    def read(self, size: int = -1) -> bytes:
        size = _CHUNK if size is None or size <= 0 else size
        try:
            return self._read(size)
        except Exception as exc:  # never raise into fastwarc's Rust core
            self.error = f"cannot be read ({exc})"
            self._done = True
            return b""

    def _read(self, size: int) -> bytes:
        while not self._done:
            if not self._pending:
                self._pending = self._raw.read(_CHUNK)
                if not self._pending:
                    if self._inflater is not None:
                        self.error = (
                            "is truncated gzip data (the compressed stream ends early, "
                            f"at byte {self._in_pos:,})"
                        )
                    self._done = True
                    break
            if self._inflater is None:
                self._inflater = zlib.decompressobj(wbits=31)
                self.members.append((self._out_pos, self._in_pos))
            data = self._pending
            try:
                out = self._inflater.decompress(data, size)
            except zlib.error as exc:
                self.error = f"is corrupt gzip data at byte {self._in_pos:,} ({exc})"
                self._done = True
                break
            tail = self._inflater.unconsumed_tail or self._inflater.unused_data
            self._in_pos += len(data) - len(tail)
            self._pending = tail
            if self._inflater.eof:
                self._inflater = None
            if out:
                self._out_pos += len(out)
                return out
        return b""

    def name_offset(self, position: int) -> str:
        """The file offset naming the record at decompressed ``position``."""
        while len(self.members) > 1 and self.members[1][0] <= position:
            self.members.popleft()
        if not self.members:
            return str(position)
        start, offset = self.members[0]
        return str(offset) if start == position else f"{offset}+{position - start}"


def iter_warc_payloads(
    path: str,
    *,
    limits: ReadLimits,
    data: bytes | None = None,
    start: int = 0,
    end: int | None = None,
) -> Iterator[Payload]:
    """One Payload per HTTP 200 response record of the WARC at ``path`` (or in ``data``).

    ``start`` and ``end`` read only the bytes ``[start, end)`` of the file: a chunk of a
    large WARC, for parallel reading. ``start`` must be where a record (or, compressed,
    a gzip member) begins and ``end`` where one begins or the file ends; the records
    keep the names they have in the whole file."""
    windowed = start != 0 or end is not None
    if data is not None:
        stream = _Window(io.BytesIO(data), start, end) if windowed else io.BytesIO(data)
        yield from _iter_stream(stream, path, limits, start)
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed below; the generator may pause)
    except OSError as exc:
        raise ReadError(path, f"cannot be read ({exc.strerror or exc})") from None
    with handle:
        stream = _Window(handle, start, end) if windowed else handle
        yield from _iter_stream(stream, path, limits, start)


class _Window:
    """The bytes ``[start, end)`` of a seekable stream, as a stream of their own."""

    def __init__(self, raw, start: int, end: int | None) -> None:
        self._raw, self._start, self._end = raw, start, end
        raw.seek(start)

    def read(self, size: int = -1) -> bytes:
        if self._end is None:
            return self._raw.read(size)
        left = self._end - self._raw.tell()
        size = left if size is None or size < 0 else min(size, left)
        return self._raw.read(max(size, 0))

    def seek(self, offset: int) -> None:
        self._raw.seek(self._start + offset)

    def tell(self) -> int:
        return self._raw.tell() - self._start


def _iter_stream(raw, path: str, limits: ReadLimits, base: int = 0) -> Iterator[Payload]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    head = raw.read(2)
    raw.seek(0)
    if not head:
        raise ReadError(path, "is empty")
    gz = _GzipMembers(raw, base) if head[:1] == b"\x1f" else None  # a WARC starts "WARC/"
    stream = gz or raw
    skipped: list[tuple[str, str]] = []  # (reason, record name)
    try:
        records = ArchiveIterator(
            stream,
            record_types=WarcRecordType.any_type,
            parse_http=True,
            auto_decode="none",
            stream_detect=False,
            fsspec_args=False,
        )
    except _CAUGHT as exc:
        raise _stream_error(path, gz, exc, None) from None
    position = offset = None
    seen = False
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            seen = True
            position = record.stream_pos
            offset = gz.name_offset(position) if gz else str(base + position)
            payload = _payload_of(record, path, offset, limits, skipped)
        except ReadError:
            if gz and gz.error:  # the record is cut short because the gzip stream is
                raise ReadError(
                    path, f"{gz.error}; the record at offset {offset} is cut short"
                ) from None
            raise
        except _CAUGHT as exc:
            raise _stream_error(path, gz, exc, position, base) from None
        if payload is not None:
            yield payload
    if gz and gz.error:
        raise ReadError(path, gz.error)
    if not seen:  # empty input is an error whatever wraps it
        if gz and gz.tell() == 0:
            raise ReadError(path, "is empty (its gzip data decompresses to nothing)")
        raise ReadError(path, "holds no WARC record")
    if skipped:
        raise ReadError(path, _skipped_message(skipped))


_CAUGHT = (Exception,)
try:  # fastwarc's Rust core reports panics as PanicException, a BaseException
    from pyo3_runtime import PanicException  # type: ignore[import-not-found]

    _CAUGHT = (Exception, PanicException)
except ImportError:  # pragma: no cover
    pass


def _stream_error(
    path: str, gz: _GzipMembers | None, exc: BaseException, position, base: int = 0
) -> ReadError:
    if gz and gz.error:
        return ReadError(path, gz.error)
    where = "" if position is None else f" after the record at offset {base + position}"
    return ReadError(path, f"is not a valid WARC{where} ({exc})")


def _payload_of(record, path, offset, limits, skipped) -> Payload | None:
    from fastwarc.warc import WarcRecordType

    name = f"{path}#{offset}"
    declared = record.headers.get("Content-Length")
    if declared is None or not declared.strip().isdigit():
        raise ReadError(
            path, f"is truncated or corrupt: the record at offset {offset} is incomplete"
        )
    remaining = record.content_length
    wanted = (
        record.record_type == WarcRecordType.response
        and record.is_http
        and record.http_headers.status_code == 200
    )
    if not wanted or int(declared) > limits.max_record_bytes:
        consumed = record.reader.consume()
        if consumed < remaining:
            raise _truncated(path, offset)
        if wanted:
            skipped.append((f"over the {limits.max_record_bytes:,}-byte record limit", offset))
        return None
    body = _read_exactly(record.reader, remaining)
    if len(body) < remaining:
        raise _truncated(path, offset)
    headers = record.http_headers
    try:
        body = _decode_body(body, headers, limits.max_record_bytes)
    except _Skip as exc:
        skipped.append((str(exc), offset))
        return None
    url = record.headers.get("WARC-Target-URI")
    return Payload(
        body,
        source=name,
        name=url,
        content_type=headers.get("Content-Type"),
        url=url,
        fetched_at=record.headers.get("WARC-Date"),
    )


def _truncated(path: str, offset: str) -> ReadError:
    return ReadError(path, f"is truncated: the record at offset {offset} ends early")


def _read_exactly(reader, size: int) -> bytes:
    parts = []
    left = size
    while left > 0:
        piece = reader.read(min(_CHUNK, left))
        if not piece:
            break
        parts.append(piece)
        left -= len(piece)
    return b"".join(parts)


class _Skip(Exception):
    """This record's body cannot be used; the message says why (for the closing summary)."""


def _decode_body(body: bytes, headers, cap: int) -> bytes:
    transfer = (headers.get("Transfer-Encoding") or "").lower()
    if "chunked" in transfer:
        body = _dechunk(body)
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity", "none"):
        return body
    if encoding in ("gzip", "x-gzip", "deflate"):
        if encoding != "deflate" and not body.startswith(b"\x1f\x8b"):
            return body  # stored decoded with the header kept (common in crawls)
        return _inflate(body, encoding, cap)
    raise _Skip(f"with unsupported content-encoding {encoding}")


def _dechunk(body: bytes) -> bytes:
    """Remove chunked transfer-encoding; bytes that are not chunked are kept as they are
    (crawlers often store the body de-chunked and keep the header)."""
    out = []
    pos = 0
    while True:
        end = body.find(b"\r\n", pos)
        if end < 0:
            return body
        size_field = body[pos:end].split(b";")[0].strip()
        try:
            size = int(size_field, 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(out)
        start = end + 2
        if start + size > len(body):
            return body
        out.append(body[start : start + size])
        pos = start + size + 2


def _inflate(body: bytes, encoding: str, cap: int) -> bytes:
    inflated = inflate(body, encoding, cap)
    if inflated is None:
        raise _Skip(f"with a corrupt {encoding} body")
    out, _ended = inflated  # a truncated body is kept: what decoded is still text
    if len(out) > cap:
        raise _Skip(f"that decompress to over the {cap:,}-byte record limit")
    return out


def _skipped_message(skipped: list[tuple[str, str]]) -> str:
    by_reason: dict[str, list[str]] = {}
    for reason, offset in skipped:
        by_reason.setdefault(reason, []).append(offset)
    parts = []
    for reason, offsets in by_reason.items():
        listed = ", ".join(offsets[:_MAX_LISTED]) + (", ..." if len(offsets) > _MAX_LISTED else "")
        noun = "record" if len(offsets) == 1 else "records"
        parts.append(f"{len(offsets)} {noun} {reason} (offsets {listed})")
    return "skipped " + "; ".join(parts)
