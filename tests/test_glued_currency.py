"""Currency words read only glued to the digits (lexicon key currencies_glued_only): British
pence, "415p a share", are amounts; a lone letter after a number ("12 p.a.") or a name ("S&P")
is none."""
from __future__ import annotations

import factcheck
from factcheck.figures import currency_mentions


def _figs(text: str) -> list[tuple[str, str, float, str | None]]:
    return [(f.text, f.kind, round(f.value, 6), f.unit) for f in factcheck.extract(text, language="en")]


def test_pence_glued_to_the_digits_are_an_amount() -> None:
    figs = _figs("Halbrook will pay 415p a share, against a closing price of 1,164p; the dividend is 7.5p.")
    assert figs == [("415p", "money", 4.15, "GBP"), ("1,164p", "money", 11.64, "GBP"), ("7.5p", "money", 0.075, "GBP")]


def test_a_spaced_letter_is_no_currency() -> None:
    assert [f[1] for f in _figs("Savers earn 12 p.a. on the account, see p 20.")] == ["number", "number"]
    # "S&P 500" holds no pence, nor any figure: an index name (common.yaml index_names)
    assert [f[1] for f in _figs("The S&P 500 rose 1.2%.")] == ["percent"]
    # nor a currency mention with no amount
    assert currency_mentions("says Mr Bowman of S & P.", "en") == []


def test_resolution_names_are_no_amount() -> None:
    assert _figs("It streams in 1080p.") == []


def test_codes_glued_before_the_digits_are_an_amount() -> None:
    """The financial press glues ISO codes and lettered symbols to the number ("CHF1.2bn",
    "NOK172bn", "SFr1.1bn"); letters glued to digits otherwise make an id ("A320", "FY2023")."""
    assert _figs("Assets rose to CHF1,140bn; it paid EUR1.5bn and USD2bn, and SFr1.1bn in fees.") == [
        ("CHF1,140bn", "money", 1.14e12, "CHF"), ("EUR1.5bn", "money", 1.5e9, "EUR"),
        ("USD2bn", "money", 2e9, "USD"), ("SFr1.1bn", "money", 1.1e9, "CHF")]
    assert _figs("The A320, the F1 team, FY2023 and Q4 results, as the R2 model shows.") == []
