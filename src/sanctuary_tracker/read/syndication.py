"""Who wrote a page and who served it: copyright lines and syndication notices."""

from __future__ import annotations

import re

from sanctuary_tracker.read.outlets import is_outlet_name

# An organisation name as notices give it: words, initials, call signs ("WBUR-FM"), "&", ".".
_ORG = r"(?-i:(?P<org>[A-Z0-9][\w&'’.\-]*(?:[ \t]+(?:[A-Z0-9&][\w&'’.\-]*|of|the|and|for|de))*))"

# Notices that say the text was first published by someone else, in the wording
# syndication partners use (public radio, wire services, nonprofit newsrooms).
_NOTICES = [
    # "Copyright 2017 WBUR-FM. To see more, visit WBUR-FM." (public-radio member stations)
    re.compile(rf"^(?:copyright|©|\(c\))\s*(?:\d{{4}}\s+)?{_ORG}\.?\s+to see more,? visit\b", re.I),
    # "This story originally appeared in X", "A version of this article was first published
    # by X": the subject must be the story itself, or any sentence about a first
    # appearance ("cases first appeared in West Michigan") would match.
    re.compile(
        r"^\W*(?:this|the|a version of this|an earlier version of this)\s+"
        r"(?:story|article|report|piece|column|post|op-ed|essay|editorial)\b.{0,40}?"
        rf"\b(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:in|on|at|by)\s+"
        rf"(?-i:the\s+)?{_ORG}",
        re.I,
    ),
    re.compile(
        rf"\b(?:republished|reprinted|reposted)\s+(?:with permission\s+)?from\s+(?-i:the\s+)?{_ORG}",
        re.I,
    ),
    re.compile(
        rf"\b(?:republished|reprinted)\s+with\s+(?:the\s+)?permission\s+of\s+(?-i:the\s+)?{_ORG}",
        re.I,
    ),
    re.compile(
        rf"\bthis\s+(?:story|article|report)\s+(?:was\s+)?(?:produced|written)\s+by\s+{_ORG}", re.I
    ),
]
# A credit line closing a story: "The Associated Press contributed to this report." The
# contributor must have an outlet's shape: reporters are credited the same way.
_CONTRIBUTED = re.compile(
    rf"(?:^|[;.]\s+|[—–]\s*){_ORG}\s+contributed\s+(?:reporting\s+|information\s+)?"
    r"to\s+this\s+(?:report|story|article)\.?$",
    re.I,
)
CONTRIBUTED_MAX = 200  # characters: a credit line, not a paragraph that mentions one
_POSSESSIVE_INSIDE = re.compile(r"['’](?:s\b|\s)")  # "Fox News' Jane Doe"
_COPYRIGHT = re.compile(
    r"^\s*(?:(?:©|\(c\))\s*)?(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?:by\s+)?(?P<holder>[^.|]{2,60}?)\s*(?:\.|,?\s+all rights reserved|\||$)",
    re.I,
)
# Words that end a holder name when a notice runs on ("WSHU Public Radio. Terms of use").
_TRAILING_NOISE = re.compile(r"\s+(?:all rights reserved|inc|llc)\.?$", re.I)


# A wire-style dateline naming the newsroom that wrote the story:
# "NASSAU COUNTY, N.Y. (PIX11) – ...", "WASHINGTON (AP) — ...".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12})?)?\s*"
    r"\((?P<org>[A-Z][\w&.\-]*(?:\s[A-Z][\w&.\-]*){0,3})\)\s*[–—-]"
)


# A feed mirror labels a copied story with its feed's title, "Section - Outlet":
# "Channel: Crime and Justice - VTDigger".
_CHANNEL = re.compile(
    r"^(?:channel|feed|source)\s*:\s*(?:.{1,80}?\s[-–—|]\s)?"
    r"(?P<org>[A-Z][\w&'’.\-]*(?:\s[A-Z][\w&'’.\-]*){0,3})\s*$",
    re.I,
)


def channel_outlet(line: str) -> str | None:
    """The outlet a feed mirror's channel label names, or None."""
    match = _CHANNEL.match(line.strip())
    return _tidy(match.group("org")) if match else None


