"""What the words around a match say: whether it is a place at all (not a word, a
person, an organisation), a state named after it, kind words ("County", "the town of"), a
region nearby, the kind of a list it stands in."""

from __future__ import annotations

import re
from itertools import pairwise

import us

from sanctuary_tracker.places import cues
from sanctuary_tracker.places.folding import MARK
from sanctuary_tracker.places.gazetteer import Gazetteer
from sanctuary_tracker.places.lookups import names_a_county, state_named
from sanctuary_tracker.places.matches import Doc, Match, Word
from sanctuary_tracker.places.tokens import normalise_word

BIG_CITY = 100_000  # named alone, a city this large is the one meant unless context says otherwise

# Words after a place's name that say it is one ("Police", "Town", "County").
HEADS = cues.LOCAL_HEADS | cues.KIND_WORDS
_MODIFIERS = cues.PLACE_MODIFIERS | cues.TITLES
# Between two names of a list: a comma, "and", "or", "&".
LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+")


def list_kinds(text: str, matches: list[Match]) -> None:
    """ "the cities of Chicago, New Orleans, New York and Philadelphia": the kind word
    before a list holds for every name in it."""
    for previous, match in pairwise(matches):
        if (
            previous.level == "local"
            and not match.level
            and LIST_GAP.fullmatch(text, previous.end, match.start)
        ):
            match.level = "local"
            match.notes.append("in a list of cities or towns")
    _cities_listed(text, matches)


def _cities_listed(text: str, matches: list[Match]) -> None:
    """ "unlike New York, Los Angeles, Seattle and San Francisco": a name that is a state's
    and a city's, listed with names that are no state's, is the city."""
    run: list[Match] = []
    for match in [*matches, None]:
        if match is not None and (
            not run or LIST_GAP.fullmatch(text, run[-1].end, match.start) is not None
        ):
            run.append(match)
            continue
        if len(run) > 1:
            states = [m for m in run if m.names_state]
            if len(states) == 1 and not any(m.state for m in run):
                m = states[0]
                if m.level is None and any(
                    c.level == "local" and (c.population or 0) >= BIG_CITY for c in m.candidates
                ):
                    m.level = "local"
                    m.notes.append("listed with cities")
        run = [match] if match is not None else []


_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(cues.TITLES, key=len, reverse=True)) + r")\.?\s+$", re.I
)
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][a-z]+[ \t]+$")
_SPEECH_AFTER = re.compile(r"\s+(?:" + "|".join(cues.SPEECH_VERBS) + r")\b")
# A party's member after a place's name: the place is where the member lives or sits.
PARTY_MEMBERS = frozenset({"democrat", "republican", "independent", "libertarian"})
# A name right after a preposition is not the subject of the verb after it: "the mayor of
# Boston said", "leaders in Massachusetts said".
PREPOSITIONS = ("in", "of", "from", "at", "near", "outside", "across", "throughout", "within")
_PREPOSITION_BEFORE = re.compile(r"\b(?:" + "|".join(PREPOSITIONS) + r")[ \t]+$", re.I)


def person_beside(doc: Doc, start: int, end: int) -> bool:
    """A one-word name used for a person: after a title or a first name, or before
    "said" ("Governor Abbott", "Michele Jansen", "Abbott said")."""
    text = doc.text
    if _SPEECH_AFTER.match(text, end):
        return not _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
    if not text[start - 1 : start].isspace() or not start:
        return False  # neither a title nor a first name stands right before it
    lo = start - 16 if start > 16 else 0
    # The last folded word before it: the title expressions are tried only when it may be one.
    word = doc.spaced[lo : start + 1].rstrip(" ").rpartition(" ")[2]
    if (word in cues.TITLES or "'" in word) and _TITLE_BEFORE.search(text, lo, start):
        return True
    before = _NAME_BEFORE.search(text, lo, start)
    return bool(before) and before.group().strip().lower() not in cues.PLACE_MODIFIERS


