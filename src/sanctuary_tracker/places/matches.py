"""A name found in the text (``Match``) with the words read around it (``windowed``), and
the document it is read in (``Doc``)."""

from __future__ import annotations

import re
from bisect import bisect_right

from sanctuary_tracker.places.gazetteer import Jurisdiction
from sanctuary_tracker.places.tokens import normalise_word, tokenize

# A word of a window around a name: (text, start, end), as tokenize's Token has them (plain
# tuples: thousands are made per document).
Word = tuple[str, int, int]


class Match:
    """A name found in the text, with the words around it and the cues read from them."""

    __slots__ = (
        "candidates",
        "end",
        "first",
        "key",
        "last",
        "level",
        "listed_in",
        "names_state",
        "notes",
        "qualifier",
        "region",
        "start",
        "state",
        "window",
    )

    def __init__(self, first: int, last: int, key: str, candidates, window: list[Word]):
        self.first = first  # index in window of the name's first word
        self.last = last  # index in window of its last word
        self.key = key
        self.candidates: list[Jurisdiction] = candidates
        self.window = window  # the words around it
        self.start: int = window[first][1]  # the name's span in the text
        self.end: int = window[last][2]
        self.names_state = False  # some candidate is a state
        self.state: str | None = None  # from an explicit qualifier
        self.level: str | None = None  # "state" | "county" | "local", from kind words
        self.region: str | None = None
        self.listed_in: str | None = None  # the one state with a county of every listed name
        self.qualifier: tuple[int, int] | None = None  # text offsets of the state after the comma
        self.notes: list[str] = []

    def drop_cue_words(self, share) -> None:
        """Once its cues are read, keep only the words the resolver reads: the name's and the
        one before it (a dateline starts a line), three either side of "Washington" (the
        state's name may stand beside it), each word's text as ``share`` gives it (one
        string for each word of a document). A 16 MiB text has some 150,000 matches."""
        reach = 3 if self.key == "washington" else 1
        low, high = max(0, self.first - reach), self.last + 1 + (reach - 1)
        self.window = [(share(w, w), start, end) for w, start, end in self.window[low:high]]
        self.first -= low
        self.last -= low


class Doc:
    """A document's text, its folded words (``spaced``: every character that is not part of
    a word a space) and what is worked out once per line."""

    __slots__ = ("headlines", "line_words", "share", "spaced", "text")

    def __init__(self, text: str, spaced: str):
        self.text, self.spaced = text, spaced
        self.share = {}.setdefault  # one string for each word the matches keep
        self.headlines: dict[int, bool] = {}
        self.line_words: dict[int, int] = {}

    def line(self, line_start: int) -> str:
        line_end = self.text.find("\n", line_start)
        return self.text[line_start : line_end if line_end >= 0 else len(self.text)]

    def words_in_line(self, position: int) -> int:
        line_start = self.text.rfind("\n", 0, position) + 1
        words = self.line_words.get(line_start)
        if words is None:
            words = self.line_words[line_start] = len(self.line(line_start).split())
        return words

    def headline(self, position: int) -> bool:
        """Headlines capitalise every word; there a capitalised neighbour says nothing.
        (A long line of capitalised names is a list, not a headline.)"""
        line_start = self.text.rfind("\n", 0, position) + 1
        found = self.headlines.get(line_start)
        if found is None:
            found = self.headlines[line_start] = _title_case(self.line(line_start))
        return found


