"""Amounts: constructed sentences for every form, and property tests on arbitrary text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.extract.money import find_amounts
from sanctuary_tracker.places.gazetteer import Jurisdiction
from sanctuary_tracker.places.resolve import PlaceMention


def place(text, phrase, name, state, kind="city", geoid="2513205"):
    start = text.index(phrase)
    j = Jurisdiction(geoid, f"ocd-division/country:us/state:{state.lower()}/place:x", name, name,
                     kind, state, None, None, (name,), ())  # fmt: skip
    return PlaceMention(start, start + len(phrase), phrase, j, 1.0, "test")


def records(text, places=()):
    return [a.to_record() for a in find_amounts(text, list(places))]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Funds of up to $4.1 billion are at stake.", "$4.1 billion", 4_100_000_000),
        ("They got $16.7M last year.", "$16.7M", 16_700_000),
        ("It costs 4.1 billion dollars.", "4.1 billion dollars", 4_100_000_000),
        ("She posted $500 in cash.", "$500", 500),
        ("Her bail was $5,000.", "$5,000", 5000),
        ("A grant of $1.2bn was paid.", "$1.2bn", 1_200_000_000),
        ("The fee is US$300K.", "US$300K", 300_000),
        (
            "They lost a million-and-a-half dollars in grants.",
            "a million-and-a-half dollars",
            1_500_000,
        ),
        ("It cost half a million dollars.", "half a million dollars", 500_000),
        ("It cost two and a half million dollars.", "two and a half million dollars", 2_500_000),
        ("It paid 500 dollars.", "500 dollars", 500),
    ],
)
def test_exact_amounts(text, surface, value):
    (record,) = records(text)
    assert record["text"] == surface
    assert record["value"] == value
    assert record["currency"] == "USD"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Chelsea has several millions of dollars at stake.", "several millions of dollars"),
        (
            "DOJ provides hundreds of thousands of dollars to the city each year.",
            "hundreds of thousands of dollars",
        ),
        (
            "The cuts could cost two towns tens of millions of dollars annually.",
            "tens of millions of dollars annually",
        ),
        ("Threat Could Cost Colorado Cities Millions", "Millions"),
        ("The county has received tens of millions from ICE.", "tens of millions"),
        ("It risks millions of dollars.", "millions of dollars"),
        ("Each fine was hundreds of dollars.", "hundreds of dollars"),
        ("It risks a few million dollars.", "a few million dollars"),
        ("The state could lose millions in federal grants.", "millions in federal grants"),
        ("Officials feared losing billions in aid.", "billions in aid"),
    ],
)
def test_vague_amounts_have_null_value(text, surface):
    (record,) = records(text)
    assert record["text"] == surface
    assert record["value"] is None


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        (
            "Cuts of $1 million to $2 million loom.",
            "$1 million to $2 million",
            1_000_000,
            2_000_000,
        ),
        ("Cuts of $1-2 million loom.", "$1-2 million", 1_000_000, 2_000_000),
        ("Cuts between $3 and $4 billion loom.", "between $3 and $4 billion", 3e9, 4e9),
    ],
)
def test_ranges_are_one_item_with_high(text, surface, low, high):
    (record,) = records(text)
    assert (record["text"], record["value"], record["high"]) == (surface, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Crime fell 15% in 2017.",
        "The $ sign alone, or $PATH, is not money.",
        "In 2017 1,500 people marched; 4.1 percent voted.",
        "We are not putting local tax dollars toward immigration enforcement.",
        "It was priced in 2017 dollars.",
        "1 2 3 4 5 6 7 8 9 10 11 12",
        "Millions of people lost power; the town lost millions of trees.",
        "The video received millions of views and paid off.",
        "Twenty-five million people watched; fourteen thousand marched.",
        "The dollar fell against the euro.",
    ],
)
def test_not_money(text):
    assert records(text) == []


def test_refers_to_and_jurisdiction():
    text = (
        "Attorney General Jeff Sessions now says Department of Justice funds – up to $4.1 billion"
        " nationally – could be at stake. Ambrosino estimated that Chelsea has several millions of"
        " dollars at stake in law enforcement funds from the Department of Justice."
    )
    first, second = records(text, [place(text, "Chelsea", "Chelsea", "MA")])
    assert first["refers_to"] == "Department of Justice funds"
    assert first["jurisdiction"] is None
    assert second["refers_to"] == "law enforcement funds from the Department of Justice"
    assert second["jurisdiction"] == "Chelsea, MA"


def test_program_name_and_anaphoric_city():
    text = "Providence is a city. Last year the city received $630,000 in Byrne JAG grants."
    (record,) = records(text, [place(text, "Providence", "Providence", "RI")])
    assert record["refers_to"].startswith("Byrne JAG")
    assert record["jurisdiction"] == "Providence, RI"


def test_bail():
    text = "Her sister tried to post the $500 of her $5,000 bail."
    assert [r["refers_to"] for r in records(text)] == ["bail", "bail"]


def test_long_text_without_breaks_is_fast():
    text = ("$5 " + "9" * 50 + " dollars and ") * 20000 + "x" * 1_000_000
    started = time.monotonic()
    find_amounts(text, [])
    assert time.monotonic() - started < 10


def test_digits_run_is_linear():
    started = time.monotonic()
    assert find_amounts("1" * 2_000_000 + " dollars", []) == []
    assert time.monotonic() - started < 10


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_spans_point_at_text_and_never_raise(text):
    for amount in find_amounts(text, []):
        assert text[amount.start : amount.end] == amount.to_record()["text"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "$",
                "5",
                ",",
                "000",
                " million",
                " dollars",
                " to ",
                "-",
                ".",
                "\n",
                "several ",
                "millions of",
            ]
        ),
        max_size=30,
    )
)
def test_money_like_noise(parts):
    text = "".join(parts)
    for amount in find_amounts(text, []):
        record = amount.to_record()
        assert text[amount.start : amount.end] == record["text"]
        assert record["value"] is None or record["value"] >= 0


# Number words, spelled here from their parts (the extractor reads them with number_parser).
_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spelled(n, hyphen="-", hundred_and=False):
    """1 to 999 in English words."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{_ONES[hundreds - 1]} hundred"] if hundreds else []
    if rest:
        if rest < 10:
            words = _ONES[rest - 1]
        elif rest < 20:
            words = _TEENS[rest - 10]
        else:
            tens, ones = divmod(rest, 10)
            words = _TENS[tens - 2] + (hyphen + _ONES[ones - 1] if ones else "")
        parts.append(("and " if hundreds and hundred_and else "") + words)
    return " ".join(parts)


