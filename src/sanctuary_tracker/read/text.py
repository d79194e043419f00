"""Plain text, often a web page saved as text: strip page furniture, find the headline,
byline, date, publisher and syndication notice, and keep photo credits and captions apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sanctuary_tracker.document import Document
from sanctuary_tracker.read import furniture as f
from sanctuary_tracker.read.dates import find_date
from sanctuary_tracker.read.outlets import is_wire_service, same_outlet
from sanctuary_tracker.read.publisher import (
    byline_outlet,
    lead_source,
    letterhead,
    newsroom_addressed,
    retold_from,
)
from sanctuary_tracker.read.syndication import (
    channel_outlet,
    copyright_holder,
    dateline_outlet,
    find_original_publisher,
    self_reference,
    staff_credit_outlet,
)
from sanctuary_tracker.text.paragraphs import flowed

_DATE_LABEL = re.compile(r"^\W*(?:date|published|posted|updated|first published)\b", re.I)
LEAD_LINES = 6  # where a story's headline, byline, date and dateline stand


@dataclass
class CleanText:
    """A text's body and what was taken out of it, with what it told."""

    body: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    publisher: str | None = None
    original_publisher: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


def read_text(text: str, *, source: str) -> Document:
    clean = clean_text(text)
    return Document(
        source=source,
        media_type="text/plain",
        body=clean.body,
        title=clean.title,
        published=clean.published,
        publisher=clean.publisher,
        original_publisher=clean.original_publisher,
        byline=clean.byline,
        captions=clean.captions,
        credits=clean.credits,
    )


def clean_text(text: str) -> CleanText:
    """Split ``text`` into body and furniture.

    The body keeps only lines of the input (stripped of surrounding white space),
    in order, with runs of blank lines folded into one; cleaning a body again
    changes nothing.
    """
    lines = _fold_blanks([line.strip() for line in text.splitlines()])
    result = CleanText(body="")
    # (a hard-wrapped headline or paragraph is read as one line: text.paragraphs)
    lead = [line for line in flowed("\n".join(lines)).split("\n") if line][:LEAD_LINES]
    result.published = _lead_date(lead)
    dateline = next(filter(None, map(dateline_outlet, lead)), None)
    # A feed mirror's channel label says whose feed the copy came from.
    channel = next(filter(None, map(channel_outlet, lead)), None)
    # A lead that credits another outlet says the text is a copy of that outlet's story.
    copied = next(filter(None, map(lead_source, lead)), None)
    byline = byline_outlet(lead)
    if byline:
        result.byline = result.byline or byline[0]
    result.original_publisher = (
        dateline or channel or copied or (byline and byline[1]) or retold_from(lead)
    )
    while True:  # each pass only removes lines, so this ends; real pages settle in two
        removed = _one_pass(lines, result)
        if not removed:
            break
        lines = _fold_blanks([line for i, line in enumerate(lines) if i not in removed])
    result.body = "\n".join(lines)
    result.title = _title(lines)
    if not result.publisher:
        # No copyright line names who put the text out: the newsroom the text credits
        # itself to is the best the text offers (its dateline, its request for comment,
        # its staff photographer's credit). A syndication notice or a byline over another
        # outlet's name says the text is a copy, so those never stand in.
        # A wire service's dateline names who wrote the story, not the paper that prints it.
        credits = (staff_credit_outlet(c) for c in result.credits)
        result.publisher = (
            (None if is_wire_service(dateline) else dateline)
            or _own_newsroom(result)
            or letterhead(result.body)
            or next(filter(None, credits), None)
        )
    return result


def _own_newsroom(result: CleanText) -> str | None:
    """The newsroom a story speaks of as itself (asking for comment, being told things),
    unless that is the outlet the text says it was copied from."""
    body = flowed(result.body)  # (a hard-wrapped sentence read whole)
    own = self_reference(body) or newsroom_addressed(body)
    copied = result.original_publisher
    if own and copied and same_outlet(own, copied):
        return None
    return own


def _one_pass(lines: list[str], result: CleanText) -> set[int]:
    """Indexes of lines to remove, recording credits, captions and notices in ``result``."""
    removed: set[int] = set()
    for i, line in enumerate(lines):
        if not line:
            continue
        if f.is_furniture(line):
            removed.add(i)
            result.furniture.append(line)
            _note_notice(line, result)
        elif f.is_credit(line):
            removed.add(i)
            result.credits.append(line)
    blocks = _blocks(lines)
    removed |= _chrome_blocks(lines, blocks, removed, result)
    removed |= _lead_items(lines, blocks, removed, result)
    for i, line in enumerate(lines):
        credit = f.inline_credit(line) if i not in removed else None
        if not credit:
            continue
        removed.add(i)
        result.credits.append(credit)
        if not f.is_credit_only(line):
            result.captions.append(line)
            removed |= _repeated_caption(lines, i, removed, result)
    return removed


