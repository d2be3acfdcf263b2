"""A slot's `not_after` skips a phrase that is only the hedge of another figure before the
slot's: in "about 8.1 million acres, yielding 38 bushels an acre" the "about" qualifies the
acres, it is no aside ("or about …") before the 38."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """\
rules:
  - id: house-change
    title: Change
    languages: all
    pattern:
      - {fig: [number, quantity], as: b, not_after: ["@equivalent"]}
      - {gap: 6}
      - "@versus"
      - {fig: [number, quantity], as: a}
      - {gap: 8}
      - {fig: percent, unit: "%", as: p}
    check: {stated: abs(p), expected: abs((b / a - 1) * 100), tolerance: 2%}
    message: "{p} as the change from {a} to {b}"
    examples:
      - {text: "Farmers expect 38 bushels an acre, compared with 35 bushels last year, a 20% improvement.", verdict: inconsistent}
"""


def test_hedge_of_an_earlier_figure_does_not_bar(house: Callable) -> None:
    text = "Farmers expect to cut about 8.1 million acres, yielding 38 bushels an acre, compared with 35 bushels last year, a 20% improvement."
    msgs = [f.message for f in house(HOUSE, text)]
    assert msgs == ["20% as the change from 35 to 38"], msgs


def test_phrase_before_the_slot_figure_still_bars(house: Callable) -> None:
    # the hedge of the figure itself, a conversion aside: still barred
    text = "Farmers expect about 38 bushels an acre, compared with 35 bushels last year, a 20% improvement."
    assert [f.message for f in house(HOUSE, text)] == []
