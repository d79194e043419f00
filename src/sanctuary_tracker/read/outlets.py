"""Whether a name is a news outlet's, told from its shape, not from a list of outlets.

A newspaper names itself with a media word ("The Des Moines Register", "Daily Hampshire
Gazette", "HuffPost"); a broadcaster with its call sign ("WKRN", "WBUR-FM", "KIRO 7") or a
network and channel number ("FOX40", "NBC 26", "News 12"). The few national networks and
wire services that go by initials alone are named here as a kind, not as our documents'
outlets.
"""

from __future__ import annotations

import re

# The words newspapers, magazines and stations put in their names. "Union", "Leader",
# "Voice", "Standard" and "Citizen" are left out: they name parties, unions and people's
# roles far more often than papers.
_MEDIA_WORDS = (
    "News|Newspaper|Newspapers|Times|Post|Journal|Tribune|Herald|Radio|Media|Press|Gazette|"
    "Chronicle|Observer|Register|Courier|Daily|Magazine|Mirror|Telegraph|Telegram|Globe|"
    "Dispatch|Record|Review|Examiner|Enterprise|Inquirer|Ledger|Sentinel|Monitor|Reporter|"
    "Bulletin|Independent|Television|TV|Broadcasting|Wire|Weekly|Digest|Bee|Star|Sun|"
    "Statesman|Beacon|Courant|Clarion|Argus|Journal-Constitution|Democrat-Gazette|Newsroom|"
    "Patch|Report"
)
_MEDIA_WORD = re.compile(rf"^(?:{_MEDIA_WORDS})$")
# A media word inside a one-word brand: "HuffPost", "NewsNation", "CTVNews".
_MEDIA_PART = re.compile(rf"(?:^|[a-z])(?:{_MEDIA_WORDS})(?:[A-Z]|$)")
# National networks and wire services known by initials or one word: a kind of outlet.
_WIRES = re.compile(
    r"^(?:the\s+)?(?:AP|Associated Press|Reuters|AFP|Agence France-Presse|UPI|"
    r"United Press International)$",
    re.I,
)
_NETWORKS = re.compile(r"^(?:ABC|NBC|CBS|CNN|NPR|PBS|BBC|MSNBC|CNBC|Fox|FOX|C-SPAN)$")
# A call sign: four letters from K or W, with an optional band ("WBUR-FM", "WSOC-TV").
_CALL_SIGN = re.compile(r"^[KW][A-Z]{3}(?:-(?:TV|FM|AM|DT|CD|LP))?$")
# A network or call sign with its channel number: "FOX40", "KIRO 7", "NBC 26", "News 12".
_CHANNEL = re.compile(
    r"^(?:ABC|NBC|CBS|FOX|Fox|CW|PIX|PBS|News|Channel|[KW][A-Z]{2,3})[ -]?\d{1,2}$"
)
_JOINERS = ("of", "the", "and", "&", "de", "for")
_WORD = re.compile(r"[\w'’.&]+(?:-[\w'’.&]+)*")


def is_media_word(word: str) -> bool:
    """One of the words outlets put in their names ("News", "Times", "Gazette"): by itself,
    a kind of outlet, not one outlet's name."""
    return bool(_MEDIA_WORD.match(word.strip()))


def is_wire_service(name: str | None) -> bool:
    """A news agency whose stories other outlets print ("AP", "The Associated Press")."""
    return bool(name) and bool(_WIRES.match(name.strip()))


def is_national_outlet(name: str) -> bool:
    """A wire service or a national network, by itself or as a brand's first word
    ("CNN", "CBS News", "Fox News", "The Associated Press"); "NBC 26", a network's local
    station on its channel, is not one."""
    if _CHANNEL.match(name.strip()):
        return False
    first = name.strip().removeprefix("the ").removeprefix("The ").split()
    return is_wire_service(name) or bool(first and _NETWORKS.match(first[0].split("-")[0]))


def is_outlet_name(name: str | None) -> bool:
    """Whether ``name`` has the shape of a news outlet's name."""
    if not name:
        return False
    name = name.strip(" .,;:")
    if not name or len(name) > 60:
        return False
    if is_wire_service(name) or _NETWORKS.match(name) or _CALL_SIGN.match(name):
        return True
    if _CHANNEL.match(name):
        return True
    tokens = _WORD.findall(name)
    if not tokens or not tokens[0][0].isupper() or len(tokens) > 7:
        return False
    if len(tokens) == 1:
        return bool(_MEDIA_PART.search(tokens[0])) and not _MEDIA_WORD.match(tokens[0])
    if any(not (t[0].isupper() or t[0].isdigit() or t in _JOINERS) for t in tokens):
        return False
    if tokens[-1] in _JOINERS:
        return False
    if _NETWORKS.match(tokens[0]) or any(_CALL_SIGN.match(t) for t in tokens):
        return True  # "CBS News Minnesota", "Channel 9 WSOC-TV"
    return any(_MEDIA_WORD.match(t.split("-")[-1]) for t in tokens[1:]) or bool(
        _MEDIA_WORD.match(tokens[0]) and tokens[0] in ("News", "Daily")
    )


def outlet_key(name: str) -> str:
    """An outlet's name for comparing: "The Miami Herald" -> "miamiherald"."""
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the "))


def same_outlet(one: str, other: str) -> bool:
    """One outlet, named in full or short: "the Herald" and "The Miami Herald"."""
    a, b = outlet_key(one), outlet_key(other)
    return bool(a and b) and (a == b or a.endswith(b) or b.endswith(a))
