"""A pick's `same_noun: SLOT`: only a count of the thing the slot's amount is told per
("€400,000 per store" takes "240 stores", not "3,100 jobs"), wherever in the article. Its
malformed form is among tests/test_rules.py's BAD rules."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-each
    title: An amount each
    languages: all
    pattern:
      - {fig: money, as: total}
      - ","
      - {fig: money, as: per}
      - "@per"
    with:
      n: {fig: number, in: document, position: before, anchor: per, pick: nearest SAME}
    check: {stated: per, expected: total / value(n), tolerance: 2%}
    message: "{per} each as {total} shared by {n}"
"""


def _findings(house: Callable, text: str, same: str, source: str = HOUSE) -> list[tuple[str, str]]:
    return [(f.verdict, f.message) for f in house(source.replace(" SAME", same), text)]


TEXT = "The chain will close 240 stores and cut 3,100 jobs.\n\nThe plan saves £96m, £400,000 per store."


def test_same_noun_takes_the_count_of_that_noun(house: Callable) -> None:
    # 96e6 / 240 = 400,000: the stores, though the jobs are told nearer
    assert _findings(house, TEXT, ", same_noun: per") == [("consistent", "£400,000 each as £96m shared by 240")]
    # without the option, the nearest count (the jobs) is taken
    assert _findings(house, TEXT, "")[0][0] == "inconsistent"


def test_same_noun_inflections_and_no_count(house: Callable) -> None:
    text = "Die Kette schließt 240 Filialen.\n\nDer Plan spart 96 Mio. Euro, 400.000 Euro pro Filiale."
    assert [v for v, _ in _findings(house, text, ", same_noun: per")] == ["consistent"]
    # no count of that noun: no match
    text = "The chain will cut 3,100 jobs.\n\nThe plan saves £96m, £400,000 per store."
    assert _findings(house, text, ", same_noun: per") == []


# the amount each after the total, with no "per" word after it
AVERAGE = HOUSE.replace("""      - ","
      - {fig: money, as: per}
      - "@per"
""", """      - {gap: 8}
      - {fig: money, as: per}
""")


def _average_findings(house: Callable, text: str) -> list[tuple[str, str]]:
    return _findings(house, text, ", same_noun: per", AVERAGE)


def test_same_noun_per_word_before_the_amount(house: Callable) -> None:
    # an amount with no "per" word after it takes the one in the six tokens before it:
    # "el precio medio por tienda, 400.000 euros" counts stores, not the nearer jobs
    text = ("La cadena cerrará 240 tiendas y recortará 3.100 empleos.\n\n"
            "El plan ahorra 96 millones de euros, con un ahorro medio por tienda de 400.000 euros.")
    assert [v for v, _ in _average_findings(house, text)] == ["consistent"]
    # no "per" word on either side: what the amount itself is followed by, no count of it
    text = ("La cadena cerrará 240 tiendas y recortará 3.100 empleos.\n\n"
            "El plan ahorra 96 millones de euros, con un ahorro de 400.000 euros.")
    assert _average_findings(house, text) == []


def test_same_noun_reads_the_noun_after_an_elided_de(house: Callable) -> None:
    # "9,6 millions d'adhérents": the apostrophe of "d'" ends no noun; 28,8e6 / 9,6e6 = 3
    text = ("La mutuelle compte 9,6 millions d'adhérents et 4 200 salariés.\n\n"
            "Elle reverse 28,8 millions d'euros, 3 euros par adhérent.")
    assert [v for v, _ in _findings(house, text, ", same_noun: per")] == ["consistent"]



# the amount each, then the words of what it is of, then its "per" word
WIDE = HOUSE.replace("""      - {fig: money, as: per}
      - "@per"
""", """      - {fig: money, as: per}
      - {gap: 6}
      - "@per"
""")


def test_same_noun_per_word_past_what_the_amount_is_of(house: Callable) -> None:
    # "£400,000 of pre-tax savings per store": the "per" word past the words of what the
    # amount is of (six tokens at most, no punctuation between) names the stores, not the jobs
    text = "The chain will close 240 stores and cut 3,100 jobs.\n\nThe plan saves £96m, £400,000 of pre-tax savings per store."
    assert [v for v, _ in _findings(house, text, ", same_noun: per", WIDE)] == ["consistent"]
    # a comma between: no "per" word of the amount's, no count of what it is followed by
    text = "The chain will close 240 stores and cut 3,100 jobs.\n\nThe plan saves £96m, £400,000 of savings, per store."
    assert _findings(house, text, ", same_noun: per", WIDE) == []
