"""The JSON API under /api/ (django-ninja; OpenAPI at /api/openapi.json). Every answer is
one envelope: ``{"ok": true, "data": ..., "meta": {...}}`` or ``{"ok": false, "error":
{"code", "message", "details"}}``. Lists take ``page``/``per_page`` and the filters
``q``, ``state``, ``kind``, ``date``, ``definition``."""

from __future__ import annotations

import logging
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, ValidationError

from sanctuary_tracker.web import exports, records, selectors
from sanctuary_tracker.web.classification import (
    classifier,
    default_definition,
    definitions,
    labels,
    reference,
    today,
)
from sanctuary_tracker.web.mapdata import map_data
from sanctuary_tracker.web.params import (
    SEARCH_PAGES,
    TEXT_PATTERN,
    DateParams,
    ListParams,
    MapParams,
)
from sanctuary_tracker.web.profiles import profile
from sanctuary_tracker.web.search import search

log = logging.getLogger(__name__)

api = NinjaAPI(
    title="Sanctuary Tracker API",
    version="1",
    description=(
        "Jurisdictions, their status under each definition of 'sanctuary' with reasons, "
        "official lists, observations, documents, people, quotes and money, each with "
        "its source. Every answer is one envelope (ok, data, meta | error)."
    ),
    docs_url=None,
    urls_namespace="api",
)


class ErrorBody(Schema):
    code: str
    message: str
    details: list[Any] | None = None


class PageMeta(Schema):
    page: int
    per_page: int
    total: int
    next: str | None = None
    previous: str | None = None


class Envelope(Schema):
    ok: bool
    data: Any = None
    meta: PageMeta | dict[str, Any] | None = None
    error: ErrorBody | None = None


# Every status an operation can answer with: 400 for a request Django refuses before
# the API sees it (a host not served), 500 for a failure of ours, both in the envelope.
RESPONSES = {200: Envelope, 400: Envelope, 404: Envelope, 422: Envelope, 500: Envelope}


def ok(data: Any, meta: dict | None = None) -> dict[str, Any]:
    return {"ok": True, "data": data, "meta": meta}


def listing(request: HttpRequest, page: selectors.Page) -> dict[str, Any]:
    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{request.path}?{query.urlencode()}"

    last = (page.total + page.per_page - 1) // page.per_page
    meta = {
        "page": page.page,
        "per_page": page.per_page,
        "total": page.total,
        "next": link(page.page + 1) if page.page < last else None,
        "previous": link(page.page - 1) if page.page > 1 else None,
    }
    return ok(page.items, meta)


