"""A repeat slot's link counts words: a hyphen inside a compound ("crémiers-fromagers",
"Noord-Holland") joins one word, so the same list reaches its last part whether its
nouns are written hyphenated or not."""
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
      - {fig: money, as: parts, repeat: 6}
    check: {stated: sum(parts), relation: "<=", expected: total}
    message: "the parts {parts} of {total} add up to {stated}"
    examples:
      - {text: "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne et 4 milliards en Italie.", verdict: consistent}
"""


def _found(text: str, rules: list) -> list[str]:
    return [f.message for f in check_text(text, rules=rules).findings if f.rule == "house-parts"]


def test_hyphen_inside_a_compound_is_no_word_of_the_link(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    mine = [r for r in load([str(tmp_path)]) if r.id == "house-parts"]
    # "chez les crémiers fromagers et" is five words, six with the comma: the list goes on
    plain = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards chez les crémiers fromagers, et 4 milliards en Italie."
    hyphen = plain.replace("crémiers fromagers", "crémiers-fromagers")
    for text in (plain, hyphen):
        msgs = _found(text, mine)
        assert len(msgs) == 1 and "4 milliards" in msgs[0], (text, msgs)
    # a spaced dash is a mark of its own and still counts: seven tokens, the list ends
    dash = plain.replace("crémiers fromagers", "crémiers - fromagers")
    msgs = _found(dash, mine)
    assert all("4 milliards" not in m.split(" of ")[0] for m in msgs), msgs
