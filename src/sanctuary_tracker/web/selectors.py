"""Reads for the API, pages and exports: filtered, paginated store queries and the
gazetteer, returning plain records (``records``). No writes here (see ``store.review``)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from sanctuary_tracker.web import records
from sanctuary_tracker.web.classification import classifier, data_version, gazetteer, reference

MAX_PER_PAGE = 500


class NotFoundError(LookupError):
    """No record with that key."""


@dataclass(frozen=True)
class Filters:
    """The filters every list takes: state (postal code), kind, a name search ``q``, a
    date and a definition; each list applies the ones that mean something for it."""

    q: str | None = None
    state: str | None = None
    kind: str | None = None
    date: str | None = None
    definition: str | None = None


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


def _store_jurisdiction_filter(f: Filters, path: str) -> Q:
    q = Q()
    if f.state:
        q &= Q(**{f"{path}__state": f.state.upper()})
    if f.kind:
        q &= Q(**{f"{path}__kind": f.kind}) | Q(**{f"{path}__level": f.kind})
    return q


def documents(f: Filters):
    from sanctuary_tracker.store.models import Document

    qs = Document.objects.filter(copy_of__isnull=True)
    if f.state or f.kind:
        qs = qs.filter(
            pk__in=_mentioning(f).values("document_id"),
        )
    if f.q:
        qs = qs.filter(Q(title__icontains=f.q) | Q(source__icontains=f.q))
    if f.date:
        qs = qs.filter(Q(published__lte=f.date) | Q(published__isnull=True))
    return qs.order_by("-published", "id")


def _mentioning(f: Filters):
    from sanctuary_tracker.store.models import Mention

    return Mention.objects.filter(_store_jurisdiction_filter(f, "jurisdiction"))


def document(pk: int):
    from sanctuary_tracker.store.models import Document

    found = Document.objects.filter(pk=pk).first()
    if found is None:
        raise NotFoundError(f"no document {pk}")
    return found


def people(f: Filters):
    from sanctuary_tracker.store.models import Person

    qs = Person.objects.select_related("jurisdiction").filter(
        _store_jurisdiction_filter(f, "jurisdiction")
    )
    if f.q:
        qs = qs.filter(name__icontains=f.q)
    return qs.order_by("name", "id")


def person(pk: int):
    from sanctuary_tracker.store.models import Person

    found = Person.objects.select_related("jurisdiction").filter(pk=pk).first()
    if found is None:
        raise NotFoundError(f"no person {pk}")
    return found


def quotes(f: Filters, *, speaker: int | None = None, document_id: int | None = None):
    from sanctuary_tracker.store.models import Quote

    qs = Quote.objects.select_related("speaker__jurisdiction", "document", "span")
    if f.state or f.kind:
        qs = qs.filter(
            _store_jurisdiction_filter(f, "speaker__jurisdiction")
            | Q(document_id__in=_mentioning(f).values("document_id"))
        )
    if f.q:
        qs = qs.filter(Q(text__icontains=f.q) | Q(speaker__name__icontains=f.q))
    if f.date:
        qs = qs.filter(Q(document__published__lte=f.date) | Q(document__published__isnull=True))
    if speaker is not None:
        qs = qs.filter(speaker_id=speaker)
    if document_id is not None:
        qs = qs.filter(document_id=document_id)
    return qs.order_by("-document__published", "id")


def amounts(f: Filters, *, geoid: str | None = None):
    from sanctuary_tracker.store.models import Amount

    qs = Amount.objects.select_related("jurisdiction", "span").filter(
        _store_jurisdiction_filter(f, "jurisdiction")
    )
    if geoid:
        qs = qs.filter(jurisdiction__geoid=geoid)
    if f.q:
        qs = qs.filter(Q(text__icontains=f.q) | Q(refers_to__icontains=f.q))
    return qs.order_by("id")


def observations(f: Filters, *, statuses=("accepted",), geoid: str | None = None):
    """Observations; only accepted ones are facts (others need a signed-in user)."""
    from sanctuary_tracker.store.models import Observation

    qs = Observation.objects.select_related("jurisdiction", "provision", "span", "reviewer").filter(
        _store_jurisdiction_filter(f, "jurisdiction"), status__in=statuses
    )
    if geoid:
        qs = qs.filter(jurisdiction__geoid=geoid)
    if f.q:
        qs = qs.filter(Q(jurisdiction__name__icontains=f.q) | Q(citation__icontains=f.q))
    if f.date:
        qs = qs.filter(
            Q(effective_from__lte=f.date) | Q(effective_from__isnull=True),
            Q(effective_to__gt=f.date) | Q(effective_to__isnull=True),
        )
    return qs.order_by("jurisdiction__state", "jurisdiction__name", "provision__code", "id")


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
    from django.db.models import Count

    from sanctuary_tracker.store.models import Amount, Listing, Mention, Observation, Person, Role

    current = classifier()
    version = (data_version(), id(current))
    with _HELD_LOCK:
        if _HELD["version"] == version:
            return _HELD
    stored: dict[str, int] = {}
    for model in (Mention, Person, Role, Amount, Listing, Observation):
        rows = (
            model.objects.filter(jurisdiction__isnull=False)
            .values_list("jurisdiction__geoid")
            .annotate(n=Count("id"))
            .order_by()
        )
        for geoid, n in rows:
            stored[geoid] = stored.get(geoid, 0) + n
    counts = {geoid: len(facts) for geoid, facts in current.evidence.own.items() if facts}
    for geoid, n in stored.items():
        counts[geoid] = counts.get(geoid, 0) + n
    with _HELD_LOCK:
        _HELD.update(version=version, geoids=frozenset(stored), counts=counts)
        return _HELD


def listings(f: Filters, *, geoid: str | None = None, store: bool = True) -> list[dict[str, Any]]:
    """Official list memberships: the shipped editions' members and what documents say."""
    from sanctuary_tracker.store.models import Listing

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
    qs = Listing.objects.select_related("jurisdiction", "span").filter(
        _store_jurisdiction_filter(f, "jurisdiction")
    )
    if geoid:
        qs = qs.filter(jurisdiction__geoid=geoid)
    if f.q:
        qs = qs.filter(jurisdiction__name__icontains=f.q)
    rows += [records.listing(x) for x in qs.order_by("id")]
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
    from sanctuary_tracker.store.models import Document

    qs = Document.objects.filter(mentions__jurisdiction__geoid=geoid).distinct()
    return [records.document(d) for d in qs.order_by("-published", "id")[:200]]


def quotes_of(geoid: str) -> list[dict[str, Any]]:
    """What the jurisdiction's officials said: quotes by people tied to it."""
    from sanctuary_tracker.store.models import Quote

    qs = (
        Quote.objects.select_related("speaker__jurisdiction", "document", "span")
        .filter(
            Q(speaker__jurisdiction__geoid=geoid) | Q(speaker__roles__jurisdiction__geoid=geoid)
        )
        .distinct()
        .order_by("-document__published", "-direct", "id")
    )
    return [records.quote(q) for q in qs[:200]]