@pytest.mark.parametrize(
    ("scale", "factor"),
    [("", 1), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)],
)
def test_number_words_one_to_999_with_every_scale(scale, factor):
    wrong = []
    for n in range(1, 1000):
        for words in {spelled(n), spelled(n, hyphen=" "), spelled(n, hundred_and=True)}:
            phrase = f"{words} {scale}".strip() + " dollars"
            got = records(f"The county was paid {phrase} last year.")
            if [(r["text"], r["value"]) for r in got] != [(phrase, n * factor)]:
                wrong.append((phrase, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("They won twenty-five million dollars.", "twenty-five million dollars", 25_000_000),
        ("They won fourteen million dollars.", "fourteen million dollars", 14_000_000),
        ("Twenty-Five Million Dollars was paid.", "Twenty-Five Million Dollars", 25_000_000),
        ("It cost a hundred dollars.", "a hundred dollars", 100),
        ("It cost one hundred and five dollars.", "one hundred and five dollars", 105),
        (
            "It cost two million five hundred thousand dollars.",
            "two million five hundred thousand dollars",
            2_500_000,
        ),
        ("It won a five-million-dollar grant.", "five-million-dollar", 5_000_000),
        ("It won 1.2 million dollars.", "1.2 million dollars", 1_200_000),
        ("It won $1.2 million.", "$1.2 million", 1_200_000),
        ("It won $4 billion.", "$4 billion", 4_000_000_000),
        ("It owes $2 trillion.", "$2 trillion", 2_000_000_000_000),
        (
            "The city stands to lose seventeen million in federal grants.",
            "seventeen million in federal grants",
            17_000_000,
        ),
        ("It may lose 2.5 billion in federal funding.", "2.5 billion in federal funding", 2.5e9),
        ("It pays $5 million annually.", "$5 million annually", 5_000_000),
        ("Now $549 Plus $50 Dell eGift Card", "$50", 50),
        ("It was $38,373 a year ago.", "$38,373", 38_373),
        ("It costs $4.99 per month.", "$4.99 per month", 4.99),
        ("It pays 5 million dollars a year.", "5 million dollars a year", 5_000_000),
    ],
)
def test_words_and_mixed_forms(text, surface, value):
    record = records(text)[-1]
    assert (record["text"], record["value"]) == (surface, value)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("It lost two to three million dollars.", "two to three million dollars", 2e6, 3e6),
        (
            "It lost between ten and fifteen million dollars.",
            "between ten and fifteen million dollars",
            1e7,
            1.5e7,
        ),
        ("It lost 10-20 million dollars.", "10-20 million dollars", 1e7, 2e7),
    ],
)
def test_ranges_in_words_and_digits(text, surface, low, high):
    (record,) = records(text)
    assert (record["text"], record["value"], record["high"]) == (surface, low, high)


