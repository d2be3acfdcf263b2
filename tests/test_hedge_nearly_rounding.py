"""A 'nearly' figure just above its value ("près de 58 %" where the article's own figures
give 58.4): the hedge says below 58 (DESIGN.md: "près de 26" is just under 26), so the
figure keeps that interval; but a writer who rounded 58.4 to 58 and then hedged it wrote
loosely, not wrongly: the check grades it approximate and says why (checks.ROUNDED_THEN_HEDGED).
Beyond the digits' rounding, or more than 1 % above, it stays inconsistent."""
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
def test_nearly_stays_just_under_its_value(text: str, lang: str) -> None:
    f = next(f for f in factcheck.extract(text, language=lang) if f.kind == "percent")
    assert f.hedge == "nearly"
    assert f.high == pytest.approx(58) and f.low == pytest.approx(58 * 0.94)


def _verdicts(text: str, lang: str, rule: str) -> list[tuple[str, str]]:
    report = factcheck.check(text, language=lang)
    return [(f.verdict, " ".join(f.steps)) for f in report.findings if f.rule == rule]


# 113.5 / 194.4 = 58.38 %: above 58, within the rounding of "58" (58.5)
@pytest.mark.parametrize("text, lang", [
    ("Le plan atteint 194,4 milliards d'euros. Rome a encaissé jusqu'ici 113,5 milliards, soit près de 58 % de l'enveloppe.", "fr"),
    ("The plan is worth €194.4bn. Rome has so far received €113.5bn, or nearly 58% of the envelope.", "en"),
])
def test_nearly_within_the_digits_rounding_is_approximate(text: str, lang: str) -> None:
    got = _verdicts(text, lang, "part-as-percent-of-total")
    assert got and all(v == "approximate" for v, _ in got), got
    assert all(n and "rounded" in n for _, n in got), got


def test_nearly_beyond_the_digits_rounding_is_inconsistent() -> None:
    # 118.5 / 194.4 = 60.96 %: "nearly 58 %" is wrong, not loose
    got = _verdicts("The plan is worth €194.4bn. Rome has so far received €118.5bn, or nearly 58% of the envelope.",
                    "en", "part-as-percent-of-total")
    assert got and all(v == "inconsistent" for v, _ in got), got
