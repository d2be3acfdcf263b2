"""A pick's `counts_named_in: t`: a count is taken only when the sentence of `t` names what it
counts ("Le nombre de chômeurs … sous la barre des 2,2 millions" against "2,26 millions de
chômeurs"), and the French verb "compter" before a figure counts, it tells no intent."""
from __future__ import annotations

from collections.abc import Callable

HOUSE = """rules:
  - id: house-lead-count
    title: Lead mark against the body's count
    languages: all
    pattern:
      - "@below"
      - {gap: 6, stop: [".", ";", ","]}
      - {fig: number, as: t}
    with:
      v: {fig: number, in: document, anchor: t, position: after, counts_named_in: t, pick: first, sentence_lacks: ["@intent"]}
    check: {stated: bare(v), relation: "<", expected: bare(exact(t))}
    message: "{t} against {v}"
"""

LEAD = "Chômage\n\nLe nombre de chômeurs repasse sous la barre des 2,2 millions, selon l'Insee.\n\n"


def _found(house: Callable, body: str) -> list[tuple[str, str]]:
    return [(f.verdict, f.message) for f in house(HOUSE, LEAD + body, "fr")]



def test_counts_named_in(house: Callable) -> None:
    # the count of "chômeurs": 2.26 million is not under 2.2 million
    assert _found(house, "Le pays compte 2,26 millions de chômeurs, 30 000 de moins qu'à l'été.") == [
        ("inconsistent", "2,2 millions against 2,26 millions")]
    # a count of another noun first: passed over, the count of "chômeurs" after it taken
    assert _found(house, "Il y a 2,3 millions de retraités. Le pays compte 2,16 millions de chômeurs.") == [
        ("consistent", "2,2 millions against 2,16 millions")]
    # no count of that noun: none
    assert _found(house, "Le pays compte 2,26 millions de retraités.") == []
