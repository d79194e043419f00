"""287(g) agreements and pending requests over time, from any set of ICE publications.

An agreement is one agency's agreement of one support model with one signed date; a
re-signing with a new date is a new agreement of the same agency. It is listed from its
first publication to its last; it ``ended`` on the date of the first participating
publication after its last listing (it was removed between the two), else it is still in
force. Two publications at one moment (ICE once published two files under one name) count
as one moment: listed by either is listed then.

The result does not depend on the order publications come in: everything is sorted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sanctuary_tracker.agreements.match import AgencyMatch, RowMatcher
from sanctuary_tracker.agreements.sheets import Publication, Row
from sanctuary_tracker.places.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class Listing:
    """One sheet row that lists an agreement or a request."""

    file_name: str
    sha256: str
    published: str
    half: str
    row: int

    @property
    def moment(self) -> tuple[str, str]:
        return (self.published, self.half)


@dataclass(frozen=True, slots=True)
class Agreement:
    key: str
    state: str  # as ICE last listed it
    agency: str
    type: str
    county: str
    model: str  # JEM, TFM, WSO
    signed: str | None
    moa: str | None  # the MOA link last listed
    first_listed: str
    last_listed: str
    ended: str | None  # the first participating publication without it, after its last
    match: AgencyMatch
    listings: tuple[Listing, ...]
    rows: tuple[tuple[Listing, Row], ...] = ()  # every row as read, for the snapshot

    @property
    def first_listing(self) -> Listing:
        return self.listings[0]


@dataclass(frozen=True, slots=True)
class Request:
    """An agency's pending request for one model, as the pending sheets list it."""

    key: str
    state: str
    agency: str
    type: str
    county: str
    model: str
    first_listed: str
    last_listed: str
    until: str | None  # the first pending publication without it, after its last
    match: AgencyMatch
    listings: tuple[Listing, ...]
    rows: tuple[tuple[Listing, Row], ...] = ()


@dataclass(frozen=True, slots=True)
class History:
    publications: tuple[Publication, ...]
    agreements: tuple[Agreement, ...]
    requests: tuple[Request, ...]

    def unmatched(self) -> list[Agreement | Request]:
        return [a for a in (*self.agreements, *self.requests) if not a.match.matched]


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip(" .,").casefold()


def agreement_key(row: Row) -> str:
    return "|".join((_norm(row.state), _norm(row.agency), row.model, row.signed or row.signed_text))


def request_key(row: Row) -> str:
    return "|".join((_norm(row.state), _norm(row.agency), row.model))


def publication_order(p: Publication) -> tuple:
    return (p.published, p.half, p.kind, p.file_name, p.sha256)


def build_history(publications: Iterable[Publication], gazetteer: Gazetteer) -> History:
    """Agreements and requests from ``publications`` (each publication once, by sha256)."""
    unique = {p.sha256: p for p in publications}
    ordered = tuple(sorted(unique.values(), key=publication_order))
    matcher = RowMatcher(gazetteer)
    grouped: dict[str, dict[str, list[tuple[Listing, Row]]]] = {
        "participating": defaultdict(list),
        "pending": defaultdict(list),
    }
    moments: dict[str, list[tuple[str, str]]] = {}
    for kind in grouped:
        moments[kind] = sorted({p.moment for p in ordered if p.kind == kind})
    for p in ordered:
        sha = p.sha256
        for row in p.rows:
            key = agreement_key(row) if p.kind == "participating" else request_key(row)
            listing = Listing(p.file_name, sha, p.published, p.half, row.row)
            grouped[p.kind][key].append((listing, row))
    agreements = tuple(
        _agreement(key, found, moments["participating"], matcher)
        for key, found in sorted(grouped["participating"].items())
    )
    requests = tuple(
        _request(key, found, moments["pending"], matcher)
        for key, found in sorted(grouped["pending"].items())
    )
    return History(ordered, agreements, requests)


def _listed(found, moments) -> tuple[list, str, str, str | None]:
    found = sorted(found, key=lambda lr: (lr[0].moment, lr[0].file_name, lr[0].sha256, lr[0].row))
    first, last = found[0][0].moment, found[-1][0].moment
    later = [m for m in moments if m > last]
    return found, first[0], last[0], later[0][0] if later else None


def _match(found, matcher: RowMatcher) -> AgencyMatch:
    """The match of the latest reading that matches; else why the latest does not."""
    readings = []
    for _, row in reversed(found):
        reading = (row.state, row.agency, row.type, row.county)
        if reading not in readings:
            readings.append(reading)
    matches = [matcher.match(*r) for r in readings]
    return next((m for m in matches if m.matched), matches[0])


def _common(key, found, moments, matcher) -> tuple[dict, str | None]:
    """The fields agreements and requests share, and the date of the first later
    publication of their kind that no longer lists them."""
    found, first, last, gone = _listed(found, moments)
    latest = found[-1][1]
    fields = {
        "key": key,
        "state": latest.state,
        "agency": latest.agency,
        "type": latest.type,
        "county": latest.county,
        "model": latest.model,
        "first_listed": first,
        "last_listed": last,
        "match": _match(found, matcher),
        "listings": tuple(listing for listing, _ in found),
        "rows": tuple(found),
    }
    return fields, gone


def _agreement(key, found, moments, matcher) -> Agreement:
    fields, ended = _common(key, found, moments, matcher)
    rows = fields["rows"]
    moa = next((row.moa for _, row in reversed(rows) if row.moa), None)
    return Agreement(signed=rows[-1][1].signed, moa=moa, ended=ended, **fields)


def _request(key, found, moments, matcher) -> Request:
    fields, until = _common(key, found, moments, matcher)
    return Request(until=until, **fields)


def in_force(agreement: Agreement, date: str) -> bool:
    """Whether ICE's sheets put the agreement in force on ``date`` (from its signing, or its
    first listing when the date is unknown, to its removal)."""
    start = agreement.signed or agreement.first_listed
    return start <= date and (agreement.ended is None or date < agreement.ended)
