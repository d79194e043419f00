"""The public pages: map and table, jurisdiction, document, person, search. Each view
reads through ``selectors``/``profiles`` and renders a template (everything escaped)."""

from __future__ import annotations

import mimetypes
from importlib import resources

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from sanctuary_tracker.web import mapdata, records, selectors
from sanctuary_tracker.web.classification import (
    classifier,
    default_definition,
    definitions,
    labels,
    today,
)
from sanctuary_tracker.web.document_view import evidence_of, highlight, person_profile, spans
from sanctuary_tracker.web.params import (
    MAX_TEXT,
    PageQuery,
    beyond_last,
    checked_kind,
    checked_label,
    checked_state,
    checked_text,
    last_page,
)
from sanctuary_tracker.web.profiles import profile
from sanctuary_tracker.web.search import search
from sanctuary_tracker.web.verdict import plain

TABLE_PAGE = 100


def _pickers(definition: str, date: str) -> dict:
    return {
        "definitions": [d.to_record() for d in definitions().values()],
        "definition": definitions()[definition],
        "date": date,
    }


def _evidence_text(counts: dict[str, int]) -> str:
    """'38 yes, 39,247 no' for a definition's decided labels; 'no evidence' when none."""
    shown = [f"{n:,} {label}" for label, n in counts.items() if n]
    return ", ".join(shown) or "no evidence"


@require_GET
def map_page(request):
    """The map; a date or definition that is not valid gets a 400 page that says so
    (never another map in its place). Without a definition: the one with most evidence."""
    asked = PageQuery(request.GET)
    date = asked.date() or today()
    definition = asked.definition() or mapdata.default_definition_on(date)
    evidence = mapdata.evidence(date)
    context = {
        **_pickers(definition, date),
        "definitions": [
            {**d.to_record(), "evidence_text": _evidence_text(evidence[d.id])}
            for d in definitions().values()
        ],
        "problems": asked.problems,
        "labels": mapdata.LABELS,
    }
    if asked.problems:
        context["date"] = request.GET.get("date", "")[:40] or date
        return render(request, "web/map.html", context, status=400)
    context["svg"] = mark_safe(mapdata.SVG_SLOT)  # the SVG, every name escaped, goes in below
    context["counts"] = mapdata.counts(definition, date)
    response = render(request, "web/map.html", context)
    response.content = mapdata.with_svg(response.content, definition, date)
    return response


@require_GET
def table_page(request):
    """The table of labels with their first reason: filtered by state, kind, name and
    label, a page at a time. A filter that is not valid gets a 400 page saying which; a
    page past the last a 404 saying how many there are."""
    asked = PageQuery(request.GET)
    date = asked.date() or today()
    definition = asked.definition() or default_definition()
    state = asked.read("state", checked_state)
    kind = asked.read("kind", checked_kind)
    q = asked.read("q", checked_text)
    label = asked.read("label", checked_label)
    page = asked.page()
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        **_pickers(definition, date),
        "rows": [],
        "total": 0,
        "page": page,
        "pages": 1,
        "query": query.urlencode(),
        "state": request.GET.get("state", "")[:40],
        "kind": request.GET.get("kind", "")[:40],
        "q": request.GET.get("q", "")[:MAX_TEXT],
        "label": label or "",
        "labels": mapdata.LABELS,
        "problems": asked.problems,
    }
    if asked.problems:
        context["date"] = request.GET.get("date", "")[:40] or date
        return render(request, "web/table.html", context, status=400)
    chosen = selectors.jurisdictions(selectors.Filters(q, state, kind))
    if label:  # the whole map's labels are cached; reasons only for a page
        found = labels(definition, date)
        chosen = [j for j in chosen if found[j.geoid] == label]
    context["total"] = len(chosen)
    context["pages"] = last_page(len(chosen), TABLE_PAGE)
    past = beyond_last(page, len(chosen), TABLE_PAGE)
    if past:
        context["problems"] = [past]
        return render(request, "web/table.html", context, status=404)
    start = (page - 1) * TABLE_PAGE
    shown = classifier().classify_all(
        definitions()[definition], date, chosen[start : start + TABLE_PAGE]
    )
    context["rows"] = [
        {**records.jurisdiction(j), "label": c.label, "reason": _first_reason(c)} for j, c in shown
    ]
    return render(request, "web/table.html", context)


