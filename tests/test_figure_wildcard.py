"""A lone "$" in a phrase matches one figure, no duration: `own_whole_front: ["of $"]` tells a
sentence that opens on a whole of its own ("Of last year's £36m turnover, £14.5m came from
exports") from one that opens on the total told before ("Of the total, …")."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-of-amount
    title: An amount right after a word
    languages: all
    pattern:
      - "of the $"
      - {gap: 6}
      - {fig: money, as: a}
    check: {stated: a, expected: "0 * a"}
    message: "{a}"
"""


def _found(house: Callable, text: str) -> list[str]:
    return [f.rule for f in house(HOUSE, text, "en")]


def test_a_dollar_matches_a_figure(house: Callable) -> None:
    assert _found(house, "Of the £36m turnover, exports made £14.5m.") == ["house-of-amount"]


def test_a_dollar_matches_no_word_nor_duration(house: Callable) -> None:
    assert _found(house, "Of the total, exports made £14.5m.") == []
    assert _found(house, "Of the nine months, exports made £14.5m.") == []


def test_a_sentence_opening_on_its_own_whole_gives_no_parts(house: Callable) -> None:
    from factcheck.checks import check_text
    from factcheck.rules import load
    rules = [r for r in load() if r.id == "parts-listed-after-total"]
    before = "The deal is worth £48m.\n\n"
    own = check_text(before + "Of last year's £36m turnover, £14.5m came from the Republic.", rules=rules)
    told = check_text(before + "Of the total, exports brought in £36m and the home market £14.5m.", rules=rules)
    assert [f.verdict for f in own.findings] == []
    assert [f.verdict for f in told.findings] == ["inconsistent"]
