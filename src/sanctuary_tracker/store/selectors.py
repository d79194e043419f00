"""The store's reads: its records filtered and ordered (querysets of ``store.models``),
one record by key, what one document or person holds, and how many rows name each
jurisdiction. No writes here (see ``store.loader`` and ``store.review``); the web app and
the CLI present what these return."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q


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


def _jurisdiction_filter(f: Filters, path: str) -> Q:
    q = Q()
    if f.state:
        q &= Q(**{f"{path}__state": f.state.upper()})
    if f.kind:
        q &= Q(**{f"{path}__kind": f.kind}) | Q(**{f"{path}__level": f.kind})
    return q


def _mentioning(f: Filters):
    from sanctuary_tracker.store.models import Mention

    return Mention.objects.filter(_jurisdiction_filter(f, "jurisdiction"))


def documents(f: Filters):
    """Original documents (not copies), newest first."""
    from sanctuary_tracker.store.models import Document

    qs = Document.objects.filter(copy_of__isnull=True)
    if f.state or f.kind:
        qs = qs.filter(pk__in=_mentioning(f).values("document_id"))
    if f.q:
        qs = qs.filter(Q(title__icontains=f.q) | Q(source__icontains=f.q))
    if f.date:
        qs = qs.filter(Q(published__lte=f.date) | Q(published__isnull=True))
    return qs.order_by("-published", "id")


def document(pk: int):
    from sanctuary_tracker.store.models import Document

    found = Document.objects.filter(pk=pk).first()
    if found is None:
        raise NotFoundError(f"no document {pk}")
    return found


def people(f: Filters):
    from sanctuary_tracker.store.models import Person

    qs = Person.objects.select_related("jurisdiction").filter(
        _jurisdiction_filter(f, "jurisdiction")
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
            _jurisdiction_filter(f, "speaker__jurisdiction")
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


def _of_jurisdictions(model, f: Filters, geoid: str | None):
    """``model``'s rows (with their jurisdiction and span) of the jurisdictions the
    filters pick, or of the one ``geoid``."""
    qs = model.objects.select_related("jurisdiction", "span").filter(
        _jurisdiction_filter(f, "jurisdiction")
    )
    return qs.filter(jurisdiction__geoid=geoid) if geoid else qs


def amounts(f: Filters, *, geoid: str | None = None):
    from sanctuary_tracker.store.models import Amount

    qs = _of_jurisdictions(Amount, f, geoid)
    if f.q:
        qs = qs.filter(Q(text__icontains=f.q) | Q(refers_to__icontains=f.q))
    return qs.order_by("id")


def observations(f: Filters, *, statuses=("accepted",), geoid: str | None = None):
    """Observations; only accepted ones are facts (others need a signed-in user)."""
    from sanctuary_tracker.store.models import Observation

    qs = Observation.objects.select_related("jurisdiction", "provision", "span", "reviewer").filter(
        _jurisdiction_filter(f, "jurisdiction"), status__in=statuses
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


def review_queue(
    *, status: str | None = None, ocd_id: str | None = None, provision: str | None = None
):
    """Observations in any state of review, oldest first, with who coded and reviewed
    them (``sanctuary review list``)."""
    from sanctuary_tracker.store.models import Observation

    rows = Observation.objects.select_related("jurisdiction", "provision", "coder", "reviewer")
    if status:
        rows = rows.filter(status=status)
    if ocd_id:
        rows = rows.filter(jurisdiction__ocd_id=ocd_id)
    if provision:
        rows = rows.filter(provision__code=provision)
    return rows.order_by("id")


def listings(f: Filters, *, geoid: str | None = None):
    """What documents say of official lists (the shipped editions are not the store's)."""
    from sanctuary_tracker.store.models import Listing

    qs = _of_jurisdictions(Listing, f, geoid)
    if f.q:
        qs = qs.filter(jurisdiction__name__icontains=f.q)
    return qs.order_by("id")


def rows_naming_jurisdictions() -> dict[str, int]:
    """GEOID -> how many of the store's rows name the jurisdiction (mentions, people,
    roles, amounts, listings, observations)."""
    from sanctuary_tracker.store.models import Amount, Listing, Mention, Observation, Person, Role

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
    return stored


def documents_mentioning(geoid: str, limit: int = 200) -> list:
    """The documents that mention the jurisdiction, newest first."""
    from sanctuary_tracker.store.models import Document

    qs = Document.objects.filter(mentions__jurisdiction__geoid=geoid).distinct()
    return list(qs.order_by("-published", "id")[:limit])


def quotes_of(geoid: str, limit: int = 200) -> list:
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
    return list(qs[:limit])


def document_evidence(d) -> dict:
    """Every row read from document ``d`` (an original; a copy has its original's), by
    table, each in the order it was stored."""
    from sanctuary_tracker.store.models import Amount, Listing, Mention, Observation, Quote, Role

    source = d.copy_of if d.copy_of_id else d
    related = {
        "mentions": (Mention, ("jurisdiction", "span")),
        "people": (Role, ("person", "span", "jurisdiction")),
        "quotes": (Quote, ("span", "speaker__jurisdiction", "document")),
        "amounts": (Amount, ("span", "jurisdiction")),
        "listings": (Listing, ("span", "jurisdiction")),
        "observations": (Observation, ("span", "jurisdiction", "provision")),
    }
    return {
        name: model.objects.filter(document=source).select_related(*joined).order_by("id")
        for name, (model, joined) in related.items()
    }


def person_roles(p):
    """The titles ``p`` is given, oldest document first."""
    from sanctuary_tracker.store.models import Role

    roles = Role.objects.filter(person=p).select_related("document", "jurisdiction")
    return roles.order_by("document__published", "id")


def person_quotes(p):
    """What ``p`` said, newest document first."""
    from sanctuary_tracker.store.models import Quote

    quotes = Quote.objects.filter(speaker=p).select_related(
        "span", "document", "speaker__jurisdiction"
    )
    return quotes.order_by("-document__published", "id")
