"""benchmarks/mutations.py: a figure made wrong by machine keeps the text's form, and a
changed figure tied to others comes out `inconsistent` while one tied to nothing does not."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import mutations  # noqa: E402

from factcheck.checks import Rates  # noqa: E402


def test_mutate_changes_the_first_significant_digit_only() -> None:
    text = "revenue of 0,98 milliard and 10,7 milliards, up 62 %"
    s = text.index("0,98")
    assert mutations.mutate(text, s, s + 4) == text.replace("0,98", "0,28")  # 9 → 2
    s = text.index("10,7")
    assert mutations.mutate(text, s, s + 4) == text.replace("10,7", "30,7")
    s = text.index("62")
    assert mutations.mutate(text, s, s + 2) == text.replace("62", "82")
    assert mutations.mutate("la moitié", 0, 9) is None  # no digit: nothing to change


def test_a_tied_figure_is_detected_and_a_lone_one_is_not(tmp_path: Path) -> None:
    # 2,15 / 2,10 − 1 = +2.4 %, "environ 2 %": true. Made "4,10", "4,15" or "4 %" it is
    # off and flagged; the head count, tied to nothing, is not.
    article = {"date": "2024-03-01", "errors": [], "claims": 1, "text": (
        "Dividende en hausse\n\nLe chiffre d'affaires passe de 2,10 milliards d'euros à 2,15 milliards "
        "d'euros, soit une hausse d'environ 2 %. Le groupe emploie 6 400 personnes.\n")}
    path = tmp_path / "fr-test.yaml"
    path.write_text(yaml.safe_dump([article], allow_unicode=True), encoding="utf-8")
    detected, tried = mutations.score(path, False, Rates(), 0)
    assert tried == 4
    assert detected == 3
