"""Where quotations are: pair quotation marks, paragraph by paragraph, in one linear pass.

- Curly marks say which way they face; a straight mark opens after a space, a bracket, a dash
  or a colon (or at the paragraph start) and closes otherwise.
- An opening mark inside an open quotation opens a quotation inside it ("quotes inside
  quotes"); only outermost quotations are returned.
- A quotation still open at the end of its paragraph runs on into the next paragraph when
  that one opens with a quotation mark (the news convention for a quote over several
  paragraphs); otherwise it ends at its last closing mark, or at the paragraph's end.
- Single marks (apostrophes, mostly) are left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARK = re.compile(r"[\"“”„«»]")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN_BEFORE = " \t\u00a0([{—–-:/\u2014"


@dataclass
class Span:
    """An outermost quotation: the text between its marks (`start`, `end`), the marks'
    positions (`open`; `close` is None when the quotation runs to a paragraph's end)."""

    start: int
    end: int
    open: int
    close: int | None
    paragraph_start: int  # where the paragraph of the opening mark starts
    paragraph_end: int  # where the paragraph of the closing mark (or the end) ends


def _facing(text: str, pos: int, para_start: int) -> str | None:
    """ "open", "close" or None (a straight mark with space on both sides)."""
    ch = text[pos]
    if ch in "“„«":
        return "open"
    if ch in "”»":
        return "close"
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return None


def quotation_spans(text: str) -> list[Span]:
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    spans: list[Span] = []
    depth = 0
    open_at = -1
    first_para = 0
    last_close: int | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        lead = p_start + (len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip()))
        skip_first = depth > 0  # the run-on quotation's repeated opening mark
        for m in _MARK.finditer(text, p_start, p_end):
            pos = m.start()
            facing = _facing(text, pos, p_start)
            if skip_first and pos == lead and facing == "open":
                skip_first = False
                continue
            skip_first = False
            if facing == "open":
                if depth == 0:
                    open_at, first_para, last_close = pos, p_start, None
                depth += 1
            elif facing == "close" and depth > 0:
                depth -= 1
                last_close = pos
                if depth == 0:
                    spans.append(Span(open_at + 1, pos, open_at, pos, first_para, p_end))
        if depth > 0:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None:
                head = text[nxt[0] : nxt[1]].lstrip()
                if head[:1] in '“"«„':
                    continue  # the quotation runs on
            if last_close is not None and last_close > open_at:
                spans.append(Span(open_at + 1, last_close, open_at, last_close, first_para, p_end))
            else:
                end = p_end
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                spans.append(Span(open_at + 1, end, open_at, None, first_para, p_end))
            depth = 0
    return [s for s in spans if s.end > s.start]
