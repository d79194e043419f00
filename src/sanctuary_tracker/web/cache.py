"""Whole API answers kept in memory per address, until the store's data changes (a load,
an entered or reviewed observation): a repeated GET costs a dictionary lookup, not a
profile built and serialised again. Only anonymous-safe answers are kept: GET, status
200, no cookie set, no Vary on Cookie, not a download."""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.http import HttpResponse

from sanctuary_tracker.web.classification import data_version

MAX_ENTRIES = 4096
MAX_BYTES = 2 * 1024 * 1024  # a larger answer is not kept
SKIPPED = ("/api/exports/",)


class ApiResponseCache:
    def __init__(self, get_response):
        self.get_response = get_response
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, request):
        if request.method != "GET" or not request.path.startswith("/api/"):
            return self.get_response(request)
        if request.path.startswith(SKIPPED):
            return self.get_response(request)
        gzip_ok = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        key = (request.get_full_path(), gzip_ok, data_version())
        with self.lock:
            held = self.entries.get(key)
            if held is not None:
                self.entries.move_to_end(key)
        if held is not None:
            content, headers = held
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if self._keepable(response):
            with self.lock:
                self.entries[key] = (response.content, list(response.items()))
                while len(self.entries) > MAX_ENTRIES:
                    self.entries.popitem(last=False)
        return response

    @staticmethod
    def _keepable(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "cookie" not in response.get("Vary", "").lower()
            and len(response.content) <= MAX_BYTES
        )
