"""Hard-wrapped text read as paragraphs (text/paragraphs.py), and what extraction finds in it."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.document import Document
from sanctuary_tracker.extract.stage import extract
from sanctuary_tracker.text.paragraphs import flowed, wrap_width

STORY = [
    "Harbor Falls council weighs jail policy",
    "",
    "HARBOR FALLS - The city council of Harbor Falls voted on Tuesday to stop holding people "
    "in the municipal jail on federal immigration detainers once their local charges are "
    "resolved, after two hours of public comment from residents on both sides.",
    "",
    '"We will not keep anyone in a cell one hour longer than the law allows, and we will say '
    'so to any agency that asks us," Mayor Ruth Okafor said after the vote on Tuesday night.',
    "",
    "The policy takes effect next month, according to the clerk's office.",
]


def _wrapped(paragraphs: list[str], width: int = 72) -> str:
    return "\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in paragraphs)


def test_a_wrapped_quote_is_found_whole_with_its_speaker():
    body = _wrapped(STORY)
    record = extract(Document(source="story.txt", media_type="text/plain", body=body))
    [quote] = [q for q in record["quotes"] if q["direct"]]
    assert quote["text"].startswith("We will not keep anyone in a cell")
    assert quote["text"].endswith("any agency that asks us,")
    assert quote["speaker"] == "Ruth Okafor"
    span = quote["span"]
    assert " ".join(body[span["start"] : span["end"]].split()).startswith("We will not keep")


def test_flowed_joins_wrapped_lines_in_place():
    body = _wrapped(STORY)
    flat = flowed(body)
    assert len(flat) == len(body)
    lines = [line for line in flat.split("\n") if line]
    assert lines[1] == STORY[2]
    assert lines[2] == STORY[4]


def test_text_with_paragraphs_on_long_lines_is_left_alone():
    body = "\n".join(STORY)
    assert wrap_width(body.split("\n")) is None
    assert flowed(body) == body


def test_list_items_headings_and_datelines_start_their_own_lines():
    paragraph = (
        "The county board listed the agencies it will share booking records with, "
        "and the ones it will not share them with under the new rule adopted today:"
    )
    items = ["- the state police", "- the county prosecutor", "- the public defender"]
    dateline = "RIVERTON - " + "The sheriff said the jail will follow the new rule. " * 3
    body = _wrapped([paragraph]) + "\n" + "\n".join(items) + "\n" + _wrapped([dateline])
    flat = flowed(body)
    for item in items:
        assert f"\n{item}\n" in flat
    assert "\nRIVERTON - " in flat


def test_a_full_last_line_that_ends_a_sentence_keeps_its_break():
    first = "word " * 12 + "ends here."  # 70 columns: "Next" would have fitted in 79
    full = ("word " * 16).strip()  # 79 columns
    lines = [first, "Next paragraph " + full[15:], full, full, "last one."]
    assert wrap_width(lines) == 79
    assert flowed("\n".join(lines)).split("\n")[0] == first


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab .,\n-•", max_size=90), max_size=12).map("\n".join))
def test_flowed_only_turns_line_breaks_into_spaces(text):
    flat = flowed(text)
    assert len(flat) == len(text)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(text, flat, strict=True))


DECK = (
    "The council voted 5-2 on Monday to ask the sheriff to stop holding people for federal "
    "immigration agents once they are due for release from the county jail"
)
BODY = (
    "Members said the request follows months of complaints from residents. The Valley Courier "
    "has contacted the sheriff's office but has not yet heard back from the sheriff or staff."
)


def test_the_reader_finds_a_newsroom_naming_itself_across_a_wrap():
    from sanctuary_tracker.read.text import clean_text

    clean = clean_text(_wrapped(["Council asks sheriff to end holds", "", DECK, "", BODY], 60))
    assert clean.publisher == "The Valley Courier"


def test_the_reader_finds_a_byline_below_a_wrapped_headline_and_deck():
    from sanctuary_tracker.read.text import clean_text

    headline = "Valley council asks the sheriff to stop honoring detainers at the county jail"
    page = [headline, "", DECK, "", "Jane Roe", "The Valley Courier", "", BODY]
    clean = clean_text(_wrapped(page, 40))
    assert clean.original_publisher == "The Valley Courier"
    assert clean.byline == "Jane Roe"
