"""Cue rules that propose codebook observations (CODEBOOK section 1).

Each rule is a provision id, the value its cue asserts, the value when the cue is negated
(``None``: the provision's false/unknown reading), and a bounded regular expression. A
rule with ``built_in_negation`` has its negation inside the cue ("doesn't collect
information about immigration status" asserts the status-inquiry bar), so only a second
negation before it flips it. Rules are tried in order; a later rule for the same
provision whose span overlaps an earlier match is not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sanctuary_tracker.text import scan

_W = r"(?:[\w’'-]+[ \t]){0,%d}"  # up to N intervening words
# (_NEG and _LIMIT open with a look at the first letter their words can start with: a
# position that has none is passed over at once instead of trying every word there.)
_NEG_OPENING = r"(?=\b[nrdsw]|n['’])"
_LIMIT_OPENING = r"(?=[bpflr])"
_NEG = (
    _NEG_OPENING
    + r"(?:\bnot|n['’]t|\bnever|\bno[ \t]longer|\bno|\brefuses?[ \t]to|\brefused[ \t]to|\bdeclines?[ \t]to|\bdeclined[ \t]to|\bstopped|\bwill[ \t]not)"
)
_ICE = r"(?:ICE|immigration[ \t](?:officials|authorities|agents|officers)|federal[ \t]immigration[ \t](?:officials|authorities|agents|officers|enforcement)|U\.S\.[ \t]Immigration[ \t]and[ \t]Customs[ \t]Enforcement|Immigration[ \t]and[ \t]Customs[ \t]Enforcement)"
_DETAINER = r"(?:ICE[ \t]|immigration[ \t]|federal[ \t])?(?:detainers?|detainer[ \t]requests?|hold[ \t]requests?|immigration[ \t]holds?)"
_LIMIT = (
    _LIMIT_OPENING
    + r"(?:bars?|barred|barring|bans?|banned|banning|prohibits?|prohibited|prohibiting|forbids?|forbidden|limits?|limited|limiting|restricts?|restricted|restricting)"
)
_STATUS = r"(?:immigration|citizenship|legal)[ \t]status"


@dataclass(frozen=True, slots=True)
class Rule:
    provision: str
    value: Any
    pattern: re.Pattern
    negated_value: Any = None
    built_in_negation: bool = False
    name: str = ""
    needs: tuple[str, ...] = ()  # lower-case substrings one of which a sentence must hold

    def applies(self, present: set[str]) -> bool:
        """A cheap test before the pattern runs: the sentence holds a needed word
        (``present``: the needed words a sentence holds, from :func:`needed_words`)."""
        return not present.isdisjoint(self.needs)


# The words without which a provision's rules cannot match (tested as substrings).
NEEDS = {
    "P01": ("detainer", "hold", "release"),
    "P02": ("release",),
    "P03": ("jail", "facilit", "inmate", "detention", "interview"),
    "P04": ("status", "don't ask", "don’t ask"),
    "P05": ("status", "1373"),
    "P06": ("release", "addresses", "database", "information"),  # what its pattern must hold
    "P07": ("immigration", "undocumented"),
    "P08": ("immigration enforcement",),
    "P09": ("task force", "operation", "cooperat"),
    "P10": ("287",),
    "P11": ("igsa", "intergovernmental", "contract", "detainees"),
    "P12": ("287", "contract", "detention"),
    "P13": ("sanctuary", "welcoming", "trust"),
    "P14": ("not to", "to decline", "to refuse", "to ignore"),
    "P15": ("legal", "lawyer", "attorney", "representation", "deportation defen"),
    "P16": ("sanctuary", "287", "detainer"),
    "P17": ("sanctuary",),
}


_NEEDED = scan.Words(*(word for words in NEEDS.values() for word in words))


def needed_words(lowered: str) -> set[str]:
    """The needed words a lower-cased sentence holds, found in one scan."""
    return _NEEDED.in_lowered(lowered)


def needed_words_at(text: str) -> list[tuple[int, int, str]] | None:
    """Every needed word in the whole text, as (start, end, word) in order of start, found in
    one scan of the lower-cased text; None when lower-casing changes the text's length (its
    offsets would not be the text's). A sentence's lower case holds the words found inside
    it here (only a Greek capital sigma lower-cases by what stands beside it, and no needed
    word holds a sigma)."""
    found = _NEEDED.found(text)
    if found is None:
        return None
    return sorted((start, start + len(word), word) for start, word in found)


def _rule(provision, value, pattern, negated_value=None, built_in=False, name=""):
    return Rule(
        provision, value, re.compile(pattern, re.I), negated_value, built_in, name, NEEDS[provision]
    )


RULES: tuple[Rule, ...] = (
    # P01 detainers
    _rule("P01", "judicial_warrant_or_order_only",
          rf"\bhono(?:u)?r(?:s|ed|ing)?[ \t]{_DETAINER}[ \t](?:only[ \t])?(?:with|when|if|unless)[ \t]{_W % 4}(?:judicial|judge-signed|judge['’]s|criminal|court)[ \t-]?(?:warrants?|orders?)",
          name="honor detainers only with a judicial warrant"),
    _rule("P01", "judicial_warrant_or_order_only",
          rf"\b{_DETAINER}[ \t]{_W % 6}(?:only[ \t])?(?:with|without|requires?|requiring|backed[ \t]by|accompanied[ \t]by)[ \t]{_W % 2}(?:a[ \t]|an[ \t])?(?:judicial[ \t]warrant|judge-signed[ \t]warrant|warrant[ \t]signed[ \t]by[ \t]a[ \t]judge|court[ \t]order)",
          name="detainer with judicial warrant"),
    _rule("P01", "decline_all",
          rf"{_NEG}[ \t]{_W % 2}(?:hono(?:u)?r|comply[ \t]with|honoring|complying[ \t]with)[ \t](?:any[ \t]|all[ \t])?{_DETAINER}",
          negated_value="unknown", built_in=True, name="does not honor detainers"),
    _rule("P01", "decline_all",
          rf"{_NEG}[ \t]{_W % 2}hold(?:ing)?[ \t]{_W % 3}(?:beyond|past|after)[ \t](?:their|his|her|the)[ \t](?:scheduled[ \t])?release",
          negated_value="unknown", built_in=True, name="does not hold past release"),
    _rule("P01", "honor_with_exceptions",
          rf"\bhono(?:u)?r(?:s|ed|ing)?[ \t]{_DETAINER}[ \t]{_W % 2}(?:only[ \t])?(?:for|in[ \t]cases[ \t]of|when[ \t]{_W % 3}(?:charged|convicted))[ \t]{_W % 3}(?:serious|violent|felon)",
          negated_value="unknown", name="honor detainers only for serious crimes"),
    _rule("P01", "honor_all",
          rf"\bhono(?:u)?r(?:s|ed|ing)?[ \t](?:all|every)[ \t]{_DETAINER}",
          negated_value="unknown", name="honor all detainers"),
    # P02 release notification
    _rule("P02", "no_notify",
          rf"{_NEG}[ \t]{_W % 2}(?:notify|alert|tell|inform)[ \t]{_ICE}[ \t]{_W % 6}(?:release|released)",
          negated_value="notify_all", built_in=True, name="does not notify ICE of release"),
    _rule("P02", "notify_all",
          rf"\b(?:notif(?:y|ies|ied)|alerts?|alerted|informs?|informed)[ \t]{_ICE}[ \t]{_W % 6}(?:release|released)",
          negated_value="no_notify", name="notifies ICE of release"),
    # P03 jail access
    _rule("P03", "barred",
          rf"\b(?:bars?|barred|bans?|banned|prohibits?|prohibited|denies|denied|keeps?|kept)[ \t]{_ICE}[ \t]{_W % 2}(?:from[ \t])?(?:access(?:ing)?[ \t](?:to[ \t])?|entering[ \t])?{_W % 2}(?:jails?|facilit(?:y|ies)|inmates|detention)",
          negated_value="unrestricted", name="bars ICE from jails"),
    _rule("P03", "consent_or_counsel_required",
          r"\b(?:consent|counsel|lawyer|attorney)[ \t]{1,2}(?:[\w-]+[ \t]){0,4}(?:before|for|prior[ \t]to)[ \t](?:an[ \t]|any[ \t])?(?:ICE[ \t])?interviews?",
          name="consent or counsel before ICE interview"),
    _rule("P03", "unrestricted",
          rf"\b(?:allows?|allowed|gives?|gave|grants?|granted)[ \t]{_ICE}[ \t]{_W % 2}(?:access|into)[ \t]{_W % 2}(?:jails?|facilit(?:y|ies)|inmates)",
          negated_value="barred", name="allows ICE into jails"),
    # P04 status inquiry
    _rule("P04", True,
          rf"{_NEG}[ \t]{_W % 2}(?:collect|ask|inquire|record|gather|track|request|question)(?:s|ing|ed)?[ \t]{_W % 3}(?:about[ \t]|on[ \t]|of[ \t])?(?:their[ \t]|a[ \t]person['’]s[ \t]|people['’]s[ \t]|someone['’]s[ \t])?{_STATUS}",
          built_in=True, name="does not ask about immigration status"),
    _rule("P04", True,
          rf"\b{_LIMIT}[ \t]{_W % 4}(?:from[ \t])?(?:asking|inquiring|questioning|collecting|the[ \t]collection[ \t]of|collection[ \t]of|inquiries[ \t]into|questions[ \t]about)[ \t]{_W % 3}{_STATUS}",
          name="bars asking about immigration status"),
    _rule("P04", True, r"\bdon['’]t[ \t]ask,?[ \t]don['’]t[ \t]tell\b", name="don't ask, don't tell"),
    # P05 status sharing, 1373
    _rule("P05", True,
          rf"(?:{_NEG}|\b{_LIMIT})[ \t]{_W % 3}(?:shar(?:e|es|ing)|provid(?:e|es|ing)|disclos(?:e|es|ing)|giv(?:e|es|ing)|report(?:s|ing)?)[ \t]{_W % 4}{_STATUS}",
          built_in=True, name="does not share immigration status"),
    _rule("P05", True, r"\bviolat(?:e|es|ed|ing)[ \t](?:[\w.-]+[ \t]){0,3}(?:Section[ \t]|§[ \t]?)?1373\b",
          name="violates 1373"),
    _rule("P05", False, r"\b(?:compl(?:y|ies|ied|ying)|in[ \t]compliance)[ \t]with[ \t](?:[\w.-]+[ \t]){0,3}(?:Section[ \t]|§[ \t]?)?1373\b",
          negated_value=True, name="complies with 1373"),
    # P06 other information
    _rule("P06", True,
          rf"(?:{_NEG}|\b{_LIMIT})[ \t]{_W % 3}(?:shar(?:e|es|ing)|provid(?:e|es|ing)|disclos(?:e|es|ing)|giv(?:e|es|ing))[ \t]{_W % 3}(?:release[ \t]dates?|(?:home[ \t])?addresses|databases?|personal[ \t]information|information)[ \t]{_W % 3}(?:with|to)[ \t]{_ICE}",
          built_in=True, name="does not share information with ICE"),
    # P07 civil immigration arrests
    _rule("P07", True,
          rf"(?:{_NEG}|\b{_LIMIT})[ \t]{_W % 3}(?:arrest|detain|stop|question)(?:s|ing|ed)?[ \t]{_W % 3}(?:for|on[ \t]the[ \t]basis[ \t]of|based[ \t]on|because[ \t]of|solely[ \t](?:for|on[ \t]the[ \t]basis[ \t]of|because[ \t]of|based[ \t]on))[ \t](?:their[ \t]|a[ \t])?(?:civil[ \t])?(?:immigration[ \t](?:violations?|status|law)|being[ \t]undocumented)",
          built_in=True, name="no arrests for civil immigration violations"),
    # P08 local resources
    _rule("P08", True,
          rf"(?:{_NEG}|\b(?:bars?|bans?|prohibits?|forbids?|without))[ \t]{_W % 4}(?:funds|funding|resources|personnel|money|dollars|employees|staff)[ \t]{_W % 2}(?:for|to|toward|towards|on|in)[ \t]{_W % 2}(?:federal[ \t])?(?:civil[ \t])?immigration[ \t]enforcement",
          built_in=True, name="no local resources for immigration enforcement"),
    # P09 joint operations, cooperation
    _rule("P09", True,
          rf"(?:{_NEG}|\b(?:withdr[ae]w|withdrawn|pulled[ \t]out|pull[ \t]out|ended|ends|quit)[ \t](?:of|from)?)[ \t]?{_W % 3}(?:joint[ \t])?(?:task[ \t]forces?|joint[ \t]operations?)[ \t]{_W % 1}with[ \t]{_ICE}",
          built_in=True, name="no joint task forces with ICE"),
    _rule("P09", True,
          rf"\b(?:prohibits?|prohibited|bars?|barred|bans?|banned|forbids?|refus(?:e|es|ed|ing))[ \t](?:to[ \t])?{_W % 2}cooperat(?:e|ion|ing)[ \t]with[ \t]{_W % 1}{_ICE}",
          name="prohibits cooperation with ICE"),
    # P12 before P10: a ban on 287(g) is its own provision
    _rule("P12", True,
          rf"\b(?:{_LIMIT}|outlaws?|outlawed)[ \t]{_W % 4}(?:287[ \t]?\(g\)|detention[ \t]contracts?|contracts?[ \t]with[ \t]ICE|immigration[ \t]detention[ \t](?:contracts?|centers?|facilit(?:y|ies)))",
          name="prohibits 287(g) or detention contracts"),
    _rule("P10", [], r"\b287[ \t]?\(g\)", name="287(g)"),
    _rule("P11", True,
          rf"\b(?:IGSA|intergovernmental[ \t]service[ \t]agreements?|(?:detention[ \t]|jail[ \t]|bed[ \t])?contracts?[ \t]with[ \t](?:ICE|the[ \t]U\.S\.[ \t]Marshals|U\.S\.[ \t]Marshals|Immigration[ \t]and[ \t]Customs[ \t]Enforcement)|(?:houses?|housing|holds?|detains?)[ \t]{_W % 2}(?:ICE|immigration)[ \t]detainees)",
          name="detention contract with ICE"),
    # P13 declaration
    _rule("P13", True,
          r"\b(?:sanctuary|welcoming|trust)[ \t](?:city|county|state|town|jurisdiction|community|campus)[ \t](?:ordinance|resolution|policy|declaration|designation|law|status)\b",
          name="sanctuary ordinance or resolution"),
    _rule("P13", True,
          r"\b(?:declared|declares?|designated|designates?|proclaimed|proclaims?|voted[ \t]to[ \t](?:become|be)|became|becoming|is|are|remains?|am)[ \t](?:not[ \t]|n['’]t[ \t])?(?:itself[ \t]|themselves[ \t]|ourselves[ \t]|it[ \t]|the[ \t](?:city|town|county|state|village)[ \t])?(?:as[ \t])?(?:a[ \t]|an[ \t])?[\"“']?(?:sanctuary|welcoming)[ \t](?:city|county|state|town|community|campus|jurisdiction)\b",
          name="declared a sanctuary"),
    # P14 training, directives
    _rule("P14", True,
          rf"\b(?:train(?:s|ed|ing)?|instruct(?:s|ed)?|direct(?:s|ed)?|order(?:s|ed)?|told|tells|directive[ \t]{_W % 2}(?:telling|instructing|ordering|directing))[ \t]{_W % 3}(?:officers|employees|staff|deputies|police|personnel|workers|agents)[ \t]{_W % 2}(?:not[ \t]to|to[ \t]decline|to[ \t]refuse|to[ \t]ignore)[ \t]{_W % 3}(?:ICE|immigration|detainers?|federal[ \t]immigration)",
          built_in=True, name="directive to decline ICE requests"),
    # P15 legal defense
    _rule("P15", True,
          r"\b(?:legal[ \t-]defen[cs]e[ \t]funds?|immigrant[ \t]legal[ \t](?:defen[cs]e|services|aid)|universal[ \t]representation|deportation[ \t]defen[cs]e)\b",
          name="legal defense fund"),
    _rule("P15", True,
          r"\b(?:fund(?:s|ed|ing)?|provides?|provided|pa(?:y|ys|id)[ \t]for)[ \t](?:[\w-]+[ \t]){0,3}(?:lawyers|attorneys|legal[ \t](?:representation|aid|services|help|counsel))[ \t](?:[\w-]+[ \t]){0,3}(?:immigrants|undocumented|deportation)",
          name="pays for immigrants' lawyers"),
    # P16 state preemption (a named state law, "SB 4", is matched against the state-law
    # table for the text's states: provisions_laws)
    _rule("P16", "mandates_287g",
          r"\b(?:requires?|requiring|mandates?|mandating|forces?|forcing)[ \t](?:[\w-]+[ \t]){0,5}287[ \t]?\(g\)",
          negated_value="none", name="state mandates 287(g)"),
    _rule("P16", "mandates_detainers",
          r"\b(?:law|bill|statute|legislation|measure)[ \t](?:[\w-]+[ \t]){0,4}(?:requires?|requiring|mandates?|mandating|forces?|forcing|compels?|compelling)[ \t](?:[\w-]+[ \t]){0,5}(?:hono(?:u)?r|comply[ \t]with)[ \t](?:[\w-]+[ \t]){0,2}detainers?",
          negated_value="none", name="state law mandates detainers"),
    _rule("P16", "bans_limits",
          r"\b(?:anti-sanctuary[ \t](?:law|bill|measure|statute)|(?:law|bill|statute|measure|legislation)[ \t](?:that[ \t])?(?:bans?|banning|outlaws?|outlawing|prohibits?|prohibiting)[ \t]sanctuary[ \t](?:cities|policies|jurisdictions|counties)|ban(?:s|ning)?[ \t]on[ \t]sanctuary[ \t](?:cities|policies|jurisdictions))",
          negated_value="none", name="state ban on sanctuary policies"),
    # P17 state sanctuary law
    _rule("P17", True,
          r"\b(?:state|statewide)[ \t]sanctuary[ \t](?:law|statute)\b",
          name="state sanctuary law"),
)  # fmt: skip

# A negation in the words just before a cue (the same clause).
NEGATION = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno[ \t]longer|\bnor|\bwithout|\bdenie[sd]|\bdeny)\b", re.I
)
CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\b(?:but|while|which|whereas|although|though|because|and)\b", re.I
)
HEDGE = re.compile(
    r"\b(?:allegedly|reportedly|may|might|could|would|propos(?:ed|al|es?)|consider(?:s|ed|ing)?|"
    r"plans?[ \t]to|planning[ \t]to|seeks?[ \t]to|seeking[ \t]to|bill|draft|if[ \t]passed|expected[ \t]to|"
    r"likely|possibly|perhaps|apparently|appears?[ \t]to|unclear|rumou?rs?|accused|accuses|"
    r"suspected|whether)\b",
    re.I,
)
MODEL_287G = (
    (
        "JEM",
        re.compile(
            r"\bjail[ \t](?:enforcement[ \t])?model\b|\bJEM\b|\bjail[ \t]enforcement\b", re.I
        ),
    ),
    ("TFM", re.compile(r"\btask[ \t]force[ \t]model\b|\bTFM\b|\btask[ \t]force\b", re.I)),
    ("WSO", re.compile(r"\bwarrant[ \t]service[ \t](?:officers?|model)\b|\bWSO\b", re.I)),
)
ENDED_287G = re.compile(
    r"\b(?:end(?:ed|s|ing)?|terminat(?:e|ed|es|ing)|withdr[ae]w|withdrawn|pulled[ \t]out|pull[ \t]out|"
    r"quit|cancel(?:l)?ed|exit(?:ed)?|let[ \t](?:\w+[ \t])?expire|not[ \t]renew(?:ed)?|reject(?:ed|s)?|declined)\b",
    re.I,
)
