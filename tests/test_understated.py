"""`check.understated`: a headline's round factor may say less than the change, not more.

The figures: 27.7 / 12.8 = ×2.16 ("doubles", 8 % short: within 10 %), 31.7 / 12.8 = ×2.48
(19 % short: no), 1.79 / 3.21 = ×0.558 against "halves" (0.5, the change is smaller: the
factor says more than the change, so the 5 % tolerance alone applies), 1.50 / 3.21 = ×0.467
("halves" says less than a 53 % fall: within 10 % on the reciprocal, 2.14 against 2).
"""
from __future__ import annotations

import pytest

from factcheck.checks import check_text


def _verdict(text: str) -> str | None:
    found = [f for f in check_text(text).findings if f.rule.startswith("headline-multiplier")]
    return found[0].verdict if found else None


@pytest.mark.parametrize(("headline", "body", "verdict"), [
    ("Petrolia profit doubles to $28bn", "Underlying profit rose from $12.8bn in 2021 to $27.7bn in 2022.", "approximate"),
    ("Petrolia profit doubles to $32bn", "Underlying profit rose from $12.8bn in 2021 to $31.7bn in 2022.", "inconsistent"),
    ("Petrolia profit nearly doubles", "Underlying profit rose from $12.8bn in 2021 to $27.7bn in 2022.", "inconsistent"),
    ("Petrolia halves its profit", "Net profit fell to $1.79bn from $3.21bn.", "inconsistent"),
    ("Petrolia halves its profit", "Net profit fell to $1.50bn from $3.21bn.", "approximate"),
])
def test_round_factor_may_understate(headline: str, body: str, verdict: str) -> None:
    assert _verdict(f"{headline}\n\n{body}\n") == verdict


def test_understated_step_says_why() -> None:
    text = "Petrolia profit doubles to $28bn\n\nUnderlying profit rose from $12.8bn in 2021 to $27.7bn in 2022.\n"
    f = next(f for f in check_text(text).findings if f.rule == "headline-multiplier-vs-body")
    assert any("says less than the change" in s for s in f.steps)
