"""Interval arithmetic must be sound (never lose a value a figure could take)
and must honour open ends (a hedged "more than 25" does not meet 25)."""
from __future__ import annotations

import math
import operator
from dataclasses import FrozenInstanceError
from typing import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.intervals import (
    Amount,
    Interval,
    UnitMismatch,
    max_,
    min_,
    nominal_deviation,
    relative_deviation,
)

INF = math.inf

# -- strategies ------------------------------------------------------------------

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw: st.DrawFn, allow_inf: bool = True) -> Interval:
    a, b = sorted((draw(finite), draw(finite)))
    if allow_inf and draw(st.integers(0, 5)) == 0:
        a = -INF
    if allow_inf and draw(st.integers(0, 5)) == 0:
        b = INF
    lo_open = draw(st.booleans()) and a < b
    hi_open = draw(st.booleans()) and a < b
    return Interval(a, b, lo_open, hi_open)


@st.composite
def interval_and_member(draw: st.DrawFn, allow_inf: bool = True) -> tuple[Interval, float]:
    iv = draw(intervals(allow_inf))
    lo = iv.low if math.isfinite(iv.low) else (iv.high if math.isfinite(iv.high) else 0.0) - 1e6
    hi = iv.high if math.isfinite(iv.high) else lo + 2e6
    t = draw(st.floats(0, 1))
    x = min(max(lo + t * (hi - lo), lo), hi)
    assume(iv.contains(x))
    return iv, x


@st.composite
def int_interval_and_member(draw: st.DrawFn) -> tuple[Interval, int]:
    """Small integers keep +, -, * exact in floats, so open ends can be tested strictly."""
    a, b = sorted((draw(st.integers(-1000, 1000)), draw(st.integers(-1000, 1000))))
    lo_open = draw(st.booleans()) and a < b
    hi_open = draw(st.booleans()) and a < b
    iv = Interval(a, b, lo_open, hi_open)
    x = draw(st.integers(a, b))
    assume(iv.contains(x))
    return iv, x


def closure_contains(iv: Interval, x: float) -> bool:
    return iv.low <= x <= iv.high


OPS: dict[str, Callable[[object, object], object]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
}

# -- construction and display ---------------------------------------------------------


def test_written_is_round_to_nearest_range() -> None:
    iv = Interval.written(25.8, 0.1)
    assert (iv.low, iv.high) == (25.75, 25.85)
    assert str(iv) == "[25.75, 25.85]"
    assert Interval.written(62, 1) == Interval(61.5, 62.5)
    assert Interval.written(200e9, 1e9) == Interval(199.5e9, 200.5e9)


def test_written_rejects_bad_step() -> None:
    for step in (0, -0.1, INF, math.nan):
        with pytest.raises(ValueError):
            Interval.written(1.0, step)


def test_str_shows_open_and_infinite_ends() -> None:
    assert str(Interval(25, INF, low_open=True)) == "(25, ∞)"
    assert str(Interval(-INF, 3)) == "(-∞, 3]"
    assert str(Interval.point(-0.0)) == "[0, 0]"


def test_infinite_ends_are_normalised_to_open() -> None:
    assert Interval(0, INF) == Interval(0, INF, high_open=True)
    assert not Interval(0, INF).contains(INF)


@pytest.mark.parametrize(
    "args",
    [(2, 1), (math.nan, 1), (1, 1, True, False), (1, 1, False, True)],
)
def test_invalid_or_empty_intervals_are_refused(args: tuple) -> None:
    with pytest.raises(ValueError):
        Interval(*args)


def test_interval_is_frozen() -> None:
    iv = Interval(1, 2)
    with pytest.raises(FrozenInstanceError):
        iv.low = 0  # type: ignore[misc]


def test_mid_width_is_point() -> None:
    assert Interval(1, 3).mid == 2
    assert Interval(25, INF, True).mid == 25
    assert Interval(-INF, 4).mid == 4
    assert Interval.entire().mid == 0
    assert Interval(1, 3).width == 2
    assert Interval(1, INF).width == INF
    assert Interval.point(5).is_point and not Interval(1, 2).is_point


# -- open-end semantics ------------------------------------------------------------------


