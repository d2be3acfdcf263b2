"""A pick's `paragraphs: N` (with `in: paragraph`): the figures of the N paragraphs before
the anchor's count too, no further ones. Its malformed forms are among tests/test_rules.py's
BAD rules."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

HOUSE = """rules:
  - id: house-total
    title: A part against a total
    languages: all
    pattern:
      - {fig: money, as: part}
      - "of the total"
    with:
      total: {fig: money, in: paragraph, paragraphs: 1, position: before, anchor: part, pick: largest,
              where: "unit(total) == unit(part)"}
    check: {stated: part, relation: "<=", expected: total}
    message: "{part} of {total}"
"""


def _verdicts(tmp_path: Path, text: str, source: str = HOUSE) -> list[str]:
    folder = tmp_path / str(abs(hash(source)))  # one folder per source: rules load once per path
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text(source, encoding="utf-8")
    rules = [r for r in load([str(folder)]) if r.id == "house-total"]
    return [f.verdict for f in check_text(text, rules=rules).findings if f.rule == "house-total"]


def test_pick_reaches_the_paragraph_before(tmp_path: Path) -> None:
    text = "The city will spend €2bn on transport.\n\nRail gets €3bn of the total."
    assert _verdicts(tmp_path, text) == ["inconsistent"]
    # the anchor's own paragraph still counts
    text = "The city will spend €5bn on transport. Rail gets €3bn of the total."
    assert _verdicts(tmp_path, text) == ["consistent"]


def test_pick_reaches_no_further(tmp_path: Path) -> None:
    text = "The city will spend €2bn on transport.\n\nThe plan runs to 2030.\n\nRail gets €3bn of the total."
    assert _verdicts(tmp_path, text) == []
    # without the option, only the anchor's paragraph
    text = "The city will spend €2bn on transport.\n\nRail gets €3bn of the total."
    assert _verdicts(tmp_path, text, HOUSE.replace("paragraphs: 1, ", "")) == []
