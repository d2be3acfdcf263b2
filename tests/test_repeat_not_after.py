"""A repeat slot's `not_after` bars each figure the slot takes, not only the first:
"dont 5 milliards … et 4 milliards ; le reste, soit 3 milliards" ends the parts before the rest."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

HOUSE = """\
rules:
  - id: house-parts
    title: Parts
    languages: all
    pattern:
      - {fig: money, as: total}
      - {gap: 8}
      - "@of_which"
      - {gap: 3}
      - {fig: money, as: parts, repeat: 10, not_after: ["@remainder"]}
    check: {stated: sum(parts), relation: "<=", expected: total}
    message: "the parts {parts} of {total} add up to {stated}"
    examples:
      - {text: "Le groupe a vendu 9 milliards d'euros en Europe, dont 5 milliards en Allemagne et 4 milliards en Italie ; le reste, soit 3 milliards, vient d'Asie.", verdict: consistent}
      - {text: "Le groupe a vendu 9 milliards d'euros en Europe, dont 6 milliards en Allemagne et 4 milliards en Italie.", verdict: inconsistent}
"""


def _found(text: str, rules: list) -> list[str]:
    return [f.message for f in check_text(text, rules=rules).findings if f.rule == "house-parts"]


def test_repeat_stops_at_a_figure_its_not_after_bars(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    mine = [r for r in load([str(tmp_path)]) if r.id == "house-parts"]
    # the rest is no part: 5 + 4 of 9, not 5 + 4 + 3
    text = "Le groupe a vendu 9 milliards d'euros en Europe, dont 5 milliards en Allemagne et 4 milliards en Italie ; le reste, soit 3 milliards, vient d'Asie."
    msgs = _found(text, mine)
    assert len(msgs) == 1 and "3 milliards" not in msgs[0].split(" of ")[0], msgs
    # with no barring word the list goes on: 5 + 4 + 3
    text = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne, 4 milliards en Italie et 3 milliards en Asie."
    msgs = _found(text, mine)
    assert len(msgs) == 1 and "3 milliards" in msgs[0], msgs


def test_repeat_links_stay_in_their_sentence(tmp_path: Path) -> None:
    """A list is told in one sentence: the next sentence's figure, however few words away,
    is another claim ("… 4 milliards en Italie. La R&D a coûté 3 milliards"), also for a rule
    that matches across its paragraph."""
    house = HOUSE.replace("repeat: 10", "repeat: 12").replace("    languages: all\n", "    languages: all\n    scope: paragraph\n", 1)
    (tmp_path / "house.yaml").write_text(house, encoding="utf-8")
    mine = [r for r in load([str(tmp_path)]) if r.id == "house-parts"]
    text = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne et 4 milliards en Italie. La R&D a coûté 3 milliards."
    msgs = _found(text, mine)
    assert len(msgs) == 1 and "3 milliards" not in msgs[0].split(" of ")[0], msgs
    # within the sentence, the same words between still link: 5 + 4 + 3
    text = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne et 4 milliards en Italie, la R&D a coûté 3 milliards."
    msgs = _found(text, mine)
    assert len(msgs) == 1 and "3 milliards" in msgs[0], msgs
