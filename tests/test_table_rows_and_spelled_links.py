"""Two primitives for household budgets: a collection's `rows_named_by` takes the rows of a
table of "Item: figure" lines that the clause of a total names ("Stromsteuer, Konzessionsabgabe
und Mehrwertsteuer summieren sich auf …"), and a repeat's link steps over a count written in
words that its slot does not take ("£3 for the two phones and £2 for television")."""
from __future__ import annotations

from collections.abc import Callable

ROWS = """\
rules:
  - id: house-rows
    title: Rows
    languages: all
    blocks: [paragraph]
    pattern:
      - {fig: money, as: total}
    collect:
      parts: {fig: money, in: document, rows_named_by: total, min: 2}
    check: {stated: total, expected: sum(parts)}
    message: "{total} against the rows {parts}"
"""

LIST = """\
rules:
  - id: house-list
    title: List
    languages: all
    pattern:
      - {fig: money, as: total}
      - ":"
      - {gap: 3}
      - {fig: money, as: parts, repeat: 6}
    check: {stated: sum(parts), expected: total}
    message: "the parts {parts} of {total}"
"""

TABLE = "Monthly budget of the family:\nRent: £1,050\nFood: £720\nEnergy: £165\nInsurance: £140\n\n"


def test_rows_named_by_takes_the_rows_the_clause_names(house: Callable) -> None:
    msgs = [f.message for f in house(ROWS, TABLE + "The fixed costs, rent, energy and insurance, come to £1,455 a month.", "en")]
    assert len(msgs) == 1 and "£1,050" in msgs[0] and "£165" in msgs[0] and "£140" in msgs[0] and "£720" not in msgs[0], msgs


def test_rows_named_by_needs_a_table_row(house: Callable) -> None:
    # the same amounts told in a sentence are no rows
    text = "The family pays £1,050 in rent. Energy costs £165 and insurance £140.\n\nRent, energy and insurance come to £1,455 a month."
    assert not [f for f in house(ROWS, text, "en") if "rows" in f.message and "£1,455" in f.message]


def test_rows_named_by_skips_rows_not_named(house: Callable) -> None:
    # only food is named: one row, fewer than the collection needs
    assert not house(ROWS, TABLE + "Food alone takes £720 of it.", "en")


def test_repeat_link_steps_over_a_spelled_count(house: Callable) -> None:
    msgs = [f.message for f in house(LIST, "The rise comes to £8.50: £3.50 for broadband, £3 for the two phones and £2 for television.", "en")]
    assert len(msgs) == 1 and "£2" in msgs[0] and "two" not in msgs[0].split(" of ")[0], msgs
