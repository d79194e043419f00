"""The search the pages and the API answer: the store's full-text index
(``store.search_index``) as hits with escaped snippets and the page of each."""

from __future__ import annotations

from html import escape
from typing import Any

from sanctuary_tracker.store import search_index
from sanctuary_tracker.store.search_index import START, STOP

_URLS = {"document": "/document/{}/", "quote": "/quote/{}/", "person": "/person/{}/"}


def _marked(snippet: str) -> str:
    """Escape a snippet, then turn the markers into <mark> (the only markup it gets)."""
    return escape(snippet).replace(START, "<mark>").replace(STOP, "</mark>")


def search(text: str, *, page: int = 1, per_page: int = 20) -> tuple[list[dict[str, Any]], int]:
    """Documents, quotes and people matching ``text``, best first: kind, id, title,
    snippet (escaped HTML with <mark>), and the page it is on. Also the total."""
    rows, total = search_index.search(text, page=page, per_page=per_page)
    hits = [
        {
            "kind": kind,
            "id": ref,
            "title": title,
            "snippet_html": _marked(snippet),
            "url": _URLS[kind].format(ref),
        }
        for kind, ref, title, snippet in rows
    ]
    return hits, total
