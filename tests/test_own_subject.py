"""A pick's `own_subject: true`: a total told in a sentence that names a rival, and not the
subject the anchor's sentence opens on, is no total of that subject."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-per-store
    title: Amount per store
    languages: all
    pattern:
      - {fig: money, as: per}
      - "@per"
    with:
      n: {fig: number, in: sentence, position: before, anchor: per, pick: nearest}
      total: {fig: money, in: document, position: before, anchor: per, pick: nearest, own_subject: true,
              where: "unit(total) == unit(per) and value(total) > value(per)"}
    check: {stated: per, expected: total / value(n), tolerance: 3%}
    message: "{per} of {total} over {n}"
"""

RANKS = "Supermarkets\n\nAlbert Heijn has 37% of the market and Jumbo 21%. "


def _verdicts(house: Callable, text: str, lang: str = "en") -> list[str]:
    return [f.verdict for f in house(HOUSE, text, lang)]


def test_a_rivals_total_is_no_total_of_the_subject(house: Callable) -> None:
    # the sentence before names Albert Heijn, not Jumbo: silent
    assert _verdicts(house, RANKS + "Albert Heijn's share comes to €12.4bn. Jumbo, with 700 stores, took €10.8m per store.") == []
    # the subject's own total: 10.2e9 / 700 = 14.6m, not 10.8m
    assert _verdicts(house, RANKS + "Jumbo's sales came to €10.2bn. Jumbo, with 700 stores, took €10.8m per store.") == ["inconsistent"]
    # a sentence naming no one is no rival's
    assert _verdicts(house, RANKS + "Their sales came to €10.2bn. Jumbo, with 700 stores, took €10.8m per store.") == ["inconsistent"]


def test_a_noun_opening_its_sentence_is_no_subject(house: Callable) -> None:
    # "Sales" is never written with a capital inside a sentence: no name, the total stands (7.56e9 / 700 = 10.8m)
    assert _verdicts(house, RANKS + "Albert Heijn's sales came to €7.56bn. Sales across 700 stores reached €10.8m per store.") == ["consistent"]


def test_no_subject_in_german(house: Callable) -> None:
    # German capitalises every noun: no subject read, the total stands (7.56e9 / 700 = 10.8m)
    text = "Supermärkte\n\nDer Umsatz von Edeka lag bei 7,56 Milliarden Euro. Filialen gibt es 700, im Schnitt 10,8 Millionen Euro je Filiale."
    assert _verdicts(house, text, "de") == ["consistent"]