def test_more_than_25_does_not_meet_up_to_25() -> None:
    more_than_25 = Interval(25, INF, low_open=True)
    assert not more_than_25.intersects(Interval(24, 25))
    assert not Interval(24, 25).intersects(more_than_25)
    assert more_than_25.intersects(Interval(24, 25.01))
    assert Interval(25, INF).intersects(Interval(24, 25))
    assert not more_than_25.contains(25)
    assert more_than_25.contains(25.000001)


def test_touching_closed_ends_meet() -> None:
    assert Interval(1, 2).intersects(Interval(2, 3))
    assert not Interval(1, 2, high_open=True).intersects(Interval(2, 3))
    assert not Interval(1, 2).intersects(Interval(2, 3, low_open=True))
    assert Interval(1, 2).intersects(2.0)


@given(intervals(), intervals())
def test_intersects_is_symmetric(a: Interval, b: Interval) -> None:
    assert a.intersects(b) == b.intersects(a)


@given(int_interval_and_member(), int_interval_and_member())
def test_intersects_iff_a_common_member_exists(ax: tuple, by: tuple) -> None:
    a, b = ax[0], by[0]
    ends = sorted({a.low, a.high, b.low, b.high})
    candidates = ends + [(p + q) / 2 for p, q in zip(ends, ends[1:])]
    common = any(a.contains(p) and b.contains(p) for p in candidates)
    assert a.intersects(b) == common


@given(int_interval_and_member(), int_interval_and_member(), st.sampled_from(["+", "-", "*"]))
def test_exact_ops_keep_members_strictly_inside(ax: tuple, by: tuple, op: str) -> None:
    """With exact arithmetic, open ends must still contain every result (not just the closure)."""
    (a, x), (b, y) = ax, by
    assert OPS[op](a, b).contains(OPS[op](x, y))


@given(int_interval_and_member(), int_interval_and_member())
def test_exact_min_max_abs_neg_keep_members(ax: tuple, by: tuple) -> None:
    (a, x), (b, y) = ax, by
    assert min_(a, b).contains(min(x, y))
    assert max_(a, b).contains(max(x, y))
    assert abs(a).contains(abs(x))
    assert (-a).contains(-x)
    assert Interval.hull(a, b).contains(x) and Interval.hull(a, b).contains(y)


def test_open_ends_propagate_through_arithmetic() -> None:
    more_than_25 = Interval(25, INF, low_open=True)
    assert more_than_25 + 1 == Interval(26, INF, low_open=True)
    assert more_than_25 * 2 == Interval(50, INF, low_open=True)
    assert not (more_than_25 * 2).contains(50)
    assert -more_than_25 == Interval(-INF, -25, high_open=True)
    assert more_than_25 / 5 == Interval(5, INF, low_open=True)


def test_open_zero_times_unbounded() -> None:
    assert Interval(0, 1, low_open=True) * Interval(1, INF) == Interval(0, INF, True, True)
    assert Interval(0, 1) * Interval(1, INF) == Interval(0, INF, False, True)


# -- soundness -------------------------------------------------------------------------


@settings(max_examples=300)
@given(interval_and_member(), interval_and_member(), st.sampled_from(sorted(OPS)))
def test_binary_ops_are_sound(ax: tuple, by: tuple, op: str) -> None:
    (a, x), (b, y) = ax, by
    if op == "/" and y == 0:
        assert (a / b) == Interval.entire()
        return
    result = OPS[op](a, b)
    assert closure_contains(result, OPS[op](x, y)), (a, x, b, y, result)


@given(interval_and_member(), st.floats(-1e6, 1e6), st.sampled_from(sorted(OPS)))
def test_ops_with_plain_floats_on_both_sides(ax: tuple, c: float, op: str) -> None:
    a, x = ax
    assume(not (op == "/" and (c == 0 or x == 0)))
    assert closure_contains(OPS[op](a, c), OPS[op](x, c))
    assert closure_contains(OPS[op](c, a), OPS[op](c, x))


@given(interval_and_member(), interval_and_member())
def test_unary_and_extremes_are_sound(ax: tuple, by: tuple) -> None:
    (a, x), (b, y) = ax, by
    assert (-a).contains(-x)
    assert abs(a).contains(abs(x))
    assert min_(a, b).contains(min(x, y))
    assert max_(a, b).contains(max(x, y))


def test_multiplication_takes_all_four_products() -> None:
    assert Interval(-2, 3) * Interval(-5, 4) == Interval(-15, 12)
    assert Interval(-2, -1) * Interval(-5, -4) == Interval(4, 10)


