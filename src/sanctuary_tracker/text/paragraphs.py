"""Hard-wrapped text read as paragraphs: an e-mail, a press release or a page saved as text at
a fixed width breaks its sentences (and its quotations) across lines; each such paragraph is
put back on one line, so that whatever reads sentences, quotations and lists line by line
sees them whole.

A text is wrapped when nearly all its lines fit in a width of at most ``MAX_WIDTH`` columns
and many of them fill it. A line break is a wrap, not a paragraph's end, when the next line's
first word would not have fitted on the line before (the rule a wrapping program follows),
within a little slack for programs that wrap early. Texts whose paragraphs are single long
lines are left as they are. The paragraph is joined in place (the break made a space), so
spans found in the flowed text point into the text as it was read."""

from __future__ import annotations

import re
from itertools import pairwise

MAX_WIDTH = 120  # a text with many lines wider than this was not wrapped
MIN_WIDTH = 40  # nor one whose lines are all shorter than this (a list, a letterhead)
FULL_LINE = 0.85  # a line this close to the width is a full line of a wrapped paragraph
FULL_SHARE = 0.3  # the share of the lines of half the width or more that must be full
SLACK = 0.1  # a wrap may come this much of the width early
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)]*$")
# A dateline opens a story: "CHAMBERSBURG - ...", "PORTLAND, Maine (AP) — ...".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3}(?:[ \t]*\([^()\n]{1,24}\))?[ \t]+[-–—][ \t]"
)
_LIST_ITEM = re.compile(r"[-*•·‣◦]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s")


def wrap_width(lines: list[str]) -> int | None:
    """The width the text's lines were wrapped at, or None for a text that was not wrapped."""
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 4:
        return None
    narrow = [n for n in lengths if n <= MAX_WIDTH]
    if 10 * len(narrow) < 9 * len(lengths):
        return None  # paragraphs on long lines of their own (most texts: decided here)
    width = max(narrow)
    if width < MIN_WIDTH:
        return None
    full = sum(1 for n in narrow if n >= FULL_LINE * width)
    prose = sum(1 for n in narrow if 2 * n >= width)  # (headings and list items aside)
    if full < 3 or full < FULL_SHARE * prose:
        return None
    return width


def flowed(text: str) -> str:
    """``text`` with each line break inside a wrapped paragraph made a space: the same length,
    so every offset into it is an offset into ``text``; ``text`` itself when it was not
    wrapped."""
    if text.count("\n") < 3:
        return text  # (a title, a caption: no paragraph to join)
    lines = text.split("\n")
    width = wrap_width([line.strip() for line in lines])
    if width is None:
        return text
    out = list(text)
    position = -1
    for line, following in pairwise(lines):
        position += len(line) + 1  # the break after ``line``
        previous, line_after = line.strip(), following.strip()
        if previous and line_after and _wrapped(previous, line_after, width):
            out[position] = " "
    return "".join(out)


def _wrapped(previous: str, line: str, width: int) -> bool:
    """The break after ``previous`` was a wrap: ``line``'s first word would not have fitted
    (and ``line`` starts no list item and no dateline)."""
    if len(previous) > width or _LIST_ITEM.match(line) or _DATELINE.match(line):
        return False
    needed = len(previous) + 1 + len(line.split(maxsplit=1)[0])
    if _SENTENCE_END.search(previous):
        return needed > width  # a paragraph's last line may be long: no slack then
    return needed > (1 - SLACK) * width
