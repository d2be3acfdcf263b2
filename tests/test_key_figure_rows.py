"""Rows of key figures ("Subscribers: 12 million", a label, a colon and its figure): a row is
read however few its words (no page furniture), a row labelled by a counted noun holds a count
(no sum of money left elliptical by the rows before), and its label names what it counts for
`same_noun`; an amount a year after a label's "per" word is per that noun ("Revenue per
subscriber: $300 a year")."""
from __future__ import annotations

from collections.abc import Callable

from factcheck import document
from factcheck.figures import extract

EACH = """rules:
  - id: house-row-each
    title: An amount each
    languages: all
    pattern:
      - "@per"
      - {gap: 3}
      - ":"
      - {fig: money, as: per}
    with:
      n: {fig: number, in: document, position: before, anchor: per, same_noun: per, pick: nearest}
      total: {fig: money, in: document, position: before, anchor: n, pick: nearest, where: "unit(total) == unit(per)"}
    check: {stated: per, expected: total / value(n), tolerance: 2%}
    message: "{per} each as {total} shared by {n}"
"""

ROWS = ("Streamflix reported its results on Thursday. Key figures:\n\n"
        "Revenue: $3.6bn\nSubscribers: 12 million\nNet income: $480m\nRevenue per subscriber: $300 a year\n")


def test_short_rows_are_read() -> None:
    doc = document.build("x", ROWS)
    assert [b.kind for b in doc.blocks][1:] == ["paragraph"] * 4
    # a clock time is no row's figure
    doc = document.build("x", "Prices rose again on Thursday in every region.\n\nUpdated: 14:05\n")
    assert doc.blocks[-1].kind == "noise"


def test_rows_without_colons_are_read_in_a_run() -> None:
    """A table the page ran together ("Humana 18%"): its rows are read when two or more
    stand together; one such line alone stays page furniture."""
    table = ("Insurers gain ground in a concentrated market this year.\n\nMarket share of enrolment, 2022:\n"
             "UnitedHealthcare 28%\nHumana 18%\nBlue Cross Blue Shield affiliates 14%\nAll others 40%\n")
    doc = document.build("x", table, language="en")
    assert [b.kind for b in doc.blocks][-4:] == ["paragraph"] * 4
    assert all(document.is_list_row(table[b.start:b.end]) for b in doc.blocks[-4:])
    alone = document.build("x", "Insurers gain ground in a concentrated market this year.\n\nPage 2\n", language="en")
    assert alone.blocks[-1].kind == "noise"


def test_row_of_a_counted_noun_holds_a_count() -> None:
    kinds = {f.text: f.kind for f in extract(ROWS, language="en")}
    assert kinds["12 million"] == "number"
    assert kinds["$480m"] == "money"


def test_row_label_names_the_count_and_a_year_amount_its_unit(house: Callable) -> None:
    # 3.6e9 / 12e6 = 300, the subscribers of the row, not a year
    got = [(f.verdict, f.message) for f in house(EACH, ROWS, "en")]
    assert got == [("consistent", "$300 each as $3.6bn shared by 12 million")]


def test_rows_written_with_a_bar_are_rows() -> None:
    # a table scraped with bars between label and figure ("Atlantik | 1.742") is read as
    # "Label: figure" rows, its total row against them
    from factcheck.checks import check_text
    from factcheck.document import is_list_row
    assert is_list_row("Atlantik | 1.742") and is_list_row("Gesamt | 12.905")
    assert not is_list_row("Home | News | Economy")
    table = ("Transportmenge nach Fahrtgebieten (in Tsd. TEU)\nAtlantik | 1.742\nTranspazifik | 1.716\n"
             "Fernost | 2.113\nGesamt | 6.571")
    got = [(f.rule, f.verdict) for f in check_text(table, language="de").findings]
    # 1,742 + 1,716 + 2,113 = 5,571, not 6,571
    assert ("parts-of-list-total-row", "inconsistent") in got
