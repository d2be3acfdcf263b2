"""A phrase of ``<name>_except`` keeps ``@<name>`` from matching at its start and at every
word it covers: in "la marca que más crece" neither "más" nor "crece" tells a rise."""
import factcheck


def _rules(text: str, date: str = "2021-04-15") -> dict[str, str]:
    return {f["rule"]: f["verdict"] for f in factcheck.check(text, date=date).to_dict()["findings"]}


def test_except_covers_later_words_of_its_phrase() -> None:
    # "más crece" (es) and "fastest-growing" (en) cover the rise word inside them: the share
    # after them counts, 31.5 + 30 + 24 + 21 = 106.5 > 100
    es = "Movistela lidera el mercado con el 31,5 %. Le siguen Orbitel, con el 30 %; Vocalia, con el 24 %, y MásRed, la marca que más crece, con el 21 %."
    en = "Movistela leads the market with 31.5%. Orbitel follows with 30%, Vocalia with 24% and MásRed, the fastest-growing brand, with 21%."
    assert _rules(es)["market-shares"] == "inconsistent"
    assert _rules(en)["market-shares"] == "inconsistent"


def test_except_does_not_reach_across_sentences_or_past_its_end() -> None:
    # the rise after the phrase is still one: the 12 % is a growth, not a share
    es = "Movistela lidera el mercado con el 38 %. Le siguen Orbitel, con el 29 %, y Vocalia, con el 22 %, mientras MásRed, la que más crece, sube un 12 %."
    assert _rules(es)["market-shares"] == "consistent"
