"""Publisher and original publisher from the words of a text: each idiom, and the outlets a
story only cites. Every text here is made up for the test."""

from __future__ import annotations

import pytest

from sanctuary_tracker.read.outlets import is_national_outlet, is_outlet_name, same_outlet
from sanctuary_tracker.read.publisher import (
    byline_outlet,
    lead_source,
    letterhead,
    newsroom_addressed,
    retold_from,
)
from sanctuary_tracker.read.text import clean_text


@pytest.mark.parametrize(
    "name",
    [
        "The Elmtown Gazette",
        "Valley Daily Courier",
        "WXYZ",
        "KQED-FM",
        "FOX12",
        "KABC 9",
        "NBC 44",
        "News 8",
        "Lakeshore Public Media",
        "The Prairie State Journal-Register",
        "RiverPost",
        "The Associated Press",
    ],
)
def test_outlet_shapes(name):
    assert is_outlet_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Sheriff Ana Ruiz",
        "American Civil Liberties Union",
        "SB 54",
        "COVID 19",
        "WHO",
        "Elmtown",
        "the Gazette",  # a lower-case article: running text, not a name's start
        "Senate Judiciary Committee",
    ],
)
def test_not_outlet_shapes(name):
    assert not is_outlet_name(name)


def test_national_outlets_and_local_affiliates():
    assert is_national_outlet("CNN") and is_national_outlet("Fox News")
    assert is_national_outlet("The Associated Press")
    assert not is_national_outlet("NBC 44")  # a network's station on its channel
    assert not is_national_outlet("The Elmtown Gazette")
    assert same_outlet("the Gazette", "The Elmtown Gazette")
    assert not same_outlet("Elmtown Gazette", "Elmtown Courier")


def test_newsroom_told_is_the_publisher():
    text = (
        "The county jail will stop holding people for ICE.\n\n"
        "Sheriff Ana Ruiz told FOX12 the change starts Monday.\n"
    )
    assert newsroom_addressed(text) == "FOX12"
    assert clean_text(text).publisher == "FOX12"


def test_newsroom_asking_for_comment_is_the_publisher():
    text = (
        "Commissioners voted 4-1 to end the agreement.\n\n"
        "ICE declined an interview request by KABC 9 but sent a statement.\n"
    )
    assert clean_text(text).publisher == "KABC 9"
    text = "The sheriff did not respond to The Elmtown Gazette's requests for comment.\n"
    assert newsroom_addressed(text) == "Elmtown Gazette"


@pytest.mark.parametrize(
    "text",
    [
        # cited: the story reports what another outlet reported
        "Mayor Lee told The Valley Courier the plan was dead, the Courier reported Friday.\n",
        "Mayor Lee previously told The Valley Courier that the plan was dead.\n",
        "Mayor Lee told The Valley Courier on Sunday, according to the Valley Courier.\n",
        "Mayor Lee told The Valley Courier's Dana Fox that the plan was dead.\n",
        # national networks and wires are told things in everyone's stories
        "A spokesman told CNN that the order stands.\n",
        "An official told The Associated Press the talks failed.\n",
        # two newsrooms: the words do not say which wrote it
        "Lee told WXYZ one thing and told The Elmtown Gazette another.\n",
        # no outlet at all
        "Lee told reporters the plan was dead.\n",
    ],
)
def test_outlet_a_story_cites_is_not_its_publisher(text):
    assert newsroom_addressed(text) is None
    assert clean_text("Council ends jail deal\n\n" + text).publisher is None


def test_byline_naming_its_outlet():
    assert byline_outlet(["By Dana Fox, The Elmtown Gazette"]) == ("Dana Fox", "Elmtown Gazette")
    assert byline_outlet(["By Dana Fox | WXYZ"]) == ("Dana Fox", "WXYZ")
    assert byline_outlet(["By Dana Fox Riverline.org"]) == ("Dana Fox", "Riverline")
    assert byline_outlet(["Headline here", "Dana McFox", "The Valley Daily Courier"]) == (
        "Dana McFox",
        "The Valley Daily Courier",
    )
    assert byline_outlet(["By Dana Fox and Lee Roe"]) is None
    assert byline_outlet(["Dana Fox", "Sheriff of Elm County"]) is None


