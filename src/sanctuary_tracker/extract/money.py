"""Amounts of money a text states, with what the money is and whose it is.

Forms read (all in one linear pass of bounded regular expressions):

* a dollar sign: ``$500``, ``$5,000``, ``$4.1 billion``, ``$16.7M``, ``US$2 bn``;
* a number and ``dollars``: ``4.1 billion dollars``, ``500 dollars``;
* number words and ``dollars`` (valued by number_parser, every scale to trillion):
  ``twenty-five million dollars``, ``one hundred and five dollars``, ``a million-and-a-half
  dollars``, ``half a million dollars``, ``two and a half million dollars``, ``a
  five-million-dollar grant``;
* a scaled quantity and a funding phrase: ``fourteen million in federal grants``;
* vague sums, value null: ``several millions of dollars``, ``hundreds of thousands of
  dollars``, ``a few million dollars``, ``millions in federal grants``, and a bare plural
  that something costs, loses or saves (``could cost the cities millions``); a rate said
  right after (``annually``, ``a year``) belongs to the amount's text;
* ranges, one item with the low end as ``value`` and ``high``: ``$1 million to $2
  million``, ``$1-2 million``, ``between $1 and $2 million``, ``two to three million
  dollars``, ``between 10 and 20 million dollars`` ("and" only after "between").

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

from sanctuary_tracker.extract.mentions import Mentions, jurisdiction_label
from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text import scan
from sanctuary_tracker.text.sentences import Sentence, sentences

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

_NUM = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,5}|\d{1,12})(?:\.\d{1,6})?(?![\d,]\d)"
_WORD_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_SCALE = rf"(?:(?:[ \t]{{0,2}}|-)(?:{_WORD_SCALE}\b|mil\b|mn\b|bn\b|tn\b)|(?:[MmBbKk])\b)"  # "$3.2-million"
_DOLLAR = r"(?:\b(?-i:US)[ \t]?\$|\$|\b(?-i:USD)[ \t]?)[ \t]?"  # "Plus $50" is "$50"
_SIGN_AMOUNT = rf"{_DOLLAR}(?P<n1>{_NUM})(?P<s1>{_SCALE})?"
_RANGE_TAIL = (
    rf"(?:[ \t]{{0,2}}(?:-|–|—|to|and)[ \t]{{0,2}}(?:{_DOLLAR})?(?P<n2>{_NUM})(?P<s2>{_SCALE})?)?"
)
# Number words are only recognised here (the closed word classes of English cardinals);
# their value is number_parser's. A run never starts inside a hyphenated word, so
# "twenty-five" is read whole or not at all.
_UNIT_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS = "(?:" + "|".join(_UNIT_WORDS) + ")"
_TENS = "(?:" + "|".join(_TEN_WORDS) + ")"
_WORD = rf"(?:{_TENS}(?:[ \t-]{_UNITS}\b)?|{_UNITS}|{_WORD_SCALE})\b"
_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in _WORD_SCALE[3:-1].split("|")) + ")"
_RUN = rf"(?<![\w-])(?:(?:a|an)[ \t](?={_WORD_SCALE}))?{_WORD}(?:(?:{_AFTER_SCALE}[ \t]and[ \t]|[ \t]|-){_WORD}){{0,9}}"
_HALF = r"(?:[ \t-]and[ \t-]a[ \t-]half)"
# A quantity: digits with an optional scale, or number words ("half a million",
# "two and a half million", "a million-and-a-half").
_QUANTITY = (
    rf"(?:{_NUM}(?:[ \t]{{1,2}}{_WORD_SCALE}\b)?"
    rf"|(?:half[ \t](?=an?[ \t]))?{_RUN}(?:{_HALF}[ \t-]{_WORD_SCALE}\b)?{_HALF}?)"
)
# A range's joiner: "and" only after "between" ("one hundred and five" is one number).
_JOINER = r"(?(btw)[ \t]{1,2}and[ \t]{1,2}|[ \t]{0,2}(?:-|–|—|to)[ \t]{0,2})"
_RATE = (
    r"(?:[ \t](?:annually|(?:a|per|each|every)[ \t](?:year|month)"
    r"(?![ \t-](?:ago|earlier|before|later|after|from|old)\b)))?"
)  # "$5 million a year", not "$38,373 a year ago"
_NUMBER_DOLLARS = (
    rf"(?:(?P<btw>\bbetween[ \t]{{1,2}})?(?P<lo>{_QUANTITY}){_JOINER})?(?P<q>{_QUANTITY})[ \t-]{{1,2}}(?:U\.S\.[ \t])?"
    rf"dollars?\b{_RATE}"
)
_FUNDS = (
    r"[ \t]in[ \t](?:[\w-]+[ \t]){0,3}?"
    r"(?:funds|funding|grants?|aid|money|revenue|dollars|reimbursements?)\b"
)
# A quantity with a scale is money when a funding phrase follows ("fourteen million in
# federal grants"); the phrase is part of its text, as for "millions in federal funding".
_SCALED_FUNDS = (
    rf"(?P<f>(?:{_NUM}[ \t]{{1,2}}{_WORD_SCALE}|(?:half[ \t](?=an?[ \t]))?{_RUN}(?<=illion)"
    rf"|(?:half[ \t](?=an?[ \t]))?{_RUN}(?<=thousand)))(?:{_FUNDS})"
)
_QUANT = (
    r"(?:several|many|a[ \t]few|few|a[ \t]couple[ \t]of|multiple|some|tens[ \t]of|hundreds[ \t]of)"
)
_VAGUE = (
    rf"\b(?:{_QUANT}[ \t]{{1,2}})?(?:(?:hundreds|tens)[ \t]of[ \t])?"
    rf"(?:hundreds|thousands|millions|billions|trillions)[ \t]of[ \t](?:federal[ \t]|taxpayer[ \t])?dollars\b{_RATE}"
    rf"|\b{_QUANT}[ \t]{{1,2}}(?:hundred[ \t])?(?:thousand|million|billion)[ \t]dollars\b{_RATE}"
    rf"|\b(?:(?:hundreds|tens)[ \t]of[ \t])?(?:millions|billions){_FUNDS}"
)
# What something costs, loses, risks, receives, spends or pays, said as a bare plural
# ("could cost the cities millions"): the plural alone is the amount.
_COST_VERBS = (
    "cost costs costing lose loses losing lost save saves saved saving risk risks risked "
    "risking forfeit forfeits forfeited withhold withholds withheld withholding receive "
    "receives received receiving spend spends spent spending owe owes owed pay pays paid "
    "paying"
).split()
_COSTS = (
    r"\b(?:" + "|".join(_COST_VERBS) + r")[ \t]"
    r"(?:[\w’'-]+[ \t]){0,4}?(?P<cv>(?:(?:hundreds|tens)[ \t]of[ \t])?(?:millions|billions))\b"
    r"(?![ \t](?:of|in)\b)"
)
# What every amount starts with: "$" or a digit; "half " (even inside a word); or, at a
# word's start, "a " or "an " or the first word of one of the forms: "US", "between", a
# number word, a vague quantity ("several", "tens"), a verb of cost (a word's start is
# enough: "hundred" for "hundreds"). A position without one is passed over after this one
# test instead of trying every form there (the matches are the same); the words are a
# tree of prefixes, far cheaper to try than their plain alternation.
_FIRST_WORDS = (
    "us between several many few multiple some tens".split()
    + _UNIT_WORDS
    + _TEN_WORDS
    + _WORD_SCALE[3:-1].split("|")
    + _COST_VERBS
)
_OPENING = rf"(?=[$\d]|half[ \t]|\b(?:an?[ \t]|{scan.prefix_tree(_FIRST_WORDS)}))"
_AMOUNT = re.compile(
    rf"{_OPENING}(?:"
    rf"(?P<sign>{_SIGN_AMOUNT}{_RANGE_TAIL}{_RATE})|(?P<nd>{_NUMBER_DOLLARS})|(?P<sf>{_SCALED_FUNDS})"
    rf"|(?P<vague>{_VAGUE})|(?P<costs>{_COSTS}))",
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
_ANCHOR = re.compile(  # (the lookahead on first letters lets the engine skip ahead fast)
    r"(?=[$UuDdIiTtHh])(?:\$|\bUSD|dollars?\b|illions?\b|thousands?\b|\bhundreds\b)", re.I
)
_ANCHOR_OPENINGS = scan.Openings("$", "USD", "dollar", "illion", "thousand", "hundreds")
_BEFORE, _AFTER = 160, 80


def _candidates(text: str):
    """The full pattern's matches, found only in windows around anchors (the same matches
    as a scan of the whole text, at a fraction of the cost on text with little money)."""
    windows: list[list[int]] = []
    for anchor in _ANCHOR_OPENINGS.matches(_ANCHOR, text):
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
    mentions = Mentions(places)
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
        phrases, in_sentence = None, []  # (found once per sentence, for all its amounts)
        for _, _, match in inside:
            for value, high, start, end in _amounts_in(match, text):
                if phrases is None:
                    phrases = _phrases(sentence)
                    in_sentence = mentions.inside(sentence.start, sentence.end)
                found.append(
                    Amount(
                        start=start,
                        end=end,
                        text=text[start:end],
                        value=value,
                        high=high,
                        refers_to=_refers_to(phrases, start, end),
                        jurisdiction=_jurisdiction(sentence, start, end, in_sentence, mentions),
                    )
                )
    return found


def _amounts_in(match: re.Match, text: str) -> list[tuple[float | None, float | None, int, int]]:
    """(value, high, start, end) of each amount a match holds: none, one, or two for two
    sums joined by "and" without "between" ("$5 million and $7 million")."""
    g = match.groupdict()
    if g["sign"] and g["n2"] is not None and _two_sums(match, text):
        first_end = match.end("s1") if g["s1"] else match.end("n1")
        second = text.find("$", first_end, match.start("n2"))
        second = second if second >= 0 else match.start("n2")
        return [
            (_value(g["n1"], g["s1"]), None, match.start(), first_end),
            (_value(g["n2"], g["s2"]), None, second, match.end()),
        ]
    parsed = _parse(match, text)
    return [] if parsed is None else [(*parsed, match.end())]


def _two_sums(match: re.Match, text: str) -> bool:
    """ "$5 million and $7 million": "and" joins two sums unless "between" opens them; "from
    $47 billion to $8 billion" (a fall, each with its own sign) is two sums, no range."""
    g = match.groupdict()
    joiner = text[match.end("n1") if not g["s1"] else match.end("s1") : match.start("n2")]
    start = match.start()
    if "$" in joiner and (g["s1"] or not g["s2"]):
        low, high = _value(g["n1"], g["s1"]), _value(g["n2"], g["s2"])
        if low is not None and high is not None and high < low:
            return True
    return "and" in joiner.lower() and not re.search(
        r"between[ \t]+$", text[max(0, start - 12) : start], re.I
    )


