"""Reference lookups held in memory while loading: jurisdictions by OCD id, GEOID and
"Name, ST", and provisions by code. Built once per run (about 0.1 s for 39,000 rows)."""

from __future__ import annotations

from dataclasses import dataclass

from sanctuary_tracker.extract.codebook import Codebook, load_codebook


@dataclass
class Lookups:
    by_ocd_id: dict[str, int]
    by_geoid: dict[str, int]
    by_name: dict[str, int | None]  # None: a name two jurisdictions share
    provisions: dict[str, int]
    codebook: Codebook

    @classmethod
    def load(cls) -> Lookups:
        from sanctuary_tracker.store.models import Jurisdiction, Provision

        by_ocd, by_geoid, by_name = {}, {}, {}
        rows = Jurisdiction.objects.values_list(
            "id", "ocd_id", "geoid", "name", "state", "level", "alias_ids", "alias_geoids"
        )
        for pk, ocd_id, geoid, name, state, level, alias_ids, alias_geoids in rows.iterator(
            chunk_size=5000
        ):
            by_ocd[ocd_id] = by_geoid[geoid] = pk
            for alias in filter(None, alias_ids.split("|")):
                by_ocd.setdefault(alias, pk)
            for alias in filter(None, alias_geoids.split("|")):
                by_geoid.setdefault(alias, pk)
            key = name if level == "state" else f"{name}, {state}"
            by_name[key] = None if key in by_name else pk
        provisions = dict(Provision.objects.values_list("code", "id"))
        return cls(by_ocd, by_geoid, by_name, provisions, load_codebook())

    def named(self, text: str | None, in_record: dict[str, int]) -> int | None:
        """The jurisdiction a "Name, ST" string names: first among those the record
        resolved, else the one jurisdiction of that name, else None."""
        if not text:
            return None
        return in_record.get(text) or self.by_name.get(text)
