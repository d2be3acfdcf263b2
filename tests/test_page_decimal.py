"""A page whose language writes a decimal comma may write points, as the Mexican press does
("8.3%", "162.1 millones"): its "4,200 millones" then groups thousands
(factcheck.figures._page_decimal). Only on the page's evidence, never against a comma decimal."""
from __future__ import annotations

import pytest

import factcheck


def _values(text: str, lang: str | None = "es") -> list[float]:
    return [f.value for f in factcheck.extract(text, language=lang)]


def test_point_decimals_make_commas_group_thousands() -> None:
    text = ("Walmex vendió 230,500 millones de pesos con sus 3,912 tiendas, 8.3% más que un año antes; "
            "en promedio, 58.9 millones de pesos por tienda.")
    assert _values(text) == [pytest.approx(230_500e6), pytest.approx(3912), pytest.approx(8.3), pytest.approx(58.9e6)]


def test_grouping_commas_the_digits_settle_are_evidence() -> None:
    assert _values("Se exportaron 1,250,000 toneladas, por 4,200 millones de dólares.") == [
        pytest.approx(1_250_000), pytest.approx(4_200e6)]


def test_a_comma_decimal_keeps_the_language_mark() -> None:
    # a Chilean page: "1,325 millones de toneladas" is 1.325 million, whatever "8.3%" a quote holds
    assert _values("Codelco produjo 1,325 millones de toneladas, un 8,4 % menos; el cobre subió 8.3% en el año.")[0] == \
        pytest.approx(1.325e6)


def test_no_evidence_keeps_the_language_mark() -> None:
    # a clock time is no decimal: "a las 10.30" says nothing of the page's mark
    assert _values("A las 10.30 horas se adjudicaron 1,325 millones de euros.")[-1] == pytest.approx(1.325e6)


def test_another_language_block_is_no_evidence() -> None:
    text = "Sales rose 8.3% to $4.2bn.\n\nLas ventas alcanzaron 4,200 millones de dólares."
    assert _values(text, None)[-1] == pytest.approx(4.2e6)
