"""The document highlighter (pure function): text comes back whole and escaped, the only
markup is its own <mark> and <a>, and every span's text is marked with its type."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from sanctuary_tracker.web.document_view import highlight

OURS = re.compile(r'</?mark[^>]*>|<a href="[^"<>]*">|</a>')


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet="ab <>&\"'=x", max_size=60))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        kind = draw(st.sampled_from(["place", "person", "quote", "amount"]))
        link = draw(st.sampled_from([None, "/person/1/", "/jurisdiction/2513205/"]))
        spans.append({"start": start, "end": end, "type": kind, "label": kind, "link": link})
    return text, spans


@given(text_and_spans())
def test_text_comes_back_whole_with_only_our_markup(case):
    text, spans = case
    out = highlight(text, spans)
    stripped = OURS.sub("", out)
    assert "<" not in stripped and ">" not in stripped
    assert html.unescape(stripped) == text


def test_each_span_is_marked_with_its_type_and_link():
    text = 'Chelsea <script>x</script> manager "Tom" said'
    spans = [
        {"start": 0, "end": 7, "type": "place", "label": "Chelsea, MA", "link": "/j/1/"},
        {"start": 35, "end": 40, "type": "quote", "label": "quote", "link": None},
        {"start": 36, "end": 39, "type": "person", "label": "Tom", "link": "/p/2/"},
    ]
    out = highlight(text, spans)
    assert '<a href="/j/1/"><mark class="t-place" title="Chelsea, MA">Chelsea</mark></a>' in out
    assert '<a href="/p/2/"><mark class="t-person t-quote" title="Tom; quote">Tom</mark></a>' in out
    assert "&lt;script&gt;" in out and "<script>" not in out
