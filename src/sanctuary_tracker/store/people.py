"""The merge rule for people: which mentions across documents are one Person.

Two mentions are the same person when their normalised full names are equal and they
are tied to the same jurisdiction (the body their title is held in: "Mayor of Chelsea,
MA"). The normalised name folds case and accents, drops punctuation, courtesy titles
(Mr., Dr. ...), suffixes (Jr., III ...) and middle initials: "Thomas A. Ambrosino" and
"thomas ambrosino" are one key. A mention with no jurisdiction joins the one person of
that name who has one, when there is exactly one; otherwise the name's unplaced person.
Namesakes in different jurisdictions stay apart; that is the price of never merging two
real people into one."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "rev", "hon", "sen", "rep", "gov"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md"})
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


@lru_cache(maxsize=65536)  # the same names recur across a batch's documents
def name_key(name: str) -> str:
    """The normalised full name a person is merged by."""
    folded = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = _WORD.findall(folded)
    while words and words[0] in _HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)[:200]
