"""The pattern element `{opening: true|false}`: whether a match begins at the first word
of its sentence (punctuation before it aside). A threshold told there is a condition
("Above 100%, an insurer loses money"), not a claim about a value. Its malformed forms are
among tests/test_rules.py's BAD rules."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

HOUSE = """rules:
  - id: house-mark
    title: A value said to pass a mark
    languages: all
    pattern:
      - {opening: OPENING}
      - "past"
      - {fig: money, as: t}
    with:
      v: {fig: money, in: paragraph, position: before, anchor: t, pick: nearest}
    check: {stated: v, relation: ">", expected: exact(t)}
    message: "{v} said to pass {t}"
"""


def _verdicts(tmp_path: Path, text: str, opening: str) -> list[str]:
    folder = tmp_path / opening
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text(HOUSE.replace("OPENING", opening), encoding="utf-8")
    rules = [r for r in load([str(folder)]) if r.id == "house-mark"]
    return [f.verdict for f in check_text(text, rules=rules).findings if f.rule == "house-mark"]


def test_not_opening_skips_a_sentence_start(tmp_path: Path) -> None:
    inside = "Sales reached $9bn. That took them past $10bn."
    first = "Sales reached $9bn. Past $10bn, the plan pays a bonus."
    assert _verdicts(tmp_path, inside, "false") == ["inconsistent"]
    assert _verdicts(tmp_path, first, "false") == []
    # quotes or a dash before the first word do not make it a later one
    assert _verdicts(tmp_path, "Sales reached $9bn. « Past $10bn, we pay a bonus. »", "false") == []


def test_opening_only_at_a_sentence_start(tmp_path: Path) -> None:
    assert _verdicts(tmp_path, "Sales reached $9bn. Past $10bn, the plan pays a bonus.", "true") == ["inconsistent"]
    assert _verdicts(tmp_path, "Sales reached $9bn. That took them past $10bn.", "true") == []
