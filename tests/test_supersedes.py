"""A rule's `supersedes: [ids]`: on the same figures, the superseded rules' findings are
dropped, as the superseding rule tells what they tell and more ("exactly 100 %" where they
say "at most")."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import check_text
from factcheck.errors import InputError
from factcheck.rules import load

HOUSE = """rules:
  - id: house-at-most
    title: Shares at most the whole
    languages: all
    collect:
      s: {fig: percent, in: paragraph, min: 2}
    check: {stated: sum(s), relation: "<=", expected: 100}
    message: "{s} add up to {stated}"
  - id: house-exactly
    title: Shares make the whole
    languages: all
    SUPERSEDES
    collect:
      s: {fig: percent, in: paragraph, sentence_has: ["whole"], min: 2}
    check: {stated: sum(s), relation: "==", expected: 100}
    message: "{s} add up to {stated}"
"""


def _findings(tmp_path: Path, text: str, supersedes: str) -> list[tuple[str, str]]:
    folder = tmp_path / str(abs(hash(supersedes)))
    folder.mkdir(exist_ok=True)
    (folder / "house.yaml").write_text(HOUSE.replace("SUPERSEDES", supersedes), encoding="utf-8")
    rules = [r for r in load([str(folder)]) if r.id.startswith("house-")]
    return sorted((f.rule, f.verdict) for f in check_text(text, rules=rules).findings)


def test_superseded_finding_on_the_same_figures_is_dropped(tmp_path: Path) -> None:
    text = "The whole splits into 40% and 50%."
    both = [("house-at-most", "consistent"), ("house-exactly", "inconsistent")]
    assert _findings(tmp_path, text, "readings: ''") == both
    assert _findings(tmp_path, text, "supersedes: [house-at-most]") == [("house-exactly", "inconsistent")]


def test_superseded_finding_on_other_figures_stays(tmp_path: Path) -> None:
    # the superseding rule reads only the sentence naming the whole; the other reads all three
    text = "The whole splits into 40% and 60%. Margins reached 12%."
    got = _findings(tmp_path, text, "supersedes: [house-at-most]")
    assert ("house-exactly", "consistent") in got
    assert ("house-at-most", "inconsistent") in got


def test_supersedes_names_a_known_rule(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(HOUSE.replace("SUPERSEDES", "supersedes: [no-such-rule]"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load([str(tmp_path)])
    assert "house.yaml:12:" in str(err.value) and "field 'supersedes'" in str(err.value)
    assert "no-such-rule" in str(err.value)


SUBSET = """rules:
  - id: house-first-sentence
    title: Shares of one sentence
    languages: all
    collect:
      s: {fig: percent, in: paragraph, sentence_has: ["splits"], min: 2}
    check: {stated: sum(s), relation: "<=", expected: 80}
    message: "{s} add up to {stated}"
  - id: house-all
    title: Shares make the whole
    languages: all
    supersedes: [house-first-sentence]
    collect:
      s: {fig: percent, in: paragraph, sentence_has: ["whole"], min: 2}
    check: {stated: sum(s), relation: "==", expected: 100}
    message: "{s} add up to {stated}"
"""


def test_superseded_finding_on_some_of_the_figures_is_dropped(tmp_path: Path) -> None:
    # the superseding rule reads the three shares, the other two of them: its finding tells
    # those two again ("Nummer zwei" against all the rivals, "vor BHP" against one)
    (tmp_path / "house.yaml").write_text(SUBSET, encoding="utf-8")
    rules = [r for r in load([str(tmp_path)]) if r.id.startswith("house-")]
    text = "The whole splits into 40% and 50%. The whole also holds 10%."
    got = sorted((f.rule, f.verdict) for f in check_text(text, rules=rules).findings)
    assert got == [("house-all", "consistent")]
    # with no superseding finding, the other one stands: 40 + 50 is above 80
    text = "The market splits into 40% and 50%."
    got = sorted((f.rule, f.verdict) for f in check_text(text, rules=rules).findings)
    assert got == [("house-first-sentence", "inconsistent")]
