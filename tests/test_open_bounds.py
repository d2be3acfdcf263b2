"""A finding's expected text when the figure it is read against is an open bound."""
from __future__ import annotations

from factcheck.checks import check_text

TEXT = (
    "Northwind earns more than £5bn\n\n"
    "Northwind reported revenue of more than £5bn last year, of which £3bn came from offshore "
    "wind and £2.2bn from onshore farms.\n"
)


def _by_rule(findings, prefix):
    return [f for f in findings if f.rule.startswith(prefix)]


def test_parts_against_an_open_total_quote_the_bound():
    # £3bn + £2.2bn = £5.2bn, at most "more than £5bn" (5 bn, ∞): consistent. The nominal
    # 5 bn would read "expected at most 5 bn" beside a stated 5.2 bn, the opposite of the verdict.
    report = check_text(TEXT, date="2024-03-01")
    parts = _by_rule(report.findings, "parts")
    assert parts, [f.rule for f in report.findings]
    assert all(f.verdict == "consistent" for f in parts)
    assert parts[0].expected == "at most more than £5bn"


def test_a_headline_bound_against_the_same_bound_quotes_it():
    report = check_text(TEXT, date="2024-03-01")
    head = [f for f in report.findings if "headline" in f.title.lower()]
    assert head and head[0].expected == "more than £5bn"


def test_a_closed_expected_value_stays_computed():
    # 3 + 2.2 = 5.2 against a total of exactly £6bn: inconsistent, expected at most 6 bn
    report = check_text(TEXT.replace("more than £5bn last year", "£6bn last year"), date="2024-03-01")
    parts = _by_rule(report.findings, "parts")
    assert parts and parts[0].expected.startswith(("6 bn", "at most 6 bn")), parts[0].expected
