"""``sanctuary ingest`` and ``sanctuary load``: documents and evidence files into the store.

Both check every record before loading it and load each document in its own
transaction, so a failure or a kill keeps what was committed and nothing partial."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.store.loader import Loader
from sanctuary_tracker.store.lookups import Lookups
from sanctuary_tracker.store.validate import (
    CONTROL_ESCAPES,
    RecordError,
    check_record,
    check_text,
)

_COLLECT_EVERY = 1000  # records loaded between collections of the young generation


@dataclass
class RunReport:
    """What one ingest or load did: counts by outcome and the problems met."""

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    on_problem: Callable[[str], None] = lambda _: None

    def problem(self, text: str) -> None:
        self.problems.append(text)
        self.on_problem(text)

    def summary(self) -> str:
        c = self.counts
        text = (
            f"{c.get('inserted', 0)} inserted, {c.get('updated', 0)} updated, "
            f"{c.get('unchanged', 0)} unchanged"
        )
        if c.get("linked"):
            text += f" ({c['linked']} linked to a copy already held)"
        if self.problems:
            text += f"; {len(self.problems)} rejected"
        return text


def _check(lookups: Lookups, record: Any) -> dict[str, Any]:
    return check_record(
        record,
        known_ocd_id=lookups.by_ocd_id.__contains__,
        known_geoid=lookups.by_geoid.__contains__,
        codebook=lookups.codebook,
    )


def ingest_sources(
    sources: Iterable[str],
    *,
    user,
    allow_private: bool = False,
    on_problem: Callable[[str], None] = lambda _: None,
    on_document: Callable[[], None] = lambda: None,
    lookups: Lookups | None = None,
) -> RunReport:
    """Read, extract and load every document of ``sources`` (loading in a background
    process or thread: see ``store.background``)."""
    from sanctuary_tracker.store.background import background_loader

    lookups = lookups or Lookups.load()
    loader = background_loader(user=user, lookups=lookups, on_document=on_document)
    report = RunReport(on_problem=on_problem)
    problem = report.problem
    try:
        _read_and_extract(sources, allow_private, loader, lookups, problem)
    except BaseException:
        loader.abandon()
        raise
    report.counts = loader.close()
    for text in loader.failures:
        problem(text)
    return report


def _read_and_extract(sources, allow_private, loader, lookups, problem) -> None:
    """Read and extract each document here, check it, and hand it to the loader."""
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read import iter_documents

    for source in sources:
        try:
            for document in iter_documents(
                source, allow_private=allow_private, on_record_error=lambda e: problem(str(e))
            ):
                record = extract(document)
                checked = dict(record)
                checked["document"] = {
                    **record["document"],
                    "body": document.body,
                    "captions": document.captions,
                    "credits": document.credits,
                    "byline": document.byline,
                }
                try:
                    _check(lookups, checked)
                    check_text(checked)
                except RecordError as exc:
                    problem(f"{document.source}: evidence rejected: {exc}")
                    continue
                loader.put(record, document)
        except ReadError as exc:
            problem(str(exc))


def default_group() -> int:
    """Documents per commit for ``load``: 200 on SQLite (one writer per file, and a commit
    costs a write of every index page touched), 1 on PostgreSQL (where holding many new
    rows uncommitted would make concurrent loaders wait on each other)."""
    from django.db import connection

    return 200 if connection.vendor == "sqlite" else 1


def load_files(
    paths: Iterable[str],
    *,
    user,
    group: int | None = None,
    on_problem: Callable[[str], None] = lambda _: None,
    on_document: Callable[[], None] = lambda: None,
) -> RunReport:
    """Load evidence files: JSON Lines (as `sanctuary extract --format jsonl` writes), the
    Parquet parts of a batch run, or a batch output folder. A bad line is rejected as
    ``file:line: problem`` (``file:row N: problem`` in Parquet) and the others are still
    loaded. Each document is whole or absent (see ``Loader``)."""
    loader = Loader(
        user=user, group=default_group() if group is None else group, on_document=on_document
    )
    report = RunReport(on_problem=on_problem)
    # Records are trees of dicts and lists, freed by reference counting as soon as they
    # are stored. The automatic collector would walk the whole heap over and over while
    # they come and go (a fifth of a load's CPU); the young generation alone is
    # collected instead, every so many records.
    automatic = gc.isenabled()
    gc.disable()
    try:
        records = _checked_records(paths, loader.lookups, report.problem)
        for number, record in enumerate(records, start=1):
            loader.load(record)
            if number % _COLLECT_EVERY == 0:
                gc.collect(0)
    except BaseException:
        loader.close(failed=True)
        raise
    finally:
        if automatic:
            gc.enable()
    loader.close()
    report.counts = dict(loader.counts)
    for text in loader.failures:
        report.problem(text)
    return report


def _checked_records(
    paths: Iterable[str], lookups: Lookups, problem: Callable[[str], None]
) -> Iterator[dict[str, Any]]:
    """The valid records of the files, in order; each bad one reported as a problem."""
    for path in _parts(paths, problem):
        try:
            for where, record in _records(path):
                try:
                    record = record()
                    _check(lookups, record)
                except RecordError as exc:
                    problem(f"{path}:{where}: {exc}")
                    continue
                yield record
        except OSError as exc:
            problem(f"{path}: cannot read ({exc.strerror or exc})")
        except UnicodeDecodeError as exc:
            problem(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})")


def _parts(paths: Iterable[str], problem: Callable[[str], None]) -> Iterator[str]:
    """The files to read: each path, or the part files of a batch output folder."""
    for path in paths:
        if not Path(path).is_dir():
            yield path
            continue
        from sanctuary_tracker.batch.evidence_files import part_files

        parts = part_files(path)
        if not parts:
            problem(f"{path}: a folder without evidence parts (part-*.parquet or part-*.jsonl)")
        yield from parts


def _records(path: str) -> Iterator[tuple[str | int, Callable[[], Any]]]:
    """(where in the file, a function giving the record or raising RecordError)."""
    if path.endswith(".parquet"):
        from sanctuary_tracker.batch.evidence_files import iter_records

        try:
            for number, record in enumerate(iter_records(path), start=1):
                yield f"row {number}", lambda record=record: _texts_checked(record)
        except (ValueError, KeyError) as exc:  # pyarrow's errors for a broken file
            raise OSError(f"not a readable evidence Parquet file ({exc})") from exc
        return
    for number, line, last in _lines(path):
        yield number, lambda line=line, last=last: _parse(line, last)


def _lines(path: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, text, whether it is the last line and unterminated), blank lines skipped."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line, not line.endswith("\n")


def _parse(line: str, unterminated: bool) -> Any:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        if unterminated:
            raise RecordError("truncated last line (not complete JSON)") from exc
        raise RecordError(f"not JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError:
        raise RecordError("nested too deeply to be an evidence record") from None
    # JSON writes a control character only as an escape (a raw one is not JSON): the
    # walk through the record is needed only for a line holding one.
    return _texts_checked(record) if CONTROL_ESCAPES.search(line) else record


def _texts_checked(record: Any) -> Any:
    check_text(record)
    return record
