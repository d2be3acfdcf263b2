"""Planted errors in the articles of benchmarks/accuracy/: floors at what is reached,
so that a rule change that loses catches or adds false alarms fails here.

The articles were written apart from the rules (see benchmarks/accuracy.py); sets A and
B were then used to improve the rules, sets C onwards too after one held-out run
each (every set's first measurement is in benchmarks/accuracy/HISTORY.md). A new set should stay out of the floors (HELD_OUT)
until it has been measured once.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import accuracy  # noqa: E402

from factcheck.checks import Rates  # noqa: E402

CAUGHT_FLOOR = 0.944  # 2,484 of 2,629 planted errors (all planted sets, A to FI) at the time of writing (94.48 %);
# 0.95 until sets CI, CK and CM (measured once at 76 %, 52 % and 72 %) joined; 0.94 from CU (64 %) to CW (76 %),
# 0.945 to DA, 0.95 again to DM, 0.949 for DO (measured once at 44 %), 0.95 again from DQ (48 %), DS (72 %), DU (52 %),
# DW (60 %), DY (72 %), EA (60 %) and EC (48 %); 0.945 from EE (64 %, added at the end of its session, a round on it begun),
# EG (56 %) and EI (72 %, measured mid-session, a short round on it); 0.94 from EK (56 %) and EM (64 %) until their rounds, 0.945 after;
# EO (68 %) and EQ (60 %) kept at 0.945 by the rounds on them in their session; ES (96 %), EU (80 %) and EW (80 %)
# likewise; 0.944 from EY (72 %, measured late in its session, a short round on its true-claims twin EZ only),
# kept through FA (76 %) and FC (64 %), the rounds on them in their session (0.942 for a while, FC's round begun);
# 0.945 after FE (76 %) and FG (80 %) and the rounds on them in their session; 0.944 from FI (72 %, measured
# late in its session, a short round on it: 23 of its 25); back to 0.95 when the stored total passes 95 % again
FALSE_ALARM_CEILING = 0.005  # 12 of 23,076 true claims (the true-claims-only sets R to FJ, and those of the planted-error sets) at the time of writing
HELD_OUT: tuple[str, ...] = ()  # suffixes of sets kept unseen until measured once, e.g. ("-t",)


def test_planted_errors_caught_and_no_false_alarms() -> None:
    rates = Rates()
    caught = planted = alarms = true_claims = 0
    for path in sorted(accuracy.HERE.glob("*.yaml")):
        if HELD_OUT and path.stem.endswith(HELD_OUT):
            continue  # the held-out set keeps its own, lower, measure (see benchmarks/accuracy/HISTORY.md)
        c, p, a, t = accuracy.score(path, False, rates)
        caught, planted, alarms, true_claims = caught + c, planted + p, alarms + a, true_claims + t
    assert planted >= 2504
    assert caught / planted >= CAUGHT_FLOOR, f"{caught}/{planted} planted errors caught"
    assert alarms / true_claims <= FALSE_ALARM_CEILING, f"{alarms}/{true_claims} true claims flagged"