def _repeated_caption(lines, i, removed, result) -> set[int]:
    """Pages saved as text often give a caption twice: once bare, once with its credit."""
    previous = next((j for j in range(i - 1, -1, -1) if lines[j]), None)
    if previous is None or previous in removed or len(lines[previous]) < 20:
        return set()
    if lines[i].startswith(lines[previous]):
        result.captions.append(lines[previous])
        return {previous}
    return set()


def _note_notice(line: str, result: CleanText) -> None:
    original = find_original_publisher(line)
    if original:
        result.original_publisher = result.original_publisher or original
        return
    holder = copyright_holder(line)
    if holder and is_wire_service(holder):
        # "Copyright 2024 The Associated Press": the wire wrote it; a member paper prints it.
        result.original_publisher = result.original_publisher or holder
    elif holder and not result.publisher:
        result.publisher = holder


def _chrome_blocks(lines, blocks, removed, result) -> set[int]:
    """In a block that is mostly furniture, the short labels left are furniture too
    (a station's tagline among its player controls)."""
    out: set[int] = set()
    for block in blocks:
        furniture = [i for i in block if i in removed]
        if len(block) < 3 or 2 * len(furniture) < len(block):
            continue
        for i in block:
            if i not in removed and f.is_short_label(lines[i]):
                out.add(i)
                result.furniture.append(lines[i])
    return out


def _lead_items(lines, blocks, removed, result) -> set[int]:
    """Bylines, and lead photos given as a name line over a one-sentence caption,
    between the headline and the first paragraph of the story."""
    out: set[int] = set()
    for number, block in enumerate(blocks):
        kept = [i for i in block if i not in removed]
        if not kept:
            continue
        if number == 0 or not any(i not in removed for b in blocks[:number] for i in b):
            out |= _name_over_outlet(lines, kept, result)
            continue  # the headline's block
        byline = f.byline_of(lines[kept[0]])
        if byline:
            result.byline = result.byline or byline
            out.add(kept[0])
            kept = kept[1:]
            if not kept:
                continue
        if len(kept) == 2 and f.is_bare_name(lines[kept[0]]) and _is_caption(lines[kept[1]]):
            result.credits.append(lines[kept[0]])
            result.captions.append(lines[kept[1]])
            out.update(kept)
            continue
        if (
            len(kept) == 1
            and f.is_short_label(lines[kept[0]])
            and not f.is_bare_name(lines[kept[0]])
        ):
            continue  # a standfirst or section label: still the lead
        break
    return out


def _lead_date(lead: list[str]) -> str | None:
    """The publication date from the lead: a date alone on a line, a labelled date
    ("Published March 28, 2017", "date 2017-03-28"), or a dateline ("12/17/2018 -- SPRINGFIELD")."""
    for line in lead:
        date = find_date(line[:60])
        if not date:
            continue
        if (
            len(f.words(line)) <= 8
            or _DATE_LABEL.match(line)
            or re.match(r"^[\d/.-]+\s+[-–—]", line)
        ):
            return date
    return None


def _is_date_line(line: str) -> bool:
    return len(f.words(line)) <= 6 and find_date(line) is not None


def _name_over_outlet(lines, kept, result) -> set[int]:
    """A text that opens with the author's name over the outlet's name, then the story:
    "Jane Doe / The State Journal-Register / A resolution that ..."."""
    if len(kept) < 3:
        return set()
    name, outlet, first = (lines[i] for i in kept[:3])
    if f.is_bare_name(name) and _is_outlet(outlet) and f.is_sentence(first):
        result.byline = result.byline or name
        # The outlet the author writes for wrote the story; on a repost it is not who serves it.
        result.original_publisher = result.original_publisher or outlet
        return set(kept[:2])
    return set()


def _is_outlet(line: str) -> bool:
    tokens = f.words(line)
    return (
        0 < len(tokens) <= 6
        and f.is_short_label(line)
        and all(t[0].isupper() or t.lower() in ("of", "the", "and", "for") for t in tokens)
    )


def _is_caption(line: str) -> bool:
    # One sentence describing a picture; a story's first paragraph usually runs longer.
    return f.is_sentence(line) and line.count(". ") == 0 and len(f.words(line)) <= 40


# A press release's label above its headline: "FOR IMMEDIATE RELEASE", "News Release".
_RELEASE = re.compile(
    r"^(?:for\s+immediate\s+release|(?:press|news)\s+release|media\s+advisory)\W*$", re.I
)


def _title(lines: list[str]) -> str | None:
    """The headline: the first line, unless it is a date, a sentence or a paragraph (a press
    release's label is passed over)."""
    first = next(
        (line for line in lines if line and not _is_date_line(line) and not _RELEASE.match(line)),
        None,
    )
    if first is None or len(f.words(first)) > 20:
        return None
    if first.endswith(".") and not first.endswith("..."):
        return None  # a sentence, not a headline
    return first


def _blocks(lines: list[str]) -> list[list[int]]:
    """Runs of non-blank lines, as lists of indexes."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line:
            current.append(i)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _fold_blanks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
