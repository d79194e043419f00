"""People and roles: constructed sentences for each pattern, and properties on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.extract.people import find_people
from sanctuary_tracker.places.resolve import resolve_places


def people(text: str) -> dict[str, dict]:
    found = find_people(text, resolve_places(text))
    for p in found:
        assert text[p.start : p.end].split()[-1].rstrip(".") in p.name or p.name.isupper() is False
    return {p.name: p.to_record() for p in found}


def test_place_title_name_and_surname_mentions():
    text = (
        "In Massachusetts, Chelsea City Manager Thomas Ambrosino said his city does not violate any law. "
        "Ambrosino says the city simply doesn't collect information."
    )
    found = people(text)
    rec = found["Thomas Ambrosino"]
    assert rec["of"] == "Chelsea, MA"
    assert "Manager" in rec["title"]
    assert len(rec["mentions"]) == 2
    second = rec["mentions"][1]
    assert text[second[0] : second[1]] == "Ambrosino"


def test_city_mayor():
    rec = people("Boston Mayor Marty Walsh addresses a rally.")["Marty Walsh"]
    assert rec == {
        "name": "Marty Walsh",
        "title": "Mayor",
        "of": "Boston, MA",
        "mentions": [[13, 24]],
    }


def test_federal_title_gives_body():
    rec = people("A new threat by Attorney General Jeff Sessions won't change policy.")[
        "Jeff Sessions"
    ]
    assert rec["title"] == "Attorney General"
    assert rec["of"] == "U.S. Department of Justice"


def test_councilor_and_judge():
    found = people(
        "The lead sponsor, Councilor Adam Gomez, criticized the plan. "
        "U.S. District Judge Michael Baylson held in a ruling that the city won."
    )
    assert found["Adam Gomez"]["title"] == "Councilor"
    assert found["Michael Baylson"]["title"] == "U.S. District Judge"


def test_senator_with_party_label():
    rec = people("The letter is signed by Sen. Elizabeth Warren (D-MA) and others.")[
        "Elizabeth Warren"
    ]
    assert rec["title"] == "Sen."
    assert rec["of"] == "Massachusetts"


def test_single_name_after_title():
    found = people("Leaders criticised President Trump's order.")
    assert "Trump" in found


def test_surname_links_to_full_name():
    found = people("President Donald Trump signed it. Later Trump said it was good.")
    assert list(found) == ["Donald Trump"]
    assert len(found["Donald Trump"]["mentions"]) == 2


def test_given_name_without_title_and_photo_credit():
    found = people("Police arrested Julio Vega on Monday.\nShahrzad Rasekh / CT Mirror")
    assert "Julio Vega" in found
    assert "Shahrzad Rasekh" in found


def test_middle_initial_and_particles():
    found = people("Signed by Cory A. Booker (D-NJ) and Chris Van Hollen (D-MD).")
    assert {"Cory A. Booker", "Chris Van Hollen"} <= set(found)


def test_lowercase_title_before():
    found = people("Lewiston police spokesman Lt. Derrick St. Laurent said so.")
    assert "Derrick St. Laurent" in found


def test_court_bench():
    found = people("Before: FUENTES, COWEN, and BARRY, Circuit Judges.")
    assert {"Fuentes", "Cowen", "Barry"} <= set(found)
    assert found["Cowen"]["title"] == "Circuit Judge"


def test_not_people():
    found = people(
        "The Edward Byrne Memorial Justice Assistance Grant pays for it. "
        "Getty Images. The Department of Homeland Security said so. Galarza v. Szalczyk."
    )
    assert found == {}


def test_glued_words():
    found = people("National Sheriffs’ AssociationKieran Donahue criticized the list")
    assert "Kieran Donahue" in found


def test_letterhead_name_in_capitals_before_an_office():
    text = (
        "STATE OF OHIO OFFICE OF THE GOVERNOR PO BOX 12 MARGARET T. HOLLIS DEPARTMENT OF "
        "PUBLIC SAFETY BUREAU OF RECORDS COLUMBUS\n\nThe bureau will reply within ten days."
    )
    found = people(text)
    assert "Margaret T. Hollis" in found
    assert found["Margaret T. Hollis"]["title"] is None  # not "12"
    # a capitals run of words with no given name in it is no person
    assert people("OFFICE OF PUBLIC SAFETY DEPARTMENT OF LAW BUREAU OF RECORDS") == {}


def test_spokesperson_title_is_not_the_named_persons():
    found = people("A spokeswoman for Mayor Lena Ortiz declined to comment on Friday.")
    assert found["Lena Ortiz"]["title"] == "Mayor"
    assert people("An aide to Ortiz spoke.").get("Ortiz", {}).get("title") is None


def test_office_named_with_of_before_the_name():
    found = people("Secretary of Energy Laura Whitcomb said the plant would reopen.")
    assert list(found) == ["Laura Whitcomb"]
    found = people("Secretary of State Laura Whitcomb said the talks would resume.")
    assert found["Laura Whitcomb"]["title"] == "Secretary of State"
    # no title word before the "of": no office, no person cut out of the run
    assert "Ruth Ames" not in people("the University of Oregon Ruth Ames Fund gave money.")


def test_one_word_name_with_an_office_predicated_of_it():
    assert "Halvorsen" in people("Little changed after Halvorsen became mayor in 2019.")
    assert "Halvorsen" in people("Before Halvorsen was elected county sheriff, crime rose.")
    assert people("Little changed after Halvorsen became famous.") == {}
    assert people("Little changed after Vermont became a state.") == {}


def test_apposition_with_a_role_makes_a_person():
    found = people("Eswin Prakar, a trade professor at Cornell, said tariffs hurt farmers.")
    assert found["Eswin Prakar"]["title"] == "trade professor"
    assert people("Acme Widgets, the largest supplier in the state, said so.") == {}


def test_groups_outlets_terms_and_firms_are_not_people():
    assert people("Authorities say the fire started in a kitchen.") == {}
    assert people("Sources told reporters the deal was close.") == {}
    assert people("The coach told Sports Insider on Monday that he would stay.") == {}
    assert people("Victoria Post News Weekly carried the story.") == {}
    assert people("Owen Lamp & Shade sells lighting.") == {}
    assert people("The “Molly Brown” test is due next year.") == {}
    found = people("Nominees include Ariana Grande & Billie Eilish this year.")
    assert {"Ariana Grande", "Billie Eilish"} <= set(found)


def test_given_name_that_is_a_place_before_a_middle_initial():
    found = people("Troy L. Smith of Albany, N.Y., spoke.")
    assert "Troy L. Smith" in found and "L. Smith" not in found


def test_bad_inputs_do_not_raise():
    for text in ["", "“", '”“"', "Mr.", "A. B. C.", "1 2 3\t4 5 6\n" * 50, "Déjà vu à Zürich"]:
        find_people(text, [])


def test_long_text_without_breaks_finishes():
    text = "Aaaa Bbbb " * 200_000 + "Mayor John Smith spoke. " * 1000 + "x" * 1_000_000
    found = find_people(text, [])
    assert [p.name for p in found] == ["John Smith"]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_and_spans_point_at_names(text):
    for p in find_people(text, []):
        assert 0 <= p.start < p.end <= len(text)
        for start, end in p.to_record()["mentions"]:
            assert 0 <= start < end <= len(text)


NAMEY = st.lists(
    st.sampled_from(
        [
            "Mayor",
            "John",
            "Smith",
            "said",
            "Sen.",
            "A.",
            "the",
            "“",
            "”",
            '"',
            ",",
            ".",
            "\n",
            "Maria",
            "Lopez-Garcia",
            "O'Brien",
            "of",
            "Boston",
            "County",
            "Jr.",
            "he",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(NAMEY)
def test_first_mention_span_is_the_name(text):
    for p in find_people(text, []):
        assert text[p.start : p.end] == p.name
        assert (p.start, p.end) in {tuple(m) for m in p.to_record()["mentions"]}


@pytest.mark.parametrize("others", [0, 40])
def test_title_and_surname_written_in_lower_case_alone_is_a_common_noun(others):
    # "Mayor Baker" beside "the baker": a common noun; "Mayor Cooper" beside "the coopers":
    # a surname. The same whether the text asks about few words (each searched for) or many
    # (the text's words collected once).
    names = [f"Mayor Q{a}{b}x spoke." for a in "aeiou" for b in "bcdfghk"][:others]
    text = " ".join(
        [*names, "Mayor Baker spoke. Mayor Cooper spoke. The baker said no. The coopers agreed."]
    )
    found = [p.name for p in find_people(text, [])]
    assert "Cooper" in found
    assert "Baker" not in found


def test_a_state_after_a_preposition_is_no_speaker():
    text = "Leaders of towns in Vermont said the order changed nothing. Mayor Ann Ruiz agreed."
    names = [p.name for p in find_people(text, resolve_places(text))]
    assert "Vermont" not in names and "Ann Ruiz" in names


def test_a_quoted_nickname_inside_a_name():
    text = (
        'Harbor County Sheriff Robert "Bobby" Lane spoke on Monday. '
        '"We will hold them," Lane said. Mayor Ann “Annie Jo” Ruiz disagreed.'
    )
    people = find_people(text, resolve_places(text))
    names = [p.name for p in people]
    assert names == ["Robert Lane", "Ann Ruiz"]
    lane = people[0]
    assert lane.title.endswith("Sheriff") and text[lane.start : lane.end].endswith("Lane")
    assert len(lane.mentions) == 2  # "Lane said" is the sheriff


def test_quotation_marks_that_hold_no_nickname_are_left_alone():
    text = 'Mayor Ann Ruiz called the order "Illegal" Tuesday. Ruiz said so.'
    assert [p.name for p in find_people(text, resolve_places(text))] == ["Ann Ruiz"]


def test_organisations_named_by_their_kind_word_are_no_people():
    text = (
        "Harbor Charities said families were afraid. Civic Watch said the county broke the "
        "law. Valley Robotics said nothing. Mayor Ann Ruiz said the city would not help."
    )
    assert [p.name for p in find_people(text, resolve_places(text))] == ["Ann Ruiz"]


def test_a_title_never_reaches_back_past_a_sentence_end():
    text = "Police may hold people for ICE. Gov. Ann Ruiz signed it. U.S. Attorney Bo Lee agreed."
    found = {p.name: p.title for p in find_people(text, resolve_places(text))}
    assert found == {"Ann Ruiz": "Gov.", "Bo Lee": "U.S. Attorney"}
    # a sentence that ends in a number ends there too
    text = "The law takes effect Aug. 1. Gov. Ann Ruiz signed it on May 28."
    found = {p.name: p.title for p in find_people(text, resolve_places(text))}
    assert found == {"Ann Ruiz": "Gov."}


def test_a_party_member_from_a_place_is_no_person():
    text = "It is a matter of trust, said Sen. Ann Ruiz, a New Haven Democrat."
    assert [p.name for p in find_people(text, resolve_places(text))] == ["Ann Ruiz"]


def test_accented_given_names_and_two_particles():
    # "José" is the SSA table's "Jose"; "de la Cruz" holds two particles
    text = "Ana Ruiz and José Luis de la Cruz Jr. wrote the report."
    found = {p.name: p.reason for p in find_people(text, resolve_places(text))}
    assert found == {"Ana Ruiz": "given name", "José Luis de la Cruz Jr.": "given name"}


def test_only_words_that_stand_inside_titles_are_no_title():
    text = (
        "Ann Ruiz and Bo Lee met the county and Al Moss. It was late, said co-founder Kim Ames."
        " U.S. District Judge Tom Dye spoke."
    )
    found = {p.name: p.title for p in find_people(text, resolve_places(text))}
    assert found == {
        "Ann Ruiz": None,
        "Bo Lee": None,
        "Al Moss": None,
        "Kim Ames": "co-founder",
        "Tom Dye": "U.S. District Judge",
    }


def test_a_government_web_address_is_no_person():
    text = "The city got $27 million, according to USAspending.gov, said Mayor Ann Ruiz."
    assert [p.name for p in find_people(text, resolve_places(text))] == ["Ann Ruiz"]


def test_a_bylines_names_are_people_but_a_newsrooms_credit_is_not():
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read.text import read_text

    doc = read_text("Jail Rules\n\nBy Nguyen Thi Lan\n\nThe county voted.\n", source="t.txt")
    people = extract(doc)["people"]
    assert [(p["name"], p["span"]) for p in people] == [
        ("Nguyen Thi Lan", {"field": "byline", "start": 0, "end": 14})
    ]
    for credit in ("By CBS Detroit", "By Valley Post Staff"):
        text = f"{credit}\n\nThe county voted."
        assert find_people(text, resolve_places(text)) == []


def test_a_title_after_a_place_name_that_is_not_a_place_here():
    # "Oklahoma City" is a team here (no place): its "City" is not the coach's title
    text = "Oklahoma City coach Billy Donovan said the team played well in the game."
    found = {p.name: p.title for p in find_people(text, resolve_places(text))}
    assert found == {"Billy Donovan": "coach"}


def test_every_offset_of_a_record_is_a_span_of_its_field():
    from sanctuary_tracker.extract import extract
    from sanctuary_tracker.read.text import read_text

    doc = read_text(
        'Jail Rules\n\nBy Ana Ruiz\n\n"We are done," said Sheriff Bo Lee. Lee left.\n',
        source="t.txt",
    )
    record = extract(doc)
    fields = {"title": doc.title, "body": doc.body, "byline": doc.byline}
    for person in record["people"]:
        for m in person["mentions"]:
            assert fields[m["field"]][m["start"] : m["end"]] in person["name"]
    (quote,) = record["quotes"]
    where = quote["speaker_span"]
    assert fields[where["field"]][where["start"] : where["end"]] == "Bo Lee"
