"""Rounding-aware interval arithmetic for written figures.

A figure printed as "25,8" does not claim the value 25.8: it claims a value that
rounds to 25.8, i.e. one in [25.75, 25.85]. Checking figures against each other
with point arithmetic would flag every honest rounding as an error, so checks
carry intervals through the computation (as XBRL calculation checks do with
``decimals``) and only call figures inconsistent when the intervals cannot meet.

Bounds are plain floats and may be infinite ("plus de 25" is (25, ∞)). Open ends
exist for comparisons: "more than 25" must not meet an expected [24, 25]. They are
propagated through arithmetic under exact real semantics; the ends themselves are
computed in round-to-nearest floating point, which is monotone, so a result always
contains the floating-point result of the same operation on any members. The
rounding error of the ends (~1e-16 relative) is far below the precision of any
printed figure, so no outward rounding is applied: it would turn every exact point
into a fuzzy interval and make reports harder to read.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

__all__ = [
    "Interval",
    "Amount",
    "UnitMismatch",
    "min_",
    "max_",
    "relative_deviation",
    "nominal_deviation",
]

_INF = math.inf
_MAX = 1.7976931348623157e308  # sys.float_info.max, spelled out to avoid an import


def _fmt(x: float) -> str:
    """Twelve significant digits: enough for any printed figure, short enough to read."""
    if x == _INF:
        return "∞"
    if x == -_INF:
        return "-∞"
    text = f"{x:.12g}"
    return "0" if text == "-0" else text


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of reals ``low..high``; each end closed unless marked open.

    Infinite ends are always stored as open, so that two descriptions of the
    same set compare equal. An empty set is refused at construction: every
    interval stands for at least one value a figure could take.
    """

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        low = float(self.low) + 0.0  # "+ 0.0" folds -0.0 into 0.0 so str() never shows "-0"
        high = float(self.high) + 0.0
        if math.isnan(low) or math.isnan(high):
            raise ValueError("interval ends must be numbers, not NaN")
        if low > high:
            raise ValueError(f"interval low end {low!r} exceeds high end {high!r}")
        low_open, high_open = bool(self.low_open), bool(self.high_open)
        if low == high:
            if low_open or high_open:
                raise ValueError(f"interval at {low!r} with an open end is empty")
        else:
            low_open = low_open or low == -_INF
            high_open = high_open or high == _INF
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "low_open", low_open)
        object.__setattr__(self, "high_open", high_open)

    # -- constructors -------------------------------------------------------

    @classmethod
    def point(cls, x: float) -> Interval:
        """An exact value: constants, rates taken as exact, counts."""
        return cls(x, x)

    @classmethod
    def written(cls, value: float, step: float) -> Interval:
        """The values that round to ``value`` when printed to the digit worth ``step``.

        The half-step is computed in decimal so that "25,8" gives exactly the
        float nearest 25.75, not 25.749999999999996: a stated end that is
        off by one ulp would otherwise miss an expected end it should touch.
        """
        if not step > 0 or math.isinf(step):
            raise ValueError(f"step must be a positive finite number, got {step!r}")
        if math.isinf(value):
            raise ValueError("a written value is finite")
        v, half = Decimal(repr(float(value))), Decimal(repr(float(step))) / 2
        return cls(float(v - half), float(v + half))

    @classmethod
    def entire(cls) -> Interval:
        """Nothing known: what a division by a range containing zero yields."""
        return cls(-_INF, _INF, True, True)

    @staticmethod
    def hull(*intervals: Interval | float) -> Interval:
        """The smallest interval covering all: merges alternative readings of a figure."""
        if not intervals:
            raise ValueError("hull() needs at least one interval")
        ivs = [_as_interval(i) for i in intervals]
        low = min(i.low for i in ivs)
        high = max(i.high for i in ivs)
        low_open = all(i.low_open for i in ivs if i.low == low)
        high_open = all(i.high_open for i in ivs if i.high == high)
        return Interval(low, high, low_open, high_open)

    # -- predicates and measures ---------------------------------------------

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @property
    def mid(self) -> float:
        """A representative value for display.

        For a bounded interval the midpoint, which is the nominal value of a
        written figure; for a half-bounded one the finite end, because "more
        than 25" is best shown as 25; for the entire line 0, as IEEE 1788 does.
        """
        lo_inf, hi_inf = math.isinf(self.low), math.isinf(self.high)
        if lo_inf and hi_inf:
            return self.low if self.is_point else 0.0
        if lo_inf:
            return self.high
        if hi_inf:
            return self.low
        return self.low + (self.high - self.low) / 2  # no overflow for huge ends

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, x: float) -> bool:
        """Membership honouring open ends: 25 is not in (25, ∞)."""
        if x < self.low or x > self.high:
            return False
        if x == self.low and self.low_open:
            return False
        if x == self.high and self.high_open:
            return False
        return True

    def intersects(self, other: Interval | float) -> bool:
        """Whether some value satisfies both: the test for "consistent".

        Touching ends meet only if both are closed there, so "plus de 25"
        does not meet an expected [24, 25].
        """
        o = _as_interval(other)
        low, high = max(self.low, o.low), min(self.high, o.high)
        if low < high:
            return True
        if low > high:
            return False
        return self.contains(low) and o.contains(low)

    def distance(self, other: Interval | float) -> float:
        """Gap between the nearest ends; 0 when they meet or merely touch at open ends."""
        o = _as_interval(other)
        if self.intersects(o):
            return 0.0
        if self.high <= o.low:
            return o.low - self.high
        return self.low - o.high

    # -- arithmetic ------------------------------------------------------------

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low, self.high_open, self.low_open)

    def __pos__(self) -> Interval:
        return self

    def __abs__(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return -self
        # Zero is inside, so the low end is a closed 0; the high end is the farther end.
        top = max(-self.low, self.high)
        top_open = all(o for v, o in ((-self.low, self.low_open), (self.high, self.high_open)) if v == top)
        return Interval(0.0, top, False, top_open)

    def __add__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return _make(
            [(self.low + o.low, self.low_open or o.low_open)],
            [(self.high + o.high, self.high_open or o.high_open)],
        )

    __radd__ = __add__

    def __sub__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return self + (-o)

    def __rsub__(self, other: float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return o + (-self)

    def __mul__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        cands = [
            _mul_end(a, ao, b, bo)
            for a, ao in ((self.low, self.low_open), (self.high, self.high_open))
            for b, bo in ((o.low, o.low_open), (o.high, o.high_open))
        ]
        return _make(cands, cands)

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return _divide(self, o)

    def __rtruediv__(self, other: float) -> Interval:
        o = _coerce(other)
        if o is None:
            return NotImplemented
        return _divide(o, self)

    def __str__(self) -> str:
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        return f"{left}{_fmt(self.low)}, {_fmt(self.high)}{right}"


def _as_interval(x: Interval | float) -> Interval:
    out = _coerce(x)
    if out is None:
        raise TypeError(f"expected an Interval or a number, got {type(x).__name__}")
    return out


def _coerce(x: object) -> Interval | None:
    """Numbers act as exact points so that ``iv * 100`` reads naturally."""
    if isinstance(x, Interval):
        return x
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return Interval(x, x)
    return None


def _make(lows: list[tuple[float, bool]], highs: list[tuple[float, bool]]) -> Interval:
    """Build a result from candidate ends, each with whether it is attained.

    An end is open only if every candidate reaching it is open. NaN ends
    (∞ − ∞ on infinite points) and overflow to a point at infinity fall back to
    the widest sound answer rather than failing.
    """
    lows = [c for c in lows if not math.isnan(c[0])]
    highs = [c for c in highs if not math.isnan(c[0])]
    if not lows or not highs:
        return Interval.entire()
    low = min(v for v, _ in lows)
    high = max(v for v, _ in highs)
    low_open = all(o for v, o in lows if v == low)
    high_open = all(o for v, o in highs if v == high)
    if low == _INF:  # overflow of finite ends: keep a finite, sound low end
        low, low_open = _MAX, False
    if high == -_INF:
        high, high_open = -_MAX, False
    if low == high and (low_open or high_open):
        # Degenerate open result (only from float overflow/underflow): close it, still sound.
        low_open = high_open = False
    return Interval(low, high, low_open, high_open)


def _mul_end(a: float, a_open: bool, b: float, b_open: bool) -> tuple[float, bool]:
    """Product of two ends, with 0 × ∞ = 0 as bounds of sets (not IEEE values) require."""
    if (a == 0 and not a_open) or (b == 0 and not b_open):
        return 0.0, False  # an attained zero makes the product 0 whatever the other factor
    if a == 0 or b == 0:
        return 0.0, True  # approached, never reached
    return a * b, a_open or b_open


def _divide(n: Interval, d: Interval) -> Interval:
    if d.contains(0.0):
        return Interval.entire()
    # d lies wholly on one side of 0; a 0 end of d is then necessarily open.
    cands: list[tuple[float, bool]] = []
    for a, ao in ((n.low, n.low_open), (n.high, n.high_open)):
        for c, co, side in ((d.low, d.low_open, 1.0), (d.high, d.high_open, -1.0)):
            end = _div_end(a, ao, c, co, side)
            if end is not None:
                cands.append(end)
    return _make(cands, cands)


def _div_end(a: float, a_open: bool, c: float, c_open: bool, side: float) -> tuple[float, bool] | None:
    """Quotient of a numerator end by a divisor end, or None when only other corners decide.

    ``side`` is the sign of the divisor when ``c`` is an open 0 end: a low end
    of 0 means the divisor is positive, a high end of 0 that it is negative.
    """
    if a == 0 and not a_open:
        return 0.0, False
    if math.isinf(c):
        if math.isinf(a):
            return None  # ∞/∞: the finite corners bound the result
        return 0.0, True
    if c == 0:
        if a == 0:
            return None  # 0/0 as a limit: the other corners bound the result
        return math.copysign(_INF, a) * side, True
    if math.isinf(a):
        return a / c, True
    return a / c, a_open or c_open


def min_(a: Interval | float, b: Interval | float) -> Interval:
    """The set of ``min(x, y)`` for x in a, y in b: a smallest-of check on ranges."""
    x, y = _as_interval(a), _as_interval(b)
    low = min(x.low, y.low)
    low_open = all(i.low_open for i in (x, y) if i.low == low)
    high = min(x.high, y.high)
    high_open = any(i.high_open for i in (x, y) if i.high == high)
    return Interval(low, high, low_open, high_open)


def max_(a: Interval | float, b: Interval | float) -> Interval:
    """The set of ``max(x, y)`` for x in a, y in b."""
    return -min_(-_as_interval(a), -_as_interval(b))


def relative_deviation(stated: Interval, expected: Interval) -> float:
    """How far a stated range lies outside the expected one, as a signed fraction.

    Computed between the nearest ends, because any value in the stated range
    is something the author could have meant: the deviation is the smallest
    correction that makes the figure right. 0 when the ranges meet; negative
    when the stated range lies below (the figure understates). The fraction is
    of the expected end's magnitude, so for positive values it equals
    ``nearest_stated / nearest_expected - 1``. Ranges that merely touch at an
    open end give 0 too: they are apart by no measurable amount. An expected
    end of 0 gives ±∞.
    """
    if stated.intersects(expected):
        return 0.0
    if stated.high <= expected.low:
        s, e = stated.high, expected.low
    else:
        s, e = stated.low, expected.high
    return _signed_fraction(s, e)


def nominal_deviation(stated_nominal: float, expected_nominal: float) -> float:
    """``stated / expected - 1`` between the printed and the recomputed value.

    This is the number an editor expects to read ("25.8 stated, 26.04 expected,
    −0.9 %"), whereas :func:`relative_deviation` is the one verdicts use. The
    fraction is taken of ``|expected|`` so that the sign always says "stated is
    above" (+) or "below" (−), also for negative values; 0/0 is 0 and x/0 ±∞.
    """
    return _signed_fraction(stated_nominal, expected_nominal)


def _signed_fraction(s: float, e: float) -> float:
    if e == 0:
        return 0.0 if s == 0 else math.copysign(_INF, s)
    return (s - e) / abs(e)


# -- amounts ---------------------------------------------------------------------


class UnitMismatch(ValueError):
    """Raised when an operation would mix units, e.g. adding euros to yuan.

    A ValueError, so that callers treating bad input generically still catch it.
    """


class _FigureLike(Protocol):
    value: float
    low: float
    high: float
    low_open: bool
    high_open: bool
    unit: str | None


@dataclass(frozen=True, slots=True)
class Amount:
    """A quantity flowing through rule expressions: the range, the printed value, the unit.

    The nominal value travels alongside the interval because reports quote
    it ("26.04 bn EUR") while verdicts use the interval; both undergo the same
    operation. Units are opaque strings (ISO 4217 codes, "%", pint names) with
    just enough algebra for conversions: X/X is unitless, X/Y is a rate "X/Y",
    and "X/Y" × Y is X. Anything else that mixes units is refused, since in
    a news article it is almost always a mistake in the rule.
    """

    interval: Interval
    nominal: float
    unit: str | None = None

    @classmethod
    def point(cls, x: float, unit: str | None = None) -> Amount:
        return cls(Interval.point(x), float(x), unit)

    @classmethod
    def written(cls, value: float, step: float, unit: str | None = None) -> Amount:
        return cls(Interval.written(value, step), float(value), unit)

    @classmethod
    def from_figure(cls, figure: _FigureLike) -> Amount:
        """Bridge from extraction: a Figure already carries its range and unit."""
        return cls(
            Interval(figure.low, figure.high, figure.low_open, figure.high_open),
            float(figure.value),
            figure.unit,
        )

    @property
    def low(self) -> float:
        return self.interval.low

    @property
    def high(self) -> float:
        return self.interval.high

    def with_unit(self, unit: str | None) -> Amount:
        return Amount(self.interval, self.nominal, unit)

    def _other(self, other: object) -> Amount | None:
        if isinstance(other, Amount):
            return other
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return Amount.point(other)
        return None

    def _same_unit(self, other: Amount, verb: str) -> str | None:
        if self.unit != other.unit:
            raise UnitMismatch(
                f"cannot {verb} {_unit_name(self.unit)} and {_unit_name(other.unit)}"
                + _hint(self.unit, other.unit)
            )
        return self.unit

    def __add__(self, other: Amount | float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return Amount(self.interval + o.interval, self.nominal + o.nominal, self._same_unit(o, "add"))

    def __radd__(self, other: float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return o + self

    def __sub__(self, other: Amount | float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return Amount(self.interval - o.interval, self.nominal - o.nominal, self._same_unit(o, "subtract"))

    def __rsub__(self, other: float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return o - self

    def __mul__(self, other: Amount | float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return Amount(self.interval * o.interval, self.nominal * o.nominal, _unit_mul(self.unit, o.unit))

    def __rmul__(self, other: float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return o * self

    def __truediv__(self, other: Amount | float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        unit = _unit_div(self.unit, o.unit)
        if o.nominal == 0:
            raise ZeroDivisionError(f"division by zero ({self} / {o})")
        return Amount(self.interval / o.interval, self.nominal / o.nominal, unit)

    def __rtruediv__(self, other: float) -> Amount:
        o = self._other(other)
        if o is None:
            return NotImplemented
        return o / self

    def __neg__(self) -> Amount:
        return Amount(-self.interval, -self.nominal, self.unit)

    def __pos__(self) -> Amount:
        return self

    def __abs__(self) -> Amount:
        return Amount(abs(self.interval), abs(self.nominal), self.unit)

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{_fmt(self.nominal)}{unit} {self.interval}"


def _unit_name(unit: str | None) -> str:
    return "a plain number" if unit is None else repr(unit)


def _hint(a: str | None, b: str | None) -> str:
    if "%" in (a, b):
        return " (use pct(x) to turn a percentage into a fraction, or bare(x) to drop its unit)"
    if a and b:
        return " (convert one side first, e.g. fx(x, unit(y)))"
    return ""


def _split(unit: str) -> tuple[str, str] | None:
    num, sep, den = unit.partition("/")
    return (num, den) if sep else None


def _unit_mul(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    for rate, other in ((a, b), (b, a)):
        parts = _split(rate)
        if parts and parts[1] == other:
            return None if parts[0] == "1" else parts[0]
    raise UnitMismatch(f"cannot multiply {_unit_name(a)} by {_unit_name(b)}" + _hint(a, b))


def _unit_div(a: str | None, b: str | None) -> str | None:
    if b is None:
        return a
    if a == b:
        return None
    if a is None:
        parts = _split(b)
        return f"{parts[1]}/{parts[0]}" if parts and parts[0] != "1" else (parts[1] if parts else f"1/{b}")
    parts = _split(b)
    if parts and parts[0] == a:  # X / (X/Y) = Y
        return parts[1]
    if _split(a) or parts:
        raise UnitMismatch(f"cannot divide {_unit_name(a)} by {_unit_name(b)}")
    return f"{a}/{b}"
