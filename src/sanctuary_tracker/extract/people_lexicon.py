"""Words only the people extractor needs: the federal bodies a bare title implies, name
suffixes, and the words of a photo credit or byline. Given names come from the SSA table
(``sanctuary_tracker.text.given_names``); titles, organisation words and speech verbs from the
shared lexicon (``sanctuary_tracker.text.lexicon``)."""

from __future__ import annotations

# Titles whose body goes without saying (the federal office), for the record's "of".
FEDERAL_BODIES = {
    "president": "United States",
    "u.s. president": "United States",
    "vice president": "United States",
    "attorney general": "U.S. Department of Justice",
    "u.s. attorney general": "U.S. Department of Justice",
    "homeland security secretary": "U.S. Department of Homeland Security",
}

# Suffixes that follow a name: "Martin Luther King Jr.", "John Smith III".
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

# Lines that credit a photo or write a byline: "Photo: P.J. D'Annunzio", "Credit: X / Outlet".
CREDIT_WORDS = frozenset({"photo", "photos", "credit", "credits", "by", "photographer", "file"})
