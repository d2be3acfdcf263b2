"""A 'nearly' hedge ("près de 58 %", "nearly 58%", "bijna 58 procent") reaches up to the
rounding its digits allow, at most 1 % above the value: a writer rounds 58.4 to 58, then
hedges it; "nearly 3bn" (written digits 2.7 to 3.3) stays no more than 1 % above 3bn
(common.yaml hedge_semantics: nearly, high "v+1%")."""
from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize("text, lang", [
    ("Rome a encaissé près de 58 % de l'enveloppe.", "fr"),
    ("Rome has drawn nearly 58% of the envelope.", "en"),
    ("Rom hat fast 58 Prozent der Mittel abgerufen.", "de"),
    ("Rome ontving bijna 58 procent van het budget.", "nl"),
    ("Roma ha cobrado casi el 58 % de los fondos.", "es"),
])
def test_nearly_reaches_the_written_rounding(text: str, lang: str) -> None:
    f = next(f for f in factcheck.extract(text, language=lang) if f.kind == "percent")
    assert f.hedge == "nearly"
    assert f.high == pytest.approx(58.5) and f.low == pytest.approx(58 * 0.94)


def test_nearly_a_scaled_digit_stays_close_above() -> None:
    f = next(f for f in factcheck.extract("It cost nearly €3bn.", language="en") if f.kind == "money")
    assert f.hedge == "nearly"
    assert f.high == pytest.approx(3.03e9)


def test_nearly_58_percent_of_a_total_is_not_flagged() -> None:
    text = ("Le plan atteint 194,4 milliards d'euros. Rome a encaissé jusqu'ici 113,5 milliards, "
            "soit près de 58 % de l'enveloppe.")
    verdicts = {f.verdict for f in factcheck.check(text, language="fr").findings
                if f.rule == "part-as-percent-of-total"}
    assert verdicts and "inconsistent" not in verdicts


def test_nearly_is_still_one_sided_for_the_tolerance() -> None:
    """"bijna 280" is [263.2, 280.5]: a gap below it is measured from its low end (263.2), as
    when its interval stopped at 280, not from the printed 280 (checks._verdict)."""
    from factcheck.checks import _verdict
    from factcheck.intervals import Amount, Interval

    stated = Amount(Interval(263.2, 280.5), 280.0, "EUR")
    expected = Amount(Interval(260.0, 261.0), 260.5, "EUR")
    verdict, _, _ = _verdict("==", stated, expected, 0.02)
    assert verdict == "approximate"
