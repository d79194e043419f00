"""The publisher of a web page from the names its metadata gives its site, checked against
the page's own host.

A page names its site in several places (``og:site_name``, the JSON-LD publisher,
``application-name``); what they hold is not always a name. Each candidate is read in that
order and is:

* refused when it is a web address, a social-media handle, the host cut short
  ("valleyledger" on valleyledger.com), the name of a host's subdomain ("Syndicated" on
  syndicated.wirecopy.org), only a place ("U.K.", "Ohio"), a description rather than a name
  ("Expert advice for busy parents" where the host spells none of it), or a common word
  ("News", "Home") that the host does not spell;
* cut to its name when it runs on with a tagline ("Valley Ledger | Your source for ...");
* cut to the outlet's name when it names another edition of the outlet than the one the
  page was served from ("River Wire France" for a page of riverwire.com).

Of the candidates left, the first that the host spells ("The Valley Ledger" on
valleyledger.com, "VL" on vl.com) wins; else the first left; else the host itself. Every
choice keeps the reason it was made. Nothing here names an outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sanctuary_tracker.read.outlets import is_media_word

# "Name | tagline", "Name - tagline", "Name: tagline", "Name — tagline".
_SEPARATOR = re.compile(r"\s+[|–—·•]\s+|\s+-\s+|(?<=\w):\s+")
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|www\.)", re.I)
# A name spelled as initials with stops ("U.K.", "N.Y."): a place's abbreviation.
_DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.\s?){2,}$")
# Words that join a name's capitalised words, in the languages news sites write in.
_JOINERS = frozenset(
    "of the and for on in at a an to by with & de da do dos das del della la le les el "
    "di du des von van der den y e et und och og".split()
)
# The second-level labels under which a country's registry gives out names (co.uk, com.br).
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go"})
# A domain's ending written into a name: "Spokesman.com", "Express.co.uk", "Phys.org".
_DOMAIN_ENDING = re.compile(r"\.(?:[a-z]{2,3}\.)?[a-z]{2,12}$")
# A plain word, capitalised or not: no inner capitals, no digits.
_PLAIN_WORD = re.compile(r"^[A-Z]?[a-z]+$")
# What a site builder calls a page or a site when nobody named it.
_PAGE_WORDS = frozenset({"home", "homepage", "blog", "site", "website", "index", "untitled"})
# The country's own names: a site named only this names a place.
_COUNTRY = frozenset({"us", "usa", "unitedstates", "unitedstatesofamerica", "america"})


@dataclass(frozen=True)
class SiteName:
    """The publisher chosen for a page, and why."""

    name: str | None
    reason: str


def choose_site_name(
    candidates: list[tuple[str, str | None]], served: str | None, declared: str | None
) -> SiteName:
    """The page's publisher from ``candidates`` ((where, value) pairs, in order of trust),
    the host the page was ``served`` from (when known) and the host its metadata
    ``declared`` (og:url), the first of which is the page's own host."""
    host = served or declared
    kept: list[SiteName] = []
    refused: list[str] = []
    for where, value in candidates:
        name, reason = _read(value or "", where, host)
        if name is None:
            if reason:
                refused.append(reason)
            continue
        kept.append(_edition(name, reason, served, declared))
    why = f" ({'; '.join(refused)})" if refused else ""
    spelled = next((c for c in kept if host and spells_host(c.name or "", host)), None)
    if spelled is not None and spelled is not kept[0]:
        return SiteName(spelled.name, f"{spelled.reason}, which the host {host} spells{why}")
    if kept:
        return SiteName(kept[0].name, f"{kept[0].reason}{why}")
    if host:
        return SiteName(host, f"the page's host{why}")
    return SiteName(None, f"no site name and no host{why}")


def _read(value: str, where: str, host: str | None) -> tuple[str | None, str]:
    """(name, reason) for one candidate, or (None, why it was refused)."""
    value = " ".join(value.split())
    if not value:
        return None, ""
    if _ADDRESS.match(value):
        return None, f"{where} {value!r} is a web address"
    if value.startswith("@"):
        return None, f"{where} {value!r} is a handle"
    reason = f"{where} {value!r}"
    parts = [p.strip() for p in _SEPARATOR.split(value) if p.strip()]
    if len(parts) > 1:
        name = next((p for p in parts if host and spells_host(p, host)), parts[0])
        reason = f"{where} {value!r} cut at its separator"
    else:
        name = value
    refusal = _not_a_name(name, host)
    if refusal:
        return None, f"{where} {name!r} is {refusal}"
    return name, reason


