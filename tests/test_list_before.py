"""A collection's `list_before: true` (the rows of the list right above the total's block, each
a line of its own, however many) and the bullet line with a figure that is a row, not page
furniture, however few its words."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import document
from factcheck.errors import InputError
from factcheck.rules import load_file

HOUSE = """rules:
  - id: house-list
    title: List against its sum
    languages: all
    pattern:
      - {opening: true}
      - "@list_sum_front"
      - {gap: 8}
      - {fig: number, as: total}
    collect:
      parts: {fig: number, in: paragraph, before: total, list_before: true, min: 2}
    check: {stated: sum(parts), expected: total}
    message: "{parts} against {total}"
"""

HEAD = "Westlink grows in all of its markets\n\nThe group counted these customers at the end of December:\n"


def _verdicts(house: Callable, text: str) -> list[str]:
    return [f.verdict for f in house(HOUSE, text, "en")]


def test_list_before_takes_every_row_of_the_list(house: Callable) -> None:
    rows = "- 6.4 million in the UK,\n- 3.1 million in Ireland,\n- 2.2 million in Belgium,\n- 1.0 million in Spain.\n"
    # four rows, whatever their number: 6.4 + 3.1 + 2.2 + 1.0 = 12.7
    assert _verdicts(house, HEAD + rows + "Together, that makes 12.7 million customers.") == ["consistent"]
    assert _verdicts(house, HEAD + rows + "\nTogether, that makes 13.7 million customers.") == ["inconsistent"]


def test_list_before_needs_the_total_to_open_its_paragraph(house: Callable) -> None:
    rows = "- 6.4 million in the UK,\n- 3.1 million in Ireland.\n"
    # a sentence before the total in its paragraph: the sum may be of other figures, none
    assert _verdicts(house, HEAD + rows + "It also sold 2.1 million phones. Together, that makes 9.5 million.") == []
    # one row only: no list
    assert _verdicts(house, HEAD + "- 6.4 million in the UK.\nTogether, that makes 6.4 million.") == []


def test_a_short_bullet_line_with_a_figure_is_a_row() -> None:
    doc = document.build("x", HEAD + "- 3.1 million in Ireland,\n- Read more\n", language="en")
    kinds = {doc.text[b.start:b.end]: b.kind for b in doc.blocks}
    assert kinds["- 3.1 million in Ireland,"] == "paragraph"
    # a short bullet line without a figure stays page furniture
    assert kinds["- Read more"] == "noise"
    assert document.is_list_row("- 3.1 million in Ireland,") and document.is_list_row("Total: £1.35bn")
    assert not document.is_list_row("Together, that makes 12.7 million.")



def test_a_glued_whole_m_beside_decimal_millions_is_millions() -> None:
    from factcheck import figures
    doc = document.build("x", "Netflix adds subscribers\n\nLatin America contributed 46m and Asia-Pacific 45.34m.", language="en")
    assert [(f.text, f.value) for f in figures.scan(doc).figures] == [("46m", 46e6), ("45.34m", 45.34e6)]
    # alone, "46m" may be metres: no figure
    doc = document.build("x", "Tower plans approved\n\nThe council approved a 46m tower beside the station.", language="en")
    assert [f.text for f in figures.scan(doc).figures] == []


BELOW = """rules:
  - id: house-below
    title: List below its total
    languages: all
    pattern:
      - {fig: number, as: total}
    collect:
      parts: {fig: number, in: paragraph, after: total, list_after: true, min: 2}
    where: value(total) > value(max(parts))
    check: {stated: sum(parts), relation: "<=", expected: total}
    message: "{parts} below {total}"
