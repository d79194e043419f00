"""The batch output folder's bookkeeping: which chunks are done, and what went wrong.

``manifest.jsonl`` gets one line per finished chunk (its id, what it covers, its part
file and counts). Only the process that runs the batch writes it, a whole line at a
time, flushed and synced, after the chunk's part file is in place; a line cut short by
a crash is ignored. A chunk counts as done when its line is there and its part file
exists, so deleting a part (or its line) makes the next run redo that chunk only.

A later plan of the same inputs (other chunk sizes, files added to a folder, a file
that changed, another output format) supersedes what an earlier run did for them:
``superseded`` names those chunks, and the runner deletes their parts before it
starts, so an input's evidence is never there twice. Parts of inputs the run was not
given stay: runs may add inputs to one folder one after another. Parts no manifest line
names (a run stopped between the two) are deleted too (``orphan_parts``), so the
evidence folder holds exactly the done chunks.

``errors.jsonl`` gets one line per problem: the input, the chunk, the source (a file or
a WARC record) and the message. Problems in the inputs themselves (a truncated
archive, a file that is not a document) belong to a chunk that is still done; a chunk
whose task failed (a worker died) is not marked done and is retried by the next run.
"""

from __future__ import annotations

import json
import os
from typing import Any

from sanctuary_tracker.batch.output import EVIDENCE_FOLDER

MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"


def done_chunks(out_dir: str) -> dict[str, dict[str, Any]]:
    """Chunk id -> its manifest entry, for chunks whose part file is still there."""
    done = {}
    for entry in _read_lines(os.path.join(out_dir, MANIFEST)):
        if not isinstance(entry, dict) or "chunk" not in entry or "part" not in entry:
            continue
        if os.path.exists(os.path.join(out_dir, entry["part"])):
            done[entry["chunk"]] = entry
    return done


def superseded(
    done: dict[str, dict[str, Any]], planned: dict[str, set[str]], fmt: str
) -> list[dict[str, Any]]:
    """Entries of ``done`` that a run planning ``planned`` (chunk id -> its paths) in
    format ``fmt`` replaces: chunks not in the plan that cover one of its paths, and
    chunks of the plan done in another format."""
    paths = set().union(*planned.values()) if planned else set()
    stale = []
    for chunk_id, entry in done.items():
        if chunk_id in planned:
            if not entry["part"].endswith("." + fmt):
                stale.append(entry)
        elif paths.intersection(entry.get("paths", ())):
            stale.append(entry)
    return stale


def orphan_parts(out_dir: str, done: dict[str, dict[str, Any]]) -> list[str]:
    """Part files (and temporary files) in the evidence folder that no done chunk names:
    left by a run stopped between writing a part and its manifest line."""
    folder = os.path.join(out_dir, EVIDENCE_FOLDER)
    if not os.path.isdir(folder):
        return []
    named = {entry["part"] for entry in done.values()}
    return [
        os.path.join(folder, name)
        for name in sorted(os.listdir(folder))
        if name.startswith("part-") and f"{EVIDENCE_FOLDER}/{name}" not in named
    ]


def record_done(out_dir: str, entry: dict[str, Any]) -> None:
    _append(os.path.join(out_dir, MANIFEST), entry)


def record_errors(out_dir: str, errors: list[dict[str, Any]]) -> None:
    if errors:
        _append(os.path.join(out_dir, ERRORS), *errors)


def read_errors(out_dir: str) -> list[dict[str, Any]]:
    return [e for e in _read_lines(os.path.join(out_dir, ERRORS)) if isinstance(e, dict)]


def _append(path: str, *entries: dict[str, Any]) -> None:
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    with open(path, "a", encoding="utf-8") as handle:
        if handle.tell() > 0 and not _ends_with_newline(path):
            text = "\n" + text  # after a line cut short by a crash
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _ends_with_newline(path: str) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _read_lines(path: str) -> list[Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return []
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue  # a line cut short by a crash
    return entries
