"""Whole answers kept in memory per address until the store's data changes (a load, an
entered or reviewed observation): a repeated GET costs a dictionary lookup, not a
profile or a 1 MB map built, rendered and compressed again.

Kept: API answers (they depend on nothing but the address), and the public pages when
asked without a session cookie (an anonymous visitor's page is the same for everyone);
only GETs with status 200 that set no cookie, and never downloads. The request's host is
checked against ALLOWED_HOSTS before the cache is consulted (a kept answer is never handed
to a host the site does not serve: Django's 400 comes first)."""

from __future__ import annotations

import threading

from cachetools import LRUCache
from django.conf import settings
from django.http import HttpResponse

from sanctuary_tracker.web.classification import data_version

MAX_BYTES = 2 * 1024 * 1024  # a larger answer is not kept
MAX_TOTAL = 128 * 1024 * 1024  # per worker process, addresses and headers counted
ENTRY_OVERHEAD = 1024  # what an entry costs beyond its address and body, about
PAGES = ("/", "/table/", "/jurisdiction/", "/document/", "/person/", "/search/")


def _cacheable(request) -> bool:
    if request.method != "GET":
        return False
    path = request.path
    if path.startswith("/api/"):
        return not path.startswith("/api/exports/")
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return path == "/" or any(path.startswith(p) for p in PAGES[1:])


def _size(entry) -> int:
    key_length, content, _ = entry
    return key_length + len(content) + ENTRY_OVERHEAD


class ResponseCache:
    def __init__(self, get_response):
        self.get_response = get_response
        self.entries: LRUCache = LRUCache(maxsize=MAX_TOTAL, getsizeof=_size)
        self.lock = threading.Lock()

    def __call__(self, request):
        # Raises DisallowedHost (a 400) for a host not served, as the view would have.
        request.get_host()
        if not _cacheable(request):
            return self.get_response(request)
        gzip_ok = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        key = (request.get_full_path(), gzip_ok, data_version())
        with self.lock:
            held = self.entries.get(key)
        if held is not None:
            _, content, headers = held
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if self._keepable(response):
            with self.lock:
                if key not in self.entries:
                    self.entries[key] = (len(key[0]), response.content, list(response.items()))
        return response

    @staticmethod
    def _keepable(response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and len(response.content) <= MAX_BYTES
        )
