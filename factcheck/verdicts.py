"""Verdict names and their order of gravity.

Kept in one place because the CLI's ``--fail-on``, the report's grouping and the
summary all rank verdicts the same way.
"""
from __future__ import annotations

CONSISTENT = "consistent"
APPROXIMATE = "approximate"
INCONSISTENT = "inconsistent"
UNVERIFIABLE = "unverifiable"
DERIVED = "derived"

#: Most serious first: the report lists findings in this order.
ORDER: tuple[str, ...] = (INCONSISTENT, APPROXIMATE, UNVERIFIABLE, DERIVED, CONSISTENT)

#: What ``--fail-on LEVEL`` lets through: a finding fails the run when its
#: verdict is in FAILING[LEVEL].
FAILING: dict[str, frozenset[str]] = {
    "inconsistent": frozenset({INCONSISTENT}),
    "approximate": frozenset({INCONSISTENT, APPROXIMATE}),
    "never": frozenset(),
}