def test_and_without_between_is_no_range():
    assert [r["text"] for r in records("It paid five and six dollars.")] == ["six dollars"]


_PIECES = ["$", "US", "USD", "5", "1,000", "2.5", "٣", "between", "a", "an", "half", "xhalf",
           "two", "twenty", "hundred", "thousand", "million", "millions", "dollars", "in",
           "federal", "grants", "several", "a few", "tens", "of", "hundreds", "cost", "risk",
           "pay", "owe", "ſeveral", "İn", "DOLLARS", "annually", "a year", "ago", "x", "M",
           "bn", "U.S.", "to", "and", "-", ",", "."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "-"])), max_size=14))
def test_opening_look_changes_no_match(pieces):
    """The look at an amount's first word only skips positions: the matches are those
    of the forms without it."""
    import re

    from sanctuary_tracker.extract import money

    text = "".join(word + gap for word, gap in pieces)
    plain = re.compile(money._AMOUNT.pattern.replace(money._OPENING, "", 1), re.I)
    assert plain.pattern != money._AMOUNT.pattern
    expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
    assert [(m.span(), m.groups()) for m in money._AMOUNT.finditer(text)] == expected


def test_a_scale_word_hyphened_to_the_number():
    text = "Chicago stands to lose $3.2-million, and between $1-million and $2-million more."
    found = [(a["text"], a["value"]) for a in records(text)]
    assert found[0] == ("$3.2-million", 3200000)
    assert found[1][1] == 1000000


@pytest.mark.parametrize(
    ("text", "sums", "one_range"),
    [
        # "and" without "between" joins two sums
        (
            "It got $5 million and $7 million in grants.",
            [("$5 million", 5_000_000), ("$7 million", 7_000_000)],
            ("It got between $5 million and $7 million.", 5_000_000, 7_000_000),
        ),
        # a fall from one sum to a smaller, each with its sign, is no range
        (
            "Profit fell from $47 billion to $8 billion.",
            [("$47 billion", 47_000_000_000), ("$8 billion", 8_000_000_000)],
            ("It got $1 to $2 million.", 1_000_000, 2_000_000),
        ),
    ],
)
def test_two_sums_beside_a_range(text, sums, one_range):
    assert [(a["text"], a["value"]) for a in records(text)] == sums
    range_text, low, high = one_range
    (one,) = records(range_text)
    assert (one["value"], one["high"]) == (low, high)


def test_a_rate_keeps_its_digits():
    assert [a["value"] for a in records("The euro rose to $1.1075 on Monday.")] == [1.1075]
