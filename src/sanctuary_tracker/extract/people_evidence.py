"""Whether a name is a person's or an organisation's: the evidence around a run of
capitalised words that makes it a person (a title, a common given name, a speech verb or a
party label beside it, a photo credit, a byline, a court's bench) and what makes it an
organisation's or a thing's instead (an organisation word, an article before it, "&" after
it, a kind word such as "County" at its end).

All patterns are linear (no nested quantifiers over the same characters)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sanctuary_tracker.extract.people_places import PlaceSpans, is_state_name, names_a_place
from sanctuary_tracker.extract.people_titles import office_after, role_after
from sanctuary_tracker.extract.people_words import (
    CAP,
    INITIALS,
    STRONG_ORG,
    UPPER,
    Tok,
    org_word,
    plain,
    without_possessive,
)
from sanctuary_tracker.text import given_names
from sanctuary_tracker.text.lexicon import CREDIT_WORDS, NOT_NAMES, ORG_WORDS, SPEECH_VERBS
from sanctuary_tracker.text.scan import prefix_tree

# (The verbs and credit words are trees of their prefixes: the same matches as their
# alternation, with far fewer branches tried; see text.scan.prefix_tree.)
_SPEECH_AFTER = re.compile(
    r"(?:['’]s)?,?[ \t]+(?:(?:also|then|later|has|had|have|previously|recently)[ \t]+)?(?:"
    + prefix_tree(SPEECH_VERBS)
    + r")\b"
)
_SPEECH_AFTER_SINGLE = re.compile(
    r"[ \t]+(?:(?:also|then|later|has|had|have|previously|recently)[ \t]+)?(?:"
    + prefix_tree(SPEECH_VERBS)
    + r")\b"
)
# ("told X", "asked X": X is the one spoken to, often an outlet: "told Business Insider")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|wrote|according to)[ \t]+$", re.I)
# The last letters of the words _SPEECH_BEFORE ends in, in every case it matches ("ſ" is
# an "s" to a case-insensitive pattern).
_SPEECH_LAST_LETTERS = frozenset("dDsSſeEoO")
_CONTEXT_AFTER = re.compile(
    r",?[ \t]*(?:Esq\b|\((?:[DRI]|Dem|Rep)\.?[-–]|[DRI]-[A-Z]|a[ \t]+(?:physician|lawyer|resident|"
    r"professor|spokesman|spokeswoman|spokesperson|member|teacher|doctor|nurse|pastor|student|"
    r"former|retired|local|longtime))"
)
_CREDIT_AFTER = re.compile(rf"[ \t]*/[ \t]*[{UPPER}]")
# "Photo: X", "By X" (a bare colon or bar before is no evidence: "Related post: Pickled Beets")
_CREDIT_WORD_BEFORE = re.compile(r"\b(?:" + prefix_tree(CREDIT_WORDS) + r")\b:?[ \t]*$", re.I)
_CLAUSE_END = re.compile(r"[ \t]*[,.;]")
_CONNECTOR_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+(?:and|of|for|&)[ \t]+$")
_BENCH = re.compile(
    rf"((?:{CAP})(?:,[ \t]+(?:and[ \t]+)?{CAP}){{0,8}}(?:,?[ \t]+and[ \t]+{CAP})?),[ \t]+"
    r"((?:Chief[ \t]+|Senior[ \t]+|Circuit[ \t]+|District[ \t]+|Associate[ \t]+|Magistrate[ \t]+)*"
    r"(?:Judges?|Justices?))\b"
)
_BENCH_WORD = re.compile(r"Ju(?:dge|stice)")
_CAP_WORD = re.compile(CAP)
# Words that end a place's name, never a surname: "Franklin County".
KIND_WORDS = frozenset("county city town village township borough parish state".split())
_ARTICLE_BEFORE = re.compile(r"\bthe[ \t]+$")
_AMPERSAND_AFTER = re.compile(r"[ \t]*&[ \t]*([A-Z][\w'’-]*)")
_AMPERSAND_BEFORE = re.compile(r"(?:([A-Z][\w'’-]*)[ \t]+)?[A-Z][\w.'’-]*[ \t]*&[ \t]*$")


def bench_names(text: str) -> Iterator[tuple[int, int, str]]:
    """The judges a court's bench names, with their title: "FUENTES, COWEN, and BARRY,
    Circuit Judges" gives three spans, each "Circuit Judge"."""
    for m in _benches(text):
        for n in _CAP_WORD.finditer(m.group(1)):
            word = n.group()
            if word.lower() in ("and",) or plain(word) in NOT_NAMES:
                continue
            start = m.start(1) + n.start()
            yield start, start + len(word), re.sub(r"s\b", "", m.group(2))