def test_inf_times_zero_is_zero() -> None:
    assert Interval.point(0) * Interval(1, INF) == Interval.point(0)
    assert Interval.point(0) * Interval.entire() == Interval.point(0)


def test_division_by_range_containing_zero_is_everything() -> None:
    assert Interval(1, 2) / Interval(-1, 1) == Interval.entire()
    assert Interval(1, 2) / 0 == Interval.entire()
    assert Interval(1, 2) / Interval(0, 1) == Interval.entire()


def test_division_by_range_with_open_zero_end() -> None:
    assert Interval(1, 2) / Interval(0, 1, low_open=True) == Interval(1, INF, False, True)
    assert Interval(1, 2) / Interval(-1, 0, high_open=True) == Interval(-INF, -1, True, False)
    assert Interval(1, 2) / Interval(4, INF) == Interval(0, 0.5, True, False)


def test_infinite_point_arithmetic_falls_back_soundly() -> None:
    inf_point = Interval.point(INF)
    assert inf_point + Interval.point(-INF) == Interval.entire()
    big = Interval.point(1e200) * Interval.point(1e200)
    assert big.low > 1e300 and big.high == INF


def test_hull() -> None:
    assert Interval.hull(Interval(1, 2), Interval(5, 6, high_open=True), 0.5) == Interval(0.5, 6, False, True)
    assert Interval.hull(Interval(1, 2, low_open=True), Interval(1, 3)) == Interval(1, 3)
    with pytest.raises(ValueError):
        Interval.hull()


def test_min_max_open_ends() -> None:
    assert min_(Interval(1, 5, high_open=True), Interval(2, 5)) == Interval(1, 5, False, True)
    # max(x, y) = 1 needs x = 1, which (1, 5] excludes.
    assert max_(Interval(1, 5, low_open=True), Interval(1, 4)) == Interval(1, 5, True, False)
    assert max_(Interval(1, 5, low_open=True), Interval(2, 4)) == Interval(2, 5)
    assert max_(Interval(1, 5, low_open=True), Interval(1, 4, low_open=True)) == Interval(1, 5, True, False)


def test_abs_straddling_zero() -> None:
    assert abs(Interval(-3, 2)) == Interval(0, 3)
    assert abs(Interval(-3, 3, True, False)) == Interval(0, 3)
    assert abs(Interval(-3, 3, True, True)) == Interval(0, 3, False, True)
    assert abs(Interval(-5, -2)) == Interval(2, 5)


# -- distances and deviations ---------------------------------------------------------


def test_distance() -> None:
    assert Interval(1, 2).distance(Interval(1.5, 4)) == 0
    assert Interval(1, 2).distance(Interval(5, 6)) == 3
    assert Interval(5, 6).distance(Interval(1, 2)) == 3
    assert Interval(25, INF, True).distance(Interval(24, 25)) == 0


@given(intervals(allow_inf=False), intervals(allow_inf=False))
def test_distance_is_symmetric_and_zero_iff_meeting_or_touching(a: Interval, b: Interval) -> None:
    assert a.distance(b) == b.distance(a) >= 0
    if a.intersects(b):
        assert a.distance(b) == 0
    elif a.distance(b) == 0:
        assert a.high == b.low or b.high == a.low


def test_relative_deviation_on_the_seed_conversion() -> None:
    # 200 bn yuan at 7.6819 is 26.04 bn euros; the article says 25.8 bn.
    expected = Interval.written(200e9, 1e9) / 7.6819
    stated = Interval.written(25.8e9, 0.1e9)
    dev = relative_deviation(stated, expected)
    assert dev == pytest.approx(25.85e9 / expected.low - 1)
    assert -0.005 < dev < 0  # the near ends are 0.46 % apart, stated below
    assert nominal_deviation(25.8, 200 / 7.6819) == pytest.approx(-0.0090, abs=5e-4)


def test_relative_deviation_signs_and_zero() -> None:
    assert relative_deviation(Interval(110, 120), Interval(90, 100)) == pytest.approx(0.1)
    assert relative_deviation(Interval(80, 90), Interval(100, 110)) == pytest.approx(-0.1)
    assert relative_deviation(Interval(95, 120), Interval(90, 100)) == 0
    # Negative expected values: below is still negative.
    assert relative_deviation(Interval(-5, -4), Interval(-2, -1)) == pytest.approx(-1.0)
    assert relative_deviation(Interval(1, 2), Interval(-1, 0)) == INF