def error(request, status: int, code: str, message: str, details=None):
    body = {"ok": False, "data": None, "error": {"code": code, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    return api.create_response(request, body, status=status)


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return error(request, 422, "invalid", "the request's parameters are not valid", exc.errors)


@api.exception_handler(selectors.NotFoundError)
def _not_found(request, exc):
    return error(request, 404, "not_found", str(exc))


@api.exception_handler(Http404)
def _http_404(request, exc):
    return error(request, 404, "not_found", "no such resource")


@api.exception_handler(HttpError)
def _http_error(request, exc):
    code = {404: "not_found", 422: "invalid"}.get(exc.status_code, "error")
    return error(request, exc.status_code, code, str(exc))


@api.exception_handler(Exception)
def _server_error(request, exc):
    log.exception("API error on %s", request.path)
    return error(request, 500, "server_error", "the server failed on this request")


def _date(params: DateParams) -> str:
    return params.date or today()


@api.get("/definitions", response=RESPONSES, summary="Definitions of sanctuary")
def list_definitions(request):
    return ok([d.to_record() | {"file": None} for d in definitions().values()])


@api.get("/lists", response=RESPONSES, summary="Official list editions shipped")
def list_editions(request):
    return ok([e.to_record() for e in reference().editions.values()])


@api.get("/jurisdictions", response=RESPONSES, summary="Jurisdictions (gazetteer)")
def list_jurisdictions(request, params: Query[ListParams]):
    rows = selectors.jurisdictions(params.filters())
    to_record = records.jurisdiction
    if params.definition:
        found = labels(params.definition, _date(params))

        def to_record(j):
            return records.jurisdiction(j) | {"label": found.get(j.geoid, "unknown")}

    return listing(request, selectors.paged(rows, params.page, params.per_page, to_record))


@api.get("/jurisdictions/{path:key}", response=RESPONSES, summary="One jurisdiction's profile")
def get_jurisdiction(request, key: str, params: Query[DateParams]):
    return ok(profile(selectors.find_jurisdiction(key), _date(params)))


@api.get("/classifications", response=RESPONSES, summary="Labels under one definition")
def list_classifications(request, params: Query[ListParams]):
    definition = params.definition or default_definition()
    when = _date(params)
    chosen = selectors.jurisdictions(params.filters())
    current, d = classifier(), definitions()[definition]

    def to_record(j):
        result = current.classify(j, d, when).to_record()
        return records.jurisdiction(j) | {"definition": definition, "date": when, **result}

    return listing(request, selectors.paged(chosen, params.page, params.per_page, to_record))


@api.get("/map", response=RESPONSES, summary="Map data: labels of counties, states, places")
def get_map(request, params: Query[MapParams]):
    return ok(map_data(params.definition or default_definition(), _date(params)))


@api.get("/documents", response=RESPONSES, summary="Documents")
def list_documents(request, params: Query[ListParams]):
    qs = selectors.documents(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.document))


@api.get("/documents/{pk}", response=RESPONSES, summary="One document with its evidence")
def get_document(request, pk: int):
    from sanctuary_tracker.web.document_view import evidence_of

    d = selectors.document(pk)
    return ok(records.document(d, body=True) | evidence_of(d))


@api.get("/people", response=RESPONSES, summary="People")
def list_people(request, params: Query[ListParams]):
    qs = selectors.people(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.person))


@api.get("/people/{pk}", response=RESPONSES, summary="One person, roles and quotes")
def get_person(request, pk: int):
    from sanctuary_tracker.web.document_view import person_profile

    return ok(person_profile(selectors.person(pk)))


@api.get("/quotes", response=RESPONSES, summary="Quotes")
def list_quotes(request, params: Query[ListParams]):
    qs = selectors.quotes(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.quote))


@api.get("/amounts", response=RESPONSES, summary="Sums of money documents name")
def list_amounts(request, params: Query[ListParams]):
    qs = selectors.amounts(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.amount))


@api.get("/listings", response=RESPONSES, summary="Official list memberships")
def list_listings(request, params: Query[ListParams]):
    rows = selectors.listings(params.filters())
    return listing(request, selectors.paged(rows, params.page, params.per_page, dict))


@api.get("/observations", response=RESPONSES, summary="Accepted observations (facts)")
def list_observations(request, params: Query[ListParams]):
    qs = selectors.observations(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.observation))


@api.get("/search", response=RESPONSES, summary="Full-text search of documents and quotes")
def search_text(
    request,
    q: str = Query(..., min_length=1, max_length=200, pattern=TEXT_PATTERN),
    page: int = Query(1, ge=1, le=SEARCH_PAGES),
):
    hits, total = search(q, page=page, per_page=20)
    return ok(hits, {"page": page, "per_page": 20, "total": total})


@api.get(
    "/exports/datasette.sqlite",
    response={200: None, 400: Envelope, 422: Envelope, 500: Envelope},
    summary="Everything as one SQLite file ready for Datasette",
)
def export_sqlite(request, params: Query[DateParams]):
    return exports.sqlite_response(_date(params))


Dataset = Literal["classifications", "observations", "listings", "quotes"]
Format = Literal["csv", "json", "parquet", "geojson"]


@api.get(
    "/exports/{dataset}",
    response={200: None, 400: Envelope, 404: Envelope, 422: Envelope, 500: Envelope},
    summary="Download classifications, observations, listings or quotes",
)
def export(
    request,
    dataset: Dataset,
    params: Query[ListParams],
    format: Format = "csv",
    full: bool = Query(False, description="classifications: also the reasons not known"),
):
    return exports.response(dataset, format, params.filters(), full=full)
