"""A conversion made at the rate of a day the article names ("au cours du 29 décembre 2023")
is checked at that day's ECB rate, not at the rate of the day the article came out.

Rates from the embedded ECB history: 1 EUR = 1.1050 USD on 2023-12-29 and 1.0802 USD on
2024-02-20 (the article's date), so 31.4 m EUR is 34.70 m USD at the first and 33.92 m USD
at the second: 34.7 m is right for the day named and 2.3 % off for the article's day."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date as Date
from pathlib import Path

import pytest

from factcheck import document
from factcheck.checks import check_text

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "fr-alibaba-cloud.txt"
SENTENCE = "Les Etats-Unis restent le premier débouché, avec 31,4 millions d'euros de ventes, l'équivalent de 34,7 millions de dollars{when}."


def _conversion(text: str) -> tuple[str, list[str]]:
    found = [f for f in check_text(text, date="2024-02-20", language="fr").findings if f.rule.startswith("fx-")]
    assert len(found) == 1, found
    return found[0].verdict, list(found[0].steps)


def test_the_day_named_gives_the_rate() -> None:
    verdict, steps = _conversion(SENTENCE.format(when=" au cours du 29 décembre 2023"))
    assert verdict == "consistent"
    assert steps[0] == "the rate of 2023-12-29, the day the article converts at"
    assert "2023-12-29: 1 EUR = 1.1050 USD" in steps[1]


def test_without_a_day_the_article_date_gives_it() -> None:
    verdict, steps = _conversion(SENTENCE.format(when=""))
    assert verdict == "inconsistent"
    assert "2024-02-20" in steps[0]


@pytest.mark.parametrize("language, text", [
    ("fr", "l'équivalent de 34,7 millions de dollars au cours du 29 décembre 2023"),
    ("en", "about $34.7m at the exchange rate of December 29, 2023"),
    ("en", "about $34.7m at the rate on 29 December 2023"),
    ("de", "umgerechnet 34,7 Mio. Dollar zum Kurs vom 29. Dezember 2023"),
    ("es", "unos 34,7 millones de dólares al cambio del 29 de diciembre de 2023"),
    ("nl", "omgerekend 34,7 miljoen dollar tegen de koers van 29 december 2023"),
    ("en", "about $34.7m at the rate on 2023-12-29"),
])
def test_rate_date_in_each_language(language: str, text: str) -> None:
    assert document.rate_date(text, 0, len(text), language) == Date(2023, 12, 29)


@pytest.mark.parametrize("text", [
    "au cours du jour",  # no day named
    "au cours du 31 février 2023",  # no such day: the article's date stands
    "le 29 décembre 2023, l'équivalent de 34,7 millions",  # a date, but not the rate's
])
def test_no_rate_date(text: str) -> None:
    assert document.rate_date(text, 0, len(text), "fr") is None


@pytest.mark.parametrize("language, text", [
    ("es", "unos 180.000 millones de euros al cambio del 30 de septiembre"),
    ("en", "about €180bn at the exchange rate of September 30"),
    ("fr", "soit environ 180 milliards d'euros au cours du 30 septembre"),
])
def test_a_day_without_a_year_is_the_last_one_before_the_article(language: str, text: str) -> None:
    # an article of 15 January 2025 converting "at the rate of 30 September": 2024's
    assert document.rate_date(text, 0, len(text), language, Date(2025, 1, 15)) == Date(2024, 9, 30)
    assert document.rate_date(text, 0, len(text), language, Date(2025, 10, 2)) == Date(2025, 9, 30)
    assert document.rate_date(text, 0, len(text), language) is None  # no article date: no year to take


def test_a_conversion_at_a_day_named_without_its_year() -> None:
    # 1 EUR = 1.1196 USD on 2024-09-30: 201,200 m USD is 179,707 m EUR, "unos 180.000" holds; at the
    # article's own date (2025-01-15, 1.0300) it would be 195,340 m EUR, 8 % off
    text = ("El iPhone facturó 201.200 millones de dólares, unos 180.000 millones de euros al cambio del "
            "30 de septiembre, algo más de la mitad de los ingresos del grupo.")
    found = [f for f in check_text(text, date="2025-01-15", language="es").findings if f.rule.startswith("fx-")]
    assert [f.verdict for f in found] == ["consistent"], found
    assert "2024-09-30" in found[0].steps[0]


def test_month_number_out_of_range_exit_2(tmp_path: Path) -> None:
    """A house lexicon's month number outside 1–12 stops with its file, line and field."""
    (tmp_path / "fr.yaml").write_text("currencies:\n  balle: EUR\nmonth_numbers:\n  brumaire: 13\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_LEXICONS": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "factcheck", str(EXAMPLE)], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == f"factcheck: {tmp_path / 'fr.yaml'}:3: field 'month_numbers.brumaire' must be a month number, 1 to 12\n", proc.stderr


@pytest.mark.parametrize("language, text, expected", [
    ("de", "umgerechnet zum EZB-Kurs vom Jahresende etwa 22,3 Milliarden Euro", Date(2024, 12, 31)),
    ("en", "about $3bn at the year-end rate", Date(2024, 12, 31)),
    ("fr", "soit 3 milliards de dollars au taux de fin d'année", Date(2024, 12, 31)),
    ("es", "unos 3.000 millones al tipo de cambio de cierre del ejercicio", Date(2024, 12, 31)),
    ("nl", "omgerekend 3 miljard dollar tegen de koers van eind december", Date(2024, 12, 31)),
    ("nl", "omgerekend 3 miljard dollar tegen de koers van eind februari 2024", Date(2024, 2, 29)),
    ("en", "about $3bn at the quarter-end rate", Date(2024, 12, 31)),
    ("en", "about $3bn at the month-end rate", Date(2025, 2, 28)),
])
def test_period_end_rates(language: str, text: str, expected: Date) -> None:
    """A rate of a year's, quarter's or month's end is that of the last such end on or before
    the article's date (the rates lookup then takes the last business day up to it)."""
    assert document.rate_date(text, 0, len(text), language, Date(2025, 3, 15)) == expected


def test_period_end_needs_the_article_date() -> None:
    assert document.rate_date("at the year-end rate", 0, 20, "en") is None
