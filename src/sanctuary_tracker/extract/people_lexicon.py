"""Word lists that tell a person's name from other capitalised words: given names (with a
grammatical gender for resolving "he" and "she"), titles, organisation words, speech verbs.

All lower case; lists, not models, so every decision can be traced to a word here."""

from __future__ import annotations

# Common given names in US news. A capitalised pair starting with one of these is a name.
MALE_NAMES = frozenset(
    """
    aaron abdul abraham adam adrian ahmed al alan albert alberto alejandro alex alexander alfred
    alfredo ali allen alvin amir andre andres andrew andy angel angelo anthony antonio armando
    arnold arthur arturo arunan austin barack barry ben benjamin bernard bernie bill billy blake
    bob bobby brad bradley brandon brendan brenden brent brett brian bruce bryan byron calvin
    cameron carl carlos cary cesar chad charles charlie chris christian christopher chuck clarence
    clark clay clifford clint clinton colby cole colin connor corey cory craig curtis dale dallas
    damon dan daniel danny darrell darren dave david dean dennis derek derrick dick diego dmitri
    domenic dominic don donald doug douglas drew duane dustin dwayne dwight earl ed eddie edgar
    eduardo edward edwin elijah eliot elliot emanuel emmanuel enrique eric erik ernest ernesto
    esteban ethan eugene evan felix fernando francis francisco frank franklin fred frederick gabriel
    gary gavin gene george gerald gilbert glenn gordon graham grant greg gregg gregory guillermo
    gurbir gustavo harold harry hector henry herbert hugo ian isaac ivan jack jacob jaime jake james
    jamie jared jason javier jay jeff jeffery jeffrey jeremy jerome jerry jesse jesus jim jimmy joe
    joel joey john johnny jon jonathan jonathon jordan jorge jose joseph josh joshua juan julian
    julio justin karl keith ken kenneth kent kevin kieran kirk kyle lamar lance larry lawrence lee
    leo leon leonard leroy lewis lloyd logan lorenzo louis lucas luis luke manuel marcel marco marcus
    mario mark marshall martin marty marvin mateo matt matthew maurice max michael miguel mike
    mitch mitchell mohammed muhammad nathan nathaniel neil nelson nicholas nick noah norman oliver
    omar orlando oscar pablo patrick paul pedro pete peter phil philip phillip rafael ralph ramon
    randall randy raul ray raymond reggie ricardo rich richard rick ricky rob robert roberto rod
    rodney roger roland ron ronald ross roy ruben russell ryan sal salvador sam samuel scott sean
    sergio seth shane shaun shawn sheldon stanley stephen steve steven stuart ted terrence terry
    thomas tim timothy todd tom tommy tony travis trent troy tyler vicente victor vincent wade
    walter warren wayne wesley will william willie xavier zachary
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abby abigail adriana alexandra alexis alice alicia alison allison alma amanda amber amy ana
    andrea angela angelica anita ann anna anne annie april ashley barbara beatriz betsy betty
    beverly bonnie brenda bridget brittany caitlin carla carmen carol carolina caroline carolyn
    catherine cathy cecilia charlotte cheryl christie christina christine cindy claire claudia
    colleen connie courtney crystal cynthia daisy dana danielle deborah debra denise diana diane
    dolores donna doris dorothy elaine eleanor elena elisa elizabeth ellen emily emma erica erin
    esha esther eva evelyn fatima frances gabriela gail gina gladys gloria grace gretchen hannah
    heather heidi helen holly irene iris isabel jackie jacky jacqueline jamie jan jane janet janice
    jasmine jean jeanne jennifer jenny jessica jill joan joanna jocelyn josefina joy joyce juana
    judith judy julia julie june karen karla kate katherine kathleen kathryn kathy katie kay kelly
    kim kimberly kirsten kristen kristi kristin kristina laura lauren leah leslie lillian linda lisa
    liz lori lorraine louise lucia lucy luz lydia lynn marcia margaret maria marian marie marilyn
    marisol marjorie marsha martha mary maureen megan melanie melissa michele michelle molly monica
    nancy naomi natalie nicole nina nora norma olivia pam pamela patricia patty paula peggy phyllis
    priscilla rachel rebecca regina renee rita roberta robin rosa rosemary ruth sally samantha sandra
    sara sarah sharon sheila shirley silvia sofia sonia sophia stacey stephanie sue susan suzanne
    sylvia tammy tanya teresa theresa tiffany tina tracy valerie vanessa veronica victoria virginia
    vivian wanda wendy yolanda yvonne
    """.split()
)
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES

