"""The plain-text reader: page furniture, captions, credits, notices; and its properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.read.text import clean_text

RADIO_PAGE = """\
© 2023 KXYZ
Public Radio for the Valley
Play Live Radio
Next Up:
0:00 0:00
Available On Air Stations

County Board Debates Jail Policy

Jane Q. Photographer
Commissioners listen to public comment at the county building in March.

The county board on Tuesday debated whether the jail should keep honoring detainer requests.

"We are not going to ask anybody about their papers," Sheriff Ana Ruiz said.

Copyright 2023 KABC-FM. To see more, visit KABC-FM.
"""


def test_radio_page_furniture_is_removed():
    clean = clean_text(RADIO_PAGE)
    assert clean.body.startswith("County Board Debates Jail Policy\n")
    for furniture in ("Play Live Radio", "Next Up:", "0:00", "On Air", "©", "Copyright", "Valley"):
        assert furniture not in clean.body
    assert "debated whether the jail" in clean.body
    assert "Sheriff Ana Ruiz said." in clean.body


def test_radio_page_metadata():
    clean = clean_text(RADIO_PAGE)
    assert clean.title == "County Board Debates Jail Policy"
    assert clean.publisher == "KXYZ"
    assert clean.original_publisher == "KABC-FM"
    assert clean.credits == ["Jane Q. Photographer"]
    assert clean.captions == [
        "Commissioners listen to public comment at the county building in March."
    ]
    assert "Commissioners listen" not in clean.body


def test_credits_captions_and_bylines_elsewhere():
    text = (
        "City Adopts Welcoming Ordinance\n\n"
        "By Sam Writer\n\n"
        "03/14/2019 -- ELMTOWN -- Residents at the meeting. (Pat Lens / The Elmtown Times)\n\n"
        "The council voted 7-2 on Monday to adopt the ordinance.\n"
        "Chris Shooter/Getty Images\n"
        "It bars city staff from asking about immigration status.\n"
    )
    clean = clean_text(text)
    assert clean.byline == "Sam Writer"
    assert clean.published == "2019-03-14"
    assert "Pat Lens / The Elmtown Times" in clean.credits
    assert "Chris Shooter/Getty Images" in clean.credits
    assert "Residents at the meeting" not in clean.body
    assert "It bars city staff" in clean.body and "The council voted" in clean.body


def test_dateline_names_the_newsroom_that_wrote_it():
    clean = clean_text(
        "Headline Here\n\nSPRINGFIELD, Ill. (WXYZ) – The county said Monday it would."
    )
    assert clean.original_publisher == "WXYZ"
    # with no copyright line naming anyone else, the newsroom credited is the publisher
    assert clean.publisher == "WXYZ"


def test_a_copyright_line_outranks_the_dateline_as_publisher():
    clean = clean_text(
        "Headline Here\n\nSPRINGFIELD, Ill. (WXYZ) – The county said Monday it would.\n\n"
        "© 2024 Valley Public Radio\n"
    )
    assert (clean.publisher, clean.original_publisher) == ("Valley Public Radio", "WXYZ")
    # "Copyright 2025 by X": the holder is X
    clean = clean_text(
        "Headline Here\n\nThe county said it would.\n\nCopyright 2025 by KVAL News\n"
    )
    assert clean.publisher == "KVAL News"


def test_a_newsroom_asking_for_comment_names_itself():
    clean = clean_text(
        "Jail Policy Questioned\n\nThe county said its report was wrong. The Valley Courier "
        "has contacted an ICE spokesman but has not yet heard back.\n"
    )
    assert clean.publisher == "The Valley Courier"
    # a person reaching out is not a newsroom asking for comment
    clean = clean_text("Jail Policy\n\nJane Smith has contacted the jail about her son.\n")
    assert clean.publisher is None


def test_a_staff_photo_credit_names_the_publication_but_an_agency_does_not():
    story = "Council Votes\n\nThe council voted on Monday to keep the ordinance in force.\n"
    staff = "Residents at the meeting. (Jane Doe / The Valley Courier)\n"
    agency = "Residents at the meeting. (Jane Doe/Getty Images)\n"
    assert clean_text(story + staff).publisher == "The Valley Courier"
    assert clean_text(story + agency).publisher is None


def test_a_feed_mirror_channel_names_the_original_outlet():
    clean = clean_text(
        "Channel: Crime and Justice - Valley Digger\nViewing all articles\n\n"
        "Towns to debate status\n\nAt least five towns will debate the question on Tuesday.\n"
    )
    assert clean.original_publisher == "Valley Digger"
    assert clean.publisher is None  # a copy: who served it is not in the text


def test_prose_is_never_furniture():
    text = "Share the road, officials said, and read the ordinance before voting on it.\n"
    assert clean_text(text).body == text.strip()


lines = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "",
                "Play Live Radio",
                "0:00 0:00",
                "© 2020 WXYZ",
                "Jane Roe",
                "Getty Images",
                "A caption about a photo.",
                "By Sam Writer",
                "| Home",
                "(Photo: KXYZ)",
                "Copyright 2017 WBUR-FM. To see more, visit WBUR-FM.",
            ]
        ),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_unicode(text):
    clean_text(text)


@settings(max_examples=300, deadline=None)
@given(lines.map("\n".join))
def test_keeps_only_lines_of_its_input_in_order(text):
    body = clean_text(text).body
    source = [line.strip() for line in text.splitlines()]
    position = 0
    for line in body.split("\n"):
        if not line:
            continue
        assert line in source[position:], line
        position = source.index(line, position) + 1


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), lines.map("\n".join)))
def test_cleaning_twice_changes_nothing(text):
    once = clean_text(text).body
    assert clean_text(once).body == once


def test_a_press_release_label_is_not_the_headline():
    clean = clean_text(
        "FOR IMMEDIATE RELEASE\nMonday, March 3, 2025\n\nCounty Ends Jail Contract\n\n"
        "ELMTOWN - The county ended its contract on Monday.\n"
    )
    assert clean.title == "County Ends Jail Contract"


def test_bylines_with_particles_and_story_by():
    clean = clean_text(
        "Jail Rules\n\nBy Ana Ruiz and José Luis de la Cruz Jr.\n\nThe county voted.\n"
    )
    assert clean.byline == "Ana Ruiz and José Luis de la Cruz Jr"
    assert "By " not in clean.body
    clean = clean_text("Jail Rules\n\nStory by Kim Lee\n\nThe county voted.\n")
    assert clean.byline == "Kim Lee"
