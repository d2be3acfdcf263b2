"""A bare scaled number takes the running currency; of an amount restated in another
currency ("390 millones de euros, unos 440 millones de dólares"), the currency the
article mostly uses runs on (figures._running_amount)."""
from __future__ import annotations

import factcheck


def _units(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.unit) for f in factcheck.extract(text, language=lang)]


def test_conversion_aside_does_not_set_running_currency() -> None:
    text = ("Las ventas fueron de 1.200 millones de euros. Europa aportó 500 millones de euros y "
            "Estados Unidos 400 millones de euros, unos 450 millones de dólares al cambio actual. "
            "El resto sumó 300 millones.")
    assert _units(text, "es")[-1] == ("300 millones", "EUR")


def test_converted_into_the_running_currency() -> None:
    # the conversion goes into the article's currency: euros run on, as before
    text = ("Der Umsatz lag bei 4,6 Mrd. Euro. In den USA erlöste der Konzern 1,1 Mrd. Dollar, "
            "umgerechnet rund 970 Mio. Euro. In Asien waren es 800 Mio.")
    assert _units(text, "de")[-1][1] == "EUR"


def test_without_a_pair_the_last_amount_runs_on() -> None:
    text = "Revenue was $4.1bn, and the unit sold 300 million euros. Then it made 250 million."
    assert _units(text, "en")[-1][1] == "EUR"


def test_converted_aside_in_brackets_paragraph_before() -> None:
    # a foreign amount with its conversion in brackets: in the next paragraph, the currency
    # the article mostly uses (the conversion's) runs on, not the pesos
    text = ("Las primas crecieron hasta 7.850 millones de euros, frente a 7.120 millones de euros.\n\n"
            "En México, la filial facturó 9.200 millones de pesos (499 millones de euros).\n\n"
            "El ramo de Vida sumó 3.140 millones en primas.")
    assert _units(text, "es")[-1] == ("3.140 millones", "EUR")


def test_converted_aside_foreign_article_keeps_its_currency() -> None:
    # an article told in dollars: the dollars run on after the conversion aside
    text = ("Tesla earned $12.6bn, after $5.5bn, on sales of $96.8bn.\n\n"
            "In China it sold $21.7bn (€19.9bn) of cars.\n\nIts energy arm made 6 billion.")
    assert _units(text, "en")[-1][1] == "USD"


def test_converted_aside_same_paragraph_runs_on() -> None:
    # in the same paragraph the converted currency runs on: "of which 50 billion" are yuan
    text = ("Los ingresos fueron de 900 millones de euros. Alibaba invertirá 200.000 millones de yuanes "
            "(25.800 millones de euros). De ellos, 50.000 millones irán a la nube.")
    assert _units(text, "es")[-1][1] == "CNY"


def test_a_count_runs_on_until_money_is_told_after_it() -> None:
    # the count of ballots is followed by an amount in euros: the next bare amount of the
    # size of the euros before the count is euros again, not ballots
    text = ("Los partidos gastaron 40,2 millones de euros. El PP encabeza la lista con 14,6 millones. "
            "Con los 8,09 millones de papeletas que obtuvo, cada voto le costó unos 1,80 euros. "
            "El PSOE desembolsó 12,9 millones.")
    assert _units(text, "es")[-1] == ("12,9 millones", "EUR")


def test_a_count_runs_on_without_money_after_it() -> None:
    text = "Revenue was £3bn. The airline carried 14.6 million passengers. Of those, 8.9 million flew to Spain."
    assert _units(text, "en")[-1][1] is None


def test_conversion_out_of_the_article_currency_keeps_the_first() -> None:
    # an amount, its conversion into dollars, then a bare base: the base is in euros, the
    # currency told first (38,632 / 35,947 = +7.5 %, the change the sentence gives)
    text = ("El grupo facturó 38.632 millones de euros en 2024, unos 42.050 millones de dólares, "
            "un 7,5 % más que los 35.947 millones del año anterior.")
    assert _units(text, "es")[-1] == ("35.947 millones", "EUR")


def test_restated_in_a_new_currency_by_its_words() -> None:
    # the conversion told in a sentence of its own, into a currency the article had not used:
    # an aside, as one in brackets; euros run on into the next list
    text = ("Sanofi a réalisé un chiffre d'affaires de 10,22 milliards d'euros. Au cours du jour, cela "
            "représente environ 11,3 milliards de dollars.\nIl se répartit entre la Pharmacie (7,37 milliards) "
            "et les Vaccins (1,46 milliard).")
    assert [u for _, u in _units(text, "fr")] == ["EUR", "USD", "EUR", "EUR"]
