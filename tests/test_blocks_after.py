"""A collection's `paragraphs_after: N` (the N paragraphs after the match's too) and a pick's
`sentence_lacks` (no word of those classes in the candidate's sentence). Their malformed forms
are among tests/test_rules.py's BAD rules."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-first
    title: First against those after
    languages: all
    pattern:
      - "@leading_part"
      - {gap: 8}
      - {fig: money, as: v}
    collect:
      rivals: {fig: money, in: paragraph, after: v, paragraphs_after: 1, min: 1}
    check: {stated: bare(v), relation: ">=", expected: bare(max(rivals))}
    message: "{v} against {rivals}"
"""

PICK = """rules:
  - id: house-first
    title: Total before
    languages: all
    pattern:
      - {fig: money, as: p}
    with:
      t: {fig: money, in: document, position: before, anchor: p, pick: nearest, sentence_lacks: ["@leading_part"]}
    check: {stated: bare(p), relation: "<=", expected: bare(t)}
    message: "{p} within {t}"
"""


def _verdicts(house: Callable, text: str, source: str) -> list[str]:
    return [f.verdict for f in house(source, text, "en")]


def test_paragraphs_after_reaches_the_next_paragraph_and_no_further(house: Callable) -> None:
    text = "Germany remained its largest market, with €412m.\n\nFrance brought in €436m.\n\nSpain brought in €500m."
    # the next paragraph's €436m is above the €412m; the one after is out of reach
    assert _verdicts(house, text, HOUSE) == ["inconsistent"]
    text = "Germany remained its largest market, with €412m.\n\nFrance brought in €336m.\n\nSpain brought in €500m."
    assert _verdicts(house, text, HOUSE) == ["consistent"]
    # without the option, the match's paragraph alone: nothing after the €412m there
    assert _verdicts(house, text, HOUSE.replace("paragraphs_after: 1, ", "")) == []


def test_pick_sentence_lacks_skips_a_candidate_whose_sentence_has_the_class(house: Callable) -> None:
    text = "Sales were €900m. Germany, its largest market, brought in €412m. France brought in €336m."
    # the €336m's nearest amount before is the €412m, told in a sentence with "largest market": skipped
    found = _verdicts(house, text, PICK)
    assert "inconsistent" not in found
    findings = house(PICK.replace(', sentence_lacks: ["@leading_part"]', ""), text, "en")
    # without it, the €412m is taken as the €336m's whole
    assert any(f.rule == "house-first" and "412" in f.message and "336" in f.message for f in findings)


HAS = """rules:
  - id: house-reached
    title: Level reached
    languages: all
    blocks: [title]
    pattern:
      - "@exceed"
      - {gap: 4}
      - {fig: money, as: t}
    with:
      v: {fig: money, in: document, block: paragraph, anchor: t, pick: first, preceded_by: ["@change_to"], sentence_has: ["@rise"]}
    check: {stated: bare(v), relation: ">", expected: bare(exact(t))}
    message: "{t} passed by {v}"
"""


def test_pick_sentence_has_takes_only_a_candidate_whose_sentence_has_the_class(house: Callable) -> None:
    text = ("Season ticket tops £5,000\n\nThe ticket was cut to £4,700 in 2021.\n\n"
            "It now costs £4,932 and will go up by 2.7%, or £133, to about £5,065.")
    # the first amount after "to" is the £4,700 of a sentence with no rise: skipped for the £5,065
    assert _verdicts(house, text, HAS) == ["consistent"]
    # without the key the £4,700 is taken, and it is under the mark
    assert _verdicts(house, text, HAS.replace(', sentence_has: ["@rise"]', "")) == ["inconsistent"]
