"""Who wrote a text, from the words it uses of its newsroom and its source.

Each reader answers one question from one idiom, and gives None unless the words give the
role: an outlet a story cites ("according to the Miami Herald", "the Herald reported") is
its source, not its publisher.

* ``newsroom_addressed``: the newsroom a story's people speak to, or turn down: "Jones told
  FOX40", "ICE declined an interview request by KIRO 7".
* ``byline_outlet``: the outlet a byline names beside its author: "By Jane Roe, The Daily
  Courier", "Jane Roe" over "The Daily Courier".
* ``lead_source``: a lead that credits a copy: "From Fox News: ...", "Published on The
  Reformer on March 29th, 2022."
* ``letterhead``: the government office a letter is written on: "State of New Jersey
  OFFICE OF THE ATTORNEY GENERAL ... Dear Sheriff".
"""

from __future__ import annotations

import re

from sanctuary_tracker.read import furniture as f
from sanctuary_tracker.read.outlets import (
    is_national_outlet,
    is_outlet_name,
    outlet_key,
    same_outlet,
)

# An outlet's name as running text gives it: capitalised words, call signs, channel numbers.
_NAME = r"(?:[A-Z][\w&'’.\-]*|\d{1,2})(?:[ \t]+(?:[A-Z0-9][\w&'’.\-]*|of|the|and|&))*"
_OUTLET = rf"(?:[Tt]he\s+)?(?P<org>{_NAME})"


def _led_by(words: tuple[str, ...], rest: str) -> list[re.Pattern]:
    """One pattern per word, each starting with the bare word so that the regular expression
    engine looks for it as a literal (a pattern that starts with ``\\b`` or an alternation
    scans every position, many times slower); the word boundary is checked behind it."""
    return [re.compile(rf"{word}(?<=\b{word}){rest}") for word in words]


# The newsroom as the one spoken to: "told FOX40", "said in an interview with KXAN".
# Other outlets' stories repeat what people told a national network or a wire service
# ("told CNN", "told Agence France-Presse") far more often than those write of themselves
# this way, so these idioms count only for local outlets.
_SPOKEN_TO = _led_by(("told",), rf"\s+{_OUTLET}") + _led_by(
    ("interview", "spoke", "speaking"), rf"\s+with\s+{_OUTLET}"
)
# The newsroom as the one asking: "declined an interview request by KIRO 7",
# "did not respond to WKRN's request".
_ASKED_BY = _led_by(
    ("request", "inquir", "questions", "call", "email"),
    rf"[a-z]*\s+(?:for\s+(?:comment|an\s+interview)\s+)?(?:by|from)\s+{_OUTLET}",
) + _led_by(
    ("respond", "repl", "return"),
    rf"[a-z]*\s+(?:to\s+)?{_OUTLET}[’']s\s+"
    r"(?:request|requests|inquiry|inquiries|calls?|emails?|messages?|questions)",
)
# The same outlet as a story's source: "according to the Herald", "the Herald reported",
# "reported by the Miami Herald", "reports the Des Moines Register", "told CNN's Jake Tapper".
_CITED = [
    rf"\baccording\s+to\s+{_OUTLET}",
    rf"\b(?:reported|first\s+reported|published|broadcast|aired)\s+(?:by|in|on)\s+{_OUTLET}",
    rf"\breports?\s+{_OUTLET}",
    rf"{_OUTLET}\s+(?:\w+\s+)?(?:reported|reports|has\s+reported|wrote|published|obtained)\b",
    rf"\b(?:told|with)\s+{_OUTLET}[’']s\s+[A-Z]",
    rf"\b(?:previously|earlier|once|had)\s+told\s+{_OUTLET}",
    rf"\btold\s+{_OUTLET}\s+(?:interviewer|reporter|host|anchor|program|show)s?\b",
    rf"{_OUTLET}\s+(?:report|story|article|investigation|analysis|editorial)\b",
]
_CITED_RE = [re.compile(p) for p in _CITED]


def _prefixes(match: re.Match) -> list[str]:
    """The runs of words a match's name starts with, longest first."""
    # A possessive ends the name: "The Valley Courier's Dana Fox" -> "The Valley Courier".
    words = re.split(r"(?<=\w)[’']s\b", match.group("org"))[0].split()
    return [" ".join(words[:end]).rstrip(".,;:’'") for end in range(len(words), 0, -1)]


def _outlet(match: re.Match) -> str | None:
    """The outlet a match names: the longest run of its words with an outlet's shape."""
    return next((name for name in _prefixes(match) if is_outlet_name(name)), None)


def newsroom_addressed(text: str) -> str | None:
    """The one outlet a text's people talk to and that the text never cites, or None."""
    addressed: set[str] = set()
    names: dict[str, str] = {}
    for pattern in _SPOKEN_TO + _ASKED_BY:
        for match in pattern.finditer(text):
            name = _outlet(match)
            if name and (pattern in _ASKED_BY or not is_national_outlet(name)):
                addressed.add(outlet_key(name))
                names.setdefault(outlet_key(name), name)
    if len(addressed) != 1:
        return None  # none, or several newsrooms: the words do not say which wrote it
    key = next(iter(addressed))
    for pattern in _CITED_RE:
        for match in pattern.finditer(text):
            if any(same_outlet(name, names[key]) for name in _prefixes(match)):
                return None
    return names[key]


