"""A bare number that takes the currency of a subunit amount after it takes the subunit's factor too."""
from __future__ import annotations

import pytest

import factcheck


def _figs(text: str, lang: str) -> list[tuple[str, float, str | None]]:
    return [(f.kind, f.value, f.unit) for f in factcheck.extract(text, language=lang)]


def test_change_into_cents_starts_in_cents() -> None:
    figs = _figs("Der Gaspreis stieg von 6,8 auf 15,1 Cent je Kilowattstunde.", "de")
    assert figs[0][0] == "money" and figs[0][2] == "EUR"
    assert figs[0][1] == pytest.approx(0.068)
    assert figs[1][1] == pytest.approx(0.151)


def test_change_in_whole_currency_is_unchanged() -> None:
    figs = _figs("Der Preis stieg von 6,8 auf 15,1 Euro.", "de")
    assert figs[0][1] == pytest.approx(6.8) and figs[1][1] == pytest.approx(15.1)


def test_the_next_number_of_a_numbered_list_is_no_cents() -> None:
    # the rows of a numbered list run together on one line: "£54,000 2." numbers the next row
    text = "Fees:\n1. Winchester College - £54,000\n2. Eton College - £52,749\n3. Harrow School - £58,200"
    figs = _figs(text, "en")
    assert [v for k, v, u in figs if k == "money"] == [54000.0, 52749.0, 58200.0]
    assert [v for k, v, u in figs if k == "number"] == [1.0, 2.0, 3.0]
    # a bare whole number after an amount, at the end of its sentence, is still its cents
    assert _figs("Der Eintritt kostet 15 Dollar 50.", "de") == [("money", pytest.approx(15.5), "USD")]


def test_a_symbol_closing_an_amount_opens_none_after_it() -> None:
    # "1,2 Mrd. $" closes its row; the "2." of the next row is its number, no $2
    text = "Die größten Übernahmen 2023\n1. Cisco / Splunk: 28,0 Mrd. $\n2. Thales / Imperva: 1,2 Mrd. $"
    assert _figs(text, "de") == [("number", 1.0, None), ("money", 28e9, "USD"), ("number", 2.0, None), ("money", 1.2e9, "USD")]
