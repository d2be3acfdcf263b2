"""Figures as an editor reads them: "26.04 bn EUR", "62 %", "[25.97 bn, 26.10 bn]".

Findings quote computed values in one neutral notation whatever the article's
language, with four significant digits: enough to see a 0.5 % gap, short enough
to read on deadline.
"""
from __future__ import annotations

import math

from .intervals import Amount, Interval

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def number(x: float, digits: int = 4) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0:
        return "0"
    for mult, word in _SCALES:
        if abs(x) >= mult:
            return f"{_sig(x / mult, digits)} {word}"
    return _sig(x, digits)


def _sig(x: float, digits: int) -> str:
    if abs(x) >= 10 ** digits:
        text = f"{x:,.0f}"
    else:
        text = f"{x:.{digits}g}"
        if "e" in text:
            text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def unit_suffix(unit: str | None) -> str:
    if unit is None:
        return ""
    if unit == "%":
        return " %"
    if unit == "pp":
        return " pp"
    return f" {unit}"


def amount(a: Amount, digits: int = 4) -> str:
    if a.unit == "x":  # a multiplier: "doubled" is ×2
        return "×" + number(a.nominal, digits)
    return number(a.nominal, digits) + unit_suffix(a.unit)


def interval(iv: Interval, unit: str | None = None) -> str:
    lo = "(" if iv.low_open else "["
    hi = ")" if iv.high_open else "]"
    # "15.000 millones" stands for [14.9995 bn, 15.0005 bn): shown with four digits it
    # would read "[15 bn, 15 bn)", so a narrow interval takes the digits that tell its ends apart
    digits = 4
    while digits < 8 and iv.low != iv.high and number(iv.low, digits) == number(iv.high, digits):
        digits += 1
    low, high = number(iv.low, digits), number(iv.high, digits)
    if unit == "x":
        return f"{lo}×{low}, ×{high}{hi}"
    return f"{lo}{low}, {high}{hi}{unit_suffix(unit)}"


def percent_change(dev: float) -> str:
    """A deviation as an editor reads it; one that rounds to 0.0 is "±0.0 %", not a
    float's "+0.0 %" (4.6 / 4.0 − 1 is 0.1499999…)."""
    shown = f"{abs(dev) * 100:.1f}"
    sign = "±" if shown == "0.0" else "+" if dev > 0 else "−"
    return f"{sign}{shown} %"
