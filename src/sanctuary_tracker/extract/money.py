"""Amounts of money a text states, with what the money is and whose it is.

Forms read (all in one linear pass of bounded regular expressions):

* a dollar sign: ``$500``, ``$5,000``, ``$4.1 billion``, ``$16.7M``, ``US$2 bn``;
* a number and ``dollars``: ``4.1 billion dollars``, ``500 dollars``;
* number words and ``dollars``: ``a million dollars``, ``a million-and-a-half dollars``,
  ``half a million dollars``, ``two and a half million dollars``;
* vague sums, value null: ``several millions of dollars``, ``hundreds of thousands of
  dollars``, ``a few million dollars``, ``millions in federal grants``;
* ranges, one item with the low end as ``value`` and ``high``: ``$1 million to $2
  million``, ``$1-2 million``, ``between $1 and $2 million``.

``$`` not followed by a number, percentages and bare years are not money. ``refers_to``
is a program named in the sentence (Byrne JAG, COPS, SCAAP ...) or else the funding noun
phrase nearest the amount ("Department of Justice funds", "law enforcement funds from the
Department of Justice"); ``jurisdiction`` is the place named nearest the amount in its
sentence, or, for "the city"/"the county"/"the state", the last such place named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sanctuary_tracker.extract.listings_sentences import (
    Sentence,
    jurisdiction_label,
    places_in,
    sentences,
)
from sanctuary_tracker.places.resolve import PlaceMention

_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}

_NUM = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,12})(?:\.\d{1,6})?(?![\d,]\d)"
_WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_SCALE = rf"(?:[ \t]{{0,2}}(?:{_WORD_SCALE}\b|mil\b|mn\b|bn\b|tn\b)|(?:[MmBbKk])\b)"
_DOLLAR = r"(?:US[ \t]?\$|\$|USD[ \t]?)[ \t]?"
_SIGN_AMOUNT = rf"{_DOLLAR}(?P<n1>{_NUM})(?P<s1>{_SCALE})?"
_RANGE_TAIL = (
    rf"(?:[ \t]{{0,2}}(?:-|–|—|to|and)[ \t]{{0,2}}(?:{_DOLLAR})?(?P<n2>{_NUM})(?P<s2>{_SCALE})?)?"
)
_NUMBER_DOLLARS = (
    rf"(?P<n3>{_NUM})(?P<s3>[ \t]{{1,2}}{_WORD_SCALE})?[ \t]{{1,2}}(?:U\.S\.[ \t])?dollars\b"
)
_WORD_NUM = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_HALF = r"(?:[ \t-]and[ \t-]a[ \t-]half)"
_WORDS_DOLLARS = (
    rf"\b(?P<half>half[ \t])?(?P<w>{_WORD_NUM})(?P<h1>{_HALF})?[ \t-]"
    rf"(?P<ws>{_WORD_SCALE})(?P<h2>{_HALF})?[ \t]{{1,2}}dollars\b"
)
_QUANT = (
    r"(?:several|many|a[ \t]few|few|a[ \t]couple[ \t]of|multiple|some|tens[ \t]of|hundreds[ \t]of)"
)
_VAGUE = (
    rf"\b(?:{_QUANT}[ \t]{{1,2}})?(?:(?:hundreds|tens)[ \t]of[ \t])?"
    r"(?:thousands|millions|billions|trillions)[ \t]of[ \t](?:federal[ \t]|taxpayer[ \t])?dollars\b"
    rf"|\b{_QUANT}[ \t]{{1,2}}(?:hundred[ \t])?(?:thousand|million|billion)[ \t]dollars\b"
    r"|\b(?:(?:hundreds|tens)[ \t]of[ \t])?(?:millions|billions)(?=[ \t]in[ \t](?:[\w-]+[ \t]){0,3}"
    r"(?:funds|funding|grants?|aid|money|revenue|dollars|reimbursements?)\b)"
)
_AMOUNT = re.compile(
    rf"(?P<sign>{_SIGN_AMOUNT}{_RANGE_TAIL})|(?P<nd>{_NUMBER_DOLLARS})|(?P<wd>{_WORDS_DOLLARS})|(?P<vague>{_VAGUE})",
    re.I,
)

# Programs and agencies a sum is often said to be from.
_PROGRAMS = re.compile(
    r"\b(?:Edward[ \t]Byrne[ \t]Memorial[ \t]Justice[ \t]Assistance[ \t]Grants?(?:[ \t]\(JAG\))?"
    r"|Byrne[ \t](?:JAG|Justice[ \t]Assistance[ \t]Grants?)(?:[ \t](?:program|grants?|funds?|funding))?"
    r"|Justice[ \t]Assistance[ \t]Grants?(?:[ \t]\(JAG\))?|JAG[ \t](?:program|grants?|funds?|funding)"
    r"|State[ \t]Criminal[ \t]Alien[ \t]Assistance[ \t]Program(?:[ \t]\(SCAAP\))?|SCAAP(?:[ \t](?:funds?|funding|grants?|payments?))?"
    r"|COPS(?:[ \t]Hiring)?[ \t](?:Program|grants?|funds?|funding)"
    r"|Community[ \t]Oriented[ \t]Policing[ \t]Services(?:[ \t]\(COPS\))?(?:[ \t](?:grants?|funds?|funding|program))?)",
)
_MONEY_NOUN = r"(?:funds|funding|grants?|grant[ \t]money|grant[ \t]funding|money|aid|bail|bond|budget|allocations?|awards?|reimbursements?|payments?|revenue|fines?|settlement|contracts?|subsid(?:y|ies))"
_MODIFIER = (
    r"(?:(?:[A-Z][\w.&'’-]*|of|the|and|for|federal|state|local|city|county|law|enforcement|"
    r"criminal|justice|public|safety|police|homeland|security|transportation|education|"
    r"housing|health|grant|taxpayer|immigration|department|anti-terrorism|counterterrorism)[ \t])"
)
_FUNDING = re.compile(
    rf"(?<![\w-])(?:{_MODIFIER}{{0,5}}){_MONEY_NOUN}\b"
    r"(?:[ \t](?:from|of)[ \t](?:the[ \t])?(?:U\.S\.[ \t])?(?:[A-Z][\w.&'’-]*[ \t]?(?:of[ \t](?:the[ \t])?)?){1,6}"
    r"|[ \t]for[ \t](?:local[ \t]|state[ \t])?(?:law[ \t]enforcement|police|policing|public[ \t]safety))?",
)
_LEADING_JUNK = re.compile(r"^(?:(?:the|of|and|for)[ \t])+", re.I)
_ANAPHOR = re.compile(
    r"\b(?:the|its|their|our|this)[ \t](?P<kind>city|town|county|state|village|borough)\b", re.I
)
_LEVEL_OF = {"city": "local", "town": "local", "village": "local", "borough": "local",
             "county": "county", "state": "state"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    text: str
    value: float | None
    high: float | None = None
    refers_to: str | None = None
    jurisdiction: str | None = None

    def to_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "text": self.text,
            "value": _number(self.value),
            "currency": "USD",
            "refers_to": self.refers_to,
            "jurisdiction": self.jurisdiction,
        }
        if self.high is not None:
            record["high"] = _number(self.high)
        return record


# Every amount holds one of these; the full pattern runs only near them. An amount starts
# at most _BEFORE characters before its anchor ("two and a half million dollars") and ends
# at most _AFTER after it ("$1.5 million to $2.25 million").
_ANCHOR = re.compile(r"\$|\bUSD|dollars?\b|illions?\b|thousands?\b|\bhundreds\b", re.I)
_BEFORE, _AFTER = 80, 80


def _candidates(text: str):
    """The full pattern's matches, found only in windows around anchors (the same matches
    as a scan of the whole text, at a fraction of the cost on text with little money)."""
    windows: list[list[int]] = []
    for anchor in _ANCHOR.finditer(text):
        start, end = max(0, anchor.start() - _BEFORE), anchor.end() + _AFTER
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    last = 0
    for start, end in windows:
        for match in _AMOUNT.finditer(text, max(start, last), min(end, len(text))):
            last = match.end()
            yield match


def find_amounts(text: str, places: list[PlaceMention]) -> list[Amount]:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    found: list[Amount] = []
    spans = [(m.start(), m.end(), m) for m in _candidates(text)]
    if not spans:
        return found
    ordered = sorted(places, key=lambda p: p.start)
    next_span = 0  # spans and sentences both run in text order: walk them together
    for sentence in sentences(text):
        while next_span < len(spans) and spans[next_span][0] < sentence.start:
            next_span += 1
        if next_span == len(spans):
            break
        inside = []
        while next_span < len(spans) and spans[next_span][1] <= sentence.end:
            inside.append(spans[next_span])
            next_span += 1
        for start, end, match in inside:
            parsed = _parse(match, text)
            if parsed is None:
                continue
            value, high, start = parsed[0], parsed[1], parsed[2]
            found.append(
                Amount(
                    start=start,
                    end=end,
                    text=text[start:end],
                    value=value,
                    high=high,
                    refers_to=_refers_to(sentence, start, end),
                    jurisdiction=_jurisdiction(sentence, start, end, ordered),
                )
            )
    return found


def _parse(match: re.Match, text: str) -> tuple[float | None, float | None, int] | None:
    g = match.groupdict()
    start = match.start()
    if g["sign"]:
        low = _value(g["n1"], g["s1"])
        if g["n2"] is None:
            return low, None, start
        joiner = text[match.end("n1") if not g["s1"] else match.end("s1") : match.start("n2")]
        high = _value(g["n2"], g["s2"])
        if "and" in joiner.lower() and not re.search(
            r"between[ \t]+$", text[max(0, start - 12) : start], re.I
        ):
            return None  # "$5 and 6 ..." without "between" is two things; read the first alone
        if g["s1"] is None and g["s2"]:
            low = _value(g["n1"], g["s2"])  # "$1-2 million", "$1 to $2 million"
        if high is None or low is None or high <= low:
            return low, None, start
        if "between" in text[max(0, start - 12) : start].lower():
            start = text.lower().rfind("between", max(0, start - 12), start)
        return low, high, start
    if g["nd"]:
        number = g["n3"]
        if not g["s3"] and re.fullmatch(r"(?:19|20)\d\d", number):
            before = text[max(0, match.start() - 4) : match.start()].lower()
            if before.endswith("in "):
                return None  # "in 2017 dollars": a price level, not a sum
        return _value(number, g["s3"]), None, start
    if g["wd"]:
        base = _WORD_NUMBERS[g["w"].lower()]
        if g["half"]:
            base = 0.5 if base == 1 else base / 2
        if g["h1"] or g["h2"]:
            base += 0.5
        return base * _SCALES[g["ws"].lower()], None, start
    return None, None, start  # vague


def _value(number: str | None, scale: str | None) -> float | None:
    if number is None:
        return None
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    if scale:
        value *= _SCALES.get(scale.strip().lower(), 1)
    return value


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def _refers_to(sentence: Sentence, start: int, end: int) -> str | None:
    """The program or funding phrase nearest the amount; a named program is preferred
    when it is about as near."""
    best, best_rank = None, None
    candidates = [(m, 0) for m in _PROGRAMS.finditer(sentence.text)]
    candidates += [(m, 1) for m in _FUNDING.finditer(sentence.text)]
    for match, preference in candidates:
        a, b = sentence.start + match.start(), sentence.start + match.end()
        if a < end and b > start:
            continue
        phrase = _LEADING_JUNK.sub("", match.group()).strip().rstrip(".,;:").strip()
        if not phrase:
            continue
        distance = a - end if a >= end else start - b
        rank = (distance + 15 * preference, preference)
        if best_rank is None or rank < best_rank:
            best, best_rank = phrase, rank
    return best


def _jurisdiction(
    sentence: Sentence, start: int, end: int, places: list[PlaceMention]
) -> str | None:
    inside = places_in(places, sentence.start, sentence.end)
    if inside:
        nearest = min(inside, key=lambda m: m.start - end if m.start >= end else start - m.end)
        return jurisdiction_label(nearest)
    anaphor = _ANAPHOR.search(sentence.text)
    if not anaphor:
        return None
    level = _LEVEL_OF[anaphor.group("kind").lower()]
    before = [m for m in places if m.end <= sentence.start and m.jurisdiction.level == level]
    return jurisdiction_label(before[-1]) if before else None
