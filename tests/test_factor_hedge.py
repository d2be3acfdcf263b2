"""A pick's `not_preceded_by` does not read the hedge of a factor of change written between:
"more than doubled to $13.51bn" has its "more than" bound the factor, not the level reached,
which stays a candidate. A hedged fraction is no factor: "more than half of it, €1.52bn" tells
the amount itself as more than a part."""
from __future__ import annotations

from collections.abc import Callable

RULE = """rules:
  - id: house-level
    title: Level before a rival
    languages: all
    pattern:
      - "@overtake"
      - {gap: 4, stop: [";", "."]}
      - ","
      - "@relative"
      - {gap: 4, stop: [",", ";", "."]}
      - {fig: money, as: w}
    with:
      v: {fig: money, in: document, position: before, anchor: w, pick: largest,
          not_preceded_by: ["@versus", "@change_from", "@comparative"], where: "unit(v) == unit(w)"}
    check: {stated: bare(v), relation: ">", expected: bare(w)}
    message: "{v} ahead of {w}"
"""


def _findings(house: Callable, text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(f.verdict, f.message) for f in house(RULE, text, lang)]


def test_level_after_a_hedged_factor_is_a_candidate(house: Callable) -> None:
    text = ("Data-centre sales reached $10.3bn. Total revenue more than doubled to $13.5bn from $6.7bn. "
            "It overtook Intel, which reported $12.9bn.\n")
    assert _findings(house, text) == [("consistent", "$13.5bn ahead of $12.9bn")]


def test_a_bound_amount_is_still_no_candidate(house: Callable) -> None:
    text = ("Data-centre sales reached $10.3bn. Total revenue came to more than $13.5bn. "
            "It overtook Intel, which reported $12.9bn.\n")
    assert _findings(house, text) == [("inconsistent", "$10.3bn ahead of $12.9bn")]


def test_a_hedged_fraction_still_bounds_the_amount(house: Callable) -> None:
    text = ("Online sales reached $10.3bn. Stores brought in more than half, $13.5bn. "
            "It overtook Intel, which reported $12.9bn.\n")
    assert _findings(house, text) == [("inconsistent", "$10.3bn ahead of $12.9bn")]
