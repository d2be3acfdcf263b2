"""A span of years ("2025-2029", "entre 2025 y 2029") is a duration of 5 years, both ends
counted, but a reader may count it without one end (four seasons, 2025-26 to 2028-29): its
interval is [4, 5], both ends closed, so that a per-year rule can accept either reading."""
from __future__ import annotations

import pytest

import factcheck


@pytest.mark.parametrize("text, lang", [
    ("Les droits 2025-2029 ont été vendus.", "fr"),
    ("La liga ingresa sus derechos entre 2025 y 2029.", "es"),
    ("Die Rechte von 2025 bis 2029 wurden verkauft.", "de"),
])
def test_span_counts_both_readings(text: str, lang: str) -> None:
    f = [f for f in factcheck.extract(text, language=lang) if f.unit == "year"][0]
    assert f.value == 5
    assert (f.low, f.high) == (4, 5)
    assert not f.low_open and not f.high_open


def test_duration_in_words_stays_exact() -> None:
    f = factcheck.extract("Le plan court sur cinq ans.", language="fr")[0]
    assert (f.low, f.high) == (5, 5)
