"""The Mexican press writes 63,313 million as "63 mil 313 millones": thousands of the larger scale
after, one figure (factcheck.figures._group_sum)."""
from __future__ import annotations

import pytest

import factcheck


def _figs(text: str, lang: str = "es") -> list[tuple[str, str, float, str | None]]:
    return [(f.text, f.kind, f.value, f.unit) for f in factcheck.extract(text, language=lang)]


def test_thousands_of_millions_is_one_amount() -> None:
    figs = _figs("México recibió 63 mil 313 millones de dólares por remesas.")
    assert len(figs) == 1
    assert figs[0][1:] == ("money", pytest.approx(63_313e6), "USD")


def test_thousands_of_millions_before_a_conversion() -> None:
    figs = _figs("Ingresaron 5 mil 520 millones de dólares, unos 95 mil millones de pesos.")
    assert [f[2] for f in figs] == [pytest.approx(5_520e6), pytest.approx(95_000e6)]


def test_other_groups_unchanged() -> None:
    assert [f[2] for f in _figs("Se vendieron 2 mil 500 autos.")] == [pytest.approx(2500)]
    assert [f[2] for f in _figs("El presupuesto es de 8 billones 300 mil millones de pesos.")] == [pytest.approx(8.3e12)]


def test_a_link_between_keeps_two_figures() -> None:
    # only digits, "mil" and the scale touching make one number; a range opener keeps two
    figs = _figs("Las cifras oscilan entre 3 mil 500 millones.")
    assert len(figs) == 2
