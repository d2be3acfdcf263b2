"""German "gut 450.000 Euro" (a good 450,000) is a little above the figure, up to a tenth
(common.yaml hedge_semantics: a_good), not every value above it as "mehr als" allows; and in
German and Dutch a compound ending in a counted noun is a count too (lexicon
``count_noun_compounds``: "1,9 Millionen Spitalsaufenthalte"), taking no currency from an
amount before it."""
from __future__ import annotations

import pytest

import factcheck


def test_gut_is_a_good_bit_above() -> None:
    f = next(f for f in factcheck.extract("Das sind gut 450.000 Euro je Kilometer.", language="de") if f.kind == "money")
    assert f.hedge == "a_good"
    assert f.low == 450_000 and f.high == pytest.approx(495_000)


def test_mehr_als_stays_open() -> None:
    f = next(f for f in factcheck.extract("Das sind mehr als 450.000 Euro je Kilometer.", language="de") if f.kind == "money")
    assert f.hedge == "more_than" and f.high == float("inf")


@pytest.mark.parametrize("text, lang", [
    ("Die Kosten stiegen auf 15,8 Milliarden Euro. Es gab 1,9 Millionen Spitalsaufenthalte.", "de"),
    ("De kosten stegen naar 15,8 miljard euro. Er zijn 2,1 miljoen huurwoningen.", "nl"),
])
def test_compound_count_noun_is_a_count(text: str, lang: str) -> None:
    figs = factcheck.extract(text, language=lang)
    assert figs[-1].kind == "number" and figs[-1].unit in (None, "")


def test_compounds_only_where_the_lexicon_says() -> None:
    # Spanish sets no count_noun_compounds: an unknown noun leaves the amount elliptical
    figs = factcheck.extract("Las ventas sumaron 15 millones de euros. Se vendieron 2 millones de superbotellones.", language="es")
    assert figs[-1].kind == "money"
