"""Agreement between two coders who coded the same items: percent agreement and Cohen's
kappa, kappa = (p_o - p_e) / (1 - p_e), where p_o is the share of items on which they
agree and p_e the agreement expected by chance from each coder's own value shares.
Pure Python, no database."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def percent_agreement(first: Sequence, second: Sequence) -> float:
    """Share of items (0..1) on which both coders gave the same value."""
    _same_length(first, second)
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)


def cohens_kappa(first: Sequence, second: Sequence) -> float | None:
    """Cohen's kappa of two coders' values for the same items, in order. None when it is
    undefined: chance agreement is certain (both coders used one and the same value)."""
    _same_length(first, second)
    n = len(first)
    observed = percent_agreement(first, second)
    shares_a, shares_b = Counter(first), Counter(second)
    expected = sum(shares_a[v] * shares_b[v] for v in shares_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def _same_length(first: Sequence, second: Sequence) -> None:
    if len(first) != len(second) or not first:
        raise ValueError("agreement needs the same non-empty list of items from both coders")