def _not_a_name(name: str, host: str | None) -> str | None:
    """What ``name`` is instead of a site's name, or None when it reads as one."""
    if not any(ch.isalpha() for ch in name) or len(name) > 80:
        return "not a name"
    key = _key(name)
    labels = _labels(host)
    if host and " " not in name and name == name.lower() and key in {_key(x) for x in labels}:
        return (
            f"the host {host} written as an address"
            if "." in name
            else f"the host {host} cut short"
        )
    subdomain = _subdomain(host) if host else None
    if subdomain and _PLAIN_WORD.match(name) and key == _key(subdomain):
        # a plain word ("Syndicated", "Blog") names a service of the host's, where a coined
        # name ("GridironDaily") names a site that lives under another's host
        return f"the name of the host's subdomain ({host})"
    if _DOTTED_INITIALS.match(name) or key in _COUNTRY or key in _places():
        return "only a place"
    if (is_media_word(name) or name.lower() in _PAGE_WORDS) and not (
        host and spells_host(name, host)
    ):
        return "a common word, not a name"
    words = name.split()
    if (
        len(words) > 1
        and any(w[0].islower() and w.lower() not in _JOINERS for w in words)
        and not (host and spells_host(name, host))
    ):
        return "a description, not a name"
    return None


def _edition(name: str, reason: str, served: str | None, declared: str | None) -> SiteName:
    """A name cut to its outlet's when it names an edition other than the served one: the
    page declares one host and was served from another of the same outlet's
    ("example-news.de" and "example-news.com")."""
    brand = _key(_brand(declared) or "")
    if not (served and declared and served != declared and brand == _key(_brand(served) or "")):
        return SiteName(name, reason)
    words = name.split()
    for end in range(len(words) - 1, 0, -1):
        if _key(" ".join(words[:end])) == brand:
            return SiteName(
                " ".join(words[:end]),
                f"{reason} without the words naming the edition at {declared}"
                f" (the page was served from {served})",
            )
    return SiteName(name, reason)


def spells_host(name: str, host: str) -> bool:
    """Whether ``host`` spells ``name``: in full ("Valley Ledger", valleyledger.com), as a
    start of either ("Sky News", news.sky.com; "Smith", smithmag.com) or by the first letters
    of its words ("The New York Example", nyexample.com)."""
    brand = _key(_brand(host) or "")
    key = _key(name)
    if len(brand) < 2 or len(key) < 2:
        return False
    if _key(name, keep_article=True) == brand:
        return True  # "The Valley Ledger", thevalleyledger.com
    if key == brand or key.startswith(brand) or (len(key) >= 3 and brand.startswith(key)):
        return True
    words = [_key(w) for w in re.split(r"[\s\-]+", _DOMAIN_ENDING.sub("", name.strip()))]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    return 1 < len(words) <= 8 and _abbreviates(brand, words)


def _abbreviates(brand: str, words: list[str]) -> bool:
    """``brand`` is a start of each word in turn: "nyexample" for ("new", "york", "example").
    (The places in ``brand`` reached after each word: linear, whatever the words.)"""
    reached = {0}
    for word in words:
        reached = {
            at + n
            for at in reached
            for n in range(1, min(len(word), len(brand) - at) + 1)
            if word.startswith(brand[at : at + n])
        }
    return len(brand) in reached


def _key(name: str, keep_article: bool = False) -> str:
    name = _DOMAIN_ENDING.sub("", name.strip().lower())
    return re.sub(r"[^\w]|_", "", name if keep_article else name.removeprefix("the "))


def _labels(host: str | None) -> list[str]:
    return host.lower().split(".") if host else []


def _registered(host: str) -> int:
    """The index of the label a registry gave out: "example" in news.example.co.uk."""
    labels = _labels(host)
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return len(labels) - 3
    return max(len(labels) - 2, 0)


def _brand(host: str | None) -> str | None:
    """The host's registered name: "example" for www.news.example.co.uk."""
    return _labels(host)[_registered(host)] if host else None


def _subdomain(host: str) -> str | None:
    """The label just left of the registered name ("syndicated" in syndicated.wirecopy.org), or None."""
    index = _registered(host)
    return _labels(host)[index - 1] if index > 0 else None


@cache
def _places() -> frozenset[str]:
    """The states' and territories' names, as keys (their postal codes are initials that
    outlets use too). ``us`` is imported here, on the first page that needs it: reading
    alone does not load it otherwise."""
    import us

    return frozenset(_key(state.name) for state in us.states.STATES_AND_TERRITORIES)
