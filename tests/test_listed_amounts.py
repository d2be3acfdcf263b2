"""Bare numbers listed before a scaled amount take its scale and currency (figures._listed_amounts)."""
from __future__ import annotations

import factcheck


def _figs(text: str, lang: str) -> list[tuple[str, str, float, str | None]]:
    return [(f.text, f.kind, f.value, f.unit) for f in factcheck.extract(text, language=lang)]


def test_number_before_scaled_amount_shares_scale_and_currency() -> None:
    figs = _figs("Dahinter folgen Borussia und Eintracht mit 365 beziehungsweise 371 Millionen Euro.", "de")
    assert figs[0] == ("365", "money", 365e6, "EUR")
    assert figs[1][1:] == ("money", 371e6, "EUR")


def test_list_with_commas_and_joiner() -> None:
    figs = _figs("Les sites ont coûté 3, 4 et 5 milliards de dollars.", "fr")
    assert [(f[1], f[2], f[3]) for f in figs] == [("money", 3e9, "USD"), ("money", 4e9, "USD"), ("money", 5e9, "USD")]


def test_year_and_far_numbers_are_left_alone() -> None:
    # a year is no amount of the list; a number far from the amount is another measure
    assert all(f[0] != "2019" or f[1] != "money" for f in _figs("In 2019 and 2.1 million euros.", "en"))
    assert _figs("The 4 and 371 million euros.", "en")[0][1] == "number"
