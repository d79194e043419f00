"""text.sentences: the splitter's break pattern and the sentences' offsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctuary_tracker.text import sentences as splitter

_PIECES = ["Walsh", "said", "Sen.", "U.S.", "J.", "it", ".", "!", "?", '"', "”", "’", ")", "]",
           "“", "(", "[", " ", "  ", "\t", "\n", "\n\n", "\u00a0", "5", "A", "a", "x."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_break_pattern_finds_the_plain_alternations_breaks(pieces):
    """The break pattern opens with one class of characters (for speed); its matches are
    those of the plain alternation of a line break and a terminal mark."""
    text = "".join(pieces)
    plain = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n")
    assert [m.span() for m in splitter._BREAK.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_sentences_are_their_texts_stripped_slices(pieces):
    text = "".join(pieces)
    found = list(splitter.iter_sentences(text))
    for sentence in found:
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip() != ""
    assert [s.start for s in found] == sorted(s.start for s in found)
