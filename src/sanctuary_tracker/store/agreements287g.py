"""ICE's 287(g) sheets in the store: the shipped snapshot loaded by ``sanctuary init``, newer
sheets imported by ``sanctuary 287g import``, and the history computed from what is held.

A publication is held once, by its content hash: importing it again changes nothing, and
the history (sanctuary_tracker.agreements.history) is recomputed from every publication
held, so the order of imports does not matter. Each import writes an audit entry, which is
what the web caches follow.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sanctuary_tracker.agreements.history import History, build_history
from sanctuary_tracker.agreements.sheets import Publication, Row, SheetError, read_sheet
from sanctuary_tracker.classify.facts import Fact

_ROW_FIELDS = ("row", "state", "agency", "type", "county", "model", "signed", "signed_text")
_CACHE: dict = {"version": None, "history": None}
_LOCK = threading.Lock()


@dataclass
class ImportReport:
    new: int = 0
    held: int = 0
    rows: int = 0
    agreements_new: int = 0
    agreements_ended: int = 0
    unmatched: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"publications {self.new} new, {self.held} already held; rows {self.rows:,}; "
            f"agreements {self.agreements_new} new, {self.agreements_ended} ended; "
            f"unmatched {self.unmatched}; failed {len(self.failed)}"
        )


def store_publication(p: Publication, *, origin: str, user=None) -> bool:
    """Hold ``p`` (with its rows) unless a publication of the same content is held; True
    when it was new. An import (``user`` given) writes an audit entry in the same
    transaction."""
    from django.db import transaction

    from sanctuary_tracker.store import state
    from sanctuary_tracker.store.audit import record_change
    from sanctuary_tracker.store.models import AgreementPublication, AgreementRow

    sha = p.sha256
    with transaction.atomic():
        if AgreementPublication.objects.filter(sha256=sha).exists():
            return False
        held = AgreementPublication.objects.create(
            sha256=sha,
            file_name=p.file_name,
            kind=p.kind,
            published=dt.date.fromisoformat(p.published),
            half=p.half,
            row_count=len(p.rows),
            origin=origin,
            imported_at=dt.datetime.now(dt.UTC),
        )
        AgreementRow.objects.bulk_create(
            [
                AgreementRow(
                    publication=held,
                    row=r.row,
                    state=r.state,
                    agency=r.agency,
                    type=r.type,
                    county=r.county,
                    model=r.model,
                    signed=dt.date.fromisoformat(r.signed) if r.signed else None,
                    signed_text=r.signed_text,
                    moa=r.moa,
                    addendum=r.addendum,
                )
                for r in p.rows
            ],
            batch_size=2000,
        )
        if user is not None:
            record_change(
                user=user,
                action="import 287(g) sheet",
                table=AgreementPublication._meta.db_table,
                object_id=held.pk,
                before=None,
                after={
                    "file_name": p.file_name,
                    "kind": p.kind,
                    "published": p.published,
                    "sha256": sha,
                    "rows": len(p.rows),
                },
            )
        else:
            state.changed()  # (record_change raises it for an import)
    return True


def load_snapshot_publications() -> dict[str, int]:
    """``sanctuary init``: hold every publication of the shipped snapshot (by content hash,
    so a second run inserts nothing)."""
    from sanctuary_tracker.agreements.snapshot import SnapshotError, load_snapshot
    from sanctuary_tracker.store.errors import StoreError
    from sanctuary_tracker.store.models import AgreementPublication

    try:
        publications = load_snapshot().publications
    except SnapshotError as exc:
        raise StoreError(str(exc)) from exc
    held = set(AgreementPublication.objects.values_list("sha256", flat=True))
    inserted = sum(
        store_publication(p, origin="snapshot") for p in publications if p.sha256 not in held
    )
    return {"inserted": inserted, "updated": 0, "unchanged": len(publications) - inserted}


def held_publications() -> list[Publication]:
    """Every publication held, rebuilt from its rows."""
    from sanctuary_tracker.store.models import AgreementPublication, AgreementRow

    rows: dict[int, list[Row]] = {}
    query = AgreementRow.objects.order_by("publication_id", "row").values_list(
        "publication_id", *_ROW_FIELDS, "moa", "addendum"
    )
    for pub, *values in query.iterator(chunk_size=5000):
        signed = values[6]  # the date as ISO text, as a sheet gives it
        values[6] = signed.isoformat() if signed else None
        rows.setdefault(pub, []).append(Row(*values))
    return [
        Publication(p.file_name, p.kind, p.published.isoformat(), p.half, tuple(rows.get(p.pk, ())))
        for p in AgreementPublication.objects.order_by("id")
    ]


def publications_version() -> tuple:
    """Changes whenever a publication is added or removed."""
    from django.db.models import Count, Max

    from sanctuary_tracker.store.models import AgreementPublication

    found = AgreementPublication.objects.aggregate(n=Count("id"), last=Max("id"))
    return (found["n"], found["last"])


def store_history() -> History:
    """The history of every publication held (computed once per change to them)."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer

    version = publications_version()
    with _LOCK:
        if _CACHE["version"] != version or _CACHE["history"] is None:
            _CACHE.update(
                version=version, history=build_history(held_publications(), load_gazetteer())
            )
        return _CACHE["history"]


def current_history() -> History:
    """The store's history when it holds publications, else the shipped snapshot's."""
    from sanctuary_tracker.agreements.snapshot import load_snapshot

    if publications_version()[0]:
        return store_history()
    return load_snapshot()


def agreement_facts() -> list[Fact]:
    """The agreements as P10 facts: the store's when it holds any, else the snapshot's."""
    from sanctuary_tracker.agreements.facts import agreement_facts as facts_of
    from sanctuary_tracker.agreements.snapshot import snapshot_facts

    if publications_version()[0]:
        return facts_of(store_history().agreements, origin="store")
    return snapshot_facts()


def import_sheets(
    paths: Iterable[str],
    *,
    user,
    published: str | None = None,
    on_problem: Callable[[str], None] | None = None,
    on_file: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read and hold each sheet of ``paths``; a bad file is reported and skipped, nothing
    of it stored. The counts compare the history before and after."""
    report = ImportReport()
    before = {a.key: a for a in store_history().agreements}
    for count, path in enumerate(paths, start=1):
        try:
            p = read_sheet(path, published)
        except SheetError as exc:
            report.failed.append(str(exc))
            if on_problem:
                on_problem(str(exc))
            continue
        if store_publication(p, origin="import", user=user):
            report.new += 1
            report.rows += len(p.rows)
        else:
            report.held += 1
        if on_file:
            on_file(count)
    after = store_history()
    for a in after.agreements:
        old = before.get(a.key)
        report.agreements_new += old is None
        report.agreements_ended += a.ended is not None and (old is None or old.ended is None)
    report.unmatched = len(after.unmatched())
    return report
