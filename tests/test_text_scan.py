"""text.scan: a pattern's matches tried only where its opening character stands are the
pattern's own matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.extract import listings_catalog as cat
from sanctuary_tracker.extract import provisions_laws as laws
from sanctuary_tracker.text import scan

_DATE_WORDS = ["May", "in May", "early May", "mid-May", "January", "Jan.", "Sept", "June",
               "2017", "1999", "2025-01", "2017-13-40", "12", "3rd", "1st", ",", " ", "\t", "-",
               "/", "x", "A", "Mayor", "Junebug", "é", "_2017", "20171", "through", "to"]  # fmt: skip
_BILL_WORDS = ["SB", "S.B.", "HB 1", "H.B. 4", "A123", "S1", "B2", "SEA", "HEA", "LD 1", "L.D.",
               "Senate Bill", "House File", "No.", "Assembly Bill", "12", "-", "x", ".", " ",
               "A", "S", "H", "B", "L", "é", "SF", "HF"]  # fmt: skip


def _same(opening, pattern, text):
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in scan.matches(opening, pattern, text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=14), st.sampled_from(["", " ", "  "]))
def test_dates_found_from_their_opening_are_the_patterns(words, gap):
    _same(cat.DATE_OPENING, cat.DATE, gap.join(words))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BILL_WORDS), max_size=14), st.sampled_from(["", " "]))
def test_bills_found_from_their_opening_are_the_patterns(words, gap):
    _same(laws._BILL_OPENING, laws._BILL, gap.join(words))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \n.", max_size=40))
def test_matches_after_a_failed_try_and_after_a_match(text):
    _same(re.compile("a"), re.compile(r"(?<![a-z])a+b?|ab\.(?=\n)"), text)


_LIST_WORDS = ["list", "List", "LISTS", "liſt", "lısted", "watch list", "watchlist", "report",
               "REPORTS", "letter", "letters", "DDOR", "ddor", "declined detainer outcome",
               "Declined Detainers report", "top 10", "top-ten", "identified", "İdentified",
               "deemed", "labeled", "labelled", "sanctuary", "Sanctuary", "specialist", "x",
               "$", "US$", "USD", "usd", "5", "dollars", "DOLLAR", "million", "billions",
               "thousand", "thouſand", "hundreds", "Kelvin K", "é", "-", " ", "\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LIST_WORDS), max_size=12), st.sampled_from(["", " ", "-"]))
def test_matches_found_from_opening_words_are_the_patterns(words, gap):
    from sanctuary_tracker.extract import listings, money

    text = gap.join(words)
    for openings, pattern in (
        (cat.DDOR_OPENINGS, cat.DDOR),
        (cat.LIST_NOUN_OPENINGS, cat.LIST_NOUN),
        (listings._QUICK_OPENINGS, listings._QUICK),
        (money._ANCHOR_OPENINGS, money._ANCHOR),
    ):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in openings.matches(pattern, text)] == expected


def _occurrences(words: tuple[str, ...], text: str) -> list[tuple[int, str]]:
    lowered = text.lower()
    found = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.append((at, word))
            at = lowered.find(word, at + 1)
    return sorted(found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LIST_WORDS), max_size=12), st.sampled_from(["", " ", "-"]))
def test_words_found_in_the_shared_pass_are_each_lists_own(words, gap):
    """Every list's words come from one pass over the text with all lists' words: each list
    gets exactly its own, where they stand (overlapping ones included)."""
    text = gap.join(words)
    lists = (scan.Words("list", "listed", "report"), scan.Words("DDOR", "$", "sanctuary"))
    for found in lists:
        if len(text.lower()) != len(text):
            assert found.found(text) is None  # ("İ"): offsets in the lower case are not the text's
        else:
            assert found.found(text) == _occurrences(found.words, text)


def test_a_list_made_after_a_text_was_read_finds_its_words():
    text = "The Watch List names Kelvin and kelvinator."
    assert scan.Words("watch").found(text) == [(4, "watch")]
    assert scan.Words("kelvin").found(text) == [(21, "kelvin"), (32, "kelvin")]


def test_a_text_whose_lower_case_is_longer_gives_no_offsets():
    assert scan.Words("stanbul").found("İstanbul") is None
    assert scan.Words("stanbul").in_lowered("i̇stanbul") == {"stanbul"}
