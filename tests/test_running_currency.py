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
