"""The one home for the word lists that tell what a capitalised name is: titles (a name after
one is a person's), organisation words (a name ending in one is an organisation's), speech
verbs, words that are never part of a name, the particles and suffixes of names, the words
of a photo credit, and the federal body a bare title implies (abbreviations, "Sen.", are in
``text.abbreviations``).

The place resolver (``places.cues``), people and quotes import these; all lower case; lists,
not models, so every decision can be traced to a word here."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- titles -----------------------------------------------------------------------------------
# A name right after one of these is a person's: "Mayor Jackson", "Sheriff Roberts". The place
# resolver reads these (a place name after one is a surname).
PERSON_TITLES = _words(
    """
    mayor sheriff gov governor sen senator rep representative president judge justice attorney
    general officer mr mrs ms dr councilor councillor councilman councilwoman alderman
    commissioner secretary chief lt sgt deputy detective trooper pastor rev reverend director
    manager spokesman spokeswoman spokesperson superintendent chairman chairwoman chair
    prosecutor solicitor lawyer professor prof coach capt captain
    """
)
# Roles that also stand before a name in news text ("supporter Jane Doe", "Assemblyman X").
ROLE_WORDS = _words(
    """
    senators reps representatives judges councilmember alderwoman ald lieutenant sergeant col
    gen executive administrator clerk treasurer comptroller supervisor selectman selectwoman
    speaker leader delegate assemblyman assemblywoman assemblymember trustee coordinator
    organizer advocate activist resident supporter physician doctor founder ceo agent inspector
    marshal warden ambassador minister premier chancellor congressman congresswoman lawmaker
    """
)
TITLE_WORDS = PERSON_TITLES | ROLE_WORDS
# Titles whose body goes without saying (the federal office): a person's "of".
FEDERAL_BODIES = {
    "president": "United States",
    "u.s. president": "United States",
    "vice president": "United States",
    "attorney general": "U.S. Department of Justice",
    "u.s. attorney general": "U.S. Department of Justice",
    "homeland security secretary": "U.S. Department of Homeland Security",
}
# Words that may stand inside a title phrase without being a title themselves
# ("acting Superintendent of Schools", "U.S. District Judge", "Deputy Executive Assistant Director").
TITLE_PARTS = _words(
    """
    u.s. us state federal district circuit county city town village police public safety acting
    interim former assistant associate senior deputy executive vice town select school schools
    immigration ice council board of the for and council's ward chief magistrate superior supreme
    court appeals police fire department health human services homeland security customs
    enforcement affairs staff press communications legal general attorney's sheriff's chief's
    schools' lead co-founder national regional local democratic republican high-ranking top
    """
)
# (Abbreviated titles, "Sen.", "Lt.", are with the other abbreviations: text.abbreviations.)

# -- organisations ----------------------------------------------------------------------------
# The last word of a newspaper's or broadcaster's name: "Boston Globe", "Fox News".
NEWS_WORDS = _words(
    """
    times post globe tribune herald journal chronicle gazette examiner register bee press star
    sun news daily magazine review mirror sentinel inquirer observer courant dispatch telegraph
    record ledger courier beacon bulletin insider weekly wire
    """
)
# A place name right before one of these is part of an organisation's or a thing's name
# ("Washington Post", "Justice Department", "Homeland Security"; the place resolver's cue).
ORG_HEADS = NEWS_WORDS | _words(
    """
    republican democrat currier telegram leader enterprise university college institute
    foundation street avenue ave road boulevard blvd highway security department dept bureau
    agency administration service services commission giants jets bears patriots yankees mets
    cubs sox red white celtics bruins lakers kings capitals nationals steelers eagles cowboys
    broncos warriors raiders chargers rams corporation corp company inc llc group bank airport
    hospital
    """
)
# "Department of X", "University of X": X names the organisation, not a place it governs.
ORG_OF = _words(
    """
    department dept university bank college secretary office bureau ministry archdiocese diocese
    school museum association federation district foundation institute society
    """
)
# Capitalised words that make a run of capitalised words an organisation's or a thing's name
# (a person's name holds none of them: "Edward Byrne Memorial Justice Assistance Grant").
ORG_WORDS = NEWS_WORDS | _words(
    """
    department dept office bureau agency administration service services commission committee
    council board court courts association foundation institute center centre coalition project
    union league party university college school schools academy hospital church police sheriff's
    county city town village state states republic nation government act law bill order report
    program programme grant grants fund memorial directive ordinance resolution policy amendment
    code images magazine radio tv television network company corp inc llc llp group bank airport
    street avenue road boulevard highway park hall house senate assembly congress legislature
    enforcement immigration customs security justice homeland patrol prison jail detention
    facility district circuit appeals division unit team alliance network caucus federation
    society trust initiative campaign organization organisation ministry embassy library museum
    meeting mosque temple studies rights liberties liberty clinic fire rescue democrats staff desk
    newsroom
    republicans international national american federal constitution charter channel org com
    corporation production studio holdings partner
    charity watch action forum partnership collective industry enterprise solution solutions
    technology lab labs robotics equities associates brands systems relief aid health
    healthcare research capital ventures democrat republican
    """
)

# -- speech -----------------------------------------------------------------------------------
# The plain verbs of saying: a single name before one is a person ("Jansen said"; the place
# resolver's cue, so only verbs a place is never the subject of).
SAY_VERBS = _words(
    "said says told added asked explained wrote argued noted stated replied testified"
)
# Verbs that report speech or writing: "X said", "said X", "X told reporters".
SPEECH_VERBS = SAY_VERBS | _words(
    """
    say saying tells telling adds adding asks explains explaining writes writing argues arguing
    notes noting states stating replies testifies declared declares declaring insisted insists
    insisting warned warns warning announced announces announcing acknowledged acknowledges
    acknowledging continued continues recalled recalls remarked remarks commented comments
    responded responds ruled rules ruling called calls calling referring referred refers
    described describes describing urged urges urging emphasized emphasizing stressed stresses
    stressing contended contends claimed claims claiming conceded concedes predicted predicts
    admitted admits cautioned cautions vowed vows posted posts tweeted tweets shouted
    estimated estimates believes believed thinks thought agreed agrees countered counters
    """
)
# Of those, the ones that also introduce a reported clause ("X said the city does not ...").
REPORTING_VERBS = _words(
    """
    said says told tells added adds explained explains argued argues noted notes stated states
    insisted insists warned warns acknowledged acknowledges contended contends claimed claims
    conceded concedes predicted predicts admitted admits estimated estimates believes believed
    thinks agreed agrees countered counters emphasized stressed wrote writes
    """
)
# Plural nouns for groups that speak or act in news text; capitalised at a sentence's start
# they are no surname ("Authorities say ...", "Sources told CNN ...").
COLLECTIVE_NOUNS = _words(
    """
    authorities officials police investigators prosecutors protesters protestors residents
    critics experts analysts researchers scientists sources witnesses officers lawmakers leaders
    advocates opponents supporters democrats republicans economists observers organizers
    organisers activists students parents teachers voters neighbors neighbours doctors
    """
)
# People who speak for someone else: "a spokeswoman for Mayor Ortiz" is not the mayor speaking.
PROXY_WORDS = _words(
    """
    spokesman spokeswoman spokesperson aide representative adviser advisor attorney lawyer
    staffer surrogate
    """
)
# People a quotation may be given to without a name: "said a county official".
UNNAMED_SPEAKERS = _words(
    """
    official officer deputy resident source person woman man member employee worker
    protester activist advocate organizer neighbor neighbour witness volunteer student parent
    """
)
MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
# Lines that credit a photo or write a byline: "Photo: P.J. D'Annunzio", "By Jane Roe".
CREDIT_WORDS = _words("photo photos credit credits photographer file by")

# -- names ------------------------------------------------------------------------------------
# The months' names, in full.
MONTHS = _words(
    "january february march april may june july august september october november december"
)
# Capitalised words that are never part of a person's name (sentence openers, months, days).
NOT_NAMES = MONTHS | _words(
    """
    the a an this that these those there their they them it its he she his her we our us you your
    i my me in on at of for from to by with without and or but nor so yet if when while where
    after before since because although though as than then also not no yes all any some many
    most more much other another each every both either neither such what which who whom whose
    why how here now today tonight yesterday tomorrow last next first second third new old
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thurs fri sat sun update updated editor note photo
    photos credit file via by according instead meanwhile however still even just only about
    under over into during between among against through until unless whether
    later earlier soon finally already again once twice often never ever yet perhaps maybe
    god christmas easter
    """
)
# Small words inside surnames: "Chris Van Hollen", "Martin do Nascimento".
PARTICLES = _words("van von de da do dos das del della der den di la le du st. bin ter ten")
# Suffixes that follow a name: "Martin Luther King Jr.", "John Smith III".
NAME_SUFFIXES = _words("jr jr. sr sr. ii iii iv")


def pronoun_gender(word: str) -> str | None:
    """ "m" for "he", "him", "his"; "f" for "she", "her", "hers" (any case); else None."""
    lower = word.lower()
    if lower in MALE_PRONOUNS:
        return "m"
    if lower in FEMALE_PRONOUNS:
        return "f"
    return None
