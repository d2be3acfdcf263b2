"""An index's level in points is no change in percentage points: no share moves by more than
100 points, so "10.102,1 puntos" is a plain number, which a headline's mark and a change can
be read against, while "2,5 Prozentpunkte" and basis points stay points."""
from __future__ import annotations

from factcheck import extract
from factcheck.checks import check_text


def test_index_levels_are_numbers_and_shares_stay_points() -> None:
    figs = extract("Der DAX schloss bei 20.123 Punkten, nach 19.500 Punkten. Der Marktanteil stieg um 2,5 "
                   "Prozentpunkte, der Leitzins um 150 Basispunkte.", "de")
    assert [(f.text, f.kind, f.unit, f.value) for f in figs] == [
        ("20.123 Punkten", "number", None, 20123.0), ("19.500 Punkten", "number", None, 19500.0),
        ("2,5 Prozentpunkte", "percent", "pp", 2.5), ("150 Basispunkte", "percent", "pp", 1.5)]


def test_a_headline_mark_in_points_against_the_close() -> None:
    text = ("El Ibex 35 supera los 10.500 puntos\n\n"
            "El selectivo cerró el viernes en 10.102,1 puntos, su mejor nivel desde 2008.\n")
    found = [(f.rule, f.verdict) for f in check_text(text, language="es").findings]
    assert ("headline-above-threshold", "inconsistent") in found
    above = check_text(text.replace("10.102,1", "10.612,4"), language="es").findings
    assert not any(f.verdict == "inconsistent" for f in above)
