"""Product models named with a number (common.yaml ``model_names``) are names, no figures:
"the 210 Boeing 737 jets it ordered" counts 210 jets, not 737, and no parts-and-rest rule
reads "737" as a part of the 210."""
from __future__ import annotations

import factcheck
from factcheck.checks import check_text


def _figs(text: str, language: str = "en") -> list[tuple[str, float]]:
    return [(f.text, round(f.value, 6)) for f in factcheck.extract(text, language=language)]


def test_an_aircraft_model_is_no_count() -> None:
    text = ('Ryanair has so far received 181 of the 210 Boeing 737 "Gamechanger" jets it ordered '
            "and expects the remaining 29 to arrive before the summer.")
    assert [t for t, _ in _figs(text)] == ["181", "210", "29"]


def test_a_model_variant_and_other_languages() -> None:
    assert [t for t, _ in _figs("La compagnie exploite 42 Airbus 320 et 12 ATR 72.", "fr")] == ["42", "12"]
    assert [t for t, _ in _figs("Die Airline bestellt 30 Boeing 787 und 15 Boeing 737-Max.", "de")] == ["30", "15"]


def test_a_count_after_the_maker_alone_stays_a_figure() -> None:
    # "Boeing 150 aircraft" names no model: the number is a count
    assert [t for t, _ in _figs("The airline ordered from Boeing 150 aircraft worth $15bn.")][:1] == ["150"]


def test_no_part_and_rest_on_a_model_number() -> None:
    report = check_text('Ryanair has so far received 181 of the 210 Boeing 737 "Gamechanger" jets it ordered '
                                  "and expects the remaining 29 to arrive before the summer.", language="en")
    assert not [f for f in report.findings if f.verdict == "inconsistent"]