# "By Jane Roe, The Daily Courier", "By Jane Roe | WXYZ", "By Tim Roe Stateline.org".
_BYLINE_OUTLET = re.compile(
    r"^By\s+(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,2}?)\s*(?:[,|/–—]|\s-)?\s+"
    r"(?:of\s+)?(?:[Tt]he\s+)?(?P<org>[A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|of|and))*)"
    r"(?P<domain>(?:\.|\s)(?:org|com|net|news)\b)?(?=\s*(?:$|[,.;:|]|\s[A-Z][a-z]|\s[a-z]))"
)


def byline_outlet(lead: list[str]) -> tuple[str, str] | None:
    """(author, outlet) from a byline that names its outlet, in the lead's lines, or None."""
    for i, line in enumerate(lead):
        match = _BYLINE_OUTLET.match(line)
        org = match and (match.group("org") if match.group("domain") else _outlet(match))
        if org:
            return match.group("name"), org
        if _is_name_line(line) and i + 1 < len(lead):
            outlet = lead[i + 1].strip()
            if f.is_short_label(outlet) and is_outlet_name(outlet):
                return line.strip(), outlet
    return None


# A person's name alone on a line: "Jane Roe", "MacKenzie O'Neil", "Ana de la Cruz".
_NAME_LINE = re.compile(
    r"^[A-Z][a-z]*(?:[A-Z’'][a-z]+)?(?:-[A-Z][a-z]+)?"
    r"(?:\s+(?:[A-Z][a-z]*(?:[A-Z’'][a-z]+)?(?:-[A-Z][a-z]+)?|[A-Z]\.|de|la|van|von|da|del)){1,3}$"
)


def _is_name_line(line: str) -> bool:
    line = line.strip()
    return bool(_NAME_LINE.match(line)) and not is_outlet_name(line)


# "From Fox News: ...", "Via The Texas Tribune: ...", "Published on The Reformer on ...".
_LEAD_SOURCE = [
    re.compile(rf"^(?:From|Via)\s+{_OUTLET}\s*:\s+\S"),
    re.compile(
        r"^(?:Originally\s+|First\s+)?(?:[Pp]ublished|[Pp]osted|[Aa]ppeared)\s+(?:on|in|at|by)\s+"
        rf"{_OUTLET}(?:\s+on\s|\s*[.,]|\s*$)"
    ),
]


def lead_source(line: str) -> str | None:
    """The outlet a copy's lead credits, or None."""
    line = line.strip()
    for pattern in _LEAD_SOURCE:
        match = pattern.match(line)
        if match:
            name = _outlet(match)
            if name:
                return name
            org = match.group("org").strip(" .,;:")
            if pattern is _LEAD_SOURCE[1] and org and not f.words(org)[0].isdigit():
                return _published_on(org)
    return None


# A summary of another outlet's story says so in its lead, verb before subject:
# "Four sheriffs dispute the list, reports the Des Moines Register."
_RETOLD = re.compile(rf",\s+(?:reports|reported|writes|wrote)\s+{_OUTLET}\s*[.;]")


def retold_from(lead: list[str]) -> str | None:
    """The outlet whose story a lead retells ("..., reports The Daily Courier."), or None.
    Only the lead counts: further down the same words cite a source inside a story."""
    for line in lead:
        match = _RETOLD.search(line)
        name = _outlet(match) if match else None
        if name:
            return name
    return None


_MONTHS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|^\d", re.I)


def _published_on(org: str) -> str | None:
    # "Published on The Reformer": any capitalised name but a date ("Published on March 3").
    first = org.split()[0]
    return None if _MONTHS.match(first) or len(org.split()) > 6 else org


# A government letterhead: "State of New Jersey OFFICE OF THE ATTORNEY GENERAL". The
# offices are the elected and appointed heads of a state, county or city government.
_OFFICES = (
    r"ATTORNEY\s+GENERAL|LIEUTENANT\s+GOVERNOR|GOVERNOR|MAYOR|SHERIFF|DISTRICT\s+ATTORNEY|"
    r"(?:CITY|COUNTY|STATE['’]?S?)\s+ATTORNEY|SECRETARY\s+OF\s+STATE|COMPTROLLER|TREASURER|"
    r"COUNTY\s+EXECUTIVE|(?:CITY|COUNTY)\s+MANAGER|CHIEF\s+OF\s+POLICE|PUBLIC\s+DEFENDER|"
    r"INSPECTOR\s+GENERAL|(?:CITY|COUNTY|TOWN)\s+CLERK"
)
_LETTERHEAD = re.compile(
    r"\b(?:State|Commonwealth|City|County|Town)\s+of\s+"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:[A-Z][A-Za-z.]*\s+){0,12}?"
    rf"OFFICE\s+OF\s+THE\s+(?P<office>{_OFFICES})\b"
)

_DEAR = re.compile(r"Dear(?<=\bDear)\s+[A-Z]")  # a letter's salutation


def letterhead(text: str) -> str | None:
    """The office whose letterhead heads a letter ("New Jersey Office of the Attorney
    General"), or None when the text is not a letter or its head names no such office."""
    if not _DEAR.search(text, 0, 3000):
        return None
    match = _LETTERHEAD.search(text[:600])
    if not match:
        return None
    office = " ".join(w.lower() if w == "OF" else w.capitalize() for w in match["office"].split())
    return f"{match['place']} Office of the {office}"
