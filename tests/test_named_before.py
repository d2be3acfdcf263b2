"""A pick's `named_before`: the one that moves past a rival, named right before one of its
phrases in the anchor's sentence ("Kestrel Motors overtakes Ardent": "Kestrel"), and the figure
told after that name in another sentence. Its malformed form is among tests/test_rules.py's BAD
rules."""
from __future__ import annotations

from collections.abc import Callable

RULE = """rules:
  - id: house-overtakes
    title: Headline overtaking
    languages: all
    blocks: [title]
    pattern:
      - "@overtake"
      - {gap: 8}
      - {fig: ordinal, as: r}
    with:
      w: {fig: money, block: paragraph, in: document, anchor: r, named_after: ["@overtake"], pick: first}
      v: {fig: money, block: paragraph, in: document, anchor: r, named_before: ["@overtake"], pick: first,
          where: "unit(v) == unit(w)"}
    check: {stated: bare(v), relation: ">", expected: bare(w)}
    message: "{v} ahead of {w}"
"""


def _findings(house: Callable, text: str) -> list[tuple[str, str]]:
    return [(f.verdict, f.message) for f in house(RULE, text, "en")]


def test_first_word_of_the_name_before_the_phrase(house: Callable) -> None:
    text = ("Kestrel Motors overtakes Ardent as second-largest seller\n\n"
            "Ardent sold €4.4bn of cars. Kestrel sold €4.1bn, its best year.\n")
    assert _findings(house, text) == [("inconsistent", "€4.1bn ahead of €4.4bn")]


def test_no_figure_named_after_the_holder(house: Callable) -> None:
    text = ("Kestrel Motors overtakes Ardent as second-largest seller\n\n"
            "Ardent sold €4.4bn of cars. The group sold €4.1bn, its best year.\n")
    assert _findings(house, text) == []


def test_no_name_right_before_the_phrase(house: Callable) -> None:
    text = ("the carmaker overtakes Ardent as second-largest seller\n\n"
            "Ardent sold €4.4bn of cars. The carmaker sold €4.1bn.\n")
    assert _findings(house, text) == []


LEAD = """rules:
  - id: house-lead-bound
    title: Lead bound of a subject
    languages: all
    blocks: [paragraph]
    pattern:
      - {any: [["@rise"], ["@exceed"]]}
      - {gap: 4, stop: [".", ";", ","]}
      - {fig: [money, number], hedged: true, as: t}
    with:
      v: {fig: [money, number], block: paragraph, in: document, anchor: t, position: after,
          named_before: ["@rise", "@exceed"], pick: first, hedged: false}
    check: {stated: t, expected: v}
    message: "{t} against {v}"
"""


def test_capitalised_stopword_opening_the_run_is_no_name(house: Callable) -> None:
    # German capitalises the adverb that opens a clause: the name is "Aluminium", not "Auch"
    text = ("Kupfer knackt 11.000 Dollar\n\nDie Rally geht weiter: Auch Aluminium klettert über 2.700 Dollar.\n\n"
            "Auch Kupfer kostete 11.104 Dollar. Aluminium kostete 2.641 Dollar je Tonne.\n")
    assert [(f.verdict, f.message) for f in house(LEAD, text, "de")] == [
        ("inconsistent", "über 2.700 Dollar against 2.641 Dollar")]


def test_adverb_and_two_phrases_between_name_and_figure(house: Callable) -> None:
    # "also" between the name and its verb, and "climbs above" two phrases of the classes in a row
    text = ("Miners rally\n\nThe rally lifts the sector: Glencore also climbs above 500p.\n\n"
            "Anglo American rose 4%. Glencore closed at 486p, up 3.1%.\n")
    assert [(f.verdict, f.message) for f in house(LEAD, text, "en")] == [("inconsistent", "above 500p against 486p")]
