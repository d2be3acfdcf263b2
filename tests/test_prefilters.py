"""The matcher's pre-filters are exact: where they say a pattern (or an option of a choice)
cannot begin, it does not match. Each test compares a pre-filter with the matcher itself on
real sentences."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import _Runner, Rates
from factcheck.document import build
from factcheck.figures import scan
from factcheck.patterns import Choice, Context, Opening, sentence_openers
from factcheck.rules import Rule, load

TEXT = """Results

« Le chiffre d'affaires a progressé de 5 % », a dit la directrice. — Puis 12 % de marge.
Sales went past $10bn in 2023, up 8%. "$9bn was the mark", the chief said; it rose 4%.
"""

HOUSE = """rules:
  - id: house-past
    title: A value said to pass a mark
    languages: all
    pattern:
      - {any: [["past"], ["above"]]}
      - {gap: 3}
      - {fig: money, as: t}
    with:
      v: {fig: money, in: paragraph, position: before, anchor: t, pick: nearest}
    check: {stated: v, relation: ">", expected: exact(t)}
    message: "{v} said to pass {t}"
"""


def _runner(text: str) -> _Runner:
    doc = build("<t>", text, language=None)
    found = scan(doc)
    return _Runner(doc, found.figures, [], Rates(), found.periods)


def _house(tmp_path: Path) -> Rule:
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    return next(r for r in load([str(tmp_path)]) if r.id == "house-past")


def test_sentence_openers_are_where_an_opening_holds() -> None:
    runner = _runner(TEXT)
    stream = runner.stream
    openers = sentence_openers(stream)
    for lang in runner.languages:
        ctx = Context(stream.tokens, len(stream.tokens), lang, "paragraph", {}, stream)
        for i in range(len(stream.tokens)):
            assert (i in openers) == bool(Opening(True).match(ctx, i, {})), (i, stream.tokens[i])
    # the quote or dash before a sentence's first word opens it too
    assert any(stream.tokens[i].lower in ("«", "—", '"') for i in openers)


def test_chain_limit_reads_the_order_of_what_the_pattern_needs(tmp_path: Path) -> None:
    rule = _house(tmp_path)
    runner = _runner("Sales went past $10bn in 2023.\n\nThe mark of $10bn is now past.\n")
    index = runner.units[0]
    limits = [index.chain_limit(rule.chain, s, e) for s, e in runner.stream.sentence_ranges]
    past = [i for i, t in enumerate(runner.stream.tokens) if t.lower == "past"]
    assert limits[0] == past[0]  # "past" then a figure: the match starts at "past" at the latest
    assert limits[-1] == -1  # a figure, then "past": never in that order


def test_a_choice_passes_over_only_options_that_cannot_begin(tmp_path: Path) -> None:
    rule = _house(tmp_path)
    choice = rule.pattern.items[0]  # type: ignore[union-attr]
    assert isinstance(choice, Choice)
    runner = _runner(TEXT + "\nIt stayed above $2bn, past the $1bn of 2019.\n")
    stream = runner.stream
    for lang in runner.languages:
        ctx = Context(stream.tokens, len(stream.tokens), lang, "paragraph", {}, stream)
        for i in range(len(stream.tokens)):
            every = [alt for opt in choice.options for alt in opt.match(ctx, i, {})]
            assert list(choice.match(ctx, i, {})) == every, (lang, i)
