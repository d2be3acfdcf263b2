"""A lone "#" in a phrase matches a duration only ("nach neun Monaten", "after 9 months"),
where a lone "*" matches any word too: `versus_except: ["nach #"]` keeps "nach" before a
duration, which tells a time, from reading as "nach 8,0 Mrd. im Vorjahr"."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-after-duration
    title: A duration after a word
    languages: all
    pattern:
      - "after #"
      - {gap: 3}
      - {fig: money, as: a}
    check: {stated: a, expected: "0 * a"}
    message: "{a}"
"""


def _found(house: Callable, text: str) -> list[str]:
    return [f.rule for f in house(HOUSE, text, "en")]


def test_a_hash_matches_a_duration(house: Callable) -> None:
    assert _found(house, "Orders fell, and after nine months they stood at $8.1bn.") == ["house-after-duration"]
    assert _found(house, "Orders fell, and after 9 months they stood at $8.1bn.") == ["house-after-duration"]


def test_a_hash_matches_no_other_word(house: Callable) -> None:
    assert _found(house, "Orders fell, and after that they stood at $8.1bn.") == []


def test_versus_before_a_duration_is_no_base(house: Callable) -> None:
    from factcheck.checks import check_text
    text = "Der Auftragseingang sank im dritten Quartal um 7 Prozent auf 2,6 Milliarden Euro, nach neun Monaten lag er mit 8,1 Milliarden Euro um 3 Prozent unter dem Vorjahr."
    assert [f.verdict for f in check_text(text, language="de").findings if f.verdict == "inconsistent"] == []
