"""A collection of one sentence (``in: sentence``) in a rule with a pattern reads the sentences
of the match's paragraph, not every sentence of the article: the rivals of a rank told in one
paragraph are not the net debt and its lease part told three paragraphs later."""

from __future__ import annotations

from factcheck.checks import check_text

_RANK = ("La France reste le premier marché, avec 2 961,4 millions d'euros, devant les pays nordiques, qui pèsent "
         "1 659,8 millions. Dans l'Hexagone, le groupe devance Elsan, numéro deux du secteur, qui revendique environ "
         "2,9 milliards d'euros.")
_DEBT = "La dette financière nette atteint 3,27 milliards d'euros, dont 1,80 milliard de dettes locatives."


def _rank_findings(text: str) -> list[str]:
    return [f.verdict for f in check_text(text, language="fr").findings if f.rule == "rank-number-against-rivals-after"]


def test_rivals_come_from_the_rank_s_paragraph() -> None:
    # the debt's two amounts, in another paragraph, are no rivals of the one ranked second
    assert "inconsistent" not in _rank_findings(_RANK + "\n\n" + _DEBT)
    # told in the rank's own paragraph, after the rank, they are read as its rivals (3.27 and 1.80 above 1.66)
    assert _rank_findings(_RANK + " " + _DEBT) == ["inconsistent"]
