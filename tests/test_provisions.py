"""Provisions: cue rules on constructed sentences, negation, hedging, jurisdiction, date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.extract.codebook import load_codebook
from sanctuary_tracker.extract.provisions import find_provisions
from sanctuary_tracker.places.gazetteer import Jurisdiction
from sanctuary_tracker.places.resolve import PlaceMention


def mention(text, phrase, name, state, kind="city", geoid="2513205"):
    start = text.index(phrase)
    j = Jurisdiction(geoid, "ocd", name, name, kind, state, None, None, (name,), ())
    return PlaceMention(start, start + len(phrase), phrase, j, 1.0, "test")


def observed(text, places=()):
    return [o.to_record() for o in find_provisions(text, list(places))]


def test_seed_paragraphs():
    text = (
        "Chelsea City Manager Thomas Ambrosino said his city does not violate any federal law. "
        "Ambrosino says the city simply doesn't collect information about immigration status.\n\n"
        "Some leaders in Massachusetts sanctuary cities say their policies do not prohibit "
        "cooperation with federal immigration authorities.\n\n"
        "Somerville also has a sanctuary city ordinance on the books."
    )
    places = [
        mention(text, "Chelsea", "Chelsea", "MA"),
        mention(text, "Massachusetts", "Massachusetts", "MA", "state", "25"),
        mention(text, "Somerville", "Somerville", "MA", geoid="2562535"),
    ]
    records = observed(text, places)
    p04 = [r for r in records if r["provision"] == "P04"]
    assert p04 and p04[0]["jurisdiction"] == "Chelsea, MA" and p04[0]["value"] is True
    assert p04[0]["negated"] is False and p04[0]["status"] == "proposed"
    p09 = [r for r in records if r["provision"] == "P09"]
    assert p09 and p09[0]["negated"] is True and p09[0]["value"] is False
    assert (
        p09[0]["jurisdiction"] != "Massachusetts"
    )  # a state used as a modifier is not the subject
    p13 = [r for r in records if r["provision"] == "P13"]
    assert p13[0]["jurisdiction"] == "Somerville, MA"
    assert p13[0]["geoid"] == "2562535"
    assert p13[0]["value"] is True


@pytest.mark.parametrize(
    ("sentence", "provision", "value"),
    [
        (
            "Travis County honors detainers only with a judicial warrant.",
            "P01",
            "judicial_warrant_or_order_only",
        ),
        ("The jail will not honor ICE detainers.", "P01", "decline_all"),
        ("The sheriff honors all ICE detainers.", "P01", "honor_all"),
        ("The county does not notify ICE of release dates.", "P02", "no_notify"),
        ("The jail notifies ICE before inmates are released.", "P02", "notify_all"),
        ("The policy bars ICE agents from the county jail.", "P03", "barred"),
        ("The ordinance bars police from asking about immigration status.", "P04", True),
        ("Officers do not share immigration status with anyone.", "P05", True),
        ("The city violates Section 1373, the memo says.", "P05", True),
        ("Police will not arrest people solely for civil immigration violations.", "P07", True),
        (
            "We're not putting local tax dollars toward federal immigration enforcement.",
            "P08",
            True,
        ),
        ("The police department withdrew from joint task forces with ICE.", "P09", True),
        ("The sheriff signed a 287(g) agreement under the jail enforcement model.", "P10", ["JEM"]),
        ("The county has an intergovernmental service agreement to house detainees.", "P11", True),
        ("The new state law bans 287(g) agreements.", "P12", True),
        ("The council declared the town a sanctuary city.", "P13", True),
        ("The chief told officers not to respond to ICE requests.", "P14", True),
        ("The city created a legal defense fund for immigrants.", "P15", True),
        ("The state's anti-sanctuary law took effect.", "P16", "bans_limits"),
        ("Oregon has had a statewide sanctuary law since 1987.", "P17", True),
    ],
)
def test_each_provision_cue(sentence, provision, value):
    records = [r for r in observed(sentence) if r["provision"] == provision]
    assert records, observed(sentence)
    assert records[0]["value"] == value
    assert records[0]["negated"] is False


def test_287g_ended_is_negated():
    (record,) = [
        r for r in observed("The county ended its 287(g) agreement.") if r["provision"] == "P10"
    ]
    assert record["negated"] is True


def test_negation_and_hedging():
    (record,) = observed("The ordinance does not bar police from asking about immigration status.")
    assert (record["provision"], record["negated"], record["value"]) == ("P04", True, False)
    (record,) = observed("The council may ban 287(g) agreements next year.")
    assert (record["provision"], record["hedged"]) == ("P12", True)
    (record,) = observed("We are not a sanctuary county.")
    assert (record["provision"], record["negated"], record["value"]) == ("P13", True, False)


def test_date_and_anaphora():
    text = "Denver is a city. On May 8, 2017, the city declared itself a sanctuary city."
    (record,) = observed(text, [mention(text, "Denver", "Denver", "CO", geoid="0820000")])
    assert record["date"] == "2017-05-08"
    assert record["jurisdiction"] == "Denver, CO"
    (record,) = observed("In 2019 the town declared itself a welcoming town.")
    assert record["date"] is None and record["date_text"] == "2019"


def test_every_value_is_allowed_by_the_codebook():
    codebook = load_codebook()
    text = " ".join(
        [
            "The jail will not honor ICE detainers.",
            "The county does not notify ICE of release dates.",
            "The ordinance does not bar police from asking about immigration status.",
            "The county ended its 287(g) agreement.",
        ]
    )
    for record in observed(text):
        assert codebook[record["provision"]].allows(record["value"])


def test_no_cues_no_observations():
    assert observed("The mayor spoke about parks and roads on Tuesday.") == []
    assert observed("Sanctuary cities were debated.") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_spans_and_unicode(text):
    for observation in find_provisions(text, []):
        assert text[observation.start : observation.end] == observation.cue


# State laws named by bill number or popular name: known only for the text's own states.
_STATES = {"TX": ("Texas", "48"), "CA": ("California", "06"), "KS": ("Kansas", "20"),
           "OR": ("Oregon", "41"), "IL": ("Illinois", "17"), "CT": ("Connecticut", "09")}  # fmt: skip


def state(text, phrase, code):
    name, geoid = _STATES[code]
    return mention(text, phrase, name, code, kind="state", geoid=geoid)


def laws_named(text, places):
    return [(r["provision"], r["value"], r["jurisdiction"], r["geoid"], r["cue"])
            for r in observed(text, places) if r["provision"] in ("P16", "P17")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("The Kansas Legislature passed SB 4, a school-funding bill, in Topeka.", "Kansas", "KS"),
        ("Oregon lawmakers passed SB 54 on school nutrition.", "Oregon", "OR"),
        ("In Texas, Senate Bill 54 funds rural roads.", "Texas", "TX"),
        ("California's SB 4 changed the tax code.", "California", "CA"),
    ],
)
def test_bill_number_of_another_states_law_proposes_nothing(text, phrase, code):
    assert laws_named(text, [state(text, phrase, code)]) == []


@pytest.mark.parametrize(
    ("text", "phrase", "code", "expected"),
    [
        ("Texas's SB 4 punishes sanctuary policies.", "Texas", "TX",
         ("P16", "mandates_detainers", "Texas", "48", "SB 4")),
        ("Gov. Abbott signed Senate Bill 4 in Texas.", "Texas", "TX",
         ("P16", "mandates_detainers", "Texas", "48", "Senate Bill 4")),
        ("California's SB 54 limits cooperation.", "California", "CA",
         ("P17", True, "California", "06", "SB 54")),
        ("Oregon lawmakers passed HB 3265 in 2021.", "Oregon", "OR",
         ("P17", True, "Oregon", "41", "HB 3265")),
    ],
)  # fmt: skip
def test_bill_number_in_its_state_is_that_states_law(text, phrase, code, expected):
    assert laws_named(text, [state(text, phrase, code)]) == [expected]


def test_the_state_comes_from_the_document_when_the_sentence_names_none():
    text = "Austin sued Texas. The city says SB 4 is unconstitutional."
    places = [mention(text, "Austin", "Austin", "TX", geoid="4805000"), state(text, "Texas", "TX")]
    assert laws_named(text, places) == [("P16", "mandates_detainers", "Texas", "48", "SB 4")]
    other = "Topeka sued Kansas. The city says SB 4 is unconstitutional."
    assert laws_named(other, [state(other, "Kansas", "KS")]) == []


def test_popular_name_in_its_state():
    text = "In California, the California Values Act took effect in 2018."
    assert laws_named(text, [state(text, "California", "CA")]) == [
        ("P17", True, "California", "06", "California Values Act")
    ]
    # a name holding its state's name needs no place mention
    assert [r[4] for r in laws_named("The California Values Act stands.", [])] == [
        "California Values Act"
    ]


def test_same_popular_name_is_each_states_own_law():
    illinois = "Illinois police follow the TRUST Act."
    connecticut = "Connecticut police follow the Trust Act."
    (il,) = observed(illinois, [state(illinois, "Illinois", "IL")])
    (ct,) = observed(connecticut, [state(connecticut, "Connecticut", "CT")])
    assert (il["jurisdiction"], ct["jurisdiction"]) == ("Illinois", "Connecticut")
    assert "5 ILCS 805" in il["rule"] and "54-192h" in ct["rule"]
    assert observed("Officials cited the trust act.", [state(illinois, "Illinois", "IL")]) == []


def test_a_bill_dated_before_its_session_is_not_that_law():
    text = "In 2015, Texas lawmakers debated SB 4."
    assert laws_named(text, [state(text, "Texas", "TX")]) == []


def test_negated_state_law():
    text = "Texas did not pass SB 4 that year."
    (record,) = observed(text, [state(text, "Texas", "TX")])
    assert (record["provision"], record["value"], record["negated"]) == ("P16", "none", True)


_CUE_WORDS = ["not", "don't", "won’t", "never", "no", "no longer", "refuses to", "declined to",
              "stopped", "will not", "NOT", "ſtopped", "xnot", "ban", "bars", "prohibits", "limits",
              "restricted", "share", "information", "with", "ICE", "immigration", "officials",
              "status", "arrest", "for", "their", "civil", "violations", "ask", "about", "honor",
              "detainers", "hold", "past", "release", "notify", "released", "funds", "federal",
              "enforcement", "task", "force", "the", "city", "-", "'"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=16))
def test_opening_looks_change_no_cue_match(words):
    """The looks at a negation's or a limiting verb's first letter only skip positions: each
    rule matches what it matches without them."""
    import re

    from sanctuary_tracker.extract import provisions_cues as cues

    text = " ".join(words)
    for rule in cues.RULES:
        plain = rule.pattern.pattern.replace(cues._NEG_OPENING, "").replace(cues._LIMIT_OPENING, "")
        expected = [(m.span(), m.groups()) for m in re.compile(plain, re.I).finditer(text)]
        assert [(m.span(), m.groups()) for m in rule.pattern.finditer(text)] == expected


_SENTENCE_PIECES = ["The city will not honor ICE detainers", "without a judicial warrant",
                    "Σ", "ΣΑ", "x" * 700, "detainer", "don’t ask", "sanctuary", "287(g)",
                    ". ", ".\n", " ", "İ", "status", "SB 54", "In California, ",
                    "the California Values Act"]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=12))
def test_needed_words_found_once_or_per_sentence_give_the_same(pieces):
    """Reading only the sentences the whole text's needed words (and laws) point to gives
    what reading every sentence for its own needed words gives."""
    from sanctuary_tracker.extract import provisions_cues as cues
    from sanctuary_tracker.places.resolve import resolve_places

    text = "".join(pieces)
    places = resolve_places(text)
    once = [o.to_record() for o in find_provisions(text, places)]
    kept = cues.needed_words_at
    cues.needed_words_at = lambda _text: None
    try:
        per_sentence = [o.to_record() for o in find_provisions(text, places)]
    finally:
        cues.needed_words_at = kept
    assert once == per_sentence