def _benches(text: str) -> Iterator[re.Match]:
    """``_BENCH``'s matches, searched for only on the lines that hold "Judge" or "Justice"
    (a match holds one of them and never a line break, so these are all the matches a scan
    of the whole text finds)."""
    line_end = -1
    for word in _BENCH_WORD.finditer(text):
        if word.start() < line_end:
            continue  # a line already searched
        line_start = text.rfind("\n", 0, word.start()) + 1
        line_end = text.find("\n", word.end())
        line_end = len(text) if line_end < 0 else line_end
        yield from _BENCH.finditer(text, line_start, line_end)


def said_before(text: str, start: int) -> bool:
    """A speech verb right before ("said X", "according to X"): _SPEECH_BEFORE, run only
    when the word before ends in a letter one of its verbs ends in."""
    floor = max(0, start - 30)
    end = start - 1 if text[start - 1 : start] == "\n" else start  # ($ before a final \n)
    if text[end - 1 : end] not in (" ", "\t"):
        return False
    while end > floor and text[end - 1] in " \t":
        end -= 1
    if text[end - 1 : end] not in _SPEECH_LAST_LETTERS:
        return False
    return _SPEECH_BEFORE.search(text, floor, start) is not None


def single_evidence(text: str, tok: Tok, titled: bool) -> str:
    """What makes one capitalised word a person's name by itself: "title" (a title before
    it, or an office after it: "since Jansen became mayor"), "speech" ("Jansen said",
    '..., said Sowers, who ...') or nothing ("")."""
    if titled:
        return "title"
    if tok.text.isupper():
        return ""
    end = tok.end
    if _SPEECH_AFTER_SINGLE.match(text, end) or (
        _CLAUSE_END.match(text, end) and said_before(text, tok.start)
    ):
        return "speech"
    return "title" if office_after(text, end) else ""


def after_connector(text: str, start: int) -> bool:
    """A capitalised word and a connector right before: the name goes on an organisation's
    ("Centers for Disease Control and Prevention said")."""
    return _CONNECTOR_BEFORE.search(text, max(0, start - 40), start) is not None


def opens_with_given_name(words: list[Tok], places: PlaceSpans) -> bool:
    """The name's first word is a given name, not one the place resolver read as a place
    ("Florida Man"; but "Troy L. Smith")."""
    first = words[0]
    return given_names.is_given_name(plain(first.text)) and (
        places.at(first.start, first.end) is None
        or (len(words) == 3 and INITIALS.fullmatch(words[1].text) is not None)
    )


def reason_for(text: str, words: list[Tok], start: int, end: int, titled: bool, given: bool) -> str:
    """Why a name of several words is a person's (the item's reason), or "" for no reason."""
    if titled:
        return "title"
    if given:
        return "given name"
    if (
        _CONTEXT_AFTER.match(text, end)
        or role_after(text, end)
        or _SPEECH_AFTER.match(text, end)
        or said_before(text, start)
    ):
        return "context"
    if _CREDIT_AFTER.match(text, end) or _CREDIT_WORD_BEFORE.search(
        text, max(0, start - 20), start
    ):
        return "credit"
    if INITIALS.fullmatch(words[0].text) and len(words) == 2:
        return "initials"
    if _byline(text, start, end):
        return "byline"
    return ""


def no_surname(last: str) -> bool:
    """The last word (plain) ends no person's name: "Franklin County", "Grant Funds",
    "Assistance Grant Programs"."""
    return last in KIND_WORDS or (last.endswith("s") and org_word(last))


def not_a_person(
    text: str,
    places: PlaceSpans,
    words: list[Tok],
    span: tuple[int, int],
    reason: str,
    titled: bool,
) -> bool:
    """A name with a reason that is still no person's: a court's district ("D. Oregon"), an
    organisation's name, a term in quotation marks (a "Green Run" test), a word that is
    never a name's after the first, a place's whole name ("Rock Island"), or places and
    initials only ("Portland Maine")."""
    start, end = span
    if reason == "initials" and is_state_name(words[-1].bare):
        return True
    if reason == "credit" and _acronym_led(words):
        return True  # "By CBS Detroit", "By HNN Staff": a newsroom's credit
    if not titled and _organisation(text, words, start, end):
        return True
    if reason == "given name" and _quoted_term(text, start, end):
        return True
    if any(plain(t.text) in NOT_NAMES and not t.text.endswith(".") for t in words[1:]):
        return True
    if names_a_place(" ".join(t.text for t in words[:-1]) + " " + words[-1].bare):
        return True  # "communities like Rock Island": a town's name, whatever its first word
    return all(places.at(t.start, t.end) is not None or INITIALS.fullmatch(t.text) for t in words)


