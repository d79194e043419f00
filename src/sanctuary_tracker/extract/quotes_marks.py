"""Where quotations are: pair quotation marks, paragraph by paragraph, in one linear pass.

- Curly marks say which way they face; a straight mark opens after a space, a bracket, a dash
  or a colon (or at the paragraph start) and closes otherwise.
- An opening mark inside an open quotation opens a quotation inside it ("quotes inside
  quotes"); only outermost quotations are returned.
- A quotation still open at the end of its paragraph runs on into the next paragraph when
  that one opens with a quotation mark (the news convention for a quote over several
  paragraphs); otherwise it ends at its last closing mark, or at the paragraph's end. Such a
  quotation keeps its paragraphs as `parts`, one passage each.
- Inside an open quotation, a straight mark after a comma or full stop and a space, with a
  lowercase word after it, closes it (a typist's stray space: ..., documented, "she said.).
- Single marks (apostrophes, mostly) are left alone."""

from __future__ import annotations

import re
from bisect import bisect_left
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
    parts: tuple[tuple[int, int], ...] = ()  # a run-on quotation's passage in each paragraph

    def passages(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of the quoted text in each paragraph it spans."""
        return self.parts or ((self.start, self.end),)


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


def _stray_close(text: str, pos: int, para_start: int) -> bool:
    """A straight mark typed with a space before it that still closes: `, "she said`."""
    if text[pos] != '"' or pos - 2 < para_start:
        return False
    after = text[pos + 1] if pos + 1 < len(text) else ""
    return text[pos - 1] == " " and text[pos - 2] in ",.!?" and after.islower()


def _lead(text: str, start: int, end: int) -> int:
    """Where the paragraph text[start:end] starts after its leading white space."""
    return start + (len(text[start:end]) - len(text[start:end].lstrip()))


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def quotation_spans(text: str) -> list[Span]:
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    marks = [m.start() for m in _MARK.finditer(text)]  # (one scan, not one per paragraph)
    spans: list[Span] = []
    depth = 0
    open_at = -1
    first_para = 0
    last_close: int | None = None
    parts: list[tuple[int, int]] = []  # passages of a run-on quotation's earlier paragraphs
    part_start = -1
    for index, (p_start, p_end) in enumerate(paragraphs):
        skip_first = depth > 0  # the run-on quotation's repeated opening mark
        lead = _lead(text, p_start, p_end) if skip_first else -1
        for pos in marks[bisect_left(marks, p_start) : bisect_left(marks, p_end)]:
            facing = _facing(text, pos, p_start)
            if skip_first and pos == lead and facing == "open":
                skip_first = False
                part_start = pos + 1
                continue
            skip_first = False
            if facing == "open" and depth == 1 and _stray_close(text, pos, p_start):
                facing = "close"
            if facing == "open":
                if depth == 0:
                    open_at, first_para, last_close = pos, p_start, None
                    parts, part_start = [], pos + 1
                depth += 1
            elif facing == "close" and depth > 0:
                depth -= 1
                last_close = pos
                if depth == 0:
                    spans.append(_span(open_at, pos, pos, first_para, p_end, parts, part_start))
        if depth > 0:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None:
                head = text[nxt[0] : nxt[1]].lstrip()
                if head[:1] in '“"«„':
                    parts.append((part_start, _trimmed_end(text, part_start, p_end)))
                    continue  # the quotation runs on
            if last_close is not None and last_close > max(open_at, part_start - 1):
                spans.append(
                    _span(open_at, last_close, last_close, first_para, p_end, parts, part_start)
                )
            else:
                end = _trimmed_end(text, open_at + 1, p_end)
                spans.append(_span(open_at, end, None, first_para, p_end, parts, part_start))
            depth = 0
    return [s for s in spans if s.end > s.start]


def _span(
    open_at: int,
    end: int,
    close: int | None,
    first_para: int,
    p_end: int,
    parts: list[tuple[int, int]],
    part_start: int,
) -> Span:
    passages: tuple[tuple[int, int], ...] = ()
    if parts:
        passages = tuple(p for p in [*parts, (part_start, end)] if p[1] > p[0])
    return Span(open_at + 1, end, open_at, close, first_para, p_end, passages)
