"""A pick's `named_after`: the rival named after one of its phrases in the anchor's sentence,
and the figure told after that name. Its figure may stand earlier in the anchor's sentence,
right after the name ("el Caribe 410 millones, …, por delante del Caribe"), and the phrase may
stand before the anchor ("overtook Sundial … with a 17.8% share"). Its malformed form is among
tests/test_rules.py's BAD rules."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

AHEAD = """rules:
  - id: house-ahead
    title: Ahead of a rival
    languages: all
    pattern:
      - "with"
      - {fig: money, as: v}
      - {gap: 12, stop: [";"]}
      - "@ahead_of"
      - {gap: 3, stop: [","]}
      - "."
    with:
      w: {fig: money, in: document, anchor: v, named_after: ["@ahead_of"], pick: nearest, where: "unit(w) == unit(v)"}
    check: {stated: bare(v), relation: ">", expected: bare(w)}
    message: "{v} ahead of {w}"
  - id: house-overtook
    title: Overtook a rival
    languages: all
    pattern:
      - "@overtake"
      - {gap: 12, stop: [",", ";", "."]}
      - "with"
      - {fig: money, as: v}
      - "."
    with:
      w: {fig: money, in: document, anchor: v, named_after: ["@overtake"], pick: nearest, where: "unit(w) == unit(v)"}
    check: {stated: bare(v), relation: ">", expected: bare(w)}
    message: "{v} ahead of {w}"
"""


def _findings(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    (tmp_path / "house.yaml").write_text(AHEAD, encoding="utf-8")
    rules = [r for r in load([str(tmp_path)]) if r.id.startswith("house-")]
    return [(f.rule, f.verdict, f.message) for f in check_text(text, language="en", rules=rules).findings
            if f.rule.startswith("house-")]


def test_rival_figure_right_after_its_name_earlier_in_the_sentence(tmp_path: Path) -> None:
    text = "Germany brought in €640m, France €380m and Italy €150m, while Spain, with €310m, ranks ahead of France."
    assert _findings(tmp_path, text) == [("house-ahead", "inconsistent", "€310m ahead of €380m")]


def test_rival_figure_not_right_after_its_name_is_no_reading(tmp_path: Path) -> None:
    # "France" is not among the three words before the €380m: no figure of France's
    text = "Germany brought in €640m and France, its oldest market abroad, €380m, while Spain, with €310m, ranks ahead of France."
    assert _findings(tmp_path, text) == []


def test_phrase_before_the_anchor(tmp_path: Path) -> None:
    text = "Brava overtook long-time rival Kelso with €2.1bn. Kelso reported €2.3bn."
    assert _findings(tmp_path, text) == [("house-overtook", "inconsistent", "€2.1bn ahead of €2.3bn")]
    # a figure of the anchor's kind between the name and the anchor is the rival's: no reading
    text = "Brava overtook Kelso, at €2.0bn, with €2.1bn. Kelso reported €2.3bn."
    assert _findings(tmp_path, text) == []


def test_hyphen_joined_rival_named_again_by_its_last_part(tmp_path: Path) -> None:
    # "Rostock-Warnemünde" is named again as "Warnemünde"
    text = "With €268m the port ranks ahead of Rostock-Warnemünde. In Warnemünde sales reached €286m."
    assert _findings(tmp_path, text) == [("house-ahead", "inconsistent", "€268m ahead of €286m")]


def test_hyphen_joined_rival_named_again_by_its_first_part(tmp_path: Path) -> None:
    text = "With €268m the port ranks ahead of Rostock-Warnemünde. Rostock reported €246m."
    assert _findings(tmp_path, text) == [("house-ahead", "consistent", "€268m ahead of €246m")]
