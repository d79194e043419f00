"""Find one jurisdiction from what a user types: "Chelsea, MA", "Cook County, IL",
"California", a GEOID ("2513205") or an OCD id."""

from __future__ import annotations

import re

from sanctuary_tracker.places.gazetteer import Gazetteer, Jurisdiction


class NotFound(LookupError):
    """No jurisdiction, or several, answer to the name; the message says which."""


def find_jurisdiction(gazetteer: Gazetteer, text: str) -> Jurisdiction:
    text = text.strip()
    if text.startswith("ocd-division/"):
        try:
            return gazetteer.by_ocd_id(text)
        except KeyError:
            raise NotFound(f"{text!r}: no jurisdiction has this OCD id") from None
    if re.fullmatch(r"\d{2}|\d{5}|\d{7}|\d{10}", text):
        try:
            return gazetteer.by_geoid(text)
        except KeyError:
            raise NotFound(f"{text!r}: no jurisdiction has this GEOID") from None
    name, _, state_text = text.rpartition(",")
    if not name:
        state = gazetteer.state(text)
        if state is None:
            raise NotFound(f"{text!r}: give a state, or a place as 'Name, ST' (e.g. 'Chelsea, MA')")
        return state
    state = gazetteer.state(state_text.strip())
    if state is None:
        raise NotFound(f"{text!r}: {state_text.strip()!r} is not a US state or its abbreviation")
    found = [
        j for j in gazetteer.lookup(name.strip()) if j.state == state.state and j.level != "state"
    ]
    exact = [j for j in found if j.name.lower() == name.strip().lower()] or found
    if not exact:
        raise NotFound(f"{text!r}: no county or place of that name in {state.name}")
    # A place and a town of one name (a New England city and its town): the incorporated
    # place, then the larger, is meant; the others are named so the user can pick by id.
    ranked = sorted(
        exact, key=lambda j: (j.level != "local", len(j.geoid) == 10, -(j.population or 0))
    )
    return ranked[0]