def not_a_place(doc: Doc, tokens: list[Word], match: Match) -> str | None:
    """Why a matched name is not a place here ("word", "person", "organisation"), or None."""
    text = doc.text
    first, last = match.first, match.last
    norm = normalise_word
    single = first == last
    if single:  # (the common case, as the loop below would read it)
        word = tokens[first][0]
        key = norm(word)
        if key in _LOWER_CASE_IN_NAMES or key in _TITLES:
            return "word"  # "President", "Judge"
        if not (word[:1].isupper() or word.isdigit()) or _odd_case(word):
            return "word"
    else:
        names = [t[0] for t in tokens[first : last + 1] if norm(t[0]) not in _LOWER_CASE_IN_NAMES]
        for word in names:
            if not (word[:1].isupper() or word.isdigit()):
                return "word"  # "in union", "commerce" ("the town of" may be lower case)
            if _odd_case(word):
                return "word"  # "WaCo" is an abbreviation, not Waco
        if not names:
            return "word"
    if first > 0:
        before = tokens[first - 1]
        before_norm = norm(before[0])
        gap_before = text[before[2] : tokens[first][1]]
        spaces = gap_before[1:] if gap_before[:1] == "." else gap_before
        spaces = spaces[:-1] if spaces[-1:] == "\n" else spaces  # (as a regex's "$" reads)
        tight_before = bool(spaces) and not spaces.strip(_TIGHT)
        if gap_before[:1] == "." and before_norm not in _TITLES:
            tight_before = False  # a period ends a sentence unless it abbreviates a title
    else:
        before = before_norm = gap_before = None
        tight_before = False
    if last + 1 < len(tokens):
        after = tokens[last + 1]
        after_norm = norm(after[0])
        after_capitalised = after[0][:1].isupper()
        tight_after = text[tokens[last][2] : after[1]] in (" ", "\u00a0")
    else:
        after = after_norm = None
        after_capitalised = tight_after = False
    if (
        tight_after
        and after_capitalised
        and after_norm in cues.ORG_HEADS
        and not (after_norm in PARTY_MEMBERS and before_norm in ("a", "an"))
    ):
        return "organisation"  # "Boston Globe", "the Springfield Republican", not "a New
        # Haven Democrat" (a member of the party from there)
    if (
        single
        and key in cues.ADJECTIVE_NAMES
        and after_norm not in cues.KIND_WORDS
        and text[match.end : match.end + 1] != ","
    ):
        return "word"  # "American farm goods", not "American Township" nor "Canadian, Texas"
    if (
        (tight_after and (after_norm in cues.RESULT_VERBS or after_norm in cues.POSITION_WORDS))
        or (tight_before and before_norm in cues.RESULT_VERBS)
    ) and _about_a_game(text, match.start, match.end):
        return "organisation"  # a team: "Winnipeg defeated Nashville 3-1"
    if tight_after and after[0] == "State" and not match.names_state:
        return "organisation"  # "Boise State", "Fresno State": a university (but "Ohio State"
        # and "Washington State" are read with the state)
    if first >= 2 and before_norm == "of" and norm(tokens[first - 2][0]) in cues.ORG_OF:
        return "organisation"  # "Department of Homeland Security", "District of Pennsylvania"
    if (
        before is not None
        and before[0][:1].isupper()
        and (
            (len(before[0]) == 1 and gap_before.startswith(". "))  # "Andrew C. Nichols"
            or (
                gap_before in ("-", "–", "‐") and len(before[0]) > 1
            )  # "Tack–Hooper", not "D-Austin"
            or (gap_before.strip() == "&" and single)  # "Winston & Strawn"
        )
    ):
        return "person"
    if single and tight_after:
        if (
            after_norm in ("for", "on")
            and last + 2 < len(tokens)
            and tokens[last + 2][0][:1].isupper()
        ):
            return "organisation"  # "Center for Immigration Studies"
        if after_norm in cues.SPEECH_VERBS and before_norm not in PREPOSITIONS:
            return "person"  # "Jansen said", but not "the mayor of Boston said"
    if single and _middle_initial(text, tokens, last):
        return "person"  # "Walker A. Booker", "Troy L. Smith"
    if (
        single
        and tight_before
        and before_norm in _TITLES
        and not (tight_after and after_norm in HEADS)
    ):
        return "person"  # "Mayor Jackson", "Sen. Elizabeth"
    # A capitalised neighbour: a person's or an organisation's name, unless the line is a
    # headline, where every word is capitalised and neighbours say nothing.
    if (
        tight_after
        and after_capitalised
        and after_norm not in HEADS
        and after_norm not in PARTY_MEMBERS  # "a New Haven Democrat": where one lives
        and not after[0].isupper()
        and doc.words_in_line(tokens[first][1]) > 4  # not a label: "Chicago Policy:"
        and not _state_follows(match, after_norm)  # "Salem Oregon", not "Eastern Michigan"
    ):
        if doc.headline(tokens[first][1]):
            return None
        if single and not match.names_state:
            return "person"  # "Elizabeth Warren"
        return "organisation"  # "Texas Tribune", "Iowa Capitol"
    if (
        tight_before
        and before[0][:1].isupper()
        and before_norm not in _MODIFIERS
        and not match.names_state
        and not names_a_county(match.key)  # no one's name ends in "County"
    ):
        return None if doc.headline(tokens[first][1]) else "person"  # "Marty Walsh"
    return None