def test_byline_outlet_is_the_original_publisher_of_a_copy():
    text = (
        "Sheriffs split on detainers\n\n"
        "Dana McFox\nThe Valley Daily Courier\n\n"
        "ELMTOWN — Two sheriffs said Tuesday they would keep honoring detainers.\n"
    )
    clean = clean_text(text)
    assert clean.original_publisher == "The Valley Daily Courier"
    assert clean.publisher is None  # who serves the copy is not in the text


def test_lead_crediting_a_copy():
    assert lead_source("From Fox News: The mayor ordered the jails to comply.") == "Fox News"
    assert lead_source("Published on The Elmtown Gazette on May 2nd, 2021.") == "Elmtown Gazette"
    assert lead_source("Published on May 2, 2021.") is None
    assert lead_source("From Elmtown: a letter to the council.") is None
    assert lead_source("From the start, the council opposed it.") is None
    clean = clean_text(
        "Mayor orders jails to comply\n\nFrom Fox News: The mayor told Fox News the order stands.\n"
    )
    # the copy's source speaking of itself is still the source, not who copied it
    assert (clean.publisher, clean.original_publisher) == (None, "Fox News")


def test_lead_retelling_another_outlets_story():
    lead = ["Two sheriffs push back on list", "Two sheriffs say the list is wrong, reports WXYZ."]
    assert retold_from(lead) == "WXYZ"
    assert retold_from(["The list is wrong, reports Sheriff Ana Ruiz."]) is None


def test_wire_service_dateline_and_copyright_name_the_writer_not_the_printer():
    clean = clean_text(
        "Jail deal ends\n\nELMTOWN, Ore. (AP) — The county ended its jail deal.\n\n"
        "The vote was 4-1.\n"
    )
    assert (clean.publisher, clean.original_publisher) == (None, "AP")
    clean = clean_text(
        "Jail deal ends\n\nThe county ended its jail deal on Monday after a long debate.\n\n"
        "Copyright 2021 The Associated Press. All rights reserved.\n"
    )
    assert (clean.publisher, clean.original_publisher) == (None, "The Associated Press")


def test_local_dateline_is_the_publisher():
    clean = clean_text("Jail deal ends\n\nELMTOWN (WXYZ) — The county ended its jail deal.\n")
    assert clean.publisher == "WXYZ"


LETTER = (
    "JANE ROE Governor State of Nevada OFFICE OF THE ATTORNEY GENERAL 100 N. Carson St. "
    "Carson City July 1, 2020 Sheriff Lee Roe Elm County Dear Sheriff Roe: As you know, "
    "the directive limits the help deputies may give federal immigration agents."
)


def test_letterhead_of_a_government_office():
    assert letterhead(LETTER) == "Nevada Office of the Attorney General"
    assert clean_text(LETTER).publisher == "Nevada Office of the Attorney General"
    # the same words in a story about a letter are not a letterhead
    story = "The State of Nevada OFFICE OF THE ATTORNEY GENERAL sent letters to sheriffs."
    assert letterhead(story) is None


@pytest.mark.parametrize(
    "credit, original",
    [
        ("The Associated Press contributed to this report.", "The Associated Press"),
        (
            "Reporting by Ann Ruiz; The Elmtown Gazette contributed to this story.",
            "The Elmtown Gazette",
        ),
        ("Staff writer Ann Ruiz contributed to this report.", None),  # a reporter
        ("Ann Ruiz contributed to this report.", None),
        ("WXYZ's Ann Ruiz contributed to this report.", None),  # the outlet's own reporter
    ],
)
def test_a_closing_credit_names_an_outlet_that_contributed(credit, original):
    clean = clean_text(f"County sues\n\nELMTOWN - The county sued on Monday.\n\n{credit}\n")
    assert clean.original_publisher == original


def test_a_notice_that_runs_on_after_the_outlet_leaves_its_small_words():
    from sanctuary_tracker.read.syndication import find_original_publisher

    line = "This article first appeared on Stateline and is republished here under a license."
    assert find_original_publisher(line) == "Stateline"
    line = "This story was produced by Cardinal News and is republished with permission."
    assert find_original_publisher(line) == "Cardinal News"
