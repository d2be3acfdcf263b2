"""Conversions "at the time" (``@rate_then``): checked over the rates of the period the
sentence (or the one before) names, as an interval; unverifiable when it names none."""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.checks import check_text
from factcheck.document import rate_period
from factcheck.rates import default_table

ARTICLE_DAY = "2024-02-29"


@pytest.mark.parametrize(("language", "text", "first", "last", "written"), [
    ("en", "In July 2022 it raised $800m at a valuation of $6.7bn, or about €6.6bn at the time.",
     date(2022, 7, 1), date(2022, 7, 31), "July 2022"),
    ("fr", "En 2021, le groupe a racheté son concurrent pour 2,5 milliards de dollars, soit 2,1 milliards d'euros à l'époque.",
     date(2021, 1, 1), date(2021, 12, 31), "2021"),
    ("de", "Im dritten Quartal 2023 setzte die Sparte 1,2 Mrd. Dollar um, damals rund 1,1 Mrd. Euro.",
     date(2023, 7, 1), date(2023, 9, 30), "dritten Quartal 2023"),
    ("es", "En marzo de 2020 pagó 100 millones de dólares, unos 91 millones de euros de entonces.",
     date(2020, 3, 1), date(2020, 3, 31), "marzo de 2020"),
    ("nl", "Op 15 juli 2022 betaalde het 2 miljard dollar, destijds omgerekend 2 miljard euro.",
     date(2022, 7, 15), date(2022, 7, 15), "15 juli 2022"),
    ("en", "In the third quarter of 2023 it earned $1.2bn, or €1.1bn at the time.",
     date(2023, 7, 1), date(2023, 9, 30), "third quarter of 2023"),
])
def test_period_read_from_sentences(language: str, text: str, first: date, last: date, written: str) -> None:
    period = rate_period(text, 0, len(text), language)
    assert period is not None
    assert (period.first, period.last, period.text) == (first, last, written)


def test_last_period_before_the_conversion_wins() -> None:
    text = "Sales were $3bn in 2019; in July 2022 it raised $800m, or €790m at the time."
    at = text.index("at the time")
    assert rate_period(text, 0, len(text), "en", before=at).text == "July 2022"
    assert rate_period("It paid $5m.", 0, 12, "en") is None
    assert rate_period("Revenue reached $2019m.", 0, 23, "en") is None  # an amount, no year


def test_rate_interval_over_the_period() -> None:
    rng = default_table().cross_range("EUR", "USD", date(2022, 7, 1), date(2022, 7, 31))
    assert rng.days == 21 and rng.first == date(2022, 7, 1) and rng.last == date(2022, 7, 29)
    assert rng.low == pytest.approx(1.0005) and rng.high == pytest.approx(1.0455)


def _conversions(text: str, day: str | None = ARTICLE_DAY) -> list:
    report = check_text(text, date=day)
    return [f for f in report.findings if f.rule.startswith("fx-conversion")]


def test_consistent_at_the_time_of_a_named_month() -> None:
    [f] = _conversions("In July 2022 it raised $800m at a valuation of $6.7bn, or about €6.6bn at the time.")
    assert f.verdict == "consistent"
    assert any("÷ 1.0005–1.0455 (ECB, July 2022, the rate at the time" in s for s in f.steps)


@pytest.mark.parametrize("text", [
    "In July 2022 it raised $800m at a valuation of $6.7bn, or about €5.0bn at the time.",
    "En julio de 2022 captó 800 millones de dólares con una valoración de 6.700 millones de dólares, unos 5.600 millones de euros de entonces.",
    "Im Juli 2022 sammelte das Unternehmen 800 Millionen Dollar bei einer Bewertung von 6,7 Milliarden Dollar ein, umgerechnet rund 7,6 Milliarden Euro zum damaligen Kurs.",
])
def test_inconsistent_at_the_time(text: str) -> None:
    [f] = _conversions(text)
    assert f.verdict == "inconsistent"


def test_period_of_the_sentence_before() -> None:
    text = ("The deal closed in March 2020. The buyer paid $100m, or about €91m at the time.")
    [f] = _conversions(text)
    assert f.verdict == "consistent"  # EUR/USD 1.0707–1.1456 in March 2020: 87.3m…93.4m EUR
    assert any("March 2020" in s for s in f.steps)


def test_unverifiable_without_a_period() -> None:
    [f] = _conversions("It raised $800m at a valuation of $6.7bn, or about €6.6bn at the time.")
    assert f.verdict == "unverifiable"
    assert "implies 1 EUR = 1.015 USD" in f.message
    assert any("ECB rate within 0.3 % on" in s for s in f.steps)


def test_without_at_the_time_a_year_changes_nothing() -> None:
    """A year elsewhere in the sentence, but no "at the time": the article's day's rate, as before
    (6.7e9 / 1.0813 on 2024-02-29 = 6.2e9 EUR: 6.6 is off; at July 2022's rates it would hold)."""
    [f] = _conversions("In July 2022 it was valued at $6.7bn, or about €6.6bn.")
    assert f.verdict == "inconsistent"
    assert any("2024-02-29" in s for s in f.steps)
    assert not any("the rate at the time" in s for s in f.steps)


def test_a_named_period_needs_no_article_date() -> None:
    [f] = _conversions("In July 2022 it raised $800m at a valuation of $6.7bn, or about €6.6bn at the time.", day=None)
    assert f.verdict == "consistent"


@pytest.mark.parametrize(("language", "text", "first", "last", "written"), [
    # the month is before the article's (2022-09-15): this year's
    ("fr", "Le contrat signé en février pour 42 avions vaut 8,1 milliards de dollars, soit 7,1 milliards d'euros au taux de change de l'époque.",
     date(2022, 2, 1), date(2022, 2, 28), "février 2022"),
    # after the article's month: last year's
    ("en", "In November it paid $5m, or about €4.6m at the time.", date(2021, 11, 1), date(2021, 11, 30), "November 2021"),
    # the article's own month ends on the article's day
    ("de", "Im September zahlte die Firma 5 Mio. Dollar, damals rund 5 Mio. Euro.", date(2022, 9, 1), date(2022, 9, 15), "September 2022"),
])
def test_month_without_year_is_the_last_one_up_to_the_article(language: str, text: str, first: date, last: date,
                                                               written: str) -> None:
    period = rate_period(text, 0, len(text), language, reference=date(2022, 9, 15))
    assert period is not None
    assert (period.first, period.last, period.text) == (first, last, written)


def test_month_without_year_needs_the_article_date_and_yields_to_a_written_year() -> None:
    text = "In November it paid $5m, or about €4.6m at the time."
    assert rate_period(text, 0, len(text), "en") is None
    written = "In November 2019 it paid $5m, or about €4.5m at the time."
    assert rate_period(written, 0, len(written), "en", reference=date(2022, 9, 15)).text == "November 2019"


def test_conversion_at_the_time_of_a_month_named_without_year() -> None:
    # February 2022: 1 EUR = 1.1163–1.1464 USD (ECB), so 8.1e9 USD = 7.07e9…7.26e9 EUR; at the
    # article's day (1.0009 on 2022-09-15) it would be 8.09e9, far from 7.1
    text = "Le contrat signé en février pour 42 Rafale, 8,1 milliards de dollars, représente environ {} milliards d'euros au taux de change de l'époque."
    [held] = _conversions(text.format("7,1"), day="2022-09-15")
    assert held.verdict == "consistent"
    assert any("février 2022" in s for s in held.steps)
    [off] = _conversions(text.format("6,2"), day="2022-09-15")
    assert off.verdict == "inconsistent"
