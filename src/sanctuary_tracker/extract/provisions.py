"""Proposed codebook observations: policy cues in a sentence, for the place it is about.

Per sentence, each cue rule (``provisions_cues.RULES``) that matches gives one proposed
observation: the provision, the value the cue asserts, whether it is negated ("do not
prohibit cooperation" is the negation of "prohibits cooperation": ``negated`` true and
``value`` false, or the rule's negated value for an enum) and hedged ("allegedly",
"would", "proposed" ...), a date the sentence states, and the cue with its span.

The jurisdiction is the first place the sentence names (a state used as a modifier,
"Massachusetts sanctuary cities", does not count); with none, "the city", "the county",
"its", "we" ... refer back to the last place of that level named before. Every value is
checked against the codebook (``data/codebook.json``) before it is proposed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from sanctuary_tracker.extract import provisions_cues as cues
from sanctuary_tracker.extract import provisions_laws as laws
from sanctuary_tracker.extract.codebook import load_codebook
from sanctuary_tracker.extract.mentions import Mentions, jurisdiction_label
from sanctuary_tracker.places.gazetteer import load_gazetteer
from sanctuary_tracker.places.resolve import PlaceMention
from sanctuary_tracker.text.sentences import Sentence, sentences

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}  # fmt: skip
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_DATE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
    r"|\b(?i:in|since|on|from|by|effective)[ \t]+(?P<partial>(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)[ \t]+)?(?:19|20)\d\d)\b"
)
_STATE_MODIFIER = re.compile(
    r"(?:[ \t]+(?:sanctuary|cities|city|municipalities|towns|counties|communities|officials|"
    r"leaders|lawmakers|sheriffs?|residents|jurisdictions|mayors|police|Trust|Legislature|law|laws)\b)"
)
_ANAPHOR = re.compile(
    r"\b(?:the|its|this|our|his|her|their)[ \t](?P<kind>city|town|village|borough|county|state)\b"
    r"|\b(?P<pron>its|we|our)\b",
    re.I,
)
_LEVEL_OF = {"city": "local", "town": "local", "village": "local", "borough": "local",
             "county": "county", "state": "state"}  # fmt: skip
_LOOKBACK = 60  # characters before a cue read for a negation in the same clause


@dataclass(frozen=True, slots=True)
class Observation:
    start: int
    end: int
    provision: str
    value: Any
    negated: bool
    hedged: bool
    cue: str
    rule: str
    jurisdiction: str | None = None
    geoid: str | None = None
    date: str | None = None
    date_text: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "jurisdiction": self.jurisdiction,
            "geoid": self.geoid,
            "provision": self.provision,
            "value": self.value,
            "negated": self.negated,
            "hedged": self.hedged,
            "date": self.date,
            "date_text": self.date_text,
            "cue": self.cue,
            "rule": self.rule,
            "status": "proposed",
        }


def find_provisions(text: str, places: list[PlaceMention]) -> list[Observation]:
    """Each item has `start`, `end` (offsets in `text`) and `to_record() -> dict`."""
    codebook = load_codebook()
    ordered = Mentions(places)
    found: list[Observation] = []
    law_at = laws.candidates(text)
    words_at = cues.needed_words_at(text)
    for sentence in _worth_reading(sentences(text), law_at, words_at):
        taken: list[tuple[str, int, int]] = []
        context = None
        first = bisect_left(law_at, sentence.start)
        if first < len(law_at) and law_at[first] < sentence.end:
            context = _Context.of(text, sentence, ordered)
            for observation in _named_laws(sentence, ordered, context):
                if codebook[observation.provision].allows(observation.value):
                    taken.append((observation.provision, observation.start, observation.end))
                    found.append(observation)
        present = (
            cues.needed_words(sentence.text.lower())
            if words_at is None
            else _words_inside(words_at, sentence)
        )
        if not present:
            continue
        for rule in cues.RULES:
            if not rule.applies(present):
                continue
            for match in rule.pattern.finditer(sentence.text):
                a, b = sentence.start + match.start(), sentence.start + match.end()
                if any(p == rule.provision and a < e and b > s for p, s, e in taken):
                    continue
                if rule.provision == "P10" and any(
                    p == "P12" and a < e and b > s for p, s, e in taken
                ):
                    continue
                if context is None:
                    context = _Context.of(text, sentence, ordered)
                observation = _observe(sentence, match, rule, context)
                if not codebook[rule.provision].allows(observation.value):
                    continue
                taken.append((rule.provision, a, b))
                found.append(observation)
    found.sort(key=lambda o: (o.start, o.provision))
    return found


def _worth_reading(
    found: tuple[Sentence, ...], law_at: list[int], words_at: list[tuple[int, int, str]] | None
) -> list[Sentence] | tuple[Sentence, ...]:
    """The sentences where a law may be named or a needed word starts, in order (all of them
    when the words are not known); no other sentence can give an observation."""
    if words_at is None:
        return found
    starts = [s.start for s in found]
    chosen: set[int] = set()
    for at in [*law_at, *(start for start, _, _ in words_at)]:
        index = bisect_right(starts, at) - 1
        if index >= 0 and at < found[index].end:
            chosen.add(index)
    return [found[index] for index in sorted(chosen)]


def _words_inside(words_at: list[tuple[int, int, str]], sentence: Sentence) -> set[str]:
    """The needed words that lie wholly inside the sentence."""
    present = set()
    for index in range(bisect_left(words_at, (sentence.start,)), len(words_at)):
        start, end, word = words_at[index]
        if start >= sentence.end:
            break
        if end <= sentence.end:
            present.add(word)
    return present


@dataclass(frozen=True, slots=True)
class _Context:
    """What a sentence's observations share, worked out once per sentence."""

    place: PlaceMention | None
    hedged: bool
    date: str | None
    date_text: str | None

    @classmethod
    def of(cls, text: str, sentence: Sentence, places: Mentions) -> _Context:
        date, date_text = _date(sentence.text)
        hedged = bool(cues.HEDGE.search(sentence.text))
        return cls(_about(text, sentence, places), hedged, date, date_text)


