"""What keeps the resolver's and the gazetteer's memory small gives the results of the
plain way: the automaton run a stretch at a time, qualifier spans held as merged spans,
the words kept after a match's cues are read, the gazetteer's shared strings."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from sanctuary_tracker.places import gazetteer as gazetteer_module
from sanctuary_tracker.places import matching
from sanctuary_tracker.places.automaton import gazetteer_automaton, scan
from sanctuary_tracker.places.folding import marked
from sanctuary_tracker.places.gazetteer import Jurisdiction, load_gazetteer
from sanctuary_tracker.places.matches import Spans
from sanctuary_tracker.places.resolve import resolve_places

_JOINERS = (", ", " and ", " said ", ".\n", " County ", " of ", "-", " ", ", Mass., ")


def _dense_text(count: int = 1500) -> str:
    """Gazetteer names one after another, joined as prose joins them: a name at nearly every
    cut a stretch could make, and longer names running over the shorter ones inside them."""
    rows = sorted(load_gazetteer(), key=lambda j: j.geoid)[:: max(1, 39_000 // count)]
    return "".join(j.name + _JOINERS[i % len(_JOINERS)] for i, j in enumerate(rows))


def test_a_scan_in_stretches_finds_what_one_scan_finds():
    automaton = gazetteer_automaton(load_gazetteer())
    text = marked(_dense_text())
    whole = list(automaton.iter_long(text))
    assert len(whole) > 1000
    for stretch in (1, 5, 64, 997, 10_000):
        assert list(scan(automaton, text, stretch)) == whole, stretch


def test_stretches_cut_anywhere_would_lose_names():
    """The test above can fail: cutting at fixed places breaks names."""
    automaton = gazetteer_automaton(load_gazetteer())
    text = marked(_dense_text())
    whole = list(automaton.iter_long(text))
    cut = [
        (start + end, value)
        for start in range(0, len(text), 5)
        for end, value in automaton.iter_long(text[start : start + 5])
    ]
    assert cut != whole


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12))
def test_spans_hold_the_offsets_of_their_spans(spans):
    spans = [(start, start + length) for start, length in spans]
    every = {i for a, b in spans for i in range(a, b)}
    held = Spans(spans)
    assert [i for i in range(-2, 80) if i in held] == sorted(every)


def test_words_left_out_after_the_cues_are_not_read_again(monkeypatch):
    """A long text's matches keep only the words the resolver reads once their cues are
    read (the word before a name, three either side of "Washington"): resolved as a short
    text is, with every word kept."""
    datelines = (
        "CHAMBERSBURG - The borough council met.\n"
        "Lawmakers in Washington state passed a law. The state of Washington agreed.\n"
        "DENVER (AP) — The city council voted. Officials in Washington, D.C., objected.\n"
    )
    texts = [_dense_text(), datelines]
    whole = [_mentions(text) for text in texts]
    monkeypatch.setattr(matching, "LARGE_TEXT", 0)  # every text taken for a long one
    assert [_mentions(text) for text in texts] == whole
    named = {(m.jurisdiction.name, m.jurisdiction.state) for m in resolve_places(datelines)}
    assert {("Chambersburg", "PA"), ("Washington", "WA"), ("Denver", "CO")} <= named


def _mentions(text: str) -> list[tuple]:
    return [
        (m.start, m.end, m.text, m.jurisdiction.geoid, m.confidence, m.reason)
        for m in resolve_places(text)
    ]


def test_the_gazetteer_shares_its_repeated_strings():
    rows = list(load_gazetteer())
    for field in ("kind", "state", "county_geoid", "name", "legal_name"):
        values = [getattr(j, field) for j in rows if getattr(j, field)]
        assert len({id(v) for v in values}) == len(set(values)), field
    names = [name for j in rows for name in (j.name, j.legal_name)]
    assert len({id(v) for v in names}) == len(set(names))


def test_the_reader_sets_every_field():
    assert tuple(f.name for f in fields(Jurisdiction)) == gazetteer_module._FIELDS
