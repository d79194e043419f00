"""Sentences saying that a jurisdiction is on an official "sanctuary" list.

For each sentence (bounded; see ``listings_sentences``):

1. **Which list.** Every list reference in the sentence (a list noun: "list", "report",
   "letters", "top-10"; or a listing verb with an agency as subject: "the Justice
   Department has identified ...") is read with its nearest publisher (DHS/ICE or
   DOJ/Attorney General), the report's own name ("Declined Detainer Outcome Report"),
   and era cues (years, "Sessions"/"Bondi"/"Noem", "more than 500", "April"/"nine",
   "November"/"29") from the sentence, else from the whole text. A list by a
   non-official body (CIS, ILRC, a map) is not a listing. References without a
   publisher ("that list", "a federal list", "the previous list") take the list the
   last few sentences named (or the one before it for "previous"/"old"/"earlier").
2. **Membership.** A sentence with a membership cue ("listed", "included", "inclusion",
   "placed/put on", "on ... list", "named", "identified as", "deemed", "one of 12
   states", "as follows", "include:") and a list (in the sentence, or named within the
   last ``CONTEXT`` sentences) makes the places it names members, except a state used as
   a modifier ("Connecticut cities", "Connecticut's Trust Act"). A sentence saying the
   places are not on the list ("absent from", "not on", "left off") gives no members.
3. **Enumerations.** A listing sentence that ends with a colon continues through the
   short lines after it ("States:", "California", "Cook County, Illinois" ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sanctuary_tracker.extract import listings_catalog as cat
from sanctuary_tracker.extract.listings_sentences import (
    Sentence,
    jurisdiction_label,
    places_in,
    sentences,
)
from sanctuary_tracker.places.resolve import PlaceMention

CONTEXT = 5  # sentences a named list stays the one "that list" means
ENUMERATION_LINE = 90
MAX_REFS = 12  # list references and publishers read per sentence (bounds the work)  # longest line read as an item of an enumeration after a colon

MEMBERSHIP = re.compile(
    r"\b(?:listed|listing|included|inclusion|includes?|including|named|identified|"
    r"label(?:l)?ed|labell?ing|deemed|designated|flagged|placed|placing|placement|put[ \t]on|"
    r"added|makes|made|among|as[ \t]follows|cited|one[ \t]of[ \t](?:the[ \t])?(?:\d+|\w+)[ \t]"
    r"(?:states|cities|counties|jurisdictions|places|localities)|received[ \t](?:a[ \t])?letters?|"
    r"letters?[ \t]to|sent[ \t](?:a[ \t])?letters?)\b"
    r"|\bon[ \t](?:the|that|this|a|its|their|ICE's|ICE’s|DHS's|DHS’s)[ \t](?:[\w-]+[ \t]){0,3}(?:list|report)\b",
    re.I,
)
NOT_ON = re.compile(
    r"\b(?:absent[ \t]from|left[ \t]off|excluded[ \t]from|omitted[ \t]from|not[ \t](?:on|in|among|included|listed|named)|"
    r"(?:isn't|wasn't|aren't|weren't|isn’t|wasn’t|aren’t|weren’t)[ \t](?:on|in|among|included|listed|named))\b",
    re.I,
)
ANAPHORIC = re.compile(
    r"\b(?:that|the|this|a|its|their|same|federal|government|administration's|administration’s)"
    r"[ \t](?:[\w’'-]+[ \t]){0,2}(?:list|report|watch[ \t]?list)\b",
    re.I,
)
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


@dataclass
class Listing:
    start: int
    end: int
    list_id: str
    members: list[PlaceMention] = field(default_factory=list)
    cue: str = ""

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
            "list": cat.LISTS[self.list_id].name,
            "list_id": self.list_id,
            "jurisdictions": labels,
            "members": members,
            "cue": self.cue,
        }


def find_listings(text: str, places: list[PlaceMention]) -> list[Listing]:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    if not places or not cat_cue_present(text):
        return []
    era = _document_era(text)
    ordered = sorted(places, key=lambda p: p.start)
    found: list[Listing] = []
    history: list[tuple[int, str]] = []  # (sentence index, list id) in order named
    all_sentences = sentences(text)
    skip_until = -1
    for index, sentence in enumerate(all_sentences):
        if index <= skip_until:
            continue
        named = _lists_named(sentence.text, era, history, index)
        for list_id in named:
            if not history or history[-1][1] != list_id:
                history.append((index, list_id))
            else:
                history[-1] = (index, list_id)
        cue = MEMBERSHIP.search(sentence.text)
        if not cue:
            continue
        list_id = named[-1] if named else _recent(history, index)
        if list_id is None or list_id == "unofficial":
            continue
        if NOT_ON.search(sentence.text):
            continue
        members = _members(text, sentence, places_in(ordered, sentence.start, sentence.end))
        end = sentence.end
        if sentence.text.endswith(":"):
            more, last = _enumeration(all_sentences, index + 1, ordered)
            if more:
                members += more
                end = all_sentences[last].end
                skip_until = last
        if members:
            found.append(Listing(sentence.start, end, list_id, members, cue.group()))
    return found


_QUICK = re.compile(
    r"\b(?:list|report|letters?|listed|listing|identified|deemed|labell?ed|DDOR)\b", re.I
)


def cat_cue_present(text: str) -> bool:
    """A quick test that the text mentions any list at all."""
    return _QUICK.search(text) is not None


def _document_era(text: str) -> str | None:
    later = len(cat.ERA_2025.findall(text))
    earlier = len(cat.ERA_2017.findall(text))
    if later == earlier:
        return None
    return "2025" if later > earlier else "2017"


def _recent(history: list[tuple[int, str]], index: int) -> str | None:
    if history and index - history[-1][0] <= CONTEXT:
        return history[-1][1]
    return None


def _lists_named(sentence: str, era: str | None, history, index: int) -> list[str]:
    """The official lists the sentence refers to, in order of mention ("unofficial" for a
    list by some other body)."""
    refs = [
        m.start() for _, m in zip(range(MAX_REFS), cat.LIST_NOUN.finditer(sentence), strict=False)
    ]
    agencies = [
        (m.start(), "DHS")
        for _, m in zip(range(MAX_REFS), cat.DHS.finditer(sentence), strict=False)
    ]
    agencies += [
        (m.start(), "DOJ")
        for _, m in zip(range(MAX_REFS), cat.DOJ.finditer(sentence), strict=False)
    ]
    agencies += [
        (m.start(), "other")
        for _, m in zip(range(MAX_REFS), cat.UNOFFICIAL.finditer(sentence), strict=False)
    ]
    if agencies:
        refs += [
            m.start()
            for _, m in zip(range(MAX_REFS), cat.LISTING_VERB.finditer(sentence), strict=False)
        ]
    if cat.DDOR.search(sentence):
        return ["dhs-ddor-2017"]
    if not refs:
        return []
    named: list[str] = []
    if not agencies:
        if cat.EARLIER.search(sentence):
            list_id = _earlier(history)
        elif ANAPHORIC.search(sentence):
            list_id = _recent(history, index)
        else:
            list_id = None
        return [list_id] if list_id else []
    local_era = _sentence_era(sentence) or era
    for ref in sorted(refs):
        _, agency = min(agencies, key=lambda a: abs(a[0] - ref))
        list_id = _resolve(agency, sentence, local_era)
        if list_id not in named:
            named.append(list_id)
    return named


def _sentence_era(sentence: str) -> str | None:
    if cat.ERA_2025.search(sentence):
        return "2025"
    if cat.ERA_2017.search(sentence):
        return "2017"
    return None


def _resolve(agency: str, sentence: str, era: str | None) -> str:
    if agency == "other":
        return "unofficial"
    if agency == "DHS":
        return "dhs-2025-05" if era == "2025" else "dhs-ddor-2017"
    letters = re.search(r"\bletters?\b", sentence, re.I)
    if era == "2025" and not letters:
        return "doj-2025-08"
    if cat.NOVEMBER.search(sentence):
        return "doj-2017-11-letters"
    if cat.APRIL.search(sentence):
        return "doj-2017-04-letters"
    if era == "2017" or letters:
        return "doj-2017-04-letters"  # the first and most reported letters
    return "doj-2025-08"


def _earlier(history: list[tuple[int, str]]) -> str | None:
    if len(history) >= 2:
        return history[-2][1]
    return history[-1][1] if history else None


def _members(text: str, sentence: Sentence, mentions: list[PlaceMention]) -> list[PlaceMention]:
    kept = []
    for m in mentions:
        if m.jurisdiction.level == "state" and STATE_MODIFIER.match(text, m.end, sentence.end):
            continue
        if m.start == sentence.start and DATELINE.match(text, m.end, sentence.end):
            continue
        kept.append(m)
    return kept


def _enumeration(
    all_sentences: list[Sentence], first: int, places: list[PlaceMention]
) -> tuple[list[PlaceMention], int]:
    """The places on the short lines after a colon, and the index of the last such line."""
    members: list[PlaceMention] = []
    last = first - 1
    for index in range(first, len(all_sentences)):
        line = all_sentences[index]
        if len(line.text) > ENUMERATION_LINE:
            break
        found = places_in(places, line.start, line.end)
        if found:
            members += [m for m in found if not _qualifier_only(m, found)]
            last = index
        elif ENUM_HEADER.match(line.text):
            last = index
        else:
            break
    return members, last


def _qualifier_only(mention: PlaceMention, on_line: list[PlaceMention]) -> bool:
    """A state named after a comma to qualify the place before it ("Cook County, Illinois")."""
    if mention.jurisdiction.level != "state":
        return False
    return any(
        other.end <= mention.start and other.jurisdiction.state == mention.jurisdiction.state
        for other in on_line
        if other is not mention
    )