def _parse(match: re.Match, text: str) -> tuple[float | None, float | None, int] | None:
    g = match.groupdict()
    start = match.start()
    if g["sign"]:
        low = _value(g["n1"], g["s1"])
        if g["n2"] is None:
            return low, None, start
        high = _value(g["n2"], g["s2"])
        if g["s1"] is None and g["s2"]:
            low = _value(g["n1"], g["s2"])  # "$1-2 million", "$1 to $2 million"
        if high is None or low is None or high <= low:
            return low, None, start
        if "between" in text[max(0, start - 12) : start].lower():
            start = text.lower().rfind("between", max(0, start - 12), start)
        return low, high, start
    if g["nd"]:
        quantity = g["q"]
        if re.fullmatch(r"(?:19|20)\d\d", quantity) and not g["lo"]:
            before = text[max(0, start - 4) : start].lower()
            if before.endswith("in "):
                return None  # "in 2017 dollars": a price level, not a sum
        high, high_scale = _quantity(quantity)
        if high is None:
            return None  # words that are no number ("three four dollars")
        if not g["lo"]:
            return high, None, start
        low, low_scale = _quantity(g["lo"])
        if low is not None and high_scale and (low_scale or 1) < 1000:
            low *= high_scale  # "two to three million dollars"
        if low is None or high is None or high <= low:
            return high, None, match.start("q")
        return low, high, start
    if g["sf"]:
        value = _quantity(g["f"])[0]
        return None if value is None else (value, None, start)
    if g["costs"]:
        return None, None, match.start("cv")
    return None, None, start  # vague


