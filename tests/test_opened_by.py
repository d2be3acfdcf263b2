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


RULE_NOT = """rules:
  - id: house-not-earlier
    title: Whole of a part
    languages: all
    pattern:
      - {fig: money, as: part}
      - ","
      - {fig: number, as: f}
    with:
      total: {fig: money, in: paragraph, position: before, anchor: part, not_opened_by: ["@earlier_front"], pick: nearest}
    check: {stated: bare(part) / bare(total), expected: f, tolerance: 2%}
    message: "{part} of {total}"
"""


def test_not_opened_by_skips_a_sentence_opened_by_the_phrase(house: Callable) -> None:
    text = "Sales reached £900m. A year earlier, they had been £600m. Exports were £300m, a third.\n"
    assert [(f.verdict, f.message) for f in house(RULE_NOT, text, "en")] == [("consistent", "£300m of £900m")]
    # without the key the nearest total, the base of the year before, is read: 300 / 600 is no third
    assert [f.verdict for f in house(RULE_NOT.replace('not_opened_by: ["@earlier_front"], ', ""), text, "en")] == ["inconsistent"]
