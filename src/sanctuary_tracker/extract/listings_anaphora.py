"""A sentence whose subject points back to the places the sentence before named ("All
three are on the list", "Both cities were named", "Each jurisdiction appears on ..."):
what kind of places it means and how many (``listings`` takes them as a listing's
members)."""

from __future__ import annotations

import re

_POINTS_BACK = re.compile(
    r"(?:(?:And|But|Now|Today),?[ \t]+)?(?:"
    r"(?P<both>both)(?:[ \t]+(?:of[ \t]+them|the[ \t]+)?(?P<kind1>cities|counties|states))?"
    r"|all[ \t]+(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"(?:[ \t]+(?P<kind2>cities|counties|states|jurisdictions))?"
    r"|(?:the|these|those)[ \t]+(?P<count2>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
    r"[ \t]+(?P<kind3>cities|counties|states|jurisdictions|places|localities)"
    r"|each(?:[ \t]+(?:of[ \t]+them|one|(?P<kind4>city|county|state|jurisdiction)))?"
    r"|they|these[ \t]+(?:jurisdictions|places|localities)"
    r")\b",
    re.I,
)
_COUNTS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}
_KIND_LEVEL = {"cit": "local", "count": "county", "state": "state"}


def points_back(sentence: str) -> tuple[str | None, int | None, str] | None:
    """(the level of the places meant or None for any, how many or None, the words), when
    the sentence opens with a subject that points back; else None."""
    said = _POINTS_BACK.match(sentence)
    if said is None:
        return None
    kind = next((k for k in said.group("kind1", "kind2", "kind3", "kind4") if k), "")
    level = next((v for stem, v in _KIND_LEVEL.items() if kind.lower().startswith(stem)), None)
    number = "two" if said.group("both") else said.group("count") or said.group("count2")
    count = None if number is None else _COUNTS.get(number.lower())
    if number is not None and count is None:
        count = int(number)  # (digits)
    return level, count, said.group().strip()
