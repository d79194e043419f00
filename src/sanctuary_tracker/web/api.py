"""The JSON API under /api/ (django-ninja; OpenAPI at /api/openapi.json). Every answer is
one envelope: ``{"ok": true, "data": ..., "meta": {...}}`` or ``{"ok": false, "error":
{"code", "message", "details"}}``. Lists take ``page``/``per_page`` and the filters
``q``, ``state``, ``kind``, ``date``, ``definition``."""

from __future__ import annotations

import logging
from typing import Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from sanctuary_tracker.web import api_schemas as schemas
from sanctuary_tracker.web import exports, records, selectors
from sanctuary_tracker.web.api_schemas import Envelope, answer
from sanctuary_tracker.web.classification import (
    classifier,
    default_definition,
    definitions,
    labels,
    reference,
    today,
)
from sanctuary_tracker.web.mapdata import map_json
from sanctuary_tracker.web.params import (
    MAX_TEXT,
    PATTERN_PROBLEMS,
    SEARCH_PAGES,
    TEXT_PATTERN,
    ClassificationParams,
    DateParams,
    ListParams,
    MapParams,
    beyond_last,
    last_page,
    problem_line,
    too_long,
)
from sanctuary_tracker.web.profiles import profile
from sanctuary_tracker.web.search import search

log = logging.getLogger(__name__)
SEARCH_PAGE = 20

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


def ok(data: Any, meta: dict | None = None) -> dict[str, Any]:
    return {"ok": True, "data": data, "meta": meta}


def listing(request: HttpRequest, page: selectors.Page) -> dict[str, Any]:
    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{request.path}?{query.urlencode()}"

    past = beyond_last(page.page, page.total, page.per_page)
    if past:
        raise HttpError(404, past)
    last = last_page(page.total, page.per_page)
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


def _problem(request, found: dict) -> str:
    """One refused parameter as the pages say it: its name, its value, what is wrong."""
    where = found.get("loc") or ("request",)
    name, ctx = str(where[-1]), found.get("ctx") or {}
    if where[0] == "query":
        value = request.GET.get(name)
    else:
        value = (request.resolver_match.kwargs if request.resolver_match else {}).get(name)
    kind = found.get("type", "")
    if kind == "missing":
        return f"{name}: required"
    if kind == "string_pattern_mismatch":
        text = PATTERN_PROBLEMS.get(name, found["msg"])
    elif kind == "value_error":
        text = str(ctx.get("error", found["msg"]))
    elif kind == "string_too_long":
        text = too_long(ctx.get("max_length"))
    else:
        text = found["msg"]
    return problem_line(name, value, text) if isinstance(value, str) else f"{name}: {text}"


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    message = "; ".join(_problem(request, found) for found in exc.errors)
    return error(request, 422, "invalid", message or "the request is not valid", exc.errors)


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


@api.get(
    "/definitions",
    response=answer(list[schemas.Definition], "Definitions"),
    summary="Definitions of sanctuary",
)
def list_definitions(request):
    return ok([d.to_record() | {"file": None} for d in definitions().values()])


@api.get(
    "/lists",
    response=answer(list[schemas.Edition], "Editions"),
    summary="Official list editions shipped",
)
def list_editions(request):
    return ok([e.to_record() for e in reference().editions.values()])


@api.get(
    "/jurisdictions",
    response=answer(list[schemas.LabelledJurisdiction], "Jurisdictions"),
    summary="Jurisdictions (gazetteer)",
)
def list_jurisdictions(request, params: Query[ListParams]):
    rows = selectors.jurisdictions(params.filters())
    to_record = records.jurisdiction
    if params.definition:
        found = labels(params.definition, _date(params))

        def to_record(j):
            return records.jurisdiction(j) | {"label": found.get(j.geoid, "unknown")}

    return listing(request, selectors.paged(rows, params.page, params.per_page, to_record))


@api.get(
    "/jurisdictions/{path:key}",
    response=answer(schemas.Profile, "JurisdictionProfile"),
    summary="One jurisdiction's profile",
)
def get_jurisdiction(request, key: str, params: Query[DateParams]):
    return ok(profile(selectors.find_jurisdiction(key), _date(params)))


@api.get(
    "/classifications",
    response=answer(list[schemas.Classification], "Classifications"),
    summary="Labels under one definition",
)
def list_classifications(request, params: Query[ClassificationParams]):
    definition = params.definition or default_definition()
    when = _date(params)
    chosen = selectors.jurisdictions(params.filters())
    if params.label:  # the labels of every jurisdiction are cached; reasons only for a page
        found = labels(definition, when)
        chosen = [j for j in chosen if found.get(j.geoid, "unknown") == params.label]
    current, d = classifier(), definitions()[definition]

    def to_record(j):
        result = current.classify(j, d, when).to_record()
        return records.jurisdiction(j) | {"definition": definition, "date": when, **result}

    return listing(request, selectors.paged(chosen, params.page, params.per_page, to_record))


