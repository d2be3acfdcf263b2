"""The pruned searches of checks.py (is a figure the sum of others told before it?) must
answer as trying every selection, or walking every run back, does."""
from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks import _half_width, _sum_of_some, _without_subtotals
from factcheck.model import Figure


def _figure(value: float, step: float) -> Figure:
    return Figure(id="f", start=0, end=1, text="x", kind="percent", value=value, low=value - step / 2,
                  high=value + step / 2, unit="%", hedge=None, scale=None, language="en")


def _every_selection(f: Figure, before: list[Figure]) -> bool:
    half = _half_width(f)
    return any(abs(sum(g.value for g in combo) - f.value) <= half + sum(_half_width(g) for g in combo)
               for size in range(2, len(before) + 1) for combo in combinations(before, size))


_steps = st.sampled_from([1.0, 0.1, 0.01])
_values = st.one_of(st.sampled_from([0.0, 0.2, -2.0]), st.floats(-5, 60).map(lambda v: round(v, 2)))
_figures = st.builds(_figure, _values, _steps)


@settings(max_examples=400, deadline=None)
@given(st.lists(_figures, max_size=9), _figures, st.data())
def test_same_answer_as_every_selection(before, f, data):
    if len(before) >= 2 and data.draw(st.booleans()):
        # often a true sum, give or take a rounding
        picked = data.draw(st.lists(st.sampled_from(before), min_size=2, max_size=len(before), unique_by=id))
        f = _figure(round(sum(g.value for g in picked) + data.draw(st.sampled_from([0.0, 0.05, 0.5, 1.2])), 2),
                    data.draw(_steps))
    assert _sum_of_some(f, before) == _every_selection(f, before)


def test_three_shares_and_their_total():
    shares = [_figure(29.0, 1.0), _figure(22.0, 1.0), _figure(14.0, 1.0)]
    assert _sum_of_some(_figure(65.0, 1.0), shares)  # "Samen … goed voor 65 procent"
    assert _sum_of_some(_figure(43.0, 1.0), shares)  # 29 + 14
    assert not _sum_of_some(_figure(80.0, 1.0), shares)
    assert not _sum_of_some(_figure(29.0, 1.0), shares)  # one share alone is no sum


def _subtotals_walking_every_run(figs: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figs:
        total, slack, is_sum = 0.0, _half_width(f), False
        for k, g in enumerate(reversed(out), 1):
            total += g.value
            slack += _half_width(g)
            if k >= 2 and abs(total - f.value) <= slack:
                is_sum = True
                break
        if not is_sum:
            out.append(f)
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(_figures, max_size=12), st.data())
def test_subtotals_stop_early_with_the_same_answer(figs, data):
    # _without_subtotals stops walking back once the run is past the figure; it must keep and
    # drop what walking every run back to the first figure does
    if len(figs) >= 3 and data.draw(st.booleans()):
        k = data.draw(st.integers(2, len(figs) - 1))
        figs = figs[:k] + [_figure(round(figs[k - 1].value + figs[k - 2].value, 2), 1.0)] + figs[k:]
    assert [id(f) for f in _without_subtotals(figs)] == [id(f) for f in _subtotals_walking_every_run(figs)]
