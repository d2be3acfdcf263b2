"""A collection takes no duration ("après deux années de forte inflation" is a time, no
amount of a list) unless its `unit` names one (rules/README.md, Collections)."""
from __future__ import annotations

from pathlib import Path

from factcheck.checks import check_text
from factcheck.rules import load

HOUSE = """rules:
  - id: house-amounts
    title: Amounts of a paragraph
    languages: all
    collect:
      a: {fig: [money, quantity], in: paragraph, min: 2}
    check: {stated: len(a), expected: 2}
    message: "{a}: {stated}"
  - id: house-durations
    title: Durations of a paragraph
    languages: all
    collect:
      d: {fig: quantity, unit: [year], in: paragraph, min: 1}
    check: {stated: len(d), expected: 1}
    message: "{d}: {stated}"
"""


def _findings(tmp_path: Path, text: str) -> dict[str, tuple[str, str]]:
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    rules = [r for r in load([str(tmp_path)]) if r.id.startswith("house-")]
    report = check_text(text, language="fr", rules=rules)
    return {f.rule: (f.verdict, f.message) for f in report.findings}


def test_collection_skips_a_duration(tmp_path: Path) -> None:
    text = ("Les lycées reçoivent 900 millions d'euros et l'économie 700 millions d'euros, "
            "après deux années de forte inflation.")
    found = _findings(tmp_path, text)
    # the two amounts alone: the duration is no item of the list
    assert found["house-amounts"][0] == "consistent"


def test_collection_naming_a_duration_unit_takes_it(tmp_path: Path) -> None:
    text = "Les lycées reçoivent 900 millions d'euros, après deux années de forte inflation."
    found = _findings(tmp_path, text)
    assert found["house-durations"][0] == "consistent"
