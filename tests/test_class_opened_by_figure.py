"""A class phrase may open on a lone "$", one figure: `share_of_figure: ["$ van de $"]` meets
"53 procent van de 8,96 miljard euro", a share told of an amount named right after it (that
amount is the part's whole, no sibling part of a list). Class phrases are indexed by their
first word; a phrase opened by "$" may begin at any figure of the language's blocks."""
from __future__ import annotations

from factcheck.checks import check_text
from factcheck.rules import load


def _parts(text: str, language: str) -> list[str]:
    rules = [r for r in load() if r.id == "parts-listed-after-total"]
    return [f.verdict for f in check_text(text, language=language, rules=rules).findings]


def test_a_share_of_an_amount_named_after_it_is_no_part_list() -> None:
    head = "De omzet bedroeg 11,83 miljard euro.\n\n"
    share = "Abonnementsstreaming leverde 4,77 miljard euro op, 53 procent van de 8,96 miljard euro die de divisie omzette."
    assert _parts(head + share, "nl") == []


def test_a_list_without_such_a_share_is_still_read() -> None:
    head = "De omzet bedroeg 8,6 miljard euro.\n\n"
    listed = "De divisie Voeding was goed voor 4,7 miljard euro, Gezondheid voor 2,6 miljard en Materialen voor 1,6 miljard euro."
    assert _parts(head + listed, "nl") == ["inconsistent"]


def test_a_share_of_a_word_is_no_share_of_a_figure() -> None:
    head = "Revenue rose to £4.82bn.\n\n"
    listed = "Aerospace contributed £2.31bn, 48% of the group, energy £1.64bn and services £970m."
    assert _parts(head + listed, "en") == ["inconsistent"]
