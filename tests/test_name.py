"""The pattern element `{name: true}`: one word capitalised inside its sentence, a name in the
languages whose body text capitalises names only. "against 26% for Brava" gives another
holder's figure, no earlier value of the same thing. Its malformed forms are among
tests/test_rules.py's BAD rules."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-versus
    title: A change against the earlier value
    languages: all
    pattern:
      - {fig: percent, as: b}
      - {gap: 4}
      - ", against"
      - {fig: percent, as: a}
      - {not: ["for", {name: true}]}
      - {gap: 8}
      - {fig: percent, as: p}
    check: {stated: abs(p), expected: "abs((b / a - 1) * 100)", tolerance: 2%}
    message: "{p} from {a} to {b}"
"""


def _verdicts(house: Callable, text: str) -> list[str]:
    return [f.verdict for f in house(HOUSE, text)]


def test_a_name_after_for_is_another_holder(house: Callable) -> None:
    # 38 / 26 − 1 = 46 %, but 19 % is Zenta's share, not the change
    assert _verdicts(house, "Harbor holds 38% of the market, against 26% for Brava and 19% for Zenta.") == []


def test_a_name_with_inner_capitals_is_a_name(house: Callable) -> None:
    # "PayPal", "CaixaBank": capitals inside the word, still one holder's name
    assert _verdicts(house, "Harbor holds 38% of the market, against 26% for PayPal and 19% for Zenta.") == []


def test_a_lower_case_word_is_no_name(house: Callable) -> None:
    assert _verdicts(house, "Harbor holds 38% of the market, against 26% for the spring, a rise of 19%.") == ["inconsistent"]



MAISON = """rules:
  - id: maison-versus
    title: A change against the earlier value
    languages: all
    pattern:
      - {fig: percent, as: b}
      - {gap: 4}
      - ", contre"
      - {fig: percent, as: a}
      - {gap: 8}
      - {fig: percent, as: p}
      - {not: ["pour", {gap: 2}, {name: true}]}
    check: {stated: abs(p), expected: "abs((b / a - 1) * 100)", tolerance: 2%}
    message: "{p} from {a} to {b}"
"""


def _maison(house: Callable, text: str) -> list[str]:
    return [f.verdict for f in house(MAISON, text, "fr")]


def test_a_name_after_an_elided_article_is_a_name(house: Callable) -> None:
    # "l'Allemagne" with a straight apostrophe, as with "’": the elision opens no quote
    assert _maison(house, "La France pèse 21 % des ventes, contre 34 % pour la Suède et 12 % pour l'Allemagne.") == []
    assert _maison(house, "La France pèse 21 % des ventes, contre 34 % pour la Suède et 12 % pour l’Allemagne.") == []
    # a lower-case word after the elision is no name: 21 / 34 − 1 = −38 %, not 12 %
    assert _maison(house, "La France pèse 21 % des ventes, contre 34 % un an plus tôt, soit 12 % pour l'essentiel.") == ["inconsistent"]


MONTHS = """rules:
  - id: house-month-mark
    title: A mark passed in a month
    languages: all
    pattern:
      - {fig: number, as: v}
      - {gap: 8}
      - {any: [["in", "august"], ["in", "may"]]}
      - {gap: 2}
      - {fig: number, as: t}
    check: {stated: v, relation: ">", expected: t}
    message: "{v} against {t}"
"""


def test_a_month_is_no_name_but_a_name_of_three_letters_may_be(house: Callable) -> None:
    # English capitalises months by spelling: "in August" meets the pattern's "in august";
    # "May" (three letters) may be a person's name, and stays one
    assert [f.verdict for f in house(MONTHS, "Some 71,000 a day, a figure that in August topped 95,000.", "en")] == ["inconsistent"]
    assert house(MONTHS, "Some 71,000 a day, a figure that in May topped 95,000.", "en") == []
    # any other capitalised word inside the sentence is still a name
    assert house(MONTHS.replace('"august"', '"augusta"'), "Some 71,000 a day, a figure that in Augusta topped 95,000.", "en") == []


def test_a_word_in_capitals_is_a_name(house: Callable) -> None:
    # "for HSBC", "pour LVMH": an acronym names another holder as a capitalised word does
    assert _verdicts(house, "Harbor shares rose 28% this year, against 14% for HSBC and 9% for BP.") == []
    assert _maison(house, "Le titre gagne 28 % sur un an, contre 14 % pour LVMH et 9 % pour SEB.") == []
    # a lower-case word after "pour" is still no name, capitals earlier in the sentence aside
    assert _maison(house, "La dette atteint 28 % du PIB, contre 14 % un an plus tôt, soit 9 % pour le reste.") == ["inconsistent"]
