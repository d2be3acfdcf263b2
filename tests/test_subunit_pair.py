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
