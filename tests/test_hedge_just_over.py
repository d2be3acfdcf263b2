"""A 'just over' hedge ("just over £42,000", "un peu plus de", "etwas mehr als", "iets meer dan",
"algo más de") is a little above the figure, as 'just under' (nearly) is a little below it:
(v, v + 5 %], not every value above v (common.yaml hedge_semantics: just_over)."""
from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize("text, lang", [
    ("It costs just over £42,000 a place.", "en"),
    ("Cela coûte un peu plus de 42 000 euros par place.", "fr"),
    ("Das kostet etwas mehr als 42.000 Euro pro Platz.", "de"),
    ("Dat kost iets meer dan 42.000 euro per plaats.", "nl"),
    ("Cuesta algo más de 42.000 euros por plaza.", "es"),
])
def test_just_over_is_a_little_above(text: str, lang: str) -> None:
    f = next(f for f in factcheck.extract(text, language=lang) if f.kind == "money")
    assert f.hedge == "just_over"
    assert f.low == 42_000 and f.high == pytest.approx(44_100)


def test_more_than_stays_open() -> None:
    f = factcheck.extract("It costs more than £42,000 a place.", language="en")[0]
    assert f.hedge == "more_than" and f.high == float("inf")


@pytest.mark.parametrize("text, lang", [
    ("Provisions nearly halved, from €780m to €412m.", "en"),
    ("Die Vorsorge hat sich nahezu halbiert, von 780 auf 412 Millionen Euro.", "de"),
    ("Die Vorsorge halbierte sich nahezu, von 780 auf 412 Millionen Euro.", "de"),
])
def test_nearly_halved_is_a_little_above_one_half(text: str, lang: str) -> None:
    """A near hedge on a divisor reads on its reciprocal: nearly divided by two is a factor
    in [1/2, 1/1.88], not a little below one half (figures._divisor_hedge)."""
    f = next(f for f in factcheck.extract(text, language=lang) if f.unit == "x")
    assert f.hedge == "nearly"
    assert f.low == pytest.approx(0.5) and f.high == pytest.approx(1 / 1.88)


def test_more_than_halved_stays_below_one_half() -> None:
    f = next(f for f in factcheck.extract("Profit more than halved, from €405m to €180m.", language="en") if f.unit == "x")
    assert f.high == 0.5 and f.low == float("-inf")
