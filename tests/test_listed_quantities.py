"""Bare numbers listed after a quantity, in its sentence, take its unit (figures._listed_quantities)."""
from __future__ import annotations

import factcheck


def _figs(text: str, lang: str) -> list[tuple[str, str, float, str | None]]:
    return [(f.text, f.kind, f.value, f.unit) for f in factcheck.extract(text, language=lang)]


def test_numbers_listed_after_a_quantity_take_its_unit() -> None:
    figs = _figs("Andalucía aportó 530.000 toneladas, Castilla-La Mancha 110.000, Extremadura 55.000 y el resto, "
                 "41.000 toneladas.", "es")
    assert [(f[1], f[3]) for f in figs] == [("quantity", "metric_ton")] * 4
    assert figs[1][2] == 110000


def test_number_before_de_and_a_word_takes_the_unit() -> None:
    figs = _figs("Produjo 84.000 toneladas, de las cuales 52.000 toneladas de virgen extra, 21.000 de virgen "
                 "y 27.000 toneladas de lampante.", "es")
    assert figs[2][:2] == ("21.000", "quantity") and figs[2][3] == "metric_ton"


def test_counts_years_far_numbers_and_other_sentences_are_left_alone() -> None:
    # a count of people, a year, a number far from the quantity, a number in the next sentence
    figs = _figs("Die Mühle verarbeitete 84.000 Tonnen, 4.600 Landwirte lieferten.", "de")
    assert figs[1][1] == "number"
    figs = _figs("Es produjo 84.000 toneladas, en 2023, y 12 almazaras cerraron.", "es")
    assert all(f[1] == "number" for f in figs[1:])
    figs = _figs("Het bedrijf verwerkte 84.000 ton. Het telt 310 medewerkers, 12 vestigingen.", "nl")
    assert all(f[1] == "number" for f in figs[1:])


def test_a_scaled_quantity_lends_its_unit_to_no_bare_number() -> None:
    """Whether "5,3 millones de toneladas, 900.000" shares the scale cannot be told: taking
    it would make 900.000 millones of tonnes, so the bare number stays a number."""
    figs = _figs("Andalucía aportó 5,3 millones de toneladas, Extremadura 900.000.", "es")
    assert figs[1][1] == "number" and figs[1][2] == 900000
