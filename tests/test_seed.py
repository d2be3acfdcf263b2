"""The seed article (../shared/seed): the figures and the verdicts DESIGN.md promises.

Expected values are computed here from the article's own digits and the embedded
ECB rate (1 EUR = 7.6819 CNY on 2020-04-20), not copied from a run.
"""
from __future__ import annotations

import pytest

import factcheck


def _by_text(figures, text):
    found = [f for f in figures if f.text == text]
    assert found, f"no figure {text!r} in {[f.text for f in figures]}"
    return found[0]


def test_seed_figures(seed_text: str) -> None:
    figs = factcheck.extract(seed_text)
    expected = [
        ("200 milliards de yuans", "money", 200e9, "CNY"),
        ("25,8 milliards d’euros", "money", 25.8e9, "EUR"),
        ("62 %", "percent", 62.0, "%"),
        ("10,7 milliards de yuans", "money", 10.7e9, "CNY"),
        ("10 milliards de yuans", "money", 10e9, "CNY"),
        ("46,4 %", "percent", 46.4, "%"),
        ("18 %", "percent", 18.0, "%"),
        ("8,8 %", "percent", 8.8, "%"),
    ]
    for text, kind, value, unit in expected:
        f = _by_text(figs, text)
        assert (f.kind, f.unit) == (kind, unit)
        assert f.value == pytest.approx(value)
        assert seed_text[f.start:f.end] == text
    conv = _by_text(figs, "25,8 milliards d’euros")
    assert (conv.low, conv.high) == pytest.approx((25.75e9, 25.85e9))
    headline = _by_text(figs, "25 milliards d’euros")
    assert headline.hedge == "more_than" and headline.kind == "money"
    assert headline.low == pytest.approx(25e9) and headline.high == float("inf")
    assert seed_text[headline.start - 8:headline.start] == "plus de "
    clock = seed_text.index("03:00")
    assert not [f for f in figs if f.start <= clock < f.end or clock <= f.start < clock + 5]


def test_seed_caption_is_dutch(seed_text: str) -> None:
    figs_doc = factcheck.check(seed_text, date="2020-04-20").document
    caption = next(b for b in figs_doc.blocks if "grootste" in seed_text[b.start:b.end])
    assert caption.language == "nl"
    assert figs_doc.language == "fr"


def _finding(report, rule_prefix, figure_text=None):
    text = report.document.text
    for f in report.findings:
        if f.rule.startswith(rule_prefix) and (
            figure_text is None or any(text[s:e] == figure_text for s, e in f.spans)
        ):
            return f
    raise AssertionError(f"no finding {rule_prefix} in {[(f.rule, f.verdict) for f in report.findings]}")


def test_seed_verdicts_with_date(seed_text: str) -> None:
    report = factcheck.check(seed_text, date="2020-04-20")
    conv = _finding(report, "fx-")
    assert conv.verdict == "approximate"
    expected = 200e9 / 7.6819  # 26.035e9
    assert conv.deviation == pytest.approx(25.8e9 / expected - 1, abs=1e-4)  # −0.9 %
    assert any("7.6819" in s and "2020-04-20" in s for s in conv.steps)
    assert _finding(report, "headline", "25,8 milliards d’euros").verdict == "consistent"
    base = _finding(report, "rise-to-value")
    assert base.verdict == "derived"
    assert "6.6" in base.expected  # 10.7 / 1.62 = 6.605
    assert _finding(report, "above-threshold").verdict == "consistent"
    shares = _finding(report, "market-shares")
    assert shares.verdict == "consistent"
    assert {report.document.text[s:e] for s, e in shares.spans} == {"46,4 %", "18 %", "8,8 %"}
    assert not [f for f in report.findings if f.verdict == "inconsistent"]


def test_seed_without_date_names_implied_rate(seed_text: str) -> None:
    report = factcheck.check(seed_text)
    conv = _finding(report, "fx-")
    assert conv.verdict == "unverifiable"
    implied = 200e9 / 25.8e9  # 7.752 CNY per EUR
    assert f"{implied:.4g}" in conv.message
    assert any("ECB rate within" in s for s in conv.steps)
