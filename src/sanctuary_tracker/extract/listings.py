"""Sentences saying that a jurisdiction is on an official "sanctuary" list.

For each sentence (bounded; see ``sanctuary_tracker.text.sentences``):

1. **Which list.** Every list reference in the sentence (a list noun: "list", "report",
   "letters", "top 10"; a listing verb with an agency as subject: "the Justice Department
   has identified ..."; an agency saying places are sanctuaries: "DHS says Portland is
   defying federal law") is read for what the text says of the list: its agency (the
   nearest DHS/ICE or DOJ/Attorney General), its kind (report, letters, list) and its date
   (the nearest month and year; a range of dates is the period a report covers, not its
   date). The shipped editions consistent with that (``listings_catalog``) are the
   candidates: one is the list; several are told apart by the dates and kinds the whole
   text names; none (a letter in a month no edition has) gives no listing. The report's
   own name ("Declined Detainer Outcome Report") names it. A list by a non-official body
   (CIS, ILRC, TRAC) is not a listing. References without an agency ("that list", "the
   report", "the previous list") take the list the last few sentences named (or the one
   before it for "previous"/"old"/"earlier").
2. **Membership.** A sentence with a membership cue ("listed", "identifies", "included",
   "placed/put on", "landed on", "on ... list", "in the top 10", "named", "deemed", "one
   of 12 states", "as follows", "include:") and a list (in the sentence, or named within
   the last ``CONTEXT`` sentences) makes the places it names members, except a state used
   as a modifier ("Connecticut cities"), a dateline, and a place that only locates another
   ("90 miles north of Des Moines"). A sentence saying the places are not on the list
   ("absent from", "not on", "left off") gives no members, but for the places of a
   listing clause after the negation ("..., which listed Travis County").
3. **The next sentences.** A sentence right after a listing that opens as its continuation
   ("Also", "Additionally", "Finally") and speaks of the same thing (shares a word with
   it) adds its places to the same list, for up to ``FOLLOW`` sentences.
4. **Enumerations.** A listing sentence, or one naming the jurisdictions of a list, that
   ends with a colon continues through the short lines after it ("States:", "California",
   "1.", "Cook County, Illinois", ...); each line gives the places at its head, not those
   in a clause after them ("Clark County, Nev., which has Las Vegas ...").

Every listing keeps its reason: the membership cue and what identified the edition.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sanctuary_tracker.extract import listings_catalog as cat
from sanctuary_tracker.extract.listings_anaphora import points_back
from sanctuary_tracker.extract.mentions import Mentions, jurisdiction_label
from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text import scan
from sanctuary_tracker.text.sentences import Sentence, cut_inside_words, sentences

CONTEXT = 5  # sentences a named list stays the one "that list" means
FOLLOW = 3  # sentences a listing's continuation ("Also ...", "Finally ...") may run on
DESIGNATION_REACH = 15  # sentences within which an agency's designation needs a list named
ENUMERATION_LINE = 90  # longest line read as an item of an enumeration after a colon
AGENCY_REACH = 200  # characters between a list and the agency said to publish it
MAX_REFS = 12  # list references and publishers read per sentence (bounds the work)

MEMBERSHIP = re.compile(
    r"\b(?:list(?:ed|ing)|includ(?:e|es|ed|ing)|inclusion|names|named|identif(?:y|ies|ied)|"
    r"label(?:s|l?ed|l?ing)|deem(?:s|ed)|designat(?:es|ed)|flag(?:s|ged)|plac(?:ed|ing|ement)|"
    r"put[ \t]on|landed[ \t]on|add(?:s|ed)|makes|made|among|as[ \t]follows|cites|cited|"
    r"one[ \t]of[ \t](?:the[ \t])?(?:\d+|\w+)[ \t]"
    r"(?:states|cities|counties|jurisdictions|places|localities)|received[ \t](?:a[ \t])?letters?|"
    r"letters?[ \t]to|sent[ \t](?:a[ \t])?letters?)\b"
    r"|\bon[ \t](?:the|that|this|a|its|their|ICE's|ICE’s|DHS's|DHS’s)[ \t](?:[\w'’-]+[ \t]){0,4}"
    r"(?:list|report)\b"
    rf"|\b(?:on|in)[ \t]the[ \t]top[ \t-]{cat.NUMBER_WORD}\b",
    re.I,
)
NOT_ON = re.compile(
    r"\b(?:absent[ \t]from|left[ \t]off|excluded[ \t]from|omitted[ \t]from|"
    r"not[ \t](?:on|in|among|included|listed|named)|"
    r"(?:isn't|wasn't|aren't|weren't|isn’t|wasn’t|aren’t|weren’t)[ \t]"
    r"(?:on|in|among|included|listed|named))\b",
    re.I,
)
# A relative clause that lists after a negated one: ", which listed", ", which named".
_LISTING_CLAUSE = re.compile(
    r",[ \t]+(?:which|that)[ \t]+(?:also[ \t]+)?(?:listed|named|included|identified|cited)\b",
    re.I,
)
ANAPHORIC = re.compile(
    r"\b(?:that|the|this|a|its|their|same|federal|government|administration's|administration’s)"
    r"[ \t](?:[\w’'-]+[ \t]){0,2}(?:list|report|watch[ \t]?list)\b"
    rf"|\btop[ \t-]{cat.NUMBER_WORD}\b",
    re.I,
)
# An agency saying places are sanctuaries: the designation a list makes, said in words.
DESIGNATION = re.compile(
    r"\b(?:says?|said|target(?:s|ed|ing)|accus(?:es|ed|ing)|call(?:s|ed)|consider(?:s|ed))\b", re.I
)
SANCTUARY_CLAIM = re.compile(
    r"\bsanctuary\b|\bdefy(?:ing)?\b|\bobstruct(?:s|ing|ed)?\b|\bnon-?complian(?:t|ce)\b"
    r"|\b(?:un|non-?)cooperative\b|\brefus(?:e|es|ed|ing)[ \t]+to[ \t]+cooperate\b",
    re.I,
)
# A sentence opening as the continuation of the one before ("Also ...", "Finally, ...").
CONTINUES = re.compile(
    r"^(?:Also|Additionally|In[ \t]addition|Finally|Likewise|Similarly|Besides|Plus|Further)\b"
)
# Words of a sentence that say what it is about (to tell a continuation from a new topic).
_WORD = re.compile(r"[a-z]{5,}")
_COMMON = frozenset(
    "about above after again against also among another because before being below between "
    "could during every first former other others their there these those through under until "
    "where which while would should still since county counties cities state states "
    "additionally finally likewise similarly besides further said says".split()
)
# A sentence introducing the jurisdictions of a list ("The top five counties:").
JURISDICTIONS_NOUN = re.compile(
    r"\b(?:states|cities|counties|jurisdictions|places|localities|municipalities|towns)\b", re.I
)
# A place that only locates another ("90 miles north of Des Moines", "near Seattle").
LOCATOR = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?[ \t]+of"
    r"|\boutside(?:[ \t]+of)?|\bnear|\bnext[ \t]+to|\bmiles[ \t]+from)[ \t]+(?:the[ \t]+)?$",
    re.I,
)
# Before the place that opens an item line: a bullet, a number, "the" at most.
ITEM_OPENING = re.compile(r"[^\w]*(?:\d{1,3}[.)][ \t]*)?(?:the[ \t]+)?$", re.I)
ITEM_MARKER = re.compile(r"^(?:\(?\d{1,3}[.)]|[•*·-])$")
# Between two places at the head of an enumeration line: separators only.
ITEM_JOIN = re.compile(r"^(?:[ \t]*(?:,|;|&|and|or|,[ \t]*and)[ \t]*)$|^[ \t]+$")
# After a state's name, words that make it a modifier rather than a jurisdiction named.
STATE_MODIFIER = re.compile(
    r"(?:['’]s\b|[ \t]+(?:cities|city|municipalities|towns|counties|county|communities|officials|"
    r"leaders|lawmakers|legislators|sheriffs?|residents|jurisdictions|places|mayors|governor|police|"
    r"Attorney|Trust|Legislature|Department|State[ \t]Police|Governor|Gov\.|Senate|House|Supreme|"
    r"law|laws|delegation|Democrats|Republicans|officers|agencies|jails)\b)"
)
# A dateline: a place opening a sentence, then a dash ("CHAMBERSBURG - ", "BOSTON (AP) —").
DATELINE = re.compile(
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?[ \t]*(?:\([\w .]{1,20}\)[ \t]*)?[-–—][ \t]"
)
ENUM_HEADER = re.compile(r"^[A-Z][\w ,&-]{0,40}:$")
UNOFFICIAL = "unofficial"


@dataclass
class Listing:
    start: int
    end: int
    list_id: str
    members: list[PlaceMention] = field(default_factory=list)
    cue: str = ""
    edition_reason: str = ""

    def to_record(self) -> dict[str, Any]:
        labels, seen, members = [], set(), []
        for m in self.members:
            label = jurisdiction_label(m)
            if label in seen:
                continue
            seen.add(label)
            labels.append(label)
            j = m.jurisdiction
            members.append({"name": label.rsplit(",", 1)[0] if "," in label else label,
                             "state": j.state, "geoid": j.geoid, "ocd_id": j.ocd_id})  # fmt: skip
        return {
            "list": cat.by_id(self.list_id).name,
            "list_id": self.list_id,
            "jurisdictions": labels,
            "members": members,
            "cue": self.cue,
            "edition_reason": self.edition_reason,
        }


@dataclass(frozen=True, slots=True)
class _Named:
    """A list a sentence refers to: its edition, what identified it, how the sentence
    referred to it when not by name, and the cue when the reference is itself a listing."""

    list_id: str
    reason: str
    via: str = ""
    cue: str = ""

    def explained(self) -> str:
        return f"{self.reason} (referred to as '{self.via}')" if self.via else self.reason


@dataclass
class _Reading:
    """What the whole text says of lists, and the lists named so far."""

    evidence: tuple[list[cat.Date], Counter[str]]  # the text's dates, its list nouns' kinds
    own_names: int  # how often the text names the report by its own name
    # Sentences that may name a list noun, and whether one may name the report: a pattern
    # the whole text lacks is in none of its sentences (unless one is cut inside a word).
    noun_sentences: frozenset[int] = frozenset()
    may_name_report: bool = True
    support: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # by edition
    history: list[tuple[int, str, str]] = field(default_factory=list)  # (sentence, id, reason)
    # The sentence being read, and the text's places: its places tell apart editions that
    # what it says of them cannot (``_by_members``).
    span: tuple[int, int] = (0, 0)
    places: Mentions = field(default_factory=lambda: Mentions([]))
    last_listing: tuple[int, str, str, frozenset[str]] | None = None  # index, id, reason, words


def find_listings(text: str, places: list[PlaceMention]) -> list[Listing]:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    if not places or not cat_cue_present(text):
        return []
    ordered = Mentions(places)
    all_sentences = sentences(text)
    list_sentences = _list_noun_sentences(text, all_sentences)
    own_names = sum(1 for _ in cat.DDOR_OPENINGS.matches(cat.DDOR, text))
    reading = _Reading(
        _evidence(text),
        own_names,
        noun_sentences=frozenset(list_sentences),
        may_name_report=own_names > 0 or cut_inside_words(text, all_sentences),
        places=ordered,
    )
    found: list[Listing] = []
    skip_until = -1
    for index, sentence in enumerate(all_sentences):
        if index <= skip_until:
            continue
        at = bisect.bisect_left(list_sentences, index - DESIGNATION_REACH)
        near_list = at < len(list_sentences) and list_sentences[at] <= index + DESIGNATION_REACH
        reading.span = (sentence.start, sentence.end)
        named = _lists_named(sentence.text, reading, index, near_list)
        for item in named:
            _remember(reading, index, item.list_id, item.reason)
        listing = _listing_in(text, sentence, index, named, reading, ordered)
        if listing is None:
            continue
        if not listing.members and index > 0:
            _referred_members(text, all_sentences[index - 1], sentence, listing, ordered)
        if sentence.text.endswith(":"):
            more, last = _enumeration(text, all_sentences, index + 1, ordered)
            if more:
                listing.members += more
                listing.end = all_sentences[last].end
                skip_until = last
                _remember(reading, last, listing.list_id, reading.history[-1][2])
        if listing.members:
            found.append(listing)
            words = _topic_words(sentence.text)
            reading.last_listing = (skip_until if skip_until > index else index,
                                    listing.list_id, listing.edition_reason, words)  # fmt: skip
    return found


def _remember(reading: _Reading, index: int, list_id: str, reason: str) -> None:
    """The list named last is the one "that list" means for the next sentences."""
    if list_id == UNOFFICIAL or not reading.history or reading.history[-1][1] != list_id:
        reading.history.append((index, list_id, reason))
    else:
        reading.history[-1] = (index, list_id, reading.history[-1][2])


def _listing_in(text, sentence, index, named, reading, ordered) -> Listing | None:
    """The listing one sentence makes (its members not yet checked), or None."""
    if named:
        list_id, reason = named[-1].list_id, named[-1].explained()
    else:
        recent = _recent(reading.history, index)
        list_id, reason = (
            (recent[1], f"{recent[2]} (named {index - recent[0]} sentences before)")
            if recent
            else (None, "")
        )
    last = reading.last_listing
    if list_id in (None, UNOFFICIAL) and (last is None or index - last[0] > 1):
        return None  # no list it could be on, and no listing just before to continue
    cue_match = MEMBERSHIP.search(sentence.text)
    cue = cue_match.group() if cue_match else ""
    if named:
        cue = cue or named[-1].cue  # an agency's designation: the cue is what it says
    if not cue:
        follow = _continuation(sentence.text, index, reading)
        if follow is not None:
            list_id, reason, cue = follow
        elif sentence.text.endswith(":") and named and JURISDICTIONS_NOUN.search(sentence.text):
            cue = "introduces " + JURISDICTIONS_NOUN.search(sentence.text).group()
    if not cue or list_id is None or list_id == UNOFFICIAL:
        return None
    first = sentence.start
    negated = NOT_ON.search(sentence.text)
    if negated:
        # "X was not among those the report named, which listed Y and Z": Y and Z are on it
        relative = _LISTING_CLAUSE.search(sentence.text, negated.end())
        if relative is None:
            return None
        first = sentence.start + relative.end()
        cue = f"{cue}; only the places after '{relative.group().strip(', ')}'"
    members = _members(text, sentence, ordered.inside(first, sentence.end))
    return Listing(sentence.start, sentence.end, list_id, members, cue, reason)


def _referred_members(text, before: Sentence, sentence: Sentence, listing, places) -> None:
    """A listing whose subject points back to the places the sentence before names ("All
    three are on the list", "Both cities were named"): those places are its members, of the
    kind it says and as many as it says (else none: the words point elsewhere)."""
    said = points_back(sentence.text)
    if said is None:
        return
    level, count, words = said
    found = [
        m
        for m in _members(text, before, places.inside(before.start, before.end))
        if level is None or m.jurisdiction.level == level
    ]
    named = list(dict.fromkeys(m.jurisdiction.geoid for m in found))
    if not named or (count is not None and count != len(named)):
        return
    listing.members = found
    listing.start = before.start
    listing.cue += f"; '{words}' names the places of the sentence before"


def _continuation(sentence: str, index: int, reading: _Reading) -> tuple[str, str, str] | None:
    """(list id, reason, cue) when the sentence continues the listing just before it."""
    last = reading.last_listing
    opener = CONTINUES.match(sentence)
    if last is None or opener is None or index - last[0] > 1:
        return None
    shared = sorted(last[3] & _topic_words(sentence))
    if not shared:
        return None
    return last[1], last[2], f"continues the listing before ({opener.group()}; '{shared[0]}')"


def _topic_words(sentence: str) -> frozenset[str]:
    words = {w for w in _WORD.findall(sentence.lower()) if w not in _COMMON}
    return frozenset(w[:-1] if w.endswith("s") else w for w in words)


_QUICK = re.compile(
    r"\b(?:list|report|letters?|listed|listing|identified|deemed|labell?ed|DDOR|sanctuary)\b",
    re.I,
)

_QUICK_OPENINGS = scan.Openings(
    "list", "report", "letter", "identified", "deemed", "label", "DDOR", "sanctuary"
)


def _list_noun_sentences(text: str, all_sentences: tuple[Sentence, ...]) -> list[int]:
    """The indexes of the sentences that name a list ("list", "report", "letters" ...):
    searched for only in the sentences where a list noun's first word starts."""
    starts = cat.LIST_NOUN_OPENINGS.starts(text)
    return [
        i
        for i, s in enumerate(all_sentences)
        if (starts is None or _starts_inside(starts, s)) and cat.LIST_NOUN.search(s.text)
    ]


def _starts_inside(starts: list[int], sentence: Sentence) -> bool:
    at = bisect.bisect_left(starts, sentence.start)
    return at < len(starts) and starts[at] < sentence.end


def cat_cue_present(text: str) -> bool:
    """A quick test that the text mentions any list at all."""
    return next(_QUICK_OPENINGS.matches(_QUICK, text), None) is not None


def _evidence(text: str) -> tuple[list[cat.Date], Counter[str]]:
    """The dates the text names and the kinds of list it names, to tell editions apart."""
    kinds = Counter(
        cat.NOUN_KIND.get(m.group().lower(), "list")
        for m in cat.LIST_NOUN_OPENINGS.matches(cat.LIST_NOUN, text)
    )
    return cat.dates_in(text), kinds


def _recent(history, index: int):
    if history and index - history[-1][0] <= CONTEXT:
        return history[-1]
    return None


def _lists_named(sentence: str, reading: _Reading, index: int, near_list: bool):
    """The lists the sentence refers to, in order of mention: (list id, reason[, how]),
    the id "unofficial" for a list by some other body."""
    nouns = [(m.start(), m.group()) for _, m in zip(range(MAX_REFS), cat.LIST_NOUN.finditer(sentence), strict=False)] if index in reading.noun_sentences else []  # fmt: skip
    agencies = _agencies(sentence)
    refs = [(start, cat.NOUN_KIND.get(noun.lower(), "list")) for start, noun in nouns]
    if agencies:
        refs += [
            (m.start(), None)
            for _, m in zip(range(MAX_REFS), cat.LISTING_VERB.finditer(sentence), strict=False)
        ]
    if reading.may_name_report and cat.DDOR.search(sentence):
        return [_Named(cat.DDOR_ID, f"named: '{cat.DDOR.search(sentence).group()}'")]
    if not refs:
        return _designation(sentence, agencies, reading, near_list)
    dates = cat.dates_in(sentence)
    owned = _owned_dates(agencies, dates) if agencies else {}
    named: list[_Named] = []
    for ref, kind in sorted(refs, key=lambda r: r[0]):
        near = [a for a in agencies if abs(a[0] - ref) <= AGENCY_REACH]
        if near:  # a publisher named far from the list is not said to be its publisher
            at, agency = min(near, key=lambda a: (abs(a[0] - ref), a[0]))
            resolved = _resolve(agency, kind, at, owned.get(at, []), reading)
            item = _Named(*resolved) if resolved else None
        else:
            item = _unattributed(sentence, ref, kind, dates, reading, index)
        if item and item.list_id not in [n.list_id for n in named]:
            named.append(item)
    return named


def _unattributed(sentence, ref, kind, dates, reading, index) -> _Named | None:
    """A list named without its agency: by its date ("the August 2025 list"), else the list
    the last sentences named ("that list", "the previous report")."""
    near = sorted((d for d in dates if abs(d.start - ref) <= AGENCY_REACH),
                  key=lambda d: (abs(d.start - ref), d.start))  # fmt: skip
    if near:
        said = cat.Said(None, kind, near[0].year, near[0].month)
        resolved = _choose(cat.matching_editions(said), said, reading)
        return _Named(*resolved) if resolved else None
    return _referred_back(sentence, reading, index)


@lru_cache(maxsize=64)
def _anaphora(sentence: str) -> tuple[bool, str]:
    """(whether the sentence refers back to an earlier list, the words it uses)."""
    earlier = cat.EARLIER.search(sentence)
    match = earlier or ANAPHORIC.search(sentence)
    return earlier is not None, match.group() if match else ""


def _referred_back(sentence: str, reading: _Reading, index: int) -> _Named | None:
    earlier, words = _anaphora(sentence)
    if not words:
        return None
    recent = _earlier(reading.history) if earlier else _recent(reading.history, index)
    return _Named(recent[1], recent[2], via=words) if recent else None


def _agencies(sentence: str) -> list[tuple[int, str]]:
    found = []
    for name, pattern in (("DHS", cat.DHS), ("DOJ", cat.DOJ), (UNOFFICIAL, cat.UNOFFICIAL)):
        if not any(word in sentence for word in cat.AGENCY_WORDS[name]):
            continue
        found += [(m.start(), name) for _, m in zip(range(MAX_REFS), pattern.finditer(sentence), strict=False)]  # fmt: skip
    return sorted(found)


def _owned_dates(agencies, dates: list[cat.Date]) -> dict[int, list[cat.Date]]:
    """Each date goes with the agency named nearest it ("DHS in May", "On March 29, 2017,
    the Justice Department"): the date of what that agency published."""
    owned: dict[int, list[cat.Date]] = {}
    for date in dates:
        at, _ = min(
            agencies, key=lambda a: (min(abs(a[0] - date.start), abs(a[0] - date.end)), a[0])
        )
        owned.setdefault(at, []).append(date)
    return owned


def _designation(sentence, agencies, reading, near_list):
    """An agency saying places are sanctuaries, in a text that names a list nearby."""
    official = [a for a in agencies if a[1] != UNOFFICIAL]
    if not near_list or not official or len(official) != len(agencies):
        return []
    verb, claim = DESIGNATION.search(sentence), SANCTUARY_CLAIM.search(sentence)
    if not verb or not claim:
        return []
    at, agency = official[0]
    owned = _owned_dates(agencies, cat.dates_in(sentence))
    resolved = _resolve(agency, None, at, owned.get(at, []), reading)
    if resolved is None:
        return []
    how = f"{agency} {verb.group()} ... {claim.group()}"
    return [_Named(resolved[0], f"designation ({how}); {resolved[1]}", cue=how)]


def _resolve(agency: str, kind, ref: int, dates: list[cat.Date], reading: _Reading):
    """(edition id, reason) for a reference: what the sentence says, then the whole text."""
    if agency == UNOFFICIAL:
        return (UNOFFICIAL, "a list by a non-official body")
    for date in sorted(dates, key=lambda d: (abs(d.start - ref), d.start)):
        said = cat.Said(agency, kind, date.year, date.month)
        candidates = cat.matching_editions(said)
        if candidates:
            return _choose(candidates, said, reading)
    if dates:
        return None  # a date no edition of this agency has: no edition rather than a wrong one
    said = cat.Said(agency, kind)
    return _choose(cat.matching_editions(said), said, reading)


def _choose(candidates, said: cat.Said, reading: _Reading):
    if len(candidates) == 1:
        return (candidates[0].list_id, f"{said.describe()} -> {candidates[0].list_id}")
    scored = sorted(((_support(e, reading), e.list_id) for e in candidates), reverse=True)
    if not scored or scored[0][0] == (0, 0, 0, 0):
        return None
    best = scored[0]
    if len(scored) > 1 and scored[1][0] == best[0]:
        tied = [e for e in candidates if _support(e, reading) == best[0]]
        return _by_members(tied, said, reading)
    return (best[1], f"{said.describe()} -> {best[1]} (the text's dates and kinds: {best[0]})")


def _by_members(tied: list[cat.OfficialList], said: cat.Said, reading: _Reading):
    """Editions the text's words fit alike, told apart by the places the sentence names."""
    named = {m.jurisdiction.geoid for m in reading.places.inside(*reading.span)}
    edition = cat.told_apart_by_members(tied, named)
    if edition is None:
        return None
    others = ", ".join(e.list_id for e in tied if e is not edition)
    return (
        edition.list_id,
        f"{said.describe()} -> {edition.list_id} (of the editions that fit, it has places "
        f"the sentence names among its members; {others} has none)",
    )


def _support(edition: cat.OfficialList, reading: _Reading) -> tuple[int, int, int, int]:
    """What the whole text says for an edition: its dates that fit it (with a year, without),
    its own name's count for the report, and its list nouns of the edition's kind (worked
    out once per edition: a long text names many lists)."""
    known = reading.support.get(edition.list_id)
    if known is not None:
        return known
    dates, kinds = reading.evidence
    fits = [d for d in dates if cat.date_fits(edition, cat.Said(year=d.year, month=d.month))]
    with_year = sum(d.year is not None for d in fits)
    own_name = reading.own_names if edition.list_id == cat.DDOR_ID else 0
    found = (with_year, len(fits) - with_year, own_name, kinds[edition.kind])
    reading.support[edition.list_id] = found
    return found


def _earlier(history):
    if len(history) >= 2:
        return history[-2]
    return history[-1] if history else None


def _members(text: str, sentence: Sentence, mentions: list[PlaceMention]) -> list[PlaceMention]:
    kept = []
    for m in mentions:
        if m.jurisdiction.level == "state" and STATE_MODIFIER.match(text, m.end, sentence.end):
            continue
        if m.start == sentence.start and DATELINE.match(text, m.end, sentence.end):
            continue
        if LOCATOR.search(text, max(sentence.start, m.start - 40), m.start):
            continue
        kept.append(m)
    return kept


def _enumeration(
    text: str, all_sentences: list[Sentence], first: int, places: Mentions
) -> tuple[list[PlaceMention], int]:
    """The places on the short lines after a colon, and the index of the last such line."""
    members: list[PlaceMention] = []
    last = first - 1
    for index in range(first, len(all_sentences)):
        line = all_sentences[index]
        if len(line.text) > ENUMERATION_LINE:
            break
        found = places.inside(line.start, line.end)
        if found and ITEM_OPENING.match(text, line.start, found[0].start):
            members += _head_of_line(text, found)
            last = index
        elif ENUM_HEADER.match(line.text) or ITEM_MARKER.match(line.text):
            last = index
        else:
            break
    return members, last


def _head_of_line(text: str, on_line: list[PlaceMention]) -> list[PlaceMention]:
    """The places at the head of an item line: the first, and those joined to it by
    separators only; a state qualifying the place before it ("Cook County, Illinois") and
    the places in a clause after them are left out."""
    head = [on_line[0]]
    for previous, mention in itertools.pairwise(on_line):
        if _qualifier_only(mention, head):
            continue
        if not ITEM_JOIN.match(text[previous.end : mention.start]):
            break
        head.append(mention)
    return head


def _qualifier_only(mention: PlaceMention, before: list[PlaceMention]) -> bool:
    """A state named after a comma to qualify the place before it ("Cook County, Illinois")."""
    if mention.jurisdiction.level != "state":
        return False
    return any(
        other.end <= mention.start and other.jurisdiction.state == mention.jurisdiction.state
        for other in before
    )
