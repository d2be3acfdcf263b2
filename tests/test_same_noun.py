"""A pick's `same_noun: SLOT`: only a count of the thing the slot's amount is told per
("€400,000 per store" takes "240 stores", not "3,100 jobs"), wherever in the article. Its
malformed form is among tests/test_rules.py's BAD rules."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

HOUSE = """rules:
  - id: house-each
    title: An amount each
    languages: all
    pattern:
      - {fig: money, as: total}
      - ","
      - {fig: money, as: per}
      - "@per"
    with:
      n: {fig: number, in: document, position: before, anchor: per, pick: nearest SAME}
    check: {stated: per, expected: total / value(n), tolerance: 2%}
    message: "{per} each as {total} shared by {n}"
"""


def _findings(tmp_path: Path, text: str, same: str, house: str = HOUSE) -> list[tuple[str, str]]:
    source = house.replace(" SAME", same)
    folder = tmp_path / str(abs(hash(source)))
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text(source, encoding="utf-8")
    rules = [r for r in load([str(folder)]) if r.id == "house-each"]
    return [(f.verdict, f.message) for f in check_text(text, rules=rules).findings if f.rule == "house-each"]


TEXT = "The chain will close 240 stores and cut 3,100 jobs.\n\nThe plan saves £96m, £400,000 per store."


def test_same_noun_takes_the_count_of_that_noun(tmp_path: Path) -> None:
    # 96e6 / 240 = 400,000: the stores, though the jobs are told nearer
    assert _findings(tmp_path, TEXT, ", same_noun: per") == [("consistent", "£400,000 each as £96m shared by 240")]
    # without the option, the nearest count (the jobs) is taken
    assert _findings(tmp_path, TEXT, "")[0][0] == "inconsistent"


def test_same_noun_inflections_and_no_count(tmp_path: Path) -> None:
    text = "Die Kette schließt 240 Filialen.\n\nDer Plan spart 96 Mio. Euro, 400.000 Euro pro Filiale."
    assert [v for v, _ in _findings(tmp_path, text, ", same_noun: per")] == ["consistent"]
    # no count of that noun: no match
    text = "The chain will cut 3,100 jobs.\n\nThe plan saves £96m, £400,000 per store."
    assert _findings(tmp_path, text, ", same_noun: per") == []


# the amount each after the total, with no "per" word after it
AVERAGE = HOUSE.replace("""      - ","
      - {fig: money, as: per}
      - "@per"
""", """      - {gap: 8}
      - {fig: money, as: per}
""")


def _average_findings(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    return _findings(tmp_path, text, ", same_noun: per", AVERAGE)


def test_same_noun_per_word_before_the_amount(tmp_path: Path) -> None:
    # an amount with no "per" word after it takes the one in the six tokens before it:
    # "el precio medio por tienda, 400.000 euros" counts stores, not the nearer jobs
    text = ("La cadena cerrará 240 tiendas y recortará 3.100 empleos.\n\n"
            "El plan ahorra 96 millones de euros, con un ahorro medio por tienda de 400.000 euros.")
    assert [v for v, _ in _average_findings(tmp_path, text)] == ["consistent"]
    # no "per" word on either side: what the amount itself is followed by, no count of it
    text = ("La cadena cerrará 240 tiendas y recortará 3.100 empleos.\n\n"
            "El plan ahorra 96 millones de euros, con un ahorro de 400.000 euros.")
    assert _average_findings(tmp_path, text) == []


def test_same_noun_reads_the_noun_after_an_elided_de(tmp_path: Path) -> None:
    # "9,6 millions d'adhérents": the apostrophe of "d'" ends no noun; 28,8e6 / 9,6e6 = 3
    text = ("La mutuelle compte 9,6 millions d'adhérents et 4 200 salariés.\n\n"
            "Elle reverse 28,8 millions d'euros, 3 euros par adhérent.")
    assert [v for v, _ in _findings(tmp_path, text, ", same_noun: per")] == ["consistent"]
