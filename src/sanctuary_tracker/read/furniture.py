"""What a line of page text is: furniture (player controls, menus, copyright), a photo credit,
a caption, a byline, or content. General rules about how pages are built, not rules for one site."""

from __future__ import annotations

import re
from functools import lru_cache

from sanctuary_tracker.read.syndication import copyright_holder, is_syndication_notice
from sanctuary_tracker.text.lexicon import PARTICLES

# Words that make up the controls, menus and labels around an article. A short line
# made only of these ("Play Live Radio", "Next Up:", "Share this", "Available On Air
# Stations") is page furniture, not writing.
UI_WORDS = frozenset(
    """
    a about accept account ad ads area advertisement advertisements air all and app apps archive
    archives article articles audio available back browse calendar cancel captions careers cc clipboard close
    collapse comment comments commons contact content continue cookie cookies copy copied creative
    donate download
    edition email embed events expand facebook feed feedback flipboard follow full fullscreen
    gallery get give help hide home image images in instagram join jobs latest like likes link
    license linkedin listen listening live load loading log login logout main member membership menu
    messenger more most mute my navigation news newsletter newsletters next now of on open opinion
    or out pause permalink photos pinterest play player playing podcast podcasts policy popular
    previous print privacy program programs radio read reading reddit register related reply
    replies republish rss schedule search section sections see settings share shares shop show shows sign
    skip sms sponsored station stations store stories story stream streaming subscribe support tag
    tags terms the this tiktok to toggle top topics traffic transcript trending tweet twitter unmute
    up us use video view viewing volume watch weather whatsapp x your youtube
    """.split()
)

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_TIMECODES = re.compile(r"^(?:(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*|\s+|$))+$")
_SENTENCE_END = re.compile(r"[.?!…][\"”’')\]]*$")
_CREDIT_LABEL = re.compile(
    r"^(?:(?:photo|photograph|image|picture|video|illustration|graphic)s?(?:\s+credit)?|credit|"
    r"courtesy)(?:\s+(?:by|of))?\s*[:\-–]?\s+\S",
    re.I,
)
_AGENCY = re.compile(
    r"(?:^|[/|,]\s*|\s)(?:Getty\s+Images|AP\s+Photo|Associated\s+Press|Reuters|AFP|EPA(?:-EFE)?|"
    r"Shutterstock|iStock(?:photo)?|Redferns|Alamy|ZUMA(?:\s+Press)?|NurPhoto|SOPA\s+Images)\b"
)
_NAME_TOKEN = r"(?:[A-Z][a-z'’\-]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.|de|van|von|da|del|la|le)"
_BARE_NAME = re.compile(rf"^[A-Z][a-z'’\-]+(?: {_NAME_TOKEN}){{1,3}}$")
_NAME_SLASH_ORG = re.compile(
    rf"^[A-Z][a-z'’\-]+(?: {_NAME_TOKEN}){{0,3}}\s*/\s*(?:The\s+)?[A-Z][\w.'’&\- ]{{1,40}}$"
)
_INLINE_CREDIT = re.compile(
    r"\(\s*(?P<credit>(?:(?:AP|AFP)\s+Photo\s*/\s*|(?:photo|credit|image)s?\s*(?:by|:)\s*)?"
    r"[A-Z][^()]{1,60}?(?:\s*/\s*[A-Z][^()]{1,60})?)\s*\)\s*$"
)
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”])\s+(?:(?:photo|credit|image|photograph)s?(?:\s+by|\s*:)\s*(?P<credit>[A-Z].{1,60})|"
    r"(?P<kind>(?:file|staff|courtesy|contributed|submitted)\s+photo)\.?)$",
    re.I,
)
# A breadcrumb or section trail: "| Press Releases", "Home » News", "News / Local".
_BREADCRUMB = re.compile(r"^\s*(?:[|»›>/]\s*\S.*|.*\S\s*[|»›>/])\s*$|^\S.*\s[»›]\s.*\S$")
# A byline: "By Jane Doe and John Roe", "Story by José Luis de la Cruz Jr." (particles of
# names in lower case between its capitalised words).
_PARTICLE = "|".join(sorted(p for p in PARTICLES if p.isalpha()))
_BYLINE = re.compile(
    r"^(?P<lead>(?:(?:Story|Written|Reporting|Reported|Text)\s+by|By))\s+[A-Z][\w.'’\-]*"
    rf"(?:[ ,]+(?:and\s+)?(?:(?:{_PARTICLE})\s+){{0,2}}[A-Z][\w.'’\-]*){{0,8}}\.?$"
)