def dateline_outlet(line: str) -> str | None:
    """The newsroom a dateline credits ("WASHINGTON (AP) — ..." -> "AP"), or None."""
    match = _DATELINE.match(line.strip())
    return match.group("org") if match else None


# The newsroom speaking of itself in the third person, in the idiom of a request for comment:
# "Public Opinion has contacted an ICE representative but has not yet heard back."
_SELF_REFERENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?-i:(?P<org>(?:The\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,3}))"
    r"\s+(?:has|had)\s+(?:contacted|reached\s+out\s+to|asked)\s+[^.!?\n]{0,100}?"
    r"\b(?:but|for\s+comment|has\s+not|had\s+not|did\s+not|not\s+yet)\b",
    re.I | re.M,
)
# A staff photographer's credit names the publication: "Shahrzad Rasekh / CT Mirror",
# "Photo: WKRN". Picture agencies and wire services are not the publisher.
_STAFF_CREDIT = re.compile(
    r"^(?:(?:photo|credit|photo credit)\s*:\s*)?"
    r"(?:[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}\s*/\s*)?"
    r"(?P<org>(?:The\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})$"
)
_AGENCIES = re.compile(
    r"\b(?:AP|Associated Press|Getty|Reuters|AFP|Shutterstock|iStock|Bloomberg|Pool|File|"
    r"Courtesy|Contributed|Submitted|Handout|EPA|UPI|Alamy|Redferns|Wikimedia)\b",
    re.I,
)


def self_reference(text: str) -> str | None:
    """The outlet a text names as itself when asking for comment, or None."""
    match = _SELF_REFERENCE.search(text)
    return _tidy(match.group("org")) if match else None


def staff_credit_outlet(credit: str) -> str | None:
    """The publication a staff photo credit names ("Jane Doe / CT Mirror" -> "CT Mirror"),
    or None for a bare name, a picture agency or a wire service."""
    credit = credit.strip()
    match = _STAFF_CREDIT.match(credit)
    if not match or _AGENCIES.search(credit):
        return None
    if "/" not in credit and ":" not in credit:
        return None  # a bare name is the photographer's, not the outlet's
    return _tidy(match.group("org")) or None


def find_original_publisher(text: str) -> str | None:
    """The original publisher a syndication notice in ``text`` names, or None."""
    for line in reversed(text.splitlines()):
        line = line.strip()
        if not line or len(line) > 300:
            continue
        for notice in _NOTICES:
            match = notice.search(line)
            if match and _tidy(match.group("org")):
                return _tidy(match.group("org"))
        contributor = _contributor(line)
        if contributor:
            return contributor
    return None


def _contributor(line: str) -> str | None:
    """The outlet a closing credit line says contributed to the story, or None."""
    if len(line) > CONTRIBUTED_MAX or "contributed" not in line.lower():
        return None
    match = _CONTRIBUTED.search(line)
    if not match:
        return None
    org = _tidy(match.group("org"))
    if _POSSESSIVE_INSIDE.search(org):
        return None  # "Fox News' Jane Doe contributed": the outlet's own reporter
    return org if is_outlet_name(org) else None


def is_syndication_notice(line: str) -> bool:
    line = line.strip()
    return len(line) <= 300 and find_original_publisher(line) is not None


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names ("© 2024 WSHU" -> "WSHU"), or None."""
    line = line.strip()
    if len(line) > 200:
        return None
    match = _COPYRIGHT.match(line)
    if not match:
        return None
    holder = _tidy(_TRAILING_NOISE.sub("", match.group("holder")))
    return holder if holder and any(ch.isalpha() for ch in holder) else None


_TRAILING_SMALL_WORDS = re.compile(r"(?:\s+(?:and|of|the|for|de))+$")
_MONTH_START = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.I
)


def _tidy(name: str) -> str:
    # A name ends where a sentence does: "Futurism. Read the original" -> "Futurism"
    # (initials such as "U.S." are not sentence ends).
    name = re.split(r"(?<=[a-z0-9]{2})\.\s", name)[0]
    name = name.strip(" \t.,;:|-–").strip()
    name = _TRAILING_SMALL_WORDS.sub("", name)  # "Stateline and (is republished)" -> "Stateline"
    return "" if _MONTH_START.match(name) or name.isdigit() else name
