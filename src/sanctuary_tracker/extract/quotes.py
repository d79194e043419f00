"""Quote evidence from text: every passage in quotation marks that a named person says, with
its speaker, and clearly attributed paraphrase ("X said the city does not ...").

A quotation's speaker is found, in this order:
1. after it, to the end of its sentence: "..., X said", "..., said X", "..., he said";
2. before it, in its sentence: "X said, ...", "X said the ordinance \"...\"", "he declared
   that, ...", "a federal judge ruled ... as \"...\"" (the subject of the last speech verb);
3. the speaker of the quotation before it in the same paragraph (a quote in several parts);
4. for a quotation that opens its paragraph: the subject of the last speech verb in the
   paragraph before (or that paragraph's quoted speaker).
"he"/"she" is the most recent person before it of that gender; "the mayor", "a federal judge"
is the person with that title. Terms and titles in quotation marks ("sanctuary city"
resolution, a report entitled "...") are not quotes; nor is a quotation nobody named says."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from sanctuary_tracker.extract.people import Person
from sanctuary_tracker.extract.quotes_marks import Span, quotation_spans
from sanctuary_tracker.text.abbreviations import QUOTE_ABBREVIATIONS, TITLE_ABBREVIATIONS
from sanctuary_tracker.text.lexicon import (
    PROXY_WORDS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    TITLE_PARTS,
    TITLE_WORDS,
    UNNAMED_SPEAKERS,
    pronoun_gender,
)
from sanctuary_tracker.text.scan import prefix_tree

# (The word lists are trees of their prefixes: the same matches as their alternation, the
# longer of two words that start alike tried first, and far fewer branches tried at each
# word; see text.scan.prefix_tree.)
_VERB = re.compile(rf"\b(?:{prefix_tree(SPEECH_VERBS)})\b")
# What gives a quotation its source right after it, though it is no speech verb (and so
# never makes its subject the speaker of later quotations): '"...," according to X'.
_AFTER_VERB = re.compile(_VERB.pattern + r"|\baccording(?=[ \t]+to\b)")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_ROLE = re.compile(
    r"\b(?:the|a|an|The|A|An)[ \t]+(?:[a-z.'’-]+[ \t]+){0,3}?(" + prefix_tree(TITLE_WORDS) + r")\b"
)
_TERM_WORDS = (
    "entitled|titled|named|dubbed|so-called|so called|term|terms|phrase|word|words|label|"
    "labeled|labelled|headlined|known as|slogan|called it|apparent|alleged|supposed|"
    "supposedly|purported|purportedly|self-described|self-styled|self-proclaimed|"
    "self-declared|would-be|quote-unquote|quote unquote"
).split("|")
_TERM_BEFORE = re.compile(rf"\b(?:{prefix_tree(_TERM_WORDS)})[ \t,:]*$", re.I)
# Someone the text does not name: "said a spokesman for ICE", "one resident said" (the
# article and the noun within a few characters of the speech verb).
UNNAMED_REACH = 40
_UNNAMED = re.compile(
    r"\b(?:a|an|one|another)[ \t]+(?:[\w.'’-]+[ \t]+){0,3}?(?:"
    + prefix_tree(PROXY_WORDS | UNNAMED_SPEAKERS)
    + r")s?\b",
    re.I,
)
# Between a quotation and its speech verb: a subject with a determiner and no name.
_DETERMINED_SUBJECT = re.compile(
    r"[\s,]*(?:the|his|her|their|its|our|my)[ \t]+(?:[a-z][\w'’-]*[ \t]+){1,3}"
)
# "a spokesman for Gimenez", "an attorney for Smith": the named person is not the one speaking
_PROXY_BEFORE = re.compile(
    r"\b(?:" + prefix_tree(PROXY_WORDS) + r")[ \t]+(?:for|to|of)[ \t]+"
    r"(?:[A-Z][\w.'’-]*[ \t]+){0,3}$",
    re.I,
)
# Capitalised words right before a name, which may be its title ("to Mayor Bo Lee").
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+){1,4}$")
_OF_BEFORE = re.compile(r"\bof[ \t]+$")


def _in_titles(word: str) -> bool:
    """A word of a title ("Mayor", "U.S.", "General", "Sen.")."""
    word = word.lower().rstrip(".")
    return (
        word in TITLE_WORDS or word in TITLE_PARTS or word in TITLE_ABBREVIATIONS or word == "u.s"
    )


_POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|(?![A-Za-z]))")
# A phrase between a reporting verb and its clause: "said in a statement that", "said on Monday"
_ADVERBIAL = re.compile(
    r"(?:in|on|at|during|after|before|via|through|by|with|to|from|last|this|earlier|later)\b"
    r"[^.;:,\"“\n]{0,60}?(?:[ \t]+(that)[ \t]+|(?=[,.;:\"“\n]|$))"
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:of|by|to|against|with|for|from|about|on|at|told|tells|asked|asks|urged|urges|"
    r"reminded|reminds|thanked|thanks|informed|informs)[ \t]+$"
)
# What follows a name in a paraphrase: "said (that) ...", "told reporters that ..." ("told"
# and "tells" take their hearer first).
_PARAPHRASE = re.compile(
    r"(?:,[^,.\n“\"]{1,80},)?[ \t]+(?:also[ \t]+|now[ \t]+)?(?:(?:"
    + "|".join(sorted(REPORTING_VERBS - {"told", "tells"}, key=lambda v: (-len(v), v)))
    + r")[ \t]+(?:that[ \t]+)?|(?:told|tells)[ \t]+(?:[\w.'’-]+[ \t]+){1,4}?that[ \t]+)(?=[a-z$])"
)
_STATEMENT = re.compile(r"\b(?:statement|remarks|letter|message|testimony|post|tweet)s?\b", re.I)
_WORD_BEFORE_MARK = re.compile(r"([\w.]+)$")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"”’)]|$)")
# The word before a period that ends no sentence: an initial ("j") or initials ("u.s").
_LETTER = re.compile(r"[a-z]")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
MAX_SEGMENT = 240
_NEW_SENTENCE = re.compile(r"[ \t]+[A-Z]")  # after a quotation that ends with a period


@dataclass
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    direct: bool
    speaker_span: tuple[int, int] | None
    reason: str = ""

    def to_record(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "text": self.text,
            "direct": self.direct,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
        }


@dataclass
class _Cand:
    start: int
    end: int
    people: list[Person]  # more than one for "A, B and C said"
    kind: str  # "name", "pronoun", "role"


def find_quotes(text: str, people: list) -> list[Quote]:
    """Direct quotes with a named speaker, then attributed paraphrase; each once."""
    spans = quotation_spans(text)
    finder = _Attributor(text, [p for p in people if isinstance(p, Person)], spans)
    quotes = finder.direct()
    quotes += finder.paraphrase(quotes)
    quotes.sort(key=lambda q: q.start)
    return quotes


class _Attributor:
    def __init__(self, text: str, people: list[Person], spans: list[Span]) -> None:
        self.text = text
        self.people = people
        self.spans = spans
        inside = [(s.open, (s.close if s.close is not None else s.end) + 1) for s in spans]
        self.inside_starts = [a for a, _ in inside]
        self.inside = inside
        mentions = []
        for p in people:
            for s, e in p.mentions or [(p.start, p.end)]:
                if not self._quoted(s):
                    mentions.append((s, e, p))
        mentions.sort(key=lambda m: m[0])
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.person_starts: dict[int, list[int]] = {}
        for start, _, person in mentions:
            self.person_starts.setdefault(id(person), []).append(start)

    def _quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.inside_starts, pos) - 1
        return i >= 0 and self.inside[i][0] <= pos < self.inside[i][1]

    # -- segments ---------------------------------------------------------------------------
    def _sentence_end(self, start: int, limit: int) -> int:
        for m in _SENTENCE_END.finditer(self.text, start, limit):
            w = self._word_before(m.start(), start)
            if w in QUOTE_ABBREVIATIONS or _LETTER.fullmatch(w) or _INITIALS.fullmatch(w):
                continue
            if self._quoted(m.start()):
                continue
            return m.end()
        return limit

    def _word_before(self, mark: int, floor: int) -> str:
        """The word (with its dots) that ends right before a terminal mark, lower case."""
        word = _WORD_BEFORE_MARK.search(self.text, max(floor, mark - 12), mark)
        return word.group(1).lower() if word else ""

    def _after(self, span: Span, next_open: int) -> tuple[int, int]:
        start = (span.close + 1) if span.close is not None else span.end
        limit = min(next_open, span.paragraph_end, start + MAX_SEGMENT)
        if start > limit:
            return start, start
        if self.text[start - 2 : start - 1] == "." and _NEW_SENTENCE.match(self.text, start):
            return start, start  # '... "will not be bullied." Gov. Bo Lee called': it ended one
        return start, self._sentence_end(start, limit)

    def _before(self, span: Span, prev_close: int) -> tuple[int, int]:
        floor = max(span.paragraph_start, prev_close, span.open - MAX_SEGMENT)
        start = floor
        for m in _SENTENCE_END.finditer(self.text, floor, span.open):
            w = self._word_before(m.start(), floor)
            if w in QUOTE_ABBREVIATIONS or _LETTER.fullmatch(w) or self._quoted(m.start()):
                continue
            start = m.end()
        return start, span.open

    # -- candidates -------------------------------------------------------------------------
    def _candidates(self, start: int, end: int) -> list[_Cand]:
        out: list[_Cand] = []
        i = bisect.bisect_left(self.mention_starts, start)
        while i < len(self.mentions) and self.mentions[i][0] < end:
            s, e, p = self.mentions[i]
            if e <= end and not _PROXY_BEFORE.search(self.text, max(0, s - 60), s):
                out.append(_Cand(s, e, [p], "name"))
            i += 1
        for m in _PRONOUN.finditer(self.text, start, end):
            person = self._pronoun(m.group(), m.start())
            if person is not None:
                out.append(_Cand(m.start(), m.end(), [person], "pronoun"))
        for m in _ROLE.finditer(self.text, start, end):
            if any(c.start <= m.start(1) < c.end for c in out):
                continue
            person = self._role(m.group(1), m.start())
            if person is not None:
                out.append(_Cand(m.start(), m.end(), [person], "role"))
        out.sort(key=lambda c: c.start)
        return self._coordinate(out)

    def _coordinate(self, cands: list[_Cand]) -> list[_Cand]:
        """ "Livingstone, Bockelman and acting Superintendent Michael Morris" as one subject.
        A list needs its "and" ("Sean Spicer, Trump's press secretary" is one person and an
        apposition), and a possessive ("Trump's") is never one of its members."""
        out: list[_Cand] = []
        joined: list[bool] = []  # whether out[i] was joined by an "and"
        for c in cands:
            if out and out[-1].kind == "name" and c.kind == "name" and not self._possessive(c):
                gap = self.text[out[-1].end : c.start]
                m = re.fullmatch(
                    r"(?:,[ \t]*|,?[ \t]+(and)[ \t]+)(?:[A-Za-z.'’-]+[ \t]+){0,5}", gap
                )
                if m and not _VERB.search(gap):
                    prev = out[-1]
                    if c.people[0] not in prev.people:
                        out[-1] = _Cand(prev.start, c.end, prev.people + c.people, "name")
                        joined[-1] = joined[-1] or bool(m.group(1))
                    continue
            out.append(c)
            joined.append(False)
        result: list[_Cand] = []
        for c, has_and in zip(out, joined, strict=True):
            if len(c.people) > 1 and not has_and:
                result.extend(self._split(c))
            else:
                result.append(c)
        return result

    def _split(self, cand: _Cand) -> list[_Cand]:
        """A comma-joined run without "and" is a name and its apposition ("Rob Goldman,
        President Acme North America, says"): the first name alone; or a phrase and the
        subject after it ("Responding to Mayor Bo Lee, Sheriff Ann Ruiz said"): the first
        name that is no preposition's object."""
        first = None
        i = bisect.bisect_left(self.mention_starts, cand.start)
        while i < len(self.mentions) and self.mentions[i][0] < cand.end:
            s, e, p = self.mentions[i]
            if e <= cand.end and p in cand.people:
                if self._subject_at(s, e):
                    return [_Cand(s, e, [p], "name")]
                first = first or _Cand(s, e, [p], "name")
            i += 1
        return [first] if first else [cand]

    def _possessive(self, cand: _Cand) -> bool:
        return self._possessive_at(cand.end)

    def _pronoun(self, word: str, pos: int) -> Person | None:
        gender = pronoun_gender(word)
        i = bisect.bisect_left(self.mention_starts, pos) - 1
        floor = max(-1, i - 200)
        fallback = None
        while i > floor:
            s, e, person = self.mentions[i]
            if person.gender in (None, gender):
                if self._subject_at(s, e):
                    return person  # the last one who did something, not "Epstein's accusers"
                fallback = fallback or person
            i -= 1
        return fallback

    def _role(self, word: str, pos: int) -> Person | None:
        word = word.lower()
        holders = [
            p for p in self.people if p.title and word in p.title.lower().replace(".", " ").split()
        ]
        if not holders:
            return None
        best, best_pos = None, -1
        for person in holders:
            starts = self.person_starts.get(id(person), [])
            i = bisect.bisect_left(starts, pos) - 1
            if i >= 0 and starts[i] > best_pos:
                best, best_pos = person, starts[i]
        if best is not None:
            return best
        return min(holders, key=lambda p: p.start)

    # -- direct quotes ----------------------------------------------------------------------
    def direct(self) -> list[Quote]:
        quotes: list[Quote] = []
        prev_speaker: tuple[list[Person], tuple[int, int]] | None = None
        prev_paragraph = -1
        para_speakers: dict[int, tuple[list[Person], tuple[int, int]]] = {}
        for index, span in enumerate(self.spans):
            if span.paragraph_start != prev_paragraph:
                prev_speaker = None
                prev_paragraph = span.paragraph_start
            next_open = (
                self.spans[index + 1].open if index + 1 < len(self.spans) else len(self.text)
            )
            prev_close = 0
            if index > 0:
                before_span = self.spans[index - 1]
                prev_close = (
                    (before_span.close + 1) if before_span.close is not None else before_span.end
                )
            quoted = self.text[span.start : span.end]
            if not re.search(r"[^\W\d_]", quoted):
                continue
            if span.close is None and len(quoted.split()) < 4:
                continue  # a cut-off fragment
            a_start, a_end = self._after(span, next_open)
            b_start, b_end = self._before(span, prev_close)
            if self._not_a_quote(span, quoted, a_start, b_end):
                continue
            found = self._attribute_after(a_start, a_end)
            reason = "after"
            if found is None and self._said_by_someone_unnamed(a_start, a_end, span.open):
                continue  # '"No comment," said a spokesman for ICE': no one named said it
            if found is None:
                found = self._attribute_before(b_start, b_end)
                reason = "before"
            if found is None and prev_speaker is not None:
                found, reason = prev_speaker, "same paragraph"
            if found is None and b_start > span.paragraph_start:
                found = self._subject_in(span.paragraph_start, b_start)
                reason = "sentence before"
            if found is None and self._opens_paragraph(span):
                found = self._previous_paragraph(span.paragraph_start, para_speakers)
                reason = "paragraph before"
            if found is None:
                found = self._colon_intro(span.open)
                reason = "named before a colon"
            if found is None:
                continue
            speakers, where = found
            prev_speaker = found
            para_speakers[span.paragraph_start] = found
            name = "; ".join(p.name for p in speakers)
            for start, end in span.passages():  # a quote over paragraphs: one per paragraph
                text = self.text[start:end]
                quotes.append(Quote(start, end, text, name, True, where, reason))
        return quotes

    def _opens_paragraph(self, span: Span) -> bool:
        return not self.text[span.paragraph_start : span.open].strip()

    def _not_a_quote(self, span: Span, quoted: str, after: int, before: int) -> bool:
        """A term, a name or a title in quotation marks, not something said."""
        words = quoted.split()
        if _TERM_BEFORE.search(self.text, max(0, span.open - 30), span.open):
            return True
        caps = [w for w in words if len(w) > 3 and w[:1].isalpha()]
        if len(words) >= 3 and caps and sum(w[0].isupper() for w in caps) >= 0.7 * len(caps) + 0.5:
            return True  # Title Case: a report's, an order's, a law's name
        if len(words) <= 4 and not re.search(r"[.,!?;:…]['’]?\s*$", quoted):
            follow = self.text[after : after + 20]
            if re.match(r"[ \t]+(?!(?:and|or|but|nor)\b)[a-z]", follow):
                return True  # a term used as a modifier or object: "welcoming city" resolution
        return False

    def _verbs_and_candidates(self, start: int, end: int, verb: re.Pattern = _VERB):
        """The speech verbs between start and end and the people who could be their subject,
        or None when either is missing."""
        if end <= start:
            return None
        verbs = list(verb.finditer(self.text, start, end))
        cands = self._candidates(start, end) if verbs else None
        return (verbs, cands) if cands else None

    def _said_by_someone_unnamed(self, start: int, end: int, open_at: int) -> bool:
        """The words after a quotation give it to someone unnamed, with a speech verb (but
        a quotation a speech verb introduces is that verb's subject's: 'he said, "...,"
        the prosecutor's office said')."""
        verb = _VERB.search(self.text, start, end)
        if verb is None:
            return False
        unnamed = _UNNAMED.search(self.text, start, end)
        if unnamed is not None and abs(unnamed.start() - verb.start()) <= UNNAMED_REACH:
            return True
        # '"...," the patient wrote', '"...," her aunt said': a subject no name nor title gives
        if _DETERMINED_SUBJECT.fullmatch(self.text, start, verb.start()) is None:
            return False
        before = self.text[max(0, open_at - 40) : open_at]
        introduced = _VERB.search(before) is not None and before.rstrip()[-1:] in (",", ":")
        return not introduced

    def _attribute_after(self, start: int, end: int) -> tuple[list[Person], tuple[int, int]] | None:
        found = self._verbs_and_candidates(start, end, _AFTER_VERB)
        if found is None:
            return None
        verbs, cands = found
        v = verbs[0].start()
        cands = [c for c in cands if not self._possessive(c)]  # "Morrison, Vindman's superior,"
        if not cands:
            return None
        best = min(cands, key=lambda c: min(abs(c.start - v), abs(c.end - v)))
        if abs(best.start - v) > 120 and abs(best.end - v) > 120:
            return None
        return best.people, (best.start, best.end)

    def _attribute_before(
        self, start: int, end: int
    ) -> tuple[list[Person], tuple[int, int]] | None:
        found = self._verbs_and_candidates(start, end)
        if found is None:
            return None
        verbs, cands = found
        v = verbs[-1].start()
        subjects = [c for c in cands if self._subject_like(c)]
        if not subjects:
            return None  # only possessives and objects: "described Trump's call with X as"
        before = [c for c in subjects if c.end <= v]
        best = before[-1] if before else min(subjects, key=lambda c: c.start)
        return best.people, (best.start, best.end)

    def _possessive_at(self, end: int) -> bool:
        """ "Trump's", "Weeks’ family" (a bare apostrophe after an s)."""
        return bool(_POSSESSIVE_AFTER.match(self.text, end))

    def _subject_like(self, cand: _Cand) -> bool:
        return self._subject_at(cand.start, cand.end)

    def _subject_at(self, start: int, end: int) -> bool:
        """Not a possessive ("Trump's order"), the object of a preposition, nor the one told
        or asked ("told Starner that ..."), a title between or not ("Responding to Mayor
        Bo Lee, ...")."""
        if self._possessive_at(end):
            return False
        titled = _CAPITALISED_BEFORE.search(self.text, max(0, start - 60), start)
        if (
            titled
            and all(_in_titles(word) for word in titled.group().split())
            and not _OF_BEFORE.search(self.text, max(0, titled.start() - 4), titled.start())
        ):
            start = titled.start()  # (but "Secretary of State Mike Pompeo" is one title)
        return not _OBJECT_BEFORE.search(self.text, max(0, start - 12), start)

    def _previous_paragraph(
        self, paragraph_start: int, para_speakers: dict
    ) -> tuple[list[Person], tuple[int, int]] | None:
        end = paragraph_start
        while end > 0 and self.text[end - 1] == "\n":
            end -= 1
        start = self.text.rfind("\n", 0, end) + 1
        if start in para_speakers:
            return para_speakers[start]
        return self._subject_in(start, end)

    def _colon_intro(self, open_at: int) -> tuple[list[Person], tuple[int, int]] | None:
        """ "Statement from Sheriff Jane Roe:" or "Mayor Roe, in full:" on the line or in the
        words just before the quotation: the last person it names (not a possessive)."""
        end = open_at
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        if end == 0 or self.text[end - 1] != ":":
            return None
        line_start = self.text.rfind("\n", 0, end - 1) + 1
        start = max(line_start, end - MAX_SEGMENT)
        for m in _SENTENCE_END.finditer(self.text, start, end - 1):
            start = m.end()
        intro = self.text[start:end]
        if len(intro.split()) > 8 and not _VERB.search(intro) and not _STATEMENT.search(intro):
            return None  # a long sentence that says nothing of speech: "left to wonder:"
        names = [
            c for c in self._candidates(start, end) if c.kind == "name" and not self._possessive(c)
        ]
        if not names:
            return None
        return names[-1].people, (names[-1].start, names[-1].end)

    def _subject_in(self, start: int, end: int) -> tuple[list[Person], tuple[int, int]] | None:
        """The subject of the last speech verb in text[start:end] (outside quotations)."""
        segment = self.text[start:end]
        verbs = [m for m in _VERB.finditer(segment) if not self._quoted(start + m.start())]
        if not verbs:
            return None
        cands = self._candidates(start, end)
        for verb in reversed(verbs):
            v = start + verb.start()
            sentence_start = start
            for m in _SENTENCE_END.finditer(self.text, start, v):
                sentence_start = m.end()
            subject = [
                c
                for c in cands
                if sentence_start <= c.start and c.end <= v and self._subject_like(c)
            ]
            if subject:
                return subject[-1].people, (subject[-1].start, subject[-1].end)
        return None

    # -- paraphrase -------------------------------------------------------------------------
    def paraphrase(self, direct: list[Quote]) -> list[Quote]:
        """ "X said (that) the city does not ..." without quotation marks: direct = False."""
        out: list[Quote] = []
        taken = {(q.start, q.end) for q in direct}
        for s, e, person in self.mentions:
            m = _PARAPHRASE.match(self.text, e)
            if not m or _PROXY_BEFORE.search(self.text, max(0, s - 60), s):
                continue
            start = m.end()
            lead = _ADVERBIAL.match(self.text, start)
            if lead:  # "said in a statement (on Monday) that ...": the clause after "that"
                if not lead.group(1):
                    continue
                start = lead.end()
            stop = self._sentence_end(start, min(len(self.text), start + 400))
            line_end = self.text.find("\n", start)
            if line_end >= 0:
                stop = min(stop, line_end)
            for mark in re.finditer(r"[“\"]", self.text[start:stop]):
                stop = start + mark.start()
                break
            clause = self.text[start:stop].rstrip(" ,.;:")
            if len(clause.split()) < 3 or (start, start + len(clause)) in taken:
                continue
            out.append(
                Quote(start, start + len(clause), clause, person.name, False, (s, e), "paraphrase")
            )
        return out