@given(intervals(allow_inf=False), intervals(allow_inf=False))
def test_relative_deviation_sign_follows_position(stated: Interval, expected: Interval) -> None:
    dev = relative_deviation(stated, expected)
    if stated.intersects(expected):
        assert dev == 0
    elif stated.high <= expected.low and stated.high < expected.low:
        assert dev < 0
    elif stated.low > expected.high:
        assert dev > 0


def test_nominal_deviation() -> None:
    assert nominal_deviation(110, 100) == pytest.approx(0.1)
    assert nominal_deviation(-110, -100) == pytest.approx(-0.1)
    assert nominal_deviation(0, 0) == 0
    assert nominal_deviation(1, 0) == INF


# -- amounts ---------------------------------------------------------------------------


def cny(value: float, step: float) -> Amount:
    return Amount.written(value, step, "CNY")


def test_amount_conversion_example() -> None:
    a = Amount(Interval(199.5e9, 200.5e9), 200e9, "CNY")
    r = a / 7.6819
    assert r.unit == "CNY"  # dividing by a plain number keeps the unit; fx() relabels
    assert r.nominal == pytest.approx(26.035e9, rel=1e-4)
    assert r.interval.low == pytest.approx(25.97e9, rel=1e-3)
    assert r.interval.high == pytest.approx(26.10e9, rel=1e-3)


def test_amount_add_requires_equal_units() -> None:
    total = cny(10.7, 0.1) + cny(6.6, 0.1)
    assert total.unit == "CNY" and total.nominal == pytest.approx(17.3)
    assert total.interval == Interval(10.65, 10.75) + Interval(6.55, 6.65)
    assert (Amount.point(1) + Amount.point(2)).nominal == 3
    with pytest.raises(UnitMismatch, match="'CNY' and 'EUR'"):
        cny(1, 1) + Amount.point(1, "EUR")
    with pytest.raises(UnitMismatch, match="plain number"):
        cny(1, 1) - 1
    with pytest.raises(UnitMismatch, match="pct"):
        1 + Amount.point(5, "%")
    assert issubclass(UnitMismatch, ValueError)


def test_amount_mul_div_units() -> None:
    eur = Amount.point(25.8, "EUR")
    assert (eur * 2).unit == "EUR" and (2 * eur).unit == "EUR"
    assert (eur / Amount.point(2)).unit == "EUR"
    assert (eur / eur).unit is None
    rate = cny(200, 1) / eur
    assert rate.unit == "CNY/EUR"
    assert (rate * eur).unit == "CNY" and (eur * rate).unit == "CNY"
    assert (cny(200, 1) / rate).unit == "EUR"
    assert (1 / rate).unit == "EUR/CNY"
    with pytest.raises(UnitMismatch):
        eur * Amount.point(3, "%")


def test_amount_nominal_follows_the_same_operation() -> None:
    a = Amount.written(10.7, 0.1, "CNY")
    p = Amount.written(1.62, 0.005)
    base = a / p
    assert base.nominal == pytest.approx(10.7 / 1.62)
    assert base.interval.contains(base.nominal)
    assert (-a).nominal == -10.7 and abs(-a).nominal == 10.7
    assert abs(-a).interval == a.interval


def test_amount_division_by_zero_nominal_raises() -> None:
    with pytest.raises(ZeroDivisionError):
        Amount.point(1) / 0


def test_amount_from_figure() -> None:
    from factcheck.model import Figure

    fig = Figure(
        id="f1", start=0, end=11, text="plus de 25", kind="number", value=25.0,
        low=25.0, high=INF, low_open=True,
    )
    amount = Amount.from_figure(fig)
    assert amount.interval == Interval(25, INF, True, True)
    assert amount.nominal == 25 and amount.unit is None


@given(interval_and_member(allow_inf=False), interval_and_member(allow_inf=False), st.sampled_from(sorted(OPS)))
def test_amount_interval_contains_nominal_result(ax: tuple, by: tuple, op: str) -> None:
    (a, x), (b, y) = ax, by
    assume(not (op == "/" and y == 0))
    r = OPS[op](Amount(a, x, "EUR"), Amount(b, y, "EUR" if op in "+-" else None))
    assert closure_contains(r.interval, r.nominal)