class Spans:
    """The offsets inside any of some spans (start, end), as merged spans: ``in`` answers by
    bisection, where a set of every offset would take some 35 MB on a 16 MiB text."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


# Characters of context read around a name: enough for a title and a first name before it,
# and a state, a kind word or a speech verb after it.
WINDOW_BEFORE, WINDOW_AFTER = 30, 40


def windowed(doc: Doc, start: int, end: int, key: str, candidates) -> Match | None:
    """The match with the words around it (the line's start, or WINDOW characters)."""
    text = doc.text
    while end > start and not text[end - 1].isalnum():
        end -= 1  # "D.C." ends at its last letter, like every other name
    # The line's start; as it has always been read, the text's start when the line starts
    # more than WINDOW_BEFORE characters back (which only tells whether a word is cut).
    newline = text.rfind("\n", 0, start)
    if newline >= start - WINDOW_BEFORE or start <= WINDOW_BEFORE:
        line_start = newline + 1
        begin = max(line_start, start - WINDOW_BEFORE)
    else:
        line_start, begin = 0, start - WINDOW_BEFORE
    window = _words_before(doc, begin, start, begin > line_start)
    first = last = len(window)
    window += _words_from(doc, start, end, min(len(text), end + WINDOW_AFTER))
    size = len(window)
    while last < size and window[last][2] < end:
        last += 1
    if last >= size or window[last][2] != end:
        return None
    return Match(first, last, key, candidates, window)


# Words read on either side of a name: before it, one, or three after "of" ("the town of",
# "Department of"); after it, one, or three after a comma (a state: "Portland, Ore.") or
# "for" / "on" ("Center for Immigration Studies").
NEIGHBOURS = 3


def _words_before(doc: Doc, begin: int, start: int, cut: bool) -> list[Word]:
    """The words of ``text[begin:start]`` that are read (see NEIGHBOURS), as ``tokenize``
    reads them, with the first left out if it starts at ``begin`` when ``cut`` (it may be
    a word cut in two); read off the folded words from the end."""
    text = doc.text
    body = doc.spaced[begin + 1 : start + 1].rstrip(" ")
    tokens: list[Word] = []
    while body:
        space = body.rfind(" ")
        word = body[space + 1 :]
        offset = begin + space + 1
        if "'" in word:
            piece = tokenize(text[offset : offset + len(word)], offset)
            if cut and space < 0 and piece and piece[0][1] == begin:
                piece = piece[1:]
            tokens[:0] = piece
        elif not (cut and space < 0):
            tokens.insert(0, (text[offset : offset + len(word)], offset, offset + len(word)))
        if tokens and (len(tokens) >= NEIGHBOURS or normalise_word(tokens[-1][0]) != "of"):
            break
        body = body[:space].rstrip(" ") if space > 0 else ""
    return tokens[-NEIGHBOURS:]


def _words_from(doc: Doc, start: int, end: int, stop: int) -> list[Word]:
    """The words of ``text[start:stop]``: the name's, then those read after it (see
    NEIGHBOURS), as ``tokenize`` reads them; read off the folded words (a word with an
    apostrophe is tokenized)."""
    text, spaced = doc.text, doc.spaced
    words: list[Word] = []
    first_after = wanted = 0
    position = start + 1  # in ``spaced``, which has one character before the text's first
    for word in spaced[position : stop + 1].split():
        offset = spaced.find(word, position) - 1
        position = offset + 1 + len(word)
        if "'" in word:
            piece = tokenize(text[offset : position - 1], offset)
        elif first_after or offset < end:  # (the common case: one word, one token)
            words.append((text[offset : position - 1], offset, position - 1))
            if first_after and len(words) - first_after >= wanted:
                break
            continue
        else:
            piece = [(text[offset : position - 1], offset, position - 1)]
        for token in piece:
            if not first_after and token[1] >= end:
                first_after = len(words)
                wide = text[end : token[1]].strip() == "," or normalise_word(token[0]) in (
                    "for",
                    "on",
                )
                wanted = NEIGHBOURS if wide else 1
            words.append(token)
        if first_after and len(words) - first_after >= wanted:
            break
    return words[: first_after + wanted] if first_after else words


_GAP_BEFORE = re.compile(r"[^\W_]([\W_]*)$")


def gap(text: str, tokens: list[Word], i: int) -> str:
    """The characters between token i-1 and token i ("\n" at the start of the text)."""
    if i > 0:
        return text[tokens[i - 1][2] : tokens[i][1]]
    start = tokens[i][1]
    found = _GAP_BEFORE.search(text, max(0, start - 20), start)
    return found.group(1) if found else "\n"


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case(line: str) -> bool:
    if len(line.split(None, 20)) > 20:  # (more than 20 words: no need to split them all)
        return False
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7
