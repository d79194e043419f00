"""Planning a batch run: inputs expanded, WARC files cut at member starts, chunks read
back equal to the whole file, files grouped, ids stable."""

from __future__ import annotations

import gzip
import os

import pytest
from batch_support import TEXT, make_fixtures, warc_members, write_warc

from sanctuary_tracker.batch.chunks import plan_chunks, warc_cuts
from sanctuary_tracker.batch.inputs import expand_inputs
from sanctuary_tracker.read.warc import iter_warc_payloads
from sanctuary_tracker.settings import ReadLimits

LIMITS = ReadLimits()


def _documents(count: int, size: int = 3000) -> list[tuple[str, bytes, str]]:
    # Bodies that do not compress away, so that members have real sizes.
    return [
        (f"https://news.example/{n}", os.urandom(size // 2).hex().encode(), TEXT)
        for n in range(count)
    ]


def _member_starts(path) -> list[int]:
    """Every gzip member offset, found the slow way (inflating the whole file)."""
    data = path.read_bytes()
    starts, position = [], 0
    while position < len(data):
        starts.append(position)
        inflater = __import__("zlib").decompressobj(wbits=31)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
    return starts


def _names(path, start=0, end=None) -> list[str]:
    return [p.source for p in iter_warc_payloads(str(path), limits=LIMITS, start=start, end=end)]


@pytest.mark.parametrize("chunk_bytes", [1, 2500, 7000, 40_000, 10**9])
def test_cuts_are_member_starts_and_chunks_read_as_the_whole(tmp_path, chunk_bytes):
    path = write_warc(tmp_path / "a.warc.gz", _documents(30))
    cuts = warc_cuts(str(path), chunk_bytes)
    members = _member_starts(path)
    assert set(cuts) <= set(members) and cuts[0] == 0
    if chunk_bytes == 1:
        assert cuts == members  # every member its own chunk
    if chunk_bytes == 10**9:
        assert cuts == [0]
    got = []
    for start, end in zip(cuts, [*cuts[1:], None], strict=True):
        got += _names(path, start, end)
    assert got == _names(path) and len(got) == 30


def test_a_whole_file_gzip_or_plain_warc_is_one_chunk(tmp_path):
    members = b"".join(
        m for n, (u, b, t) in enumerate(_documents(10)) for m in warc_members(u, b, t, n)
    )
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(gzip.decompress(members)))
    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(members))
    assert warc_cuts(str(whole), 1000) == [0]
    assert warc_cuts(str(plain), 1000) == [0]


def test_a_magic_inside_a_record_is_not_a_cut(tmp_path):
    """Bytes that look like a gzip member start inside a stored record are rejected."""
    fake = gzip.compress(make_fixtures.warc_record("resource", uri=None, block=b"x", record_id="1"))
    body = b"A" * 5000 + fake + b"B" * 5000
    path = tmp_path / "a.warc.gz"
    # Deflate output rarely holds a member verbatim; a stored (level 0) member does.
    raw = make_fixtures.warc_record(
        "response",
        uri="https://x.example/",
        block=make_fixtures.http_response(body),
        record_id="2",
    )
    stored = gzip.compress(raw, compresslevel=0, mtime=0)
    path.write_bytes(stored + stored)
    assert fake in stored
    assert warc_cuts(str(path), 100) == [0, len(stored)]


def test_truncated_file_cuts_stop_before_the_damage(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", _documents(20))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 500])
    cuts = warc_cuts(str(path), 3000)
    assert cuts[-1] < len(data) - 500 and set(cuts) <= set(_member_starts(tmp_path / "a.warc.gz"))


def test_files_are_grouped_and_ids_are_stable(tmp_path):
    files = []
    for n in range(60):
        (tmp_path / f"{n:02}.txt").write_text("x" * 100)
        files.append(str(tmp_path / f"{n:02}.txt"))
    warc = str(write_warc(tmp_path / "c.warc.gz", _documents(12)))
    inputs = [*files[:30], warc, *files[30:]]
    chunks = plan_chunks(inputs, chunk_bytes=8000, files_per_chunk=4)
    groups = [c.paths for c in chunks if c.kind == "files"]
    assert [p for g in groups for p in g] == files and all(len(g) <= 16 for g in groups)
    assert 6 <= len(groups) <= 30  # about one in four paths ends a group
    warcs = [c for c in chunks if c.kind == "warc"]
    assert len(warcs) > 2
    again = plan_chunks(inputs, chunk_bytes=8000, files_per_chunk=4)
    assert [c.id for c in again] == [c.id for c in chunks]
    assert len({c.id for c in chunks}) == len(chunks)
    # A file added changes the one group it joins (or splits it in two), no other chunk.
    (tmp_path / "29b.txt").write_text("new")
    added = plan_chunks(
        [*files[:30], str(tmp_path / "29b.txt"), warc, *files[30:]],
        chunk_bytes=8000,
        files_per_chunk=4,
    )
    gone = {c.id for c in chunks} - {c.id for c in added}
    new = {c.id for c in added} - {c.id for c in chunks}
    assert len(gone) <= 1 and 1 <= len(new) <= 2, (gone, new)


def test_inputs_folders_globs_and_problems(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.html").write_text("x")
    (tmp_path / "a" / "b" / "two.txt").write_text("x")
    (tmp_path / "a" / ".hidden").write_text("x")
    (tmp_path / "three.warc.gz").write_text("x")
    found = expand_inputs(
        [
            str(tmp_path / "a"),
            str(tmp_path / "*.warc.gz"),
            str(tmp_path / "a" / "one.html"),
            str(tmp_path / "missing"),
            str(tmp_path / "*.pdf"),
        ]
    )
    assert found.files == [
        str(tmp_path / "a" / "one.html"),
        str(tmp_path / "a" / "b" / "two.txt"),
        str(tmp_path / "three.warc.gz"),
    ]
    assert found.problems == [
        (str(tmp_path / "missing"), "no such file or folder"),
        (str(tmp_path / "*.pdf"), "matches no file"),
    ]
