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