# Title words: one of these right before a capitalised name makes it a person's name.
# ("ald" for alderman, "lt" for lieutenant ...); matched without the trailing dot.
TITLE_WORDS = frozenset(
    """
    mayor sheriff gov governor sen senator senators rep reps representative representatives
    president judge judges justice attorney general officer mr mrs ms dr councilor councillor
    councilman councilwoman councilmember alderman alderwoman ald commissioner secretary chief lt
    sgt deputy detective trooper pastor rev reverend director manager spokesman spokeswoman
    spokesperson superintendent chairman chairwoman chair prosecutor solicitor lawyer professor
    prof capt captain col gen lieutenant sergeant officer executive administrator clerk treasurer
    comptroller supervisor selectman selectwoman speaker leader delegate assemblyman assemblywoman
    assemblymember trustee coordinator organizer advocate activist resident supporter physician
    doctor founder ceo agent inspector marshal warden ambassador minister premier chancellor
    congressman congresswoman lawmaker
    """.split()
)
# Words that may stand inside a title phrase without being a title themselves
# ("acting Superintendent of Schools", "U.S. District Judge", "Deputy Executive Assistant Director").
TITLE_PARTS = frozenset(
    """
    u.s. us state federal district circuit county city town village police public safety acting
    interim former assistant associate senior deputy executive vice town select school schools
    immigration ice council board of the for and council's ward chief magistrate superior supreme
    court appeals police fire department health human services homeland security customs
    enforcement affairs staff press communications legal general attorney's sheriff's chief's
    schools' lead co-founder national regional local democratic republican high-ranking top
    """.split()
)
# Titles whose body goes without saying (the federal office), for the record's "of".
FEDERAL_BODIES = {
    "president": "United States",
    "u.s. president": "United States",
    "vice president": "United States",
    "attorney general": "U.S. Department of Justice",
    "u.s. attorney general": "U.S. Department of Justice",
    "homeland security secretary": "U.S. Department of Homeland Security",
}

# Capitalised words that make a run of capitalised words an organisation's or a thing's name.
ORG_WORDS = frozenset(
    """
    department dept office bureau agency administration service services commission committee
    council board court courts association foundation institute center centre coalition project
    union league party university college school schools academy hospital church police sheriff's
    county city town village state states republic nation government act law bill order report
    program programme grant grants fund memorial directive ordinance resolution policy amendment
    code images press news times post globe tribune herald journal chronicle gazette examiner
    register bee star sun daily magazine review mirror sentinel inquirer observer courant dispatch
    telegraph record ledger courier beacon bulletin radio tv television network company corp inc
    llc llp group bank airport street avenue road boulevard highway park hall house senate assembly
    congress legislature enforcement immigration customs security justice homeland patrol prison
    jail detention facility district circuit appeals division unit team alliance network caucus
    federation society trust initiative campaign organization organisation ministry embassy
    library museum meeting church mosque temple studies rights liberties liberty clinic fire rescue
    democrats republicans international national american federal
    """.split()
)

# Capitalised words that are never part of a person's name (sentence openers, months, days).
NOT_NAMES = frozenset(
    """
    the a an this that these those there their they them it its he she his her we our us you your
    i my me in on at of for from to by with without and or but nor so yet if when while where
    after before since because although though as than then also not no yes all any some many
    most more much other another each every both either neither such what which who whom whose
    why how here now today tonight yesterday tomorrow last next first second third new old
    january february march april may june july august september october november december
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thurs fri sat sun update updated editor note photo
    photos credit file via by according instead meanwhile however still even just only about
    under over into during between among against through until unless whether
    later earlier soon finally already again once twice often never ever yet perhaps maybe
    god christmas easter
    """.split()
)

# Verbs that report speech or writing; "X said", "said X", "X told reporters".
SPEECH_VERBS = frozenset(
    """
    said says say saying told tells telling added adds adding asked asks explained explains
    explaining wrote writes writing argued argues arguing noted notes noting stated states
    stating replied replies testified testifies declared declares declaring insisted insists
    insisting warned warns warning announced announces announcing acknowledged acknowledges
    acknowledging continued continues recalled recalls remarked remarks commented comments
    responded responds ruled rules ruling called calls calling referring referred refers
    described describes describing urged urges urging emphasized emphasizing stressed stresses
    stressing contended contends claimed claims claiming conceded concedes predicted predicts
    admitted admits cautioned cautions vowed vows posted posts tweeted tweets shouted
    estimated estimates believes believed thinks thought agreed agrees countered counters
    """.split()
)
# Of those, the ones that also introduce a reported clause ("X said the city does not ...").
REPORTING_VERBS = frozenset(
    """
    said says told tells added adds explained explains argued argues noted notes stated states
    insisted insists warned warns acknowledged acknowledges contended contends claimed claims
    conceded concedes predicted predicts admitted admits estimated estimates believes believed
    thinks agreed agrees countered counters emphasized stressed wrote writes
    """.split()
)

MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})

# Suffixes that follow a name: "Martin Luther King Jr.", "John Smith III".
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Small words inside surnames: "Chris Van Hollen", "Martin do Nascimento".
PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "der",
        "den",
        "di",
        "la",
        "le",
        "du",
        "st.",
        "bin",
        "ter",
        "ten",
    }
)

# Lines that credit a photo or write a byline: "Photo: P.J. D'Annunzio", "Credit: X / Outlet".
CREDIT_WORDS = frozenset({"photo", "photos", "credit", "credits", "by", "photographer", "file"})
