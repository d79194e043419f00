"""Error answers: the API's envelope under /api/, elsewhere a page in the site's layout
with the message in a box (web/error.html); and the page for an address too long for the
server to read (written by the server's worker, before Django sees the request)."""

from __future__ import annotations

import logging

from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from sanctuary_tracker.web.csp import POLICY

log = logging.getLogger(__name__)

TITLES = {
    400: "Not a request this site can read",
    403: "Not allowed",
    404: "Not found",
    405: "Not a method this address takes",
    414: "The address is too long",
    500: "Server error",
}


def error_page(status: int, message: str, request=None) -> str:
    """The HTML of an error page in the site's layout (plain, should the layout fail)."""
    context = {"status": status, "title": TITLES.get(status, "Error"), "problems": [message]}
    try:
        return render_to_string("web/error.html", context, request=request)
    except Exception:  # the page that reports a failure must not fail in turn
        log.exception("error page %s", status)
        return (
            "<!doctype html><html lang=en><meta charset=utf-8><title>Sanctuary Tracker</title>"
            f"<h1>{status}</h1><p>{message}</p><p><a href='/'>Back to the map</a></p></html>"
        )


def _answer(request, status: int, code: str, message: str):
    if request.path.startswith("/api/"):
        body = {"ok": False, "data": None, "error": {"code": code, "message": message}}
        return JsonResponse(body, status=status)
    return HttpResponse(error_page(status, message, request), status=status)


def not_found(request, exception=None):
    return _answer(request, 404, "not_found", f"Nothing is at this address ({request.path[:80]}).")


def server_error(request):
    return _answer(request, 500, "server_error", "The server failed on this request.")


def forbidden(request, exception=None):
    return _answer(request, 403, "forbidden", "This needs another sign-in or a form token.")


def not_allowed(request, allowed: str):
    message = f"{request.method[:20]} is not taken here: this address takes {allowed}."
    return _answer(request, 405, "method_not_allowed", message)


def csrf_failure(request, reason=""):
    """Django's CSRF_FAILURE_VIEW: a form sent without its token or from another site."""
    message = (
        "The form could not be checked (its token is missing or stale, or it came from "
        "another site): reload the page and send it again."
    )
    return _answer(request, 403, "forbidden", message)


def bad_request(request, exception=None):
    return _answer(request, 400, "bad_request", "The request could not be read.")


def too_long(limit: int) -> bytes:
    """A whole HTTP answer (status line, headers, page) for a request line longer than
    the ``limit`` bytes the server reads."""
    message = (
        f"The address is too long for this server to read: a request line (method, address "
        f"with its query, HTTP version) has at most {limit:,} bytes. Shorten the query; a "
        "search or a name filter takes at most 200 characters."
    )
    body = error_page(414, message).encode()
    head = (
        "HTTP/1.1 414 URI Too Long\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        f"Content-Security-Policy: {POLICY}\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body