def _about_a_game(text: str, start: int, end: int) -> bool:
    """Whether the text around a name speaks of a game, not of a court or a vote (whose
    "2-1" is a ruling's or a tally's)."""
    lo, hi = max(0, start - 200), end + 200
    return bool(SPORTS_SENTENCE.search(text, lo, hi)) and not NOT_A_GAME.search(text, lo, hi)


def _middle_initial(text: str, tokens: list[Word], last: int) -> bool:
    """A middle initial and a capitalised word after the name: a given name's place
    ("Walker A. Booker"), not an abbreviation run together ("D.C.")."""
    return _INITIAL_THEN_NAME.match(text, tokens[last][2]) is not None


# (a capital and a small letter after the initial: a surname, not "D. C." nor "U. S.")
_INITIAL_THEN_NAME = re.compile(r"[ \t\u00a0][A-Z]\.[ \t\u00a0][A-Z][a-z]")
_TIGHT = " \t\u00a0"  # what may stand between a title and a name: "Mayor Jackson"
# Near a team's name: a score or a word of games; but not a court's or a vote's words.
NOT_A_GAME = re.compile(
    r"\b(?:court|courts|ruling|ruled|judges?|panel|appeals?|lawsuit|sued|votes?|voted|voting"
    r"|council|legislature|ordinance|sanctuary|immigration)\b",
    re.I,
)
SPORTS_SENTENCE = re.compile(
    r"\b\d{1,3}[-–]\d{1,3}\b(?![-–]\d)"
    r"|\b(?:game|games|season|playoffs?|touchdowns?|innings?|overtime|goals?|points|rebounds"
    r"|NFL|NBA|NHL|MLB|NCAA|MLS|quarterback|coach|league|tournament|championship|matchup)\b"
)
# The states whose whole name is one word ("Oregon", from the us package): after a place's
# name without a comma, a qualifier, not the next word of a longer name.
_STATE_WORDS = {
    normalise_word(state.name): state.abbr for state in us.states.STATES if " " not in state.name
}


def _state_follows(match: Match, word: str) -> bool:
    """Whether ``word`` (normalised) names a state that holds one of the match's places."""
    state = _STATE_WORDS.get(word)
    return (
        state is not None
        and not match.names_state
        and any(c.state == state for c in match.candidates)
    )


def titled(match: Match) -> bool:
    """A title right before the name, written as a name is ("Mayor Jackson, Miss."), not in
    capitals as a letterhead's town is."""
    name = match.window[match.first][0]
    return (
        match.first > 0
        and normalise_word(match.window[match.first - 1][0]) in cues.TITLES
        and not name.isupper()
    )


_LOWER_CASE_IN_NAMES, _TITLES = cues.LOWER_CASE_IN_NAMES, cues.TITLES


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|La|Le|Du|O')[A-Z]")


def _odd_case(word: str) -> bool:
    """Capitals inside a word that is not all capitals: "WaCo", "iPhone" (but "McAllen" is a name)."""
    inner = word[1:]
    if inner.islower() or not inner:
        return False
    return not word.isupper() and any(c.isupper() for c in inner) and not _NAME_PREFIX.match(word)


