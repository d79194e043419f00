"""The one home for abbreviations: the words a text writes with a period that ends no
sentence ("Sen.", "Jan.", "Inc.", "U.S."), by kind, lower case and without their final
period. The sentence splitter (``text.sentences``) reads them all; the person finder reads
the titles (a name after one is a person's); the quote finder a narrower set of its own.

A letter with its period ("J.", "U.S.", "p.m.") is an initial: the splitter tells initials
by their shape, so only a few are listed here."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles before a name: "Sen. Warren", "Lt. Derrick St. Laurent", "Det. Jane Roe".
TITLE_ABBREVIATIONS = _words(
    "sen rep gov lt sgt capt col gen dr mr mrs ms rev prof ald atty hon supt det insp cmdr adm "
    "maj pres sec"
)
# Parts of a name: "St. Laurent", "Martin Luther King Jr.", "Jane Roe, Esq.".
NAME_ABBREVIATIONS = _words("st jr sr esq")
# Months ("Jan. 5"; June and July as the splitter reads them: "Jun" is also a name).
MONTH_ABBREVIATIONS = _words("jan feb mar apr aug sep sept oct nov dec")
# References ("No. 5", "Roe v. Wade"), companies and offices ("Acme Co.", "Police Dept."),
# addresses and places ("Main Ave.", "Mt. Vernon", "Ft. Worth", "U.S."), times and Latin.
OTHER_ABBREVIATIONS = _words(
    "no vs v co corp inc ltd dept ave blvd mt ft u.s u.s.a d.c a.m p.m e.g i.e etc"
)
# Every word whose trailing period does not end a sentence (the sentence splitter's).
ABBREVIATIONS = TITLE_ABBREVIATIONS | NAME_ABBREVIATIONS | MONTH_ABBREVIATIONS | OTHER_ABBREVIATIONS

# The narrower set the quote finder's own sentence ends skip (``extract/quotes.py``, which
# tells initials by their shape too): its older titles, names, months with "jun" and "jul",
# references, companies and "u.s". Widening it to ABBREVIATIONS moves a quote's sentence end
# past "Pres.", "etc." or "p.m.", and with it the speaker found: a change to make with the
# evaluation, not here.
QUOTE_ABBREVIATIONS = (
    (TITLE_ABBREVIATIONS - _words("det insp cmdr adm maj pres sec"))
    | NAME_ABBREVIATIONS
    | MONTH_ABBREVIATIONS
    | _words("jun jul no vs v co corp inc u.s")
)
