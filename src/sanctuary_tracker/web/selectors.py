"""Reads for the API, pages and exports: the gazetteer's jurisdictions filtered and
ranked, official lists, pages of records (``records``), and the store's reads
(``store.selectors``, named here too for the views). No writes here."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from sanctuary_tracker.store import selectors as store_reads
from sanctuary_tracker.store.selectors import (
    Filters,
    NotFoundError,
    amounts,
    document,
    documents,
    observations,
    people,
    person,
    quotes,
)
from sanctuary_tracker.web import records
from sanctuary_tracker.web.classification import classifier, data_version, gazetteer, reference

__all__ = [
    "Filters",
    "NotFoundError",
    "amounts",
    "document",
    "documents",
    "observations",
    "people",
    "person",
    "quotes",
]

MAX_PER_PAGE = 500


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int


def paged(items_or_qs, page: int, per_page: int, to_record) -> Page:
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    start = (page - 1) * per_page
    if isinstance(items_or_qs, list):
        total, chosen = len(items_or_qs), items_or_qs[start : start + per_page]
    else:
        total, chosen = items_or_qs.count(), list(items_or_qs[start : start + per_page])
    return Page([to_record(x) for x in chosen], total, page, per_page)


def find_jurisdiction(key: str):
    """A gazetteer jurisdiction by GEOID or OCD id."""
    g = gazetteer()
    try:
        return g.by_ocd_id(key) if key.startswith("ocd-division/") else g.by_geoid(key)
    except KeyError:
        raise NotFoundError(f"no jurisdiction has GEOID or OCD id {key!r}") from None


def jurisdictions(f: Filters) -> list:
    """Gazetteer jurisdictions matching the filters; with a name search, best first
    (``name_rank``)."""
    rows = gazetteer().in_state(f.state.upper()) if f.state else list(gazetteer())
    if f.kind or f.q:
        rows = [j for j in rows if _kind_and_name_match(j, f)]
    if f.q:
        rows.sort(key=name_rank(f.q))
    return rows


_LEVEL_RANK = {"state": 0, "county": 1, "local": 2}


def name_rank(q: str):
    """The order of a name search ("Cook County" puts Cook County, Illinois first): names
    with a word that starts with the text, then most evidence held (``evidence_counts``),
    then states, counties, places, then the larger (GeoNames population, see
    gazetteer.SOURCES.md), then by name and GEOID."""
    starts = re.compile(r"\b" + re.escape(q.strip().lower()))
    held = evidence_counts()

    def key(j) -> tuple:
        return (
            not starts.search(j.name.lower()),
            -held.get(j.geoid, 0),
            _LEVEL_RANK.get(j.level, len(_LEVEL_RANK)),
            -(j.population or 0),
            j.name,
            j.geoid,
        )

    return key


_HELD: dict = {"version": None, "geoids": frozenset(), "counts": {}}
_HELD_LOCK = threading.Lock()


def geoids_with_evidence() -> frozenset[str]:
    """GEOIDs of every jurisdiction the store holds anything about (mentions, people,
    roles, amounts, listings, observations), recomputed when the data changes."""
    return _held()["geoids"]


def evidence_counts() -> dict[str, int]:
    """GEOID -> how much bears on the jurisdiction: its own facts (shipped list
    memberships, state laws, sourced and accepted observations, 287(g) agreements) and
    the store's rows naming it (mentions, people, roles, amounts, listings, observations)."""
    return _held()["counts"]


def _held() -> dict:
    """What the store holds per jurisdiction, recomputed when the data changes."""
    current = classifier()
    version = (data_version(), id(current))
    with _HELD_LOCK:
        if _HELD["version"] == version:
            return _HELD
    stored = store_reads.rows_naming_jurisdictions()
    counts = {geoid: len(facts) for geoid, facts in current.evidence.own.items() if facts}
    for geoid, n in stored.items():
        counts[geoid] = counts.get(geoid, 0) + n
    with _HELD_LOCK:
        _HELD.update(version=version, geoids=frozenset(stored), counts=counts)
        return _HELD


def listings(f: Filters, *, geoid: str | None = None, store: bool = True) -> list[dict[str, Any]]:
    """Official list memberships: the shipped editions' members and what documents say."""
    g = gazetteer()
    rows = []
    for edition in reference().editions.values():
        if f.date and (
            edition.date > f.date or (edition.withdrawn and edition.withdrawn <= f.date)
        ):
            continue
        for member in edition.members:
            if geoid and member["geoid"] != geoid:
                continue
            j = g.by_geoid(member["geoid"])
            if not _matches(j, f):
                continue
            row = records.edition_member(edition, member)
            row["jurisdiction"]["kind"] = j.kind
            rows.append(row)
    if not store:
        return rows
    rows += [records.listing(x) for x in store_reads.listings(f, geoid=geoid)]
    return rows


def _matches(j, f: Filters) -> bool:
    if f.state and j.state != f.state.upper():
        return False
    return _kind_and_name_match(j, f)


def _kind_and_name_match(j, f: Filters) -> bool:
    if f.kind and f.kind not in (j.kind, records.record_kind(j), j.level):
        return False
    return not (f.q and f.q.strip().lower() not in j.name.lower())


def documents_mentioning(geoid: str) -> list[dict[str, Any]]:
    return [records.document(d) for d in store_reads.documents_mentioning(geoid)]


def quotes_of(geoid: str) -> list[dict[str, Any]]:
    """What the jurisdiction's officials said: quotes by people tied to it."""
    return [records.quote(q) for q in store_reads.quotes_of(geoid)]
