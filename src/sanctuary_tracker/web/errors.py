"""Error pages: the API's envelope under /api/, a plain page elsewhere."""

from django.http import HttpResponse, JsonResponse


def _answer(request, status: int, code: str, message: str):
    if request.path.startswith("/api/"):
        body = {"ok": False, "data": None, "error": {"code": code, "message": message}}
        return JsonResponse(body, status=status)
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Sanctuary Tracker</title>"
        f'<link rel="stylesheet" href="/static/style.css"><main><h1>{status}</h1>'
        f'<p>{message}</p><p><a href="/">Back to the map</a></p></main></html>'
    )
    return HttpResponse(page, status=status)


def not_found(request, exception=None):
    return _answer(request, 404, "not_found", "Nothing is at this address.")


def server_error(request):
    return _answer(request, 500, "server_error", "The server failed on this request.")


def forbidden(request, exception=None):
    return _answer(request, 403, "forbidden", "This needs another sign-in or a form token.")


def bad_request(request, exception=None):
    return _answer(request, 400, "bad_request", "The request could not be read.")
