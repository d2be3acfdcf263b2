"""A sentence needs only the figures every match binds: a slot inside `opt:` (or in the
option of `any:` that binds fewest) counts for none, so a pattern of one sure slot and one
optional slot matches a sentence holding one figure ("That made the group second, ahead of
Nordwind, whose intake came to €10.9bn", the group's own figure told a sentence before)."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

HOUSE = """\
rules:
  - id: house-ahead
    title: Ahead
    languages: all
    pattern:
      - {opt: [{fig: number, as: nth}, {gap: 2}]}
      - "ahead of"
      - {gap: 3}
      - {any: [[{fig: money, as: w}], [{fig: money, as: w}, {gap: 2}, {fig: money, as: x}]]}
    derive: {value: "w", label: the follower's figure}
    message: "{w}"
"""


def test_optional_slots_need_no_figure(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    mine = [r for r in load([str(tmp_path)]) if r.id == "house-ahead"]
    assert mine[0].plan[0] == 1
    found = [f for f in check_text("That made the group second, ahead of Nordwind with €10.9bn.", rules=mine).findings
             if f.rule == "house-ahead"]
    assert len(found) == 1, found