_HALF_WORDS = re.compile(_HALF, re.I)
_SCALE_WORD = re.compile(rf"{_WORD_SCALE}$", re.I)


def _quantity(text: str) -> tuple[float | None, float | None]:
    """The value of a quantity in digits or words, and the scale it ends with (1e6 for
    "two million"): "half a million" 500000, "two and a half million" 2.5e6, "a
    million-and-a-half" 1.5e6."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words[:1].isdigit():
        number, _, scale = words.partition(" ")
        return _value(number, scale or None), _SCALES.get(scale)
    halved = words.startswith("half ")
    if halved:
        words = words[len("half ") :]
    words = re.sub(r"^an? ", "one ", words)
    half = _HALF_WORDS.search(words)
    if half:
        before, after = words[: half.start()].strip(), words[half.end() :].strip()
        if after:  # "two and a half million"
            base = _words_value(before)
            value = None if base is None else (base + 0.5) * _SCALES.get(after, 1)
        else:  # "a million and a half"
            base = _words_value(before)
            value = None if base is None else base + 0.5 * (_scale_of(before) or 1)
        words = after or before
    else:
        value = _words_value(words)
    if value is not None and halved:
        value /= 2
    return value, _scale_of(words)


def _words_value(words: str) -> float | None:
    from number_parser import parse_number

    value = parse_number(words, language="en")
    return float(value) if isinstance(value, int) else None


def _scale_of(words: str) -> float | None:
    match = _SCALE_WORD.search(words)
    return _SCALES[match.group().lower()] if match else None


def _value(number: str | None, scale: str | None) -> float | None:
    if number is None:
        return None
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    if scale:
        value *= _SCALES.get(scale.strip(" \t-").lower(), 1)
    return value


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    rounded = round(value, 6)  # (float noise off: 16.7 * 1e6; a rate keeps its digits: $1.1075)
    return int(rounded) if rounded == int(rounded) else rounded


def _phrases(sentence: Sentence) -> list[tuple[int, int, str, int]]:
    """The programs (preference 0) and funding phrases (1) a sentence names: (start, end,
    phrase, preference), programs first."""
    candidates = [(m, 0) for m in _PROGRAMS.finditer(sentence.text)]
    candidates += [(m, 1) for m in _FUNDING.finditer(sentence.text)]
    phrases = []
    for match, preference in candidates:
        a, b = sentence.start + match.start(), sentence.start + match.end()
        phrase = _LEADING_JUNK.sub("", match.group()).strip().rstrip(".,;:").strip()
        if phrase:
            phrases.append((a, b, phrase, preference))
    return phrases


def _refers_to(phrases: list[tuple[int, int, str, int]], start: int, end: int) -> str | None:
    """The program or funding phrase nearest the amount; a named program is preferred
    when it is about as near."""
    best, best_rank = None, None
    for a, b, phrase, preference in phrases:
        if a < end and b > start:
            continue
        distance = a - end if a >= end else start - b
        rank = (distance + 15 * preference, preference)
        if best_rank is None or rank < best_rank:
            best, best_rank = phrase, rank
    return best


def _jurisdiction(
    sentence: Sentence, start: int, end: int, inside: list[PlaceMention], mentions: Mentions
) -> str | None:
    if inside:
        nearest = min(inside, key=lambda m: m.start - end if m.start >= end else start - m.end)
        return jurisdiction_label(nearest)
    anaphor = _ANAPHOR.search(sentence.text)
    if not anaphor:
        return None
    level = _LEVEL_OF[anaphor.group("kind").lower()]
    before = mentions.last_before(sentence.start, level)
    return jurisdiction_label(before) if before else None