def _observe(
    sentence: Sentence, match: re.Match, rule: cues.Rule, context: _Context
) -> Observation:
    start, end = sentence.start + match.start(), sentence.start + match.end()
    negated = _negated(sentence.text, match.start())
    if not rule.built_in_negation and cues.NEGATION.search(match.group()):
        negated = not negated  # "we are not a sanctuary county"
    value: Any = rule.value
    if rule.provision == "P10":
        value = [model for model, pattern in cues.MODEL_287G if pattern.search(sentence.text)]
        negated = negated or bool(cues.ENDED_287G.search(sentence.text))
    elif negated:
        value = rule.negated_value if rule.negated_value is not None else _opposite(rule.value)
    place = context.place
    return Observation(
        start=start,
        end=end,
        provision=rule.provision,
        value=value,
        negated=negated,
        hedged=context.hedged,
        cue=match.group(),
        rule=rule.name,
        jurisdiction=jurisdiction_label(place) if place else None,
        geoid=place.jurisdiction.geoid if place else None,
        date=context.date,
        date_text=context.date_text,
    )


def _named_laws(sentence: Sentence, places: Mentions, context: _Context) -> list[Observation]:
    """A state law the sentence names, known for one of the document's states: a law
    limiting cooperation is P17, one requiring it P16 valued by what it does; the
    jurisdiction is the law's state."""
    year = re.search(r"(?:19|20)\d\d", context.date_text or "")
    found = []
    for mention in laws.find_laws(
        sentence.text, sentence.start, places, int(year.group()) if year else None
    ):
        law = mention.law
        limits = law["direction"] == "limits_cooperation"
        negated = _negated(sentence.text, mention.start - sentence.start)
        if limits:
            provision, value = "P17", not negated
        else:
            provision = "P16"
            value = "none" if negated else law.get("p16_value") or "bans_limits"
        state = load_gazetteer().by_geoid(law["geoid"])
        found.append(
            Observation(
                start=mention.start,
                end=mention.end,
                provision=provision,
                value=value,
                negated=negated,
                hedged=context.hedged,
                cue=mention.text,
                rule=f"state law in the reference table: {law['law']}",
                jurisdiction="District of Columbia" if state.state == "DC" else state.name,
                geoid=state.geoid,
                date=context.date,
                date_text=context.date_text,
            )
        )
    return found


def _opposite(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    return "unknown"


def _negated(sentence: str, cue_start: int) -> bool:
    """A negation in the same clause just before the cue ("do not prohibit ...")."""
    window = sentence[max(0, cue_start - _LOOKBACK) : cue_start]
    breaks = list(cues.CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return bool(cues.NEGATION.search(window))


def _about(text: str, sentence: Sentence, places: Mentions) -> PlaceMention | None:
    for mention in places.inside(sentence.start, sentence.end):
        if mention.jurisdiction.level == "state" and _STATE_MODIFIER.match(
            text, mention.end, sentence.end
        ):
            continue
        return mention
    anaphor = _ANAPHOR.search(sentence.text)
    if not anaphor:
        return None
    level = _LEVEL_OF.get((anaphor.group("kind") or "").lower())
    return places.last_before(sentence.start, level)


def _date(sentence: str) -> tuple[str | None, str | None]:
    match = _DATE.search(sentence)
    if not match:
        return None, None
    if match.group("iso"):
        return match.group("iso"), match.group("iso")
    if match.group("partial"):
        return None, match.group("partial")
    name = match.group("month").lower()
    month = _MONTHS.get(name) or _MONTH_ABBR.get(name[:4]) or _MONTH_ABBR.get(name[:3])
    day = int(match.group("day"))
    if not month or not 1 <= day <= 31:
        return None, match.group()
    return f"{match.group('year')}-{month:02d}-{day:02d}", match.group()
