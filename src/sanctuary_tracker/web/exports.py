"""The export downloads over HTTP: classifications, observations, listings and quotes as
CSV, JSON, Parquet or GeoJSON, and the whole store as one SQLite file ready for
Datasette. The rows are ``web.datasets``'s and the files ``publish``'s; here only the
response: its media type and the name it is saved as, ``sanctuary-<definition>-<date>.csv``
for the map's labels, ``sanctuary-<dataset>[-<state>]-<date>.<format>`` for the rest."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.http import FileResponse, HttpResponse
from ninja.errors import HttpError

from sanctuary_tracker.publish.formats import MEDIA
from sanctuary_tracker.web import selectors
from sanctuary_tracker.web.classification import default_definition, today
from sanctuary_tracker.web.datasets import full_problem, render, write_sqlite


def file_name(dataset: str, fmt: str, f: selectors.Filters, *, full: bool = False) -> str:
    """What the download is saved as: the definition (or dataset), the state when one was
    chosen, the date and the form, e.g. ``sanctuary-cis-2025-09-01.csv``."""
    if dataset == "classifications":
        first, date = f.definition or default_definition(), f.date or today()
    else:
        first, date = dataset, f.date
    parts = [first, f.state.lower() if f.state else None, date, "full" if full else None]
    return "-".join(["sanctuary", *(p for p in parts if p)]) + f".{fmt}"


def response(dataset: str, fmt: str, f: selectors.Filters, *, full: bool = False) -> HttpResponse:
    problem = full_problem(dataset, full)
    if problem:
        raise HttpError(422, problem)
    body = render(dataset, fmt, f, full=full)
    out = HttpResponse(body, content_type=MEDIA[fmt])
    name = file_name(dataset, fmt, f, full=full)
    out["Content-Disposition"] = f'attachment; filename="{name}"'
    return out


def sqlite_response(date: str) -> FileResponse:
    with tempfile.NamedTemporaryFile(suffix=".sqlite", delete=False) as handle:
        path = Path(handle.name)
    write_sqlite(path, date)
    stream = path.open("rb")
    path.unlink()  # the open handle keeps the data until the response is sent
    return FileResponse(stream, as_attachment=True, filename=f"sanctuary-{date}.sqlite")
