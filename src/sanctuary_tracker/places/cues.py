"""Context words that tell what a capitalised name is: kind words, connectors, modifiers and
regions that imply a state; titles, organisation heads and speech verbs come from
``sanctuary_tracker.text.lexicon`` (re-exported here under the names the resolver uses)."""

from __future__ import annotations

# Titles, organisation heads and speech verbs live with the people's words in the one lexicon.
from sanctuary_tracker.text.lexicon import ORG_HEADS as ORG_HEADS
from sanctuary_tracker.text.lexicon import ORG_OF as ORG_OF
from sanctuary_tracker.text.lexicon import PERSON_TITLES, SAY_VERBS

TITLES = PERSON_TITLES
SPEECH_VERBS = SAY_VERBS

# Small words that may stand inside a name: "District of Columbia", "Isle of Wight".
CONNECTORS = frozenset(
    {"of", "the", "and", "de", "la", "le", "du", "des", "del", "los", "las", "upon", "on"}
)

# US place names better known as foreign places: named alone, without a US cue (a state
# after a comma, a kind word, the document's state), they are taken to be the foreign one.
FOREIGN_HOMONYMS = frozenset(
    """
    mexico ontario paris london toronto dublin berlin moscow lima cairo delhi vienna rome athens
    florence naples venice amsterdam madrid barcelona havana jerusalem alberta quebec manitoba
    victoria sydney melbourne canton hamburg warsaw frankfurt oxford belfast glasgow edinburgh
    china peru cuba panama jamaica lebanon jordan poland norway sweden denmark holland
    """.split()
)

# Adjectives that are also some townships' or small towns' names ("American" township,
# Ohio; "Canadian", Texas): the adjective, unless a kind word or a comma (a state) follows.
ADJECTIVE_NAMES = frozenset(
    "american canadian german french english welsh republican democrat democratic".split()
)

# Capitalised words that may stand right before a place name without making it a person's.
PLACE_MODIFIERS = frozenset(
    """
    the in of at for from to and or but by on near neighboring neighbouring nearby greater
    downtown suburban metro metropolitan central northern southern eastern western upstate
    downstate rural urban a an as while when where with like including both all north south
    east west northeast northwest southeast southwest midtown uptown after before since if
    although though during unlike across outside inside throughout meanwhile today yesterday
    last this that these those many some most other each every several even only also so here
    there under over into than then because until unless whether whereas besides beyond
    within without against among between about around via per
    """.split()
)

# Capitalised words that may follow a place's name without making it part of another name
# ("Chelsea City Manager", "Boston Police", "Nashville Metro Council", "Texas Gov.").
# Any other capitalised word makes the pair a longer name: "Elizabeth Warren", "Boston Globe".
LOCAL_HEADS = frozenset(
    """
    city town village township borough police council councilor councilors councilman
    councilwoman councilmember alderman aldermen selectmen select mayor mayors officials residents
    schools school public hall metro sheriff sheriffs state area leaders voters community
    communities board housing fire health district attorney jail jails corrections detention
    democrats republicans commissioners commissioner executive legislature legislators lawmakers
    delegation trustees supervisor supervisors superintendent administrator manager clerk
    treasurer comptroller controller auditor assessor municipal superior gov governor senate
    house assembly supreme attorneys immigrants immigration officers officer deputies
    """.split()
)
LOCAL_KIND_WORDS = frozenset(
    {
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "township",
        "townships",
        "borough",
        "boroughs",
    }
)
COUNTY_KIND_WORDS = frozenset({"county", "counties", "parish", "parishes"})
KIND_WORDS = LOCAL_KIND_WORDS | COUNTY_KIND_WORDS
# Words of a legal form that the text may write in lower case: "the state of New York".
LOWER_CASE_IN_NAMES = KIND_WORDS | CONNECTORS | {"state", "commonwealth"}

# Regions that tell the state of a nearby name: "Nassau County on Long Island".
REGIONS = {
    "long island": "NY",
    "hudson valley": "NY",
    "upstate new york": "NY",
    "bay area": "CA",
    "silicon valley": "CA",
    "inland empire": "CA",
    "central valley": "CA",
    "southern california": "CA",
    "northern california": "CA",
    "cape cod": "MA",
    "twin cities": "MN",
    "puget sound": "WA",
    "rio grande valley": "TX",
    "the panhandle": "FL",
    "south florida": "FL",
    "north jersey": "NJ",
    "south jersey": "NJ",
    "jersey shore": "NJ",
    "lehigh valley": "PA",
    "main line": "PA",
}

# A team named for its city or state: a result verb beside the name ("Winnipeg defeated
# Nashville", "Eastern Michigan routs ..."), or a player's position after it ("Pittsburgh
# quarterback"), in text about a game (``match_cues._about_a_game``).
RESULT_VERBS = frozenset(
    """
    beat beats defeated defeats routed routs edged edges topped blanked swept sweeps downed
    outlasted outscored rallied trailed
    """.split()
)
POSITION_WORDS = frozenset(
    """
    quarterback quarterbacks linebacker linebackers cornerback cornerbacks receiver receivers
    defenseman goaltender goalie pitcher pitchers shortstop outfielder infielder midfielder
    striker winger center centre forward guard tackle safety coach
    """.split()
)
