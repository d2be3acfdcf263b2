"""Running the examples that every rule carries, as LanguageTool and Semgrep do.

An example says what one rule must conclude about a short text: a verdict, or
"none" when the rule must stay silent. ``factcheck rules test`` and the test
suite both call ``run_examples``.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import document
from .checks import Rates, check_document
from .rules import Example, Rule


@dataclass(frozen=True)
class Outcome:
    rule: Rule
    example: Example
    verdicts: tuple[str, ...]

    @property
    def passed(self) -> bool:
        if self.example.verdict == "none":
            return not self.verdicts
        return self.example.verdict in self.verdicts

    def describe(self) -> str:
        got = ", ".join(self.verdicts) or "no finding"
        return (f"{self.example.file or self.rule.file}:{self.example.line}: rule '{self.rule.id}': expected {self.example.verdict}, "
                f"got {got}: {self.example.text.strip()[:90]}")


def run_examples(rules: list[Rule] | tuple[Rule, ...], rates: Rates | None = None) -> list[Outcome]:
    rates = rates or Rates()
    out = []
    for rule in rules:
        for ex in rule.examples:
            doc = document.build(f"{ex.file or rule.file}:{ex.line}", ex.text, date=ex.date, date_source="example" if ex.date else None)
            report = check_document(doc, [rule], rates)
            out.append(Outcome(rule, ex, tuple(f.verdict for f in report.findings)))
    return out