def read_cues(text: str, tokens: list[Word], match: Match, gazetteer: Gazetteer) -> None:
    """Set the match's cues from the words around it: a state named after it, its kind."""
    after = match.last + 1
    size = len(tokens)
    # An explicit state: "Portland, Ore.", "Hartford, Connecticut", "Washington, D.C."
    if after < size and text[tokens[after - 1][2] : tokens[after][1]].strip() == ",":
        for width in (3, 2, 1):
            if after + width > len(tokens):
                continue
            phrase = text[tokens[after][1] : tokens[after + width - 1][2]]
            dotted = text[tokens[after + width - 1][2] : tokens[after + width - 1][2] + 1] == "."
            if width == 1 and len(phrase) == 2 and not (phrase.isupper() or dotted):
                continue  # "in", "or", "me" are words; "IN", "OR", "Pa." are states
            state = state_named(gazetteer, phrase)
            if state is not None and (
                any(c.state == state.state for c in match.candidates)
                or (match.key == "washington" and state.state == "DC")
            ):
                match.state = state.state
                match.qualifier = (tokens[after][1], tokens[after + width - 1][2])
                match.notes.append(f"state named after it: '{phrase}'")
                break
    elif (
        after < size
        and not match.names_state
        and text[tokens[after - 1][2] : tokens[after][1]] == " "
        and normalise_word(tokens[after][0]) in _STATE_WORDS
    ):
        # "Clackamas County Oregon": a state's whole one-word name, without the comma
        word = tokens[after][0]
        state = state_named(gazetteer, word)
        if word[:1].isupper() and any(c.state == state.state for c in match.candidates):
            match.state = state.state
            match.qualifier = (tokens[after][1], tokens[after][2])
            match.notes.append(f"state named after it: '{word}'")
    # Kind words: "the town of East Haven", "cities of Hartford, ...", "Chelsea City Manager".
    if match.first and normalise_word(tokens[match.first - 1][0]) == "of":
        window = [normalise_word(t[0]) for t in tokens[max(0, match.first - 3) : match.first]]
        if any(w in cues.LOCAL_KIND_WORDS for w in window[:-1]):
            match.level = match.level or "local"
            match.notes.append("after a word for a city or town")
        if window[-2:] == ["state", "of"] or window[-2:] == ["commonwealth", "of"]:
            match.level = "state"
            match.notes.append("after 'state of'")
    if names_a_county(match.key):
        match.level = match.level or "county"
        match.notes.append("named as a county")
    if not match.level and after < size and normalise_word(tokens[after][0]) in cues.LOCAL_HEADS:
        match.notes.append(f"followed by '{tokens[after][0]}'")


_REGION_NAMES = list(cues.REGIONS)
# Every region, in the marked text (a region's words may be capitalised or not).
_REGION = re.compile(
    r"[ ^]("
    + "|".join(re.escape(r).replace(r"\ ", "[ ^]") for r in _REGION_NAMES)
    + r")(?![a-z0-9])"
)
REGION_REACH = 40  # characters between a name and the region that places it
_REGION_SPAN = REGION_REACH + 2 + max(map(len, _REGION_NAMES))


def regions(text: str, folded: str, matches: list[Match]) -> None:
    """A region named in the same sentence tells the state of the name before it.
    (Looked for after each name only: a region further from every name places none.)"""
    found = []
    for i, match in enumerate(matches):
        end = match.end
        for hit in _REGION.finditer(folded, end, end + _REGION_SPAN):
            position = hit.start()  # folded has one leading mark, so this is the text offset
            if position - end > REGION_REACH:
                break
            # the name nearest before it: the last whose end is not after it
            nearest = i
            for j in range(i + 1, len(matches)):
                if matches[j].end <= position:
                    nearest = j
            if nearest == i:
                region = hit.group(1).replace(MARK, " ")
                found.append((_REGION_NAMES.index(region), position, i))
    for index, position, i in sorted(found):
        nearest, region = matches[i], _REGION_NAMES[index]
        between = text[nearest.end : position]
        if not re.search(r"[.!?]\s", between):
            nearest.region = cues.REGIONS[region]
            nearest.notes.append(f"near '{text[position : position + len(region)]}'")
