"""The shipped codebook is complete and valid; malformed files fail with a clear message."""

from __future__ import annotations

import json

import pytest

from sanctuary_tracker.extract.codebook import CodebookError, load_codebook, parse_codebook

EXPECTED = [f"P{n:02d}" for n in range(1, 18)] + ["P01a"]


def test_shipped_codebook_has_every_provision():
    codebook = load_codebook()
    assert sorted(codebook.provisions) == sorted(EXPECTED)
    for provision in codebook.provisions.values():
        assert provision.id and provision.name and provision.basis
        assert provision.value_type in {"bool", "enum", "set", "multi_enum"}
        assert provision.allowed_values
    assert codebook["P01"].allowed_values == (
        "honor_all", "honor_with_exceptions", "judicial_warrant_or_order_only", "decline_all", "unknown",
    )  # fmt: skip
    assert codebook["P04"].value_type == "bool"
    assert codebook["P10"].allowed_values == ("JEM", "TFM", "WSO")
    assert codebook["P16"].allows("mandates_287g") and not codebook["P16"].allows("maybe")
    assert codebook["P10"].allows([]) and codebook["P10"].allows(["JEM", "TFM"])
    assert not codebook["P04"].allows("yes")


GOOD = {
    "id": "P01",
    "name": "Detainer",
    "value_type": "bool",
    "allowed_values": [True, False],
    "basis": "x",
}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "'provisions' list"),
        (json.dumps({"provisions": []}), "empty"),
        (json.dumps({"provisions": [{**GOOD, "name": ""}]}), "name must be"),
        (
            json.dumps({"provisions": [{k: v for k, v in GOOD.items() if k != "value_type"}]}),
            "missing value_type",
        ),
        (json.dumps({"provisions": [{**GOOD, "value_type": "number"}]}), "value_type 'number'"),
        (
            json.dumps({"provisions": [{**GOOD, "allowed_values": [True]}]}),
            r"exactly \[true, false\]",
        ),
        (
            json.dumps({"provisions": [{**GOOD, "value_type": "enum", "allowed_values": []}]}),
            "non-empty list",
        ),
        (
            json.dumps(
                {"provisions": [{**GOOD, "value_type": "enum", "allowed_values": ["a", "a"]}]}
            ),
            "duplicates",
        ),
        (json.dumps({"provisions": [{**GOOD, "id": "X1"}]}), "is not of the form"),
        (json.dumps({"provisions": [GOOD, GOOD]}), "duplicate id 'P01'"),
        (json.dumps({"provisions": ["P01"]}), "expected an object"),
    ],
)
def test_malformed_codebook_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "codebook.json"
    path.write_text(content)
    with pytest.raises(CodebookError, match=message) as raised:
        load_codebook(path)
    assert str(path) in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(CodebookError, match="cannot read codebook"):
        load_codebook(tmp_path / "nope.json")


def test_parse_good():
    codebook = parse_codebook(json.dumps({"version": "1", "provisions": [GOOD]}))
    assert codebook["P01"].allows(True)