"""

TOP = "Westlink grows in all of its markets\n\n"
ROWS = "- UK: 6.4 million\n- Ireland: 3.1 million\n- Belgium: 2.2 million\n"


def test_list_after_takes_the_rows_below_a_colon(house: Callable) -> None:
    # a line of its own closing on a colon between: 6.4 + 3.1 + 2.2 = 11.7 > 10.7
    assert [f.verdict for f in house(BELOW, TOP + "The group had 10.7 million customers.\n\nCustomers by market:\n" + ROWS, "en")] == ["inconsistent"]
    # the total's paragraph closing on the colon itself
    assert [f.verdict for f in house(BELOW, TOP + "The group had 11.9 million customers. By market:\n" + ROWS, "en")] == ["consistent"]


def test_list_after_needs_the_colon_and_the_total_last(house: Callable) -> None:
    # no colon before the rows: no list of the total's
    assert house(BELOW, TOP + "The group had 10.7 million customers.\n" + ROWS, "en") == []
    # a figure told after the total in its paragraph: the list may be of that one (and that
    # one, smaller than a row, is no total either)
    assert house(BELOW, TOP + "The group had 10.7 million customers and 2.5 million shops.\n\nBy market:\n" + ROWS, "en") == []


@pytest.mark.parametrize(("key", "slot"), [("list_before", "before"), ("list_after", "after")])
def test_a_list_key_needs_its_slot(tmp_path: Path, key: str, slot: str) -> None:
    # a rule file naming the key without the slot it lists from stops with the key's place
    path = tmp_path / "bad.yaml"
    path.write_text((HOUSE if key == "list_before" else BELOW).replace(f"{slot}: total, {key}", key), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_file(path)
    assert f"collect.parts.{key}" in str(err.value)


HEADING = """rules:
  - id: house-heading
    title: Rows after a heading
    languages: all
    pattern:
      - "@split_heading"
      - {gap: 14, stop: [".", ";"]}
      - ":"
    collect:
      s: {fig: percent, unit: "%", sign: unsigned, rows_after: true, min: 2}
    check: {stated: sum(s), relation: "<=", expected: 100}
    message: "{s}"
"""


def test_rows_after_takes_the_rows_right_below_a_heading_closing_on_a_colon(house: Callable) -> None:
    rows = "- hypermarchés : 45 % des ventes ;\n- supermarchés : 31 % ;\n- proximité : 19 % ;\n- e-commerce : 10 %.\n"
    head = "Carrefour France stable\n\nLa répartition par format reste dominée par les grandes surfaces :\n"
    # 45 + 31 + 19 + 10 = 105 > 100
    found = house(HEADING, head + rows, "fr")
    assert [f.verdict for f in found] == ["inconsistent"]
    text = head + rows
    assert [text[a:b] for a, b in found[0].spans] == ["45 %", "31 %", "19 %", "10 %"]
    # a line between the heading and the rows: no list of that heading
    assert house(HEADING, head + "Les chiffres ont été publiés mercredi par le groupe.\n" + rows, "fr") == []
    # the heading not closing on a colon names no rows
    assert house(HEADING, head.replace(" :\n", ".\n") + rows, "fr") == []


def test_rows_after_needs_a_pattern(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(HEADING.replace('    pattern:\n      - "@split_heading"\n      - {gap: 14, stop: [".", ";"]}\n      - ":"\n', ""), encoding="utf-8")
    with pytest.raises(InputError, match="rows_after"):
        load_file(path)


def test_a_short_heading_closing_on_a_colon_above_a_row_is_text() -> None:
    doc = document.build("x", "Grocers\n\nKantar published its figures.\n\nMarket shares:\n- Tesco: 27.6%\n- Asda: 12.6%\n", language="en")
    kinds = {doc.text[b.start:b.end]: b.kind for b in doc.blocks}
    assert kinds["Market shares:"] == "paragraph"
    # the same line with no row right below (page furniture, "Share:") stays noise
    doc = document.build("x", "Grocers\n\nKantar published its figures.\n\nShare:\nTwitter Facebook\n", language="en")
    assert {doc.text[b.start:b.end]: b.kind for b in doc.blocks}["Share:"] == "noise"


def test_rows_after_a_short_heading(house: Callable) -> None:
    # 27.6 + 25.0 + 22.6 + 20.2 + 8.7 = 104.1 > 100
    text = "Grocers\n\nKantar published its figures.\n\nMarket shares:\n- Tesco: 27.6%\n- Sainsbury's: 25.0%\n- Asda: 22.6%\n- Aldi: 20.2%\n- Morrisons: 8.7%\n"
    assert [f.verdict for f in house(HEADING, text, "en")] == ["inconsistent"]
