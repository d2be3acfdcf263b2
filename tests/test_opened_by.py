"""A pick's `opened_by`: only a figure whose sentence opens (quotes, dashes and one leading
duration aside before it) with one of the phrases: a base told in a sentence of its own that
opens on an earlier time ("A year earlier, it had made £318m"). Its malformed form is among
tests/test_rules.py's BAD rules."""
from __future__ import annotations

from collections.abc import Callable

RULE = """rules:
  - id: house-earlier
    title: Earlier base
    languages: all
    pattern:
      - {fig: percent, as: p}
    with:
      a: {fig: money, in: paragraph, anchor: p, opened_by: ["@earlier_front"], pick: first}
      b: {fig: money, in: paragraph, position: before, anchor: a, pick: nearest}
    check: {stated: p, expected: (b / a - 1) * 100, tolerance: 2%}
    message: "{p} from {a} to {b}"
"""


def _findings(house: Callable, text: str) -> list[tuple[str, str]]:
    return [(f.verdict, f.message) for f in house(RULE, text, "en")]


def test_base_in_a_sentence_opened_by_the_phrase(house: Callable) -> None:
    text = "Profit rose to £352m. A year earlier, it had made £318m. That is up 25%.\n"
    assert _findings(house, text) == [("inconsistent", "25% from £318m to £352m")]


def test_the_phrase_inside_the_sentence_does_not_open_it(house: Callable) -> None:
    text = "Profit rose to £352m. It had made £318m a year earlier. That is up 25%.\n"
    assert _findings(house, text) == []
