"""A pick's `not_followed_by`: no candidate right before one of the phrases: a count of the
instalments an amount is paid in ("paid in three instalments") is no count it is shared by."""
from __future__ import annotations

from collections.abc import Callable

RULE = """rules:
  - id: house-per-head
    title: Per head
    languages: all
    pattern:
      - {fig: money, as: per}
      - "per pensioner"
    with:
      n: {fig: number, in: document, position: before, anchor: per, pick: nearest}
      total: {fig: money, in: document, position: before, anchor: per, pick: first}
      other: {absent: true, fig: number, in: sentence, anchor: per, not_followed_by: ["@instalments"]}
    check: {stated: per, expected: total / value(n), tolerance: 2%}
    message: "{per} as {total} over {n}"
"""


def _findings(house: Callable, text: str) -> list[tuple[str, str]]:
    return [(f.verdict, f.message) for f in house(RULE, text, "en")]


def test_a_count_of_instalments_is_passed_over(house: Callable) -> None:
    text = "The scheme costs £2.1bn. 1.4 million pensioners qualify. It pays £1,700 per pensioner, in three instalments.\n"
    assert _findings(house, text) == [("inconsistent", "£1,700 as £2.1bn over 1.4 million")]


def test_another_count_still_counts(house: Callable) -> None:
    text = "The scheme costs £2.1bn. 1.4 million pensioners qualify. It pays £1,700 per pensioner, for three million people.\n"
    assert _findings(house, text) == []
