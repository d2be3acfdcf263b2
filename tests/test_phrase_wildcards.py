"""Lone wildcards in a phrase: "#" matches a duration only ("nach neun Monaten", "after 9
months"), where "*" matches any word too: `versus_except: ["nach #"]` keeps "nach" before a
duration, which tells a time, from reading as "nach 8,0 Mrd. im Vorjahr". "$" matches one
figure, no duration: `own_whole_front: ["of $"]` tells a sentence that opens on a whole of its
own ("Of last year's £36m turnover, £14.5m came from exports") from one that opens on the
total told before ("Of the total, …")."""
from __future__ import annotations

from collections.abc import Callable

from factcheck.checks import check_text

AFTER_DURATION = """rules:
  - id: house-after-duration
    title: A duration after a word
    languages: all
    pattern:
      - "after #"
      - {gap: 3}
      - {fig: money, as: a}
    check: {stated: a, expected: "0 * a"}
    message: "{a}"
"""

OF_AMOUNT = """rules:
  - id: house-of-amount
    title: An amount right after a word
    languages: all
    pattern:
      - "of the $"
      - {gap: 6}
      - {fig: money, as: a}
    check: {stated: a, expected: "0 * a"}
    message: "{a}"
"""


def _found(house: Callable, source: str, text: str) -> list[str]:
    return [f.rule for f in house(source, text, "en")]


def test_a_hash_matches_a_duration(house: Callable) -> None:
    assert _found(house, AFTER_DURATION, "Orders fell, and after nine months they stood at $8.1bn.") == ["house-after-duration"]
    assert _found(house, AFTER_DURATION, "Orders fell, and after 9 months they stood at $8.1bn.") == ["house-after-duration"]


def test_a_hash_matches_no_other_word(house: Callable) -> None:
    assert _found(house, AFTER_DURATION, "Orders fell, and after that they stood at $8.1bn.") == []


def test_versus_before_a_duration_is_no_base() -> None:
    text = "Der Auftragseingang sank im dritten Quartal um 7 Prozent auf 2,6 Milliarden Euro, nach neun Monaten lag er mit 8,1 Milliarden Euro um 3 Prozent unter dem Vorjahr."
    assert [f.verdict for f in check_text(text, language="de").findings if f.verdict == "inconsistent"] == []


def test_a_dollar_matches_a_figure(house: Callable) -> None:
    assert _found(house, OF_AMOUNT, "Of the £36m turnover, exports made £14.5m.") == ["house-of-amount"]


def test_a_dollar_matches_no_word_nor_duration(house: Callable) -> None:
    assert _found(house, OF_AMOUNT, "Of the total, exports made £14.5m.") == []
    assert _found(house, OF_AMOUNT, "Of the nine months, exports made £14.5m.") == []


def test_a_sentence_opening_on_its_own_whole_gives_no_parts() -> None:
    from factcheck.rules import load
    rules = [r for r in load() if r.id == "parts-listed-after-total"]
    before = "The deal is worth £48m.\n\n"
    own = check_text(before + "Of last year's £36m turnover, £14.5m came from the Republic.", rules=rules)
    told = check_text(before + "Of the total, exports brought in £36m and the home market £14.5m.", rules=rules)
    assert [f.verdict for f in own.findings] == []
    assert [f.verdict for f in told.findings] == ["inconsistent"]


def test_a_digit_stem_reads_a_year_not_a_figure() -> None:
    """"in 20*" in a class phrase meets a year ("in 2025"), which is no figure; a figure
    starting with the same digits ("in 200 stores") is not a word a phrase can meet."""
    from factcheck.document import build
    from factcheck.figures import scan
    from factcheck.patterns import match_words
    from factcheck.tokens import phrase_words, tokenize

    assert phrase_words("in 20*") == ("in", "20*")
    doc = build("<t>", "Sales rose in 2025. They opened in 200 stores.", language="en")
    stream = tokenize(doc, scan(doc).figures)
    toks = stream.tokens
    starts = [i for i, t in enumerate(toks) if t.lower == "in"]
    hits = [match_words(phrase_words("in 20*"), toks, i, len(toks)) >= 0 for i in starts]
    assert hits == [True, False]
