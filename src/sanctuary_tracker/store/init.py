"""``sanctuary init``: create or migrate the database, then load the gazetteer, the
codebook and the role groups. Idempotent: a second run changes nothing and says so."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sanctuary_tracker.store.errors import StoreError

JURISDICTION_FIELDS = (
    "geoid",
    "name",
    "legal_name",
    "kind",
    "level",
    "state",
    "county_geoid",
    "population",
    "variants",
    "alias_ids",
    "alias_geoids",
)


@dataclass
class InitReport:
    migrations: int
    jurisdictions: dict[str, int]
    provisions: dict[str, int]
    agreement_publications: dict[str, int] = field(default_factory=dict)


def init_store() -> InitReport:
    """Migrate and load the reference data; counts of what was inserted/updated/unchanged."""
    from django.core.management import call_command
    from django.db import transaction
    from django.db.migrations.executor import MigrationExecutor

    from sanctuary_tracker.store import state
    from sanctuary_tracker.store.agreements287g import load_snapshot_publications
    from sanctuary_tracker.store.db import connection_for_messages
    from sanctuary_tracker.store.users import ensure_groups

    with connection_for_messages() as connection:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        call_command("migrate", verbosity=0, interactive=False)
    with transaction.atomic():
        ensure_groups()
        jurisdictions = load_jurisdictions()
        provisions = load_provisions()
        publications = load_snapshot_publications()
        if any(counts["inserted"] or counts["updated"] for counts in (jurisdictions, provisions)):
            state.changed()
    return InitReport(len(pending), jurisdictions, provisions, publications)


def _jurisdiction_row(j) -> dict:
    return {
        "geoid": j.geoid,
        "name": j.name,
        "legal_name": j.legal_name,
        "kind": j.kind,
        "level": j.level,
        "state": j.state,
        "county_geoid": j.county_geoid,
        "population": j.population,
        "variants": "|".join(j.variants),
        "alias_ids": "|".join(j.alias_ids),
        "alias_geoids": "|".join(j.alias_geoids),
    }


def load_jurisdictions() -> dict[str, int]:
    """Upsert every gazetteer row by OCD id, in bulk."""
    from sanctuary_tracker.places.gazetteer import load_gazetteer
    from sanctuary_tracker.store.models import Jurisdiction

    wanted = {j.ocd_id: _jurisdiction_row(j) for j in load_gazetteer()}
    held = {
        row[0]: dict(zip(JURISDICTION_FIELDS, row[2:], strict=True)) | {"id": row[1]}
        for row in Jurisdiction.objects.values_list("ocd_id", "id", *JURISDICTION_FIELDS)
    }
    new = [Jurisdiction(ocd_id=o, **row) for o, row in wanted.items() if o not in held]
    changed = []
    for ocd_id, row in wanted.items():
        old = held.get(ocd_id)
        if old and any(old[k] != v for k, v in row.items()):
            changed.append(Jurisdiction(id=old["id"], ocd_id=ocd_id, **row))
    Jurisdiction.objects.bulk_create(new, batch_size=2000)
    if changed:
        Jurisdiction.objects.bulk_update(changed, list(JURISDICTION_FIELDS), batch_size=1000)
        _reindex_people_of([j.id for j in changed])
    return _counts(len(new), len(changed), len(wanted))


def _reindex_people_of(jurisdictions: list[int]) -> None:
    """The search index's people tied to renamed jurisdictions (found by those names)."""
    from django.db import connection

    from sanctuary_tracker.store import search_index

    with connection.cursor() as cursor:
        search_index.reindex(
            cursor.execute, connection.vendor, "person", "jurisdiction", jurisdictions
        )


def load_provisions() -> dict[str, int]:
    """Upsert the shipped codebook's provisions by id (P01 ...)."""
    from sanctuary_tracker.extract.codebook import CodebookError, load_codebook
    from sanctuary_tracker.store.models import Provision

    try:
        codebook = load_codebook()
    except CodebookError as exc:
        raise StoreError(str(exc)) from exc
    inserted = updated = 0
    for p in codebook.provisions.values():
        row = {
            "name": p.name,
            "value_type": p.value_type,
            "allowed_values": json.dumps(list(p.allowed_values)),
            "basis": p.basis,
            "codebook_version": codebook.version,
        }
        held = Provision.objects.filter(code=p.id).first()
        if held is None:
            Provision.objects.create(code=p.id, **row)
            inserted += 1
        elif any(getattr(held, k) != v for k, v in row.items()):
            Provision.objects.filter(pk=held.pk).update(**row)
            updated += 1
    return _counts(inserted, updated, len(codebook.provisions))


def _counts(inserted: int, updated: int, total: int) -> dict[str, int]:
    return {"inserted": inserted, "updated": updated, "unchanged": total - inserted - updated}
