"""Rules: every built-in rule's examples pass, and malformed rules fail with file, line and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks import Rates
from factcheck.errors import InputError
from factcheck.rules import load, load_file
from factcheck.ruletest import run_examples

RULES = load()


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in RULES:
        verdicts = {e.verdict for e in rule.examples}
        assert verdicts, f"{rule.id} has no examples"
        if rule.check is not None:
            assert "inconsistent" in verdicts or "unverifiable" in verdicts, f"{rule.id} has no failing example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule) -> None:
    failures = [o.describe() for o in run_examples([rule], Rates()) if not o.passed]
    assert not failures, "\n".join(failures)


BAD = [
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: 'a +'}\n",
     5, "check.expected"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: cash, as: a}]\n    check: {stated: a, expected: a}\n",
     4, "pattern[0].fig"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: b}\n",
     5, "check.expected"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}, '@nosuchclass']\n    check: {stated: a, expected: a}\n",
     4, "pattern"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    derive: {value: a.unit}\n",
     5, "derive.value"),
    ("rules:\n  - id: x\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a}\n", 2, "title"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a, tolerance: lots}\n",
     5, "check.tolerance"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    check: {stated: a, expected: a}\n    colour: red\n",
     6, "colour"),
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}\n", 5, "invalid YAML"),
    # a misspelt pick key is an error, not a silently wider pick
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, preceeded_by: [contre]}\n"
     "    check: {stated: a, expected: b}\n", 6, "with.b.preceeded_by"),
    # a slot's not_after lists word classes, not free words
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a, not_after: [contre]}]\n"
     "    check: {stated: a, expected: a}\n", 4, "pattern[0].not_after"),
    # a figure that must be absent is never bound, so no expression may use it
    ("rules:\n  - id: x\n    title: X\n    pattern: [{fig: money, as: a}]\n    with:\n      b: {fig: money, absent: true}\n"
     "    check: {stated: a, expected: b}\n", 7, "check.expected"),
]


@pytest.mark.parametrize("source,line,field", BAD)
def test_malformed_rule_names_file_line_field(tmp_path: Path, source: str, line: int, field: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_file(path)
    msg = str(err.value)
    assert msg.startswith(f"{path}:{line}:"), msg
    assert field in msg
    assert "\n" not in msg


def test_user_rule_folder_extends_builtin(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text(
        "rules:\n"
        "  - id: house-max-amount\n"
        "    title: Amount above the house limit\n"
        "    languages: [fr]\n"
        "    pattern: [{fig: money, as: a}]\n"
        "    where: unit(a) == \"EUR\"\n"
        "    check: {stated: a, relation: '<=', expected: 1000000000}\n"
        "    examples:\n"
        "      - {text: \"Le budget atteint 2 milliards d'euros.\", verdict: inconsistent}\n"
        "      - {text: \"Le budget atteint 2 millions d'euros.\", verdict: consistent}\n",
        encoding="utf-8",
    )
    rules = load([str(tmp_path)])
    assert "house-max-amount" in {r.id for r in rules}
    assert len(rules) == len(RULES) + 1
    mine = [r for r in rules if r.id == "house-max-amount"]
    assert all(o.passed for o in run_examples(mine))
