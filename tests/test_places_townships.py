"""The document's state is no evidence for a township of no known size when a city of some
size elsewhere has the name ("Wheaton" in a story that names North Dakota is not the North
Dakota township); it still places a name whose namesakes are all small, and a city."""

from __future__ import annotations

from sanctuary_tracker.places.resolve import resolve_places


def _placed(text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.jurisdiction.state, m.jurisdiction.kind) for m in resolve_places(text)}


def test_a_township_does_not_take_a_citys_name_by_the_documents_state():
    text = (
        "Officials in North Dakota said the rule would stand. The council in Wheaton "
        "adopted a similar rule."
    )
    assert "Wheaton" not in _placed(text)


def test_the_documents_state_still_places_small_namesakes_and_cities():
    text = (
        "Officials in North Dakota said the rule would stand. The council in Melvin "
        "adopted a similar rule."
    )
    assert _placed(text)["Melvin"] == ("ND", "township")
    text = "Officials in Maine said the rule would stand. The council in Portland agreed."
    assert _placed(text)["Portland"] == ("ME", "city")