def _acronym_led(words: list[Tok]) -> bool:
    """An acronym before words in lower case ("CBS Detroit"); not a name all in capitals."""
    first = words[0].bare
    return (
        len(first) > 1
        and first.isalpha()
        and first.isupper()
        and not all(t.text.isupper() for t in words)
    )


def _organisation(text: str, words: list[Tok], start: int, end: int) -> bool:
    """The words around a name that make it an organisation's or a thing's, not a person's:
    it ends in an organisation word and does not open with a common given name ("Fox
    News", "U.S. Constitution", but "Jon Hall"); or an article stands before it ("the
    Cuban Revolution"; a person is "the mayor, Jon Hall")."""
    last = plain(words[-1].bare)
    if org_word(last) and given_names.births(plain(words[0].text)) < (given_names.COMMON_BIRTHS):
        return True
    if any(plain(t.text) in STRONG_ORG or t.norm == "news" for t in words[1:-1]):
        return True  # "India Post News Weekly": an organisation word inside
    if _ampersand(text, start, end):
        return True  # "Eve Door & Window" (but "Ariana Grande & Billie Eilish")
    return bool(_ARTICLE_BEFORE.search(text, max(0, start - 6), start))


def _ampersand(text: str, start: int, end: int) -> bool:
    """Joined by "&" to a word that starts no person's name: an organisation's or a
    product's name."""
    after = _AMPERSAND_AFTER.match(text, end)
    if after:
        return not given_names.is_given_name(plain(after.group(1)))
    lo = max(0, start - 40)
    # (A match ends in "&" and spaces, at the name or at a line break right before it: the
    # pattern is tried only where that is so, not before every name.)
    if not text[lo:start].removesuffix("\n").rstrip(" \t").endswith("&"):
        return False
    before = _AMPERSAND_BEFORE.search(text, lo, start)
    if before:
        return not (before.group(1) and given_names.is_given_name(plain(before.group(1))))
    return False


def _quoted_term(text: str, start: int, end: int) -> bool:
    """The name is all that stands between two quotation marks."""
    before = text[start - 1 : start] if start else ""
    return before in ("“", '"') and text[end : end + 1] in ("”", '"')


def _byline(text: str, start: int, end: int) -> bool:
    """A name alone on its line, above a line that names an outlet or organisation."""
    before = start  # only white space back to the line's start (read no further)
    while before > 0 and text[before - 1] != "\n" and text[before - 1].isspace():
        before -= 1
    line_end = end  # and on to its end
    while line_end < len(text) and text[line_end] != "\n" and text[line_end].isspace():
        line_end += 1
    if (before > 0 and text[before - 1] != "\n") or (
        line_end < len(text) and text[line_end] != "\n"
    ):
        return False
    nxt = text[line_end + 1 : line_end + 80].split("\n", 1)[0]
    return any(w.lower() in ORG_WORDS for w in re.findall(r"[A-Za-z]+", nxt)[:6])


class CommonNouns:
    """Which capitalised words of a text are common nouns: a word the text also writes in
    lower case ("Sheriffs say ..." beside "county sheriffs"), or the plural of a title or
    an organisation word. Each word's answer is kept."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.alone: dict[str, bool] = {}  # common-word tests made, by word
        self.words: frozenset[str] | None = None  # the text's words, once many are tested

    def __contains__(self, word: str) -> bool:
        lower = without_possessive(word).lower()
        if lower.endswith("s") and org_word(lower):
            return True
        known = self.alone.get(lower)
        if known is None:
            known = self._written_alone(lower)
            self.alone[lower] = known
        return known

    def _written_alone(self, word: str) -> bool:
        """``word`` stands alone somewhere in the text. A search through the text for each
        word, until a text has asked for many: then the text's words are collected once
        (so a long text's work stays linear)."""
        if not _IN_WORD_RUN.fullmatch(word):
            return _standing_alone(word, self.text)  # (a word of other characters)
        if self.words is None and len(self.alone) < _SEARCHES_BEFORE_WORDS:
            return _standing_alone(word, self.text)
        if self.words is None:
            self.words = frozenset(_IN_WORD_RUN.findall(self.text))
        return word in self.words


def _standing_alone(word: str, text: str) -> bool:
    """``word`` occurs in ``text`` with no letter, digit, underscore, apostrophe or hyphen
    either side (a search for the literal: no pattern compiled for each word)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _in_word(text[at - 1])) and (
            end == len(text) or not _in_word(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


# The characters of _in_word (\w is a letter, a digit or "_"), and a run of them: a word
# that is one run stands alone exactly where the text has it as a whole run.
_IN_WORD_RUN = re.compile(r"[\w'’-]+")
_SEARCHES_BEFORE_WORDS = 32  # searches through a text before its words are collected
