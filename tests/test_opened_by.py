"""A pick's `opened_by`: only a figure whose sentence opens (quotes, dashes and one leading
duration aside before it) with one of the phrases: a base told in a sentence of its own that
opens on an earlier time ("A year earlier, it had made £318m"). Its malformed form is among
tests/test_rules.py's BAD rules."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

RULE = """rules:
  - id: house-earlier
    title: Earlier base
    languages: all
    pattern:
      - {fig: percent, as: p}
    with:
      a: {fig: money, in: paragraph, anchor: p, opened_by: ["@earlier_front"], pick: first}
      b: {fig: money, in: paragraph, position: before, anchor: a, pick: nearest}
    check: {stated: p, expected: (b / a - 1) * 100, tolerance: 2%}
    message: "{p} from {a} to {b}"
"""


def _findings(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    (tmp_path / "house.yaml").write_text(RULE, encoding="utf-8")
    rules = [r for r in load([str(tmp_path)]) if r.id.startswith("house-")]
    return [(f.verdict, f.message) for f in check_text(text, language="en", rules=rules).findings
            if f.rule.startswith("house-")]


def test_base_in_a_sentence_opened_by_the_phrase(tmp_path: Path) -> None:
    text = "Profit rose to £352m. A year earlier, it had made £318m. That is up 25%.\n"
    assert _findings(tmp_path, text) == [("inconsistent", "25% from £318m to £352m")]


def test_the_phrase_inside_the_sentence_does_not_open_it(tmp_path: Path) -> None:
    text = "Profit rose to £352m. It had made £318m a year earlier. That is up 25%.\n"
    assert _findings(tmp_path, text) == []