def _refused(request, problems: list[str], status: int = 400):
    """The page in the site's layout that says what was wrong with the request."""
    return render(
        request,
        "web/error.html",
        {"status": status, "title": "Not a request this page can answer", "problems": problems},
        status=status,
    )


def _found(lookup, key):
    """``lookup(key)``, or a 404 page when there is no such record."""
    try:
        return lookup(key)
    except selectors.NotFoundError:
        raise Http404("no such record") from None


def _first_reason(c) -> str:
    """The classification's first reason in words a reader can use (provision names, not
    codes), as the jurisdiction page words it."""
    return plain(c.reasons[0]["text"]) if c.reasons else ""


@require_GET
def jurisdiction_page(request, geoid: str):
    j = _found(selectors.find_jurisdiction, geoid)
    asked = PageQuery(request.GET)
    date = asked.date() or today()
    if asked.problems:
        return _refused(request, asked.problems)
    return render(request, "web/jurisdiction.html", {"p": profile(j, date), "date": date})


@require_GET
def document_page(request, pk: int):
    d = _found(selectors.document, pk)
    evidence = evidence_of(d)
    marked = spans(evidence)
    body_spans = [s for s in marked if s["field"] == "body"]
    title_spans = [s for s in marked if s["field"] == "title"]
    return render(
        request,
        "web/document.html",
        {
            "d": records.document(d, body=True),
            "original": d.copy_of_id,
            "title_html": mark_safe(highlight(d.title or "", title_spans)),  # escaped inside
            "body_html": mark_safe(highlight(d.body, body_spans)),  # escaped inside
            "evidence": evidence,
            "types": sorted({s["type"] for s in marked}),
        },
    )


@require_GET
def quote_page(request, pk: int):
    from sanctuary_tracker.store.models import Quote

    q = Quote.objects.filter(pk=pk).first()
    if q is None:
        raise Http404("no such quote")
    return HttpResponseRedirect(f"/document/{q.document_id}/#quote-{q.pk}")


@require_GET
def person_page(request, pk: int):
    p = _found(selectors.person, pk)
    return render(request, "web/person.html", {"p": person_profile(p)})


@require_GET
def search_page(request):
    asked = PageQuery(request.GET)
    q = asked.read("q", checked_text) or ""
    if asked.problems:
        shown = request.GET.get("q", "")[:MAX_TEXT]
        context = {"q": shown, "hits": [], "total": 0, "places": [], "problems": asked.problems}
        return render(request, "web/search.html", context, status=400)
    hits, total = search(q) if q else ([], 0)
    for hit in hits:
        hit["snippet"] = mark_safe(hit["snippet_html"])  # escaped in search._marked
    places = selectors.jurisdictions(selectors.Filters(q=q))[:10] if q else []
    return render(
        request,
        "web/search.html",
        {"q": q, "hits": hits, "total": total, "places": [records.jurisdiction(j) for j in places]},
    )


STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}


@require_GET
def static_file(request, name: str):
    """The app's own scripts, styles and map geometry (names are checked, not paths)."""
    if "/" in name or name.startswith(".") or not name.replace(".", "").replace("-", "").isalnum():
        raise Http404("no such file")
    asset = resources.files("sanctuary_tracker.web") / "static" / "web" / name
    if not asset.is_file():
        raise Http404("no such file")
    suffix = name[name.rfind(".") :]
    media = STATIC_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(asset.read_bytes(), content_type=media)
    response["Cache-Control"] = "public, max-age=3600"
    return response
