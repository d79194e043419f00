"""People versus organisations and things: constructed sentences (written for these tests,
not taken from the eval documents) for each mechanism, the given-name table from the SSA
counts, and the shared lexicon and sentence splitter."""

from __future__ import annotations

import pytest

from sanctuary_tracker.extract.people import find_people
from sanctuary_tracker.extract.quotes import find_quotes
from sanctuary_tracker.places.resolve import resolve_places
from sanctuary_tracker.text import given_names
from sanctuary_tracker.text.sentences import ends_sentence, sentence_ends, sentences


def names(text: str) -> list[str]:
    return [p.name for p in find_people(text, resolve_places(text))]


# -- the given-name table ---------------------------------------------------------------------


def test_given_names_come_from_the_ssa_table_not_a_hand_list():
    # Names in no dev document, common in the SSA counts; words that are no given names.
    for name in ("Thaddeus", "Marisela", "Octavio", "Bettina"):
        assert given_names.is_given_name(name), name
    for word in ("Council", "Sheriffs", "Constitution", "Protesters", "Democratic"):
        assert not given_names.is_given_name(word), word
    assert given_names.gender("Octavio") == "m"
    assert given_names.gender("Marisela") == "f"
    assert given_names.gender("Jordan") is None  # given to many boys and girls alike


def test_a_given_name_from_the_table_makes_a_pair_a_person():
    text = "The zoning board heard from Thaddeus Okonkwo-Vance and others on Monday."
    assert names(text) == ["Thaddeus Okonkwo-Vance"]


def test_a_rare_first_word_is_no_evidence_by_itself():
    assert names("The plan came from Quillfeather Obrecht last week.") == []


# -- person versus organisation ---------------------------------------------------------------


def test_organisation_names_beside_person_names():
    text = (
        "Councilwoman Rosa Delgado told Fox News that the C. Council vote was close. "
        "Marisela Quintero, a lawyer, said the U.S. Constitution protects everyone. "
        "Sheriffs say the order is unclear, and county sheriffs have asked for guidance."
    )
    found = names(text)
    assert "Rosa Delgado" in found and "Marisela Quintero" in found
    for wrong in ("Fox News", "C. Council", "U.S. Constitution", "Sheriffs"):
        assert wrong not in found, wrong


def test_a_common_given_name_beside_an_organisation_word_is_still_a_person():
    assert "Jon Hall" in names("Jon Hall said the vote would wait.")


def test_plural_and_kind_words_are_never_surnames():
    text = "Carlos Grant Programs officials and Warren County said nothing. Grant Funds said so."
    found = names(text)
    assert not [n for n in found if n.endswith(("Programs", "County", "Funds"))], found


def test_something_possessed_is_no_person():
    text = "Octavio Ruiz's Cuban Revolution told nobody anything, Ruiz said."
    found = names(text)
    assert "Octavio Ruiz" in found
    assert not [n for n in found if "Revolution" in n]


def test_an_article_before_a_name_makes_it_a_thing():
    assert names("Supporters of the Bettina Memorial Trust said it would go on.") == []


def test_a_title_on_another_line_does_not_title_a_word():
    text = "Courtesy of the Legal Aid Justice\n  • Marchers last spring at the courthouse"
    assert names(text) == []


def test_initials_with_a_state_are_a_court_district():
    assert names("United States District Court, D. Nevada, Reno Division") == []


def test_a_titled_name_inside_a_letterhead_run():
    text = "Dear colleagues,\nSheriff Octavio Brandt Monmouth County Sheriff's Office sent it."
    assert "Octavio Brandt" in names(text)


def test_a_later_one_word_mention_joins_the_full_name():
    text = "JONES, Magistrate Judge.\n\nThe opinion of Judge Marisela Q. Jones follows."
    found = names(text)
    assert found == ["Marisela Q. Jones"]


def test_a_suffix_is_not_the_surname():
    found = find_people(
        "Representative Octavio Brandt III asked for a vote. Representative Brandt said no.",
        [],
    )
    assert [p.name for p in found] == ["Octavio Brandt III"]
    assert len(found[0].mentions) == 2


# -- quotes with speakers before and after ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We will not change the policy," said Marisela Quintero, the clerk.',
            "Marisela Quintero",
        ),
        ('Thaddeus Brandt said, "The county has no agreement with ICE."', "Thaddeus Brandt"),
        ('"The county has no agreement," Octavio Ruiz told Fox News on Friday.', "Octavio Ruiz"),
    ],
)
def test_quote_speakers_before_and_after(text, speaker):
    people = find_people(text, resolve_places(text))
    quotes = [q for q in find_quotes(text, people) if q.direct]
    assert [q.speaker for q in quotes] == [speaker]


# -- the one sentence splitter ----------------------------------------------------------------


def test_sentences_skip_abbreviations_and_initials():
    text = "Sen. J. Doe of the U.S. Senate spoke. Then Gov. Ruiz left! Was it late?"
    got = [s.text for s in sentences(text)]
    assert got == ["Sen. J. Doe of the U.S. Senate spoke.", "Then Gov. Ruiz left!", "Was it late?"]
    ends = [text.index("spoke.") + 6, text.index("left!") + 5, len(text)]
    assert list(sentence_ends(text, 0, len(text))) == ends
    assert ends_sentence("spoke.") and not ends_sentence("Sen.") and not ends_sentence("J.")
