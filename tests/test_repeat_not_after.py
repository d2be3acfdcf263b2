"""A repeat slot's links: its `not_after` bars each figure the slot takes, not only the first
("dont 5 milliards … et 4 milliards ; le reste, soit 3 milliards" ends the parts before the
rest); the links stay in their sentence; a hyphen inside a compound joins one word."""
from __future__ import annotations

from collections.abc import Callable

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


def _found(house: Callable, source: str, text: str) -> list[str]:
    return [f.message for f in house(source, text)]


def test_repeat_stops_at_a_figure_its_not_after_bars(house: Callable) -> None:
    # the rest is no part: 5 + 4 of 9, not 5 + 4 + 3
    text = "Le groupe a vendu 9 milliards d'euros en Europe, dont 5 milliards en Allemagne et 4 milliards en Italie ; le reste, soit 3 milliards, vient d'Asie."
    msgs = _found(house, HOUSE, text)
    assert len(msgs) == 1 and "3 milliards" not in msgs[0].split(" of ")[0], msgs
    # with no barring word the list goes on: 5 + 4 + 3
    text = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne, 4 milliards en Italie et 3 milliards en Asie."
    msgs = _found(house, HOUSE, text)
    assert len(msgs) == 1 and "3 milliards" in msgs[0], msgs


def test_repeat_links_stay_in_their_sentence(house: Callable) -> None:
    """A list is told in one sentence: the next sentence's figure, however few words away,
    is another claim ("… 4 milliards en Italie. La R&D a coûté 3 milliards"), also for a rule
    that matches across its paragraph."""
    source = HOUSE.replace("repeat: 10", "repeat: 12").replace("    languages: all\n", "    languages: all\n    scope: paragraph\n", 1)
    text = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne et 4 milliards en Italie. La R&D a coûté 3 milliards."
    msgs = _found(house, source, text)
    assert len(msgs) == 1 and "3 milliards" not in msgs[0].split(" of ")[0], msgs
    # within the sentence, the same words between still link: 5 + 4 + 3
    text = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards en Allemagne et 4 milliards en Italie, la R&D a coûté 3 milliards."
    msgs = _found(house, source, text)
    assert len(msgs) == 1 and "3 milliards" in msgs[0], msgs


def test_hyphen_inside_a_compound_is_no_word_of_the_link(house: Callable) -> None:
    """A link counts words: a hyphen inside a compound ("crémiers-fromagers", "Noord-Holland")
    joins one word, so the same list reaches its last part whether its nouns are written
    hyphenated or not."""
    source = HOUSE.replace('repeat: 10, not_after: ["@remainder"]', "repeat: 6")
    # "chez les crémiers fromagers et" is five words, six with the comma: the list goes on
    plain = "Le groupe a vendu 12 milliards d'euros, dont 5 milliards chez les crémiers fromagers, et 4 milliards en Italie."
    hyphen = plain.replace("crémiers fromagers", "crémiers-fromagers")
    for text in (plain, hyphen):
        msgs = _found(house, source, text)
        assert len(msgs) == 1 and "4 milliards" in msgs[0], (text, msgs)
    # a spaced dash is a mark of its own and still counts: seven tokens, the list ends
    dash = plain.replace("crémiers fromagers", "crémiers - fromagers")
    msgs = _found(house, source, dash)
    assert all("4 milliards" not in m.split(" of ")[0] for m in msgs), msgs
