"""Cohen's kappa and percent agreement against examples worked by hand."""

from __future__ import annotations

import pytest

from sanctuary_tracker.store.agreement import cohens_kappa, percent_agreement


def test_kappa_of_a_worked_example():
    # 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15.
    # p_o = 35/50 = 0.7; A says yes 25/50, B 30/50; p_e = 0.5*0.6 + 0.5*0.4 = 0.5;
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohens_kappa(a, b) == pytest.approx(0.4)


def test_kappa_with_three_values():
    # 6 items; agree on items 1, 2, 4, 5 (p_o = 24/36). A: x3 y2 z1, B: x3 y3 z0;
    # p_e = (3*3 + 2*3 + 1*0) / 36 = 15/36; kappa = (24 - 15) / (36 - 15) = 3/7.
    a = ["x", "x", "x", "y", "y", "z"]
    b = ["x", "x", "y", "y", "y", "x"]
    assert cohens_kappa(a, b) == pytest.approx(3 / 7)


def test_kappa_limits():
    assert cohens_kappa(["a", "b"], ["a", "b"]) == 1.0
    assert cohens_kappa(["a", "b"], ["b", "a"]) == -1.0
    assert cohens_kappa(["a", "a"], ["a", "a"]) is None  # chance agreement is certain
    with pytest.raises(ValueError):
        cohens_kappa(["a"], ["a", "b"])
    with pytest.raises(ValueError):
        percent_agreement([], [])
