"""A gap steps over the size of the unit a price is told per ("1,59 Euro je
250-Gramm-Packung", "4,50 euros por 100 gramos"), not over another count."""
from __future__ import annotations

from collections.abc import Callable

RULE = """rules:
  - id: change-versus-base
    title: Change against the base
    languages: all
    pattern:
      - {fig: percent, as: p}
      - {gap: 2}
      - {fig: money, as: b}
      - {gap: 4}
      - "@versus"
      - {fig: money, as: a}
    check: {stated: abs(p), expected: abs((b / a - 1) * 100), tolerance: 2%}
    message: "{p} from {a} to {b}"
"""


def _verdicts(house: Callable, text: str, lang: str) -> list[str]:
    return [f.verdict for f in house(RULE, text, lang)]


def test_a_unit_size_after_a_price_is_stepped_over(house: Callable) -> None:
    assert _verdicts(house, "El precio subió un 10 % hasta 4,50 euros por 100 gramos, frente a 3 euros.\n", "es") == ["inconsistent"]
    assert _verdicts(house, "Der Preis stieg um 50 Prozent auf 4,50 Euro je 100 Gramm, nach 3 Euro.\n", "de") == ["consistent"]


def test_a_count_not_after_a_price_still_blocks(house: Callable) -> None:
    assert _verdicts(house, "El precio subió un 10 % hasta 4,50 euros y 100 gramos, frente a 3 euros.\n", "es") == []
