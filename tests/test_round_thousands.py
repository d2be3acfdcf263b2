"""A figure of five digits or more written to the thousand ("118.000 ton", "131,000
passengers") is rounded to the thousand, as "118 thousand" is: [117,500, 118,500). A figure
with a digit below the thousands ("41.200") or under 10,000 ("6000") keeps its written unit."""
from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize("text, lang", [
    ("Er werd 118.000 ton lading afgehandeld.", "nl"),
    ("The port handled 118,000 tonnes of cargo.", "en"),
    ("Der Hafen schlug 118.000 Tonnen Fracht um.", "de"),
    ("Le port a traité 118 000 tonnes de fret.", "fr"),
    ("El puerto movió 118.000 toneladas de carga.", "es"),
])
def test_thousands_are_rounded(text: str, lang: str) -> None:
    f = factcheck.extract(text, language=lang)[0]
    assert f.value == 118_000
    assert f.low == pytest.approx(117_500) and f.high == pytest.approx(118_500)


@pytest.mark.parametrize("text, low, high", [
    ("Kessler beschäftigt 41.200 Menschen.", 41_199.5, 41_200.5),
    ("Die 6000 Betriebe lieferten.", 5_999.5, 6_000.5),
])
def test_other_digits_keep_their_unit(text: str, low: float, high: float) -> None:
    f = factcheck.extract(text, language="de")[0]
    assert f.low == pytest.approx(low) and f.high == pytest.approx(high)


def test_a_change_between_round_thousands_is_not_refuted() -> None:
    # 118/131 - 1 = -9.9 %, but 117,500/131,500 - 1 = -10.6 %: "more than 10 %" may hold
    report = factcheck.check("Er werd 118.000 ton lading afgehandeld, ruim 10 procent minder dan de "
                             "131.000 ton van een jaar eerder.", language="nl")
    assert not [f for f in report.findings if f.verdict == "inconsistent"]
