"""``sanctuary funding import``: award files into the store, in batches, with the summary.

Awards are inserted in batches of ``BATCH`` rows, each batch one transaction; an award key
already held (from an earlier run or another file) is left as it is and counted as held.
Memory stays flat: rows stream from the file and only the keys seen are kept."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from sanctuary_tracker.funding.awards import Award, Summary, read_awards
from sanctuary_tracker.funding.recipients import Matcher
from sanctuary_tracker.places.gazetteer import load_gazetteer

BATCH = 20_000


def import_files(
    paths: Iterable[str],
    fiscal_year: int | None = None,
    on_rows: Callable[[int], None] | None = None,
) -> Summary:
    """Read, match and store every award of ``paths``; the run's counts."""
    from django.db import transaction

    from sanctuary_tracker.store.models import AwardImport, Jurisdiction

    paths = list(paths)
    pks = dict(Jurisdiction.objects.values_list("geoid", "id"))
    run = AwardImport.objects.create(
        started_at=dt.datetime.now(dt.UTC), files="|".join(paths), summary="{}"
    )
    summary, seen, matcher = Summary(), set(), Matcher(load_gazetteer())
    held = 0
    for path in paths:
        batch: list[Award] = []
        for award in read_awards(path, matcher, summary, seen, fiscal_year):
            batch.append(award)
            if len(batch) >= BATCH:
                held += _store(batch, pks, run)
                if on_rows:
                    on_rows(summary.rows)
                batch = []
        if batch:
            held += _store(batch, pks, run)
        if on_rows:
            on_rows(summary.rows)
    summary.held = held
    with transaction.atomic():
        run.summary = json.dumps(summary.to_record())
        run.save(update_fields=["summary"])
    return summary


_COLUMNS = (
    "award_key",
    "recipient",
    "recipient_state",
    "jurisdiction_id",
    "program",
    "program_title",
    "fiscal_year",
    "amount",
    "joint_amount",
    "source_file",
    "source_row",
    "match_method",
    "match_confidence",
    "review",
    "imported_id",
)


def _store(batch: list[Award], pks: dict[str, int], run) -> int:
    """Insert a batch in one transaction, leaving award keys already held as they are;
    the number of those. (One multi-row statement per batch: the ORM's per-object work
    was most of the time of a million-row import.)"""
    from django.db import connection, transaction

    from sanctuary_tracker.store import state
    from sanctuary_tracker.store.models import Award as AwardRow

    table = AwardRow._meta.db_table
    names = ", ".join(_COLUMNS)
    # The driver's own cursor: Django's wrapper costs as much again per row here.
    mark = "?" if connection.vendor == "sqlite" else "%s"
    marks = ", ".join([mark] * len(_COLUMNS))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT (award_key) DO NOTHING"
    rows = [
        (
            a.key,
            a.recipient,
            a.state[:8],
            pks.get(a.jurisdiction_geoid) if a.jurisdiction_geoid else None,
            a.program,
            a.program_title,
            a.fiscal_year,
            str(a.amount),
            None if a.joint_amount is None else str(a.joint_amount),
            a.source_file,
            a.source_row,
            a.match_method,
            a.match_confidence,
            a.review,
            run.pk,
        )
        for a in batch
    ]
    with transaction.atomic():
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(sql, rows)
            inserted = cursor.rowcount
        finally:
            cursor.close()
        if inserted:
            state.changed()
    return len(rows) - inserted if inserted >= 0 else 0
