"""``lacks_after: N`` in a collection: ``sentence_lacks`` also looks in the N sentences after
the figure's, in its block ("… das Ticketing 0,79 Milliarden Euro. Die Summe der Segmente liegt
über dem Konzernumsatz, weil Geschäfte zwischen den Sparten herausgerechnet werden")."""
from __future__ import annotations

from factcheck.checks import check_text

TOTAL = "Der Konzern erzielte 2024 einen Umsatz von 12,4 Mrd. Euro.\n\nDas Segment Industrie erlöste 7,9 Mrd. Euro, die Mobilität 4,8 Mrd. Euro. "


def _verdicts(text: str) -> list[str]:
    return [f.verdict for f in check_text(text, date="2025-03-20", language="de").findings if f.rule == "parts-listed-after-total"]


def test_next_sentence_tells_the_eliminations() -> None:
    assert _verdicts(TOTAL + "Die Summe der Segmente liegt über dem Konzernumsatz, weil Geschäfte zwischen den Sparten herausgerechnet werden.") == []


def test_without_it_the_parts_pass_the_total() -> None:
    assert _verdicts(TOTAL + "Die Kunden blieben treu.") == ["inconsistent"]