@lru_cache(maxsize=256)
def words(line: str) -> tuple[str, ...]:
    """The words of a line (kept for the lines asked about again: each rule asks)."""
    return tuple(_WORDS.findall(line))


def is_sentence(line: str) -> bool:
    """A line written as prose: it ends like a sentence or is long."""
    return bool(_SENTENCE_END.search(line)) or len(words(line)) >= 12


def is_short_label(line: str) -> bool:
    """A short line that is not a sentence: a heading, label, name or control."""
    return len(words(line)) <= 8 and not _SENTENCE_END.search(line.rstrip(":"))


def is_timecode(line: str) -> bool:
    return bool(_TIMECODES.match(line.strip()))


def is_ui_line(line: str) -> bool:
    """Only control and menu words, in a short line that is not a sentence."""
    tokens = [w.lower() for w in words(line)]
    if not tokens or len(tokens) > 8 or _SENTENCE_END.search(line):
        return False
    return all(t in UI_WORDS or t.isdigit() for t in tokens)


def is_copyright(line: str) -> bool:
    return copyright_holder(line) is not None and len(words(line)) <= 15


def is_furniture(line: str) -> bool:
    """A line that is page furniture wherever it stands."""
    line = line.strip()
    if not line:
        return False
    if not words(line):
        return len(line) <= 40  # separators and icon glyphs: "•", "|", "* * *"
    return (
        is_timecode(line)
        or is_ui_line(line)
        or is_copyright(line)
        or is_syndication_notice(line)
        or (len(words(line)) <= 6 and bool(_BREADCRUMB.match(line)))
    )


def is_credit(line: str) -> bool:
    """A photo credit standing on its own line ("Photo: X", "X/Getty Images", "X / The Post")."""
    line = line.strip()
    if not line or len(words(line)) > 12 or _ends_like_prose(line):
        return False
    return bool(
        _CREDIT_LABEL.match(line)
        or (_AGENCY.search(line) and len(words(line)) <= 10)
        or _NAME_SLASH_ORG.match(line)
    )


def _ends_like_prose(line: str) -> bool:
    # "Photo by Jane Q. Public" ends in an initial's period; "... in January." ends a sentence.
    return line.endswith(("?", "!")) or (line.endswith(".") and not re.search(r"\b[A-Z]\.$", line))


def is_bare_name(line: str) -> bool:
    """Two to four capitalised words and nothing else: a person's name alone on a line."""
    return bool(_BARE_NAME.match(line.strip()))


def inline_credit(line: str) -> str | None:
    """The credit that ends a photo caption: "... (Peter Goonan / The Republican)",
    "... Credit: Jane Roe / CT Mirror", "... File photo"."""
    trailing = _TRAILING_CREDIT.search(line)
    if trailing:
        return (trailing.group("credit") or trailing.group("kind")).strip().rstrip(".")
    match = _INLINE_CREDIT.search(line)
    if not match:
        return None
    credit = match.group("credit").strip()
    labelled = bool(re.match(r"(?:(?:AP|AFP)\s+Photo|(?:photo|credit|image)s?\b)", credit, re.I))
    return credit if labelled or "/" in credit or _AGENCY.search(credit) else None


def is_credit_only(line: str) -> bool:
    """A line that is nothing but a parenthesised credit: "(Photo: WKRN)"."""
    match = _INLINE_CREDIT.search(line)
    return bool(match and match.start() == 0 and inline_credit(line))


def byline_of(line: str) -> str | None:
    """The names in a byline ("By Jane Doe and John Roe" -> "Jane Doe and John Roe")."""
    line = line.strip()
    match = _BYLINE.match(line) if len(words(line)) <= 12 else None
    if match is None:
        return None
    return line[match.end("lead") :].strip().rstrip(".")