MAP_ANSWER = answer(schemas.MapData, "Map")


@api.get("/map", response=MAP_ANSWER, summary="Map data: labels of counties, states, places")
def get_map(request, params: Query[MapParams]):
    # Validated and rendered as ninja does, once per definition, date and data (2 ms).
    valid = MAP_ANSWER[200].model_validate

    def render(data) -> bytes:
        return api.renderer.render(request, valid(ok(data)).model_dump(), response_status=200)

    body = map_json(params.definition or default_definition(), _date(params), render)
    return HttpResponse(body, content_type=api.get_content_type())


@api.get("/documents", response=answer(list[schemas.Document], "Documents"), summary="Documents")
def list_documents(request, params: Query[ListParams]):
    qs = selectors.documents(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.document))


@api.get(
    "/documents/{pk}",
    response=answer(schemas.DocumentDetail, "DocumentWithEvidence"),
    summary="One document with its evidence",
)
def get_document(request, pk: int):
    from sanctuary_tracker.web.document_view import evidence_of

    d = selectors.document(pk)
    return ok(records.document(d, body=True) | evidence_of(d))


@api.get("/people", response=answer(list[schemas.Person], "People"), summary="People")
def list_people(request, params: Query[ListParams]):
    qs = selectors.people(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.person))


@api.get(
    "/people/{pk}",
    response=answer(schemas.PersonProfile, "PersonProfile"),
    summary="One person, roles and quotes",
)
def get_person(request, pk: int):
    from sanctuary_tracker.web.document_view import person_profile

    return ok(person_profile(selectors.person(pk)))


@api.get("/quotes", response=answer(list[schemas.Quote], "Quotes"), summary="Quotes")
def list_quotes(request, params: Query[ListParams]):
    qs = selectors.quotes(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.quote))


@api.get(
    "/amounts",
    response=answer(list[schemas.Amount], "Amounts"),
    summary="Sums of money documents name",
)
def list_amounts(request, params: Query[ListParams]):
    qs = selectors.amounts(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.amount))


@api.get(
    "/listings",
    response=answer(list[schemas.Listing], "Listings"),
    summary="Official list memberships",
)
def list_listings(request, params: Query[ListParams]):
    rows = selectors.listings(params.filters())
    return listing(request, selectors.paged(rows, params.page, params.per_page, dict))


@api.get(
    "/observations",
    response=answer(list[schemas.Observation], "Observations"),
    summary="Accepted observations (facts)",
)
def list_observations(request, params: Query[ListParams]):
    qs = selectors.observations(params.filters())
    return listing(request, selectors.paged(qs, params.page, params.per_page, records.observation))


@api.get(
    "/search",
    response=answer(list[schemas.SearchHit], "SearchHits"),
    summary="Full-text search of documents and quotes",
)
def search_text(
    request,
    q: str = Query(..., min_length=1, max_length=MAX_TEXT, pattern=TEXT_PATTERN),
    page: int = Query(1, ge=1, le=SEARCH_PAGES, description="beyond the last page: 404"),
):
    hits, total = search(q, page=page, per_page=SEARCH_PAGE)
    past = beyond_last(page, total, SEARCH_PAGE)
    if past:
        raise HttpError(404, past)
    return ok(hits, {"page": page, "per_page": SEARCH_PAGE, "total": total})


@api.get(
    "/exports/datasette.sqlite",
    response={200: None, 400: Envelope, 422: Envelope, 500: Envelope},
    summary="Everything as one SQLite file ready for Datasette",
)
def export_sqlite(request, params: Query[DateParams]):
    return exports.sqlite_response(_date(params))


Dataset = Literal["observations", "listings", "quotes"]
Format = Literal["csv", "json", "parquet", "geojson"]
EXPORT_ANSWERS = {200: None, 400: Envelope, 404: Envelope, 422: Envelope, 500: Envelope}


# Classifications apart: only they take ``full``, which the description can then state for
# them alone (a parameter of the shared path would be valid for every dataset).
@api.get(
    "/exports/classifications",
    response=EXPORT_ANSWERS,
    summary="Download each jurisdiction's label under a definition, with its reasons",
)
def export_classifications(
    request,
    params: Query[ListParams],
    format: Format = "csv",
    full: bool = Query(False, description="also the reasons not known"),
):
    return exports.response("classifications", format, params.filters(), full=full)


@api.get(
    "/exports/{dataset}",
    response=EXPORT_ANSWERS,
    summary="Download observations, listings or quotes",
)
def export(request, dataset: Dataset, params: Query[ListParams], format: Format = "csv"):
    # ``full`` is not theirs: asked all the same, it is refused with its reason, not ignored.
    return exports.response(dataset, format, params.filters(), full="full" in request.GET)
